#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>

namespace promdesk::test {

// An HTTP server on 127.0.0.1 that answers from a script, for what a real receiver cannot be made
// to do on demand: fail with 5xx, ask to slow down with 429 + Retry-After, or hang.
class FaultServer final : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        int status = 204;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool hang = false; // accept the request and never answer

        static Answer reply(int code, QByteArray body = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
        {
            return Answer{code, std::move(headers), std::move(body), false};
        }
        static Answer hangs() { return Answer{0, {}, {}, true}; }
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
    // Answers in this order; the last one repeats once the script runs out.
    void script(QList<Answer> answers) { m_script = std::move(answers); }
    [[nodiscard]] const QList<Received> &received() const { return m_received; }

private:
    void onConnection();
    void onData(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Answer> m_script;
    QList<Received> m_received;
    QList<QTcpSocket *> m_hanging;
};

} // namespace promdesk::test
