#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>

namespace promdesk::test {

// An HTTP server on 127.0.0.1 that answers from a script, for what a real receiver cannot be made
// to do on demand: fail with 5xx, ask to slow down with 429 + Retry-After, hang, close the
// connection after reading a request, reset it halfway through the body, answer with a huge body,
// or echo the request back.
class FaultServer final : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        enum class Behaviour {
            Reply,             // status, headers, body
            Hang,              // read the request and never answer
            CloseAfterRequest, // read the whole request, then close the connection without a word
            ResetMidBody,      // read the headers and part of the body, then reset the connection
            Echo,              // answer `status` with the request's head and body as the body
        };
        int status = 204;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        Behaviour behaviour = Behaviour::Reply;
        qint64 hugeBodyBytes = 0; // > 0: a body of this many bytes, written as the client reads it
        int delayMs = 0;          // answer this long after the request was read

        static Answer reply(int code, QByteArray body = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
        {
            return Answer{code, std::move(headers), std::move(body), Behaviour::Reply, 0, 0};
        }
        static Answer delayed(int code, int ms) { return Answer{code, {}, {}, Behaviour::Reply, 0, ms}; }
        static Answer hangs() { return Answer{0, {}, {}, Behaviour::Hang, 0, 0}; }
        static Answer closesAfterRequest() { return Answer{0, {}, {}, Behaviour::CloseAfterRequest, 0, 0}; }
        static Answer resetsMidBody() { return Answer{0, {}, {}, Behaviour::ResetMidBody, 0, 0}; }
        static Answer echoes(int code) { return Answer{code, {}, {}, Behaviour::Echo, 0, 0}; }
        static Answer huge(int code, qint64 bytes) { return Answer{code, {}, {}, Behaviour::Reply, bytes, 0}; }
    };

    struct Received
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 atMs = 0;
        [[nodiscard]] QByteArray header(const QByteArray &name) const;
    };

    FaultServer();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    // Answers in this order; the last one repeats once the script runs out.
    void script(QList<Answer> answers) { m_script = std::move(answers); }
    // Every request read whole (a reset mid-body counts too: its body is what arrived).
    [[nodiscard]] const QList<Received> &received() const { return m_received; }
    // Bytes of huge bodies written so far.
    [[nodiscard]] qint64 hugeBytesWritten() const { return m_hugeBytesWritten; }

private:
    void onConnection();
    void onData(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Answer &answer, const Received &request, const QByteArray &head);
    void writeHuge(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Answer> m_script;
    QList<Received> m_received;
    QList<QTcpSocket *> m_hanging;
    qint64 m_hugeBytesWritten = 0;
};

} // namespace promdesk::test
