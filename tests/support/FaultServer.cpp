#include "FaultServer.h"

#include <QDateTime>
#include <QTimer>

namespace promdesk::test {

QByteArray FaultServer::Received::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

FaultServer::FaultServer()
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::onConnection);
}

void FaultServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
    }
}

void FaultServer::onData(QTcpSocket *socket)
{
    if (socket->property("done").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Received request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.constFirst().trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    const qsizetype received = m_received.size();
    const Answer answer
        = m_script.isEmpty() ? Answer{} : (received < m_script.size() ? m_script.at(received) : m_script.constLast());
    const bool whole = buffer.size() >= headerEnd + 4 + length;
    if (answer.behaviour == Answer::Behaviour::ResetMidBody && length > 0 && buffer.size() > headerEnd + 4) {
        request.body = buffer.mid(headerEnd + 4, length);
        request.atMs = QDateTime::currentMSecsSinceEpoch();
        m_received.append(request);
        socket->setProperty("done", true);
        socket->abort(); // RST: the client sees "connection reset" while it is still sending
        return;
    }
    if (!whole)
        return; // wait for the rest of the body
    request.body = buffer.mid(headerEnd + 4, length);
    request.atMs = QDateTime::currentMSecsSinceEpoch();
    socket->setProperty("buffer", QByteArray());
    m_received.append(request);
    const QByteArray head = buffer.left(headerEnd + 4);
    if (answer.delayMs > 0) {
        QTimer::singleShot(answer.delayMs, socket,
                           [this, socket, answer, request, head] { this->answer(socket, answer, request, head); });
        return;
    }
    this->answer(socket, answer, request, head);
}

void FaultServer::answer(QTcpSocket *socket, const Answer &answer, const Received &request, const QByteArray &head)
{
    switch (answer.behaviour) {
    case Answer::Behaviour::Hang:
        m_hanging.append(socket);
        return;
    case Answer::Behaviour::CloseAfterRequest:
        socket->setProperty("done", true);
        socket->disconnectFromHost();
        return;
    case Answer::Behaviour::ResetMidBody: // a request without a body: reset after it
        socket->setProperty("done", true);
        socket->abort();
        return;
    case Answer::Behaviour::Reply:
    case Answer::Behaviour::Echo:
        break;
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " Scripted\r\n";
    for (const auto &header : answer.headers)
        response += header.first + ": " + header.second + "\r\n";
    const QByteArray body = answer.behaviour == Answer::Behaviour::Echo ? head + request.body : answer.body;
    if (answer.hugeBodyBytes > 0) {
        response += "Content-Length: " + QByteArray::number(answer.hugeBodyBytes) + "\r\nConnection: close\r\n\r\n";
        socket->write(response);
        socket->setProperty("hugeLeft", answer.hugeBodyBytes);
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { writeHuge(socket); });
        writeHuge(socket);
        return;
    }
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
}

void FaultServer::writeHuge(QTcpSocket *socket)
{
    // Only as fast as the client reads: the server itself stays small however big the body is.
    constexpr qint64 kChunk = 64 * 1024;
    qint64 left = socket->property("hugeLeft").toLongLong();
    while (left > 0 && socket->bytesToWrite() < 4 * kChunk && socket->state() == QAbstractSocket::ConnectedState) {
        const qint64 chunk = std::min(left, kChunk);
        socket->write(QByteArray(qsizetype(chunk), 'x'));
        left -= chunk;
        m_hugeBytesWritten += chunk;
    }
    socket->setProperty("hugeLeft", left);
    if (left == 0 && socket->bytesToWrite() == 0)
        socket->disconnectFromHost();
}

} // namespace promdesk::test
