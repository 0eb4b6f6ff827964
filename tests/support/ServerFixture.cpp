#include "ServerFixture.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>

#include <csignal>
#endif

namespace promdesk::test {

namespace {
constexpr int kStartAttempts = 3;
constexpr int kReadyTimeoutMs = 15000;
} // namespace

HttpResponse httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] { reply->abort(); });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && response.status == 0)
        response.error = reply->errorString();
    reply->deleteLater();
    return response;
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QUrl ServerFixture::url(const QString &path) const
{
    QUrl u = m_baseUrl;
    u.setPath(u.path() + path);
    return u;
}

QByteArray ServerFixture::output() const
{
    return m_process ? m_process->readAll() : QByteArray();
}

std::unique_ptr<ServerFixture> ServerFixture::start(Kind kind, const Options &options, QString *error)
{
    std::unique_ptr<ServerFixture> fixture(new ServerFixture);
    if (!fixture->m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return nullptr;
    }
    // A port found free can be taken before the server binds it; then try another.
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        const quint16 port = freeLoopbackPort();
        if (port != 0 && fixture->launch(kind, options, port, error))
            return fixture;
    }
    return nullptr;
}

bool ServerFixture::launch(Kind kind, const Options &options, quint16 port, QString *error)
{
    const QString listen = QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port);
    QString program;
    QStringList arguments;
    if (kind == Kind::Pushgateway) {
        program = QStringLiteral("/usr/bin/prometheus-pushgateway");
        arguments << listen << QStringLiteral("--persistence.file=%1/pgw.data").arg(m_dir.path());
    } else {
        program = QStringLiteral("/usr/bin/prometheus");
        QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
        config.open(QIODevice::WriteOnly);
        config.write(options.prometheusConfigYaml.isEmpty() ? QByteArray("global:\n  scrape_interval: 1h\n")
                                                            : options.prometheusConfigYaml);
        config.close();
        arguments << QStringLiteral("--config.file=%1").arg(config.fileName())
                  << QStringLiteral("--storage.tsdb.path=%1/data").arg(m_dir.path()) << listen
                  << QStringLiteral("--web.enable-remote-write-receiver");
    }
    if (!options.webConfigYaml.isEmpty()) {
        QFile web(m_dir.filePath(QStringLiteral("web.yml")));
        web.open(QIODevice::WriteOnly);
        web.write(options.webConfigYaml);
        web.close();
        arguments << QStringLiteral("--web.config.file=%1").arg(web.fileName());
    }
    arguments << options.extraArguments;
    if (!QFile::exists(program)) {
        *error = QStringLiteral("%1 is not installed; run scripts/install-deps.sh").arg(program);
        return false;
    }

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // A test that crashes never reaches the destructor: the server goes with it instead of
    // lingering on its port.
    m_process->setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("%1 did not start: %2").arg(program, m_process->errorString());
        return false;
    }
    const bool tls = options.webConfigYaml.contains("tls_server_config");
    m_baseUrl = QUrl(
        QStringLiteral("%1://127.0.0.1:%2").arg(tls ? QStringLiteral("https") : QStringLiteral("http")).arg(port));

    // Ready means 200 from /-/ready: Prometheus answers 503 while it is still starting, and a 401
    // proves only an open port (behind basic auth the fixture is given the credentials). Under
    // --web.route-prefix, /-/ready moves with everything else.
    QString prefix;
    for (const QString &argument : options.extraArguments) {
        if (argument.startsWith(QLatin1String("--web.route-prefix=")))
            prefix = argument.section(QLatin1Char('='), 1);
    }
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    QUrl ready = url(prefix + QStringLiteral("/-/ready"));
    if (tls)
        ready.setScheme(QStringLiteral("https"));
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!options.readyUser.isEmpty())
        headers.append({QByteArray("Authorization"),
                        QByteArray("Basic " + QByteArray(options.readyUser + ':' + options.readyPassword).toBase64())});
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kReadyTimeoutMs) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("%1 exited: %2").arg(program, QString::fromUtf8(m_process->readAll()));
            return false;
        }
        const HttpResponse response = httpRequest("GET", ready, {}, headers, 1000);
        if (response.status == 200
            || (tls && !response.error.isEmpty() && response.error.contains(QStringLiteral("SSL"))))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("%1 was not ready within %2 ms").arg(program).arg(kReadyTimeoutMs);
    m_process->kill();
    m_process->waitForFinished(5000);
    return false;
}

ServerFixture::~ServerFixture()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

std::unique_ptr<ServerFixture> startScrapingPrometheus(const QUrl &gateway, bool honorLabels, QString *error)
{
    ServerFixture::Options options;
    options.prometheusConfigYaml
        = QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: pushgateway\n"
                         "    honor_labels: %1\n    static_configs:\n      - targets: ['127.0.0.1:%2']\n")
              .arg(honorLabels ? QStringLiteral("true") : QStringLiteral("false"))
              .arg(gateway.port())
              .toUtf8();
    std::unique_ptr<ServerFixture> prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, options, error);
    if (!prometheus)
        return nullptr;
    QElapsedTimer waited;
    waited.start();
    while (queryPrometheus(prometheus->baseUrl(), QStringLiteral("up{job=\"pushgateway\"} == 1")).isEmpty()) {
        if (waited.elapsed() > 30000) {
            *error = QStringLiteral("Prometheus did not scrape the gateway within 30 s");
            return nullptr;
        }
        QThread::msleep(200);
    }
    return prometheus;
}

QJsonArray queryPrometheus(const QUrl &prometheus, const QString &promql)
{
    QUrl url = prometheus;
    url.setPath(QStringLiteral("/api/v1/query"));
    url.setQuery(QStringLiteral("query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql)), QUrl::StrictMode);
    return QJsonDocument::fromJson(httpRequest("GET", url).body)
        .object()[QStringLiteral("data")][QStringLiteral("result")]
        .toArray();
}

} // namespace promdesk::test
