#include "FaultServer.h"

#include <QDateTime>

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
    if (buffer.size() < headerEnd + 4 + length)
        return; // wait for the rest of the body
    request.body = buffer.mid(headerEnd + 4, length);
    request.atMs = QDateTime::currentMSecsSinceEpoch();
    socket->setProperty("buffer", QByteArray());
    const Answer answer = m_script.isEmpty() ? Answer{} : (m_received.size() < m_script.size() ? m_script.at(m_received.size()) : m_script.constLast());
    m_received.append(request);
    if (answer.hang) {
        m_hanging.append(socket);
        return;
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " Scripted\r\n";
    for (const auto &header : answer.headers)
        response += header.first + ": " + header.second + "\r\n";
    response += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace promdesk::test
