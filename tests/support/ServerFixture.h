#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace promdesk::test {

struct HttpResponse
{
    int status = 0; // 0: no answer
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString error;
};

// A blocking HTTP call for tests only (the product code never waits like this).
HttpResponse httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000);

// Starts a real Pushgateway or Prometheus from Debian's packages on a free 127.0.0.1 port with
// storage in a temporary directory, waits until /-/ready answers, and stops it when destroyed.
class ServerFixture
{
public:
    enum class Kind { Pushgateway, Prometheus };

    struct Options
    {
        QStringList extraArguments;
        QByteArray webConfigYaml; // written to a file and passed as --web.config.file
        // With basic auth in the web config: the credentials that make /-/ready answer 200. Without
        // them a 401 only proves the port is open, not that the server is ready.
        QByteArray readyUser;
        QByteArray readyPassword;
        QByteArray prometheusConfigYaml; // Prometheus: its prometheus.yml (default: no scrapes)
    };

    static std::unique_ptr<ServerFixture> start(Kind kind, const Options &options, QString *error);
    static std::unique_ptr<ServerFixture> start(Kind kind, QString *error) { return start(kind, {}, error); }
    ~ServerFixture();

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QUrl url(const QString &path) const;
    [[nodiscard]] QString directory() const { return m_dir.path(); }
    [[nodiscard]] QByteArray output() const;

private:
    ServerFixture() = default;
    bool launch(Kind kind, const Options &options, quint16 port, QString *error);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
};

quint16 freeLoopbackPort();

// A Prometheus that scrapes `gateway` every second (honor_labels as asked), returned once its
// first scrape succeeded: Prometheus applies its targets a few seconds after it starts.
std::unique_ptr<ServerFixture> startScrapingPrometheus(const QUrl &gateway, bool honorLabels, QString *error);

// The `result` array of an instant query (`/api/v1/query`) on a Prometheus.
QJsonArray queryPrometheus(const QUrl &prometheus, const QString &promql);

} // namespace promdesk::test
