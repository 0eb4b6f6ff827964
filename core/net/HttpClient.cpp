#include "net/HttpClient.h"

#include "net/LowLatencySockets.h"
#include "net/Redactor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QTimer>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};

ErrorCategory categoryForNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return ErrorCategory::CannotConnect;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return ErrorCategory::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return ErrorCategory::Tls;
    case QNetworkReply::OperationCanceledError:
        return ErrorCategory::Cancelled;
    default:
        return ErrorCategory::Other;
    }
}

// A request body that can be read once. When a server closes the connection after reading a
// request and before answering, Qt's HTTP stack sends the request again by itself, resetting its
// body device first; this device refuses to go back, so Qt gives up with ContentReSendError and
// nothing goes out that the caller (and the history) did not send. Every request carries one,
// empty for GET and DELETE, since Qt resends those too.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray body)
        : m_body(std::move(body))
    {
        open(QIODevice::ReadOnly);
    }
    [[nodiscard]] bool isSequential() const override { return false; }
    [[nodiscard]] qint64 size() const override { return m_body.size(); }
    bool seek(qint64 position) override { return position == pos() && QIODevice::seek(position); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_body.size() - pos());
        if (count <= 0)
            return count < 0 ? -1 : 0;
        memcpy(data, m_body.constData() + pos(), size_t(count));
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QByteArray m_body;
};

// An unencrypted PEM private key, RSA or EC; null when the file holds neither.
QSslKey readPrivateKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = file.readAll();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}

// The connection went away after the request started out: Qt reports the resend it was refused,
// or the close itself when it did not try.
// A reset ("connection reset by peer") while the body is going out reaches the reply as
// UnknownNetworkError: the same connection lost as a close. Once the whole request is out, that
// error is also how a TLS 1.3 server's refusal of the client's certificate arrives, which
// categoryForNetworkError() reads.
bool isConnectionLost(QNetworkReply::NetworkError error, bool midBody)
{
    return error == QNetworkReply::ContentReSendError || error == QNetworkReply::RemoteHostClosedError
        || (midBody && error == QNetworkReply::UnknownNetworkError);
}

} // namespace

HttpCall::HttpCall(QNetworkReply *reply, const HttpRequest &request, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
    , m_maxBodyBytes(std::max<qint64>(0, request.maxResponseBytes))
    , m_secrets(secretsOf(request))
    // A request without a body is its head, which goes out in one write once connected, and Qt
    // signals nothing when it has: over http it counts as sent from the start (the safe side:
    // "it may have been applied"), over https from the end of the handshake.
    , m_requestSent(request.body.isEmpty() && request.url.scheme() != u"https")
{
    const int timeoutMs = request.timeoutMs;
    reply->setParent(this);
    // Read as the answer arrives, keeping what fits; Qt holds at most this much unread, so a
    // huge answer flows through instead of piling up in memory.
    reply->setReadBufferSize(256 * 1024);
    connect(reply, &QNetworkReply::readyRead, this, &HttpCall::readBody);
    connect(reply, &QNetworkReply::finished, this, &HttpCall::complete);
    // A body counts as sent when its last byte was handed to the socket (Qt keeps at most 32 KB
    // of it buffered; QNetworkReply::requestSent comes after the head already). Qt reports (0, 0)
    // when it gives up.
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        m_bodyStarted = m_bodyStarted || sent > 0;
        if (total > 0 && sent == total)
            m_requestSent = true;
    });
    if (request.body.isEmpty())
        connect(reply, &QNetworkReply::encrypted, this, [this] { m_requestSent = true; });
    if (timeoutMs > 0) {
        // A transfer timeout would restart on every byte; this is a limit on the whole request.
        QTimer::singleShot(timeoutMs, this, [this] {
            if (!m_reply->isFinished()) {
                m_timedOut = true;
                m_reply->abort();
            }
        });
    }
}

HttpCall::HttpCall(const HttpResult &result, QObject *parent)
    : QObject(parent)
    , m_reply(nullptr)
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
    , m_maxBodyBytes(0)
    , m_requestSent(false)
{
    QTimer::singleShot(0, this, [this, result] {
        emit finished(result);
        deleteLater();
    });
}

HttpCall::~HttpCall()
{
    if (!m_ticket.isOpen())
        return;
    HttpResult abandoned;
    abandoned.category = ErrorCategory::Cancelled;
    abandoned.errorText = Tr::tr("no answer awaited: PromDesk closed the connection before the server "
                                 "answered; the request may have gone out and been applied");
    m_ticket.complete(abandoned);
}

void HttpCall::cancel()
{
    if (m_reply && !m_reply->isFinished()) {
        m_cancelled = true;
        m_reply->abort();
    }
}

void HttpCall::readBody()
{
    if (!m_reply->isOpen())
        return;
    while (m_reply->bytesAvailable() > 0) {
        const qint64 room = m_maxBodyBytes - m_body.size();
        const QByteArray chunk = m_reply->read(room > 0 ? std::min<qint64>(room, m_reply->bytesAvailable()) : 0);
        if (!chunk.isEmpty()) {
            m_body += chunk;
            m_bodyBytes += chunk.size();
            continue;
        }
        const qint64 skipped = m_reply->skip(m_reply->bytesAvailable()); // past the cap: counted, dropped
        if (skipped <= 0)
            break;
        m_bodyBytes += skipped;
    }
}

void HttpCall::complete()
{
    HttpResult result;
    result.durationMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    result.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    readBody();
    result.body = std::exchange(m_body, {});
    result.bodyBytes = m_bodyBytes;
    result.headers = m_reply->rawHeaderPairs();
    result.http2 = m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    if (m_timedOut) {
        result.category = ErrorCategory::Timeout;
        result.errorText = Tr::tr("no complete answer within the timeout");
        result.status = 0;
    } else if (m_cancelled) {
        result.category = ErrorCategory::Cancelled;
        result.errorText = m_requestSent
            ? Tr::tr(
                "cancelled while waiting for the answer: the request had gone out whole, so it may have been applied")
            : Tr::tr("cancelled before the request had gone out whole: it was not applied");
        result.status = 0;
    } else if (result.status != 0) {
        result.category = categoryForStatus(result.status);
    } else if (isConnectionLost(m_reply->error(), m_bodyStarted && !m_requestSent)) {
        // Qt would have sent the request again here (OneShotBody stopped it): say what is known.
        if (m_requestSent) {
            result.category = ErrorCategory::ClosedAfterRequest;
            result.errorText = Tr::tr("the server closed the connection after receiving the request, without "
                                      "answering: it may have been applied");
        } else {
            result.category = ErrorCategory::CannotConnect;
            result.errorText = Tr::tr("the connection was lost while the request was being sent: it was not "
                                      "received whole, so it was not applied");
        }
    } else {
        result.category = categoryForNetworkError(m_reply->error());
        result.errorText = m_reply->errorString();
        const QString tlsErrors = m_reply->property("promdeskTlsErrors").toString();
        if (!tlsErrors.isEmpty()) {
            result.category = ErrorCategory::Tls;
            result.errorText = tlsErrors;
        }
    }
    // Before anyone sees or stores it: a server that echoes the Authorization header or the
    // password in its answer gets it masked (HttpResult::redacted says so).
    redactEcho(result, m_secrets);
    m_ticket.complete(result); // the history has it before anyone acts on it
    emit finished(result);
    deleteLater();
}

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
{}

namespace {

// Asks the operating system (environment variables, libproxy on Linux) once per scheme, host
// and port. Qt would ask for every request, each answer a round trip to libproxy's thread, and
// the answer does not change while PromDesk runs.
class SystemProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        const QString key = query.protocolTag() + QLatin1Char('|') + query.peerHostName() + QLatin1Char('|')
            + QString::number(query.peerPort()) + QLatin1Char('|') + QString::number(int(query.queryType()));
        QMutexLocker lock(&m_mutex);
        const auto known = m_answers.constFind(key);
        if (known != m_answers.cend())
            return *known;
        lock.unlock();
        const QList<QNetworkProxy> answer = systemProxyForQuery(query);
        lock.relock();
        m_answers.insert(key, answer);
        return answer;
    }

private:
    QMutex m_mutex;
    QHash<QString, QList<QNetworkProxy>> m_answers;
};

} // namespace

QNetworkAccessManager *HttpClient::managerFor(const TlsSettings &tls, const ProxySettings &proxy)
{
    const QString key = (tls.verifyPeer ? QStringLiteral("verify:") : QStringLiteral("insecure:")) + tls.caFile
        + QLatin1Char('|') + tls.clientCertFile + QLatin1Char('|') + tls.clientKeyFile + QLatin1Char('|')
        + QString::number(int(proxy.mode)) + proxy.url.toString(QUrl::FullyEncoded);
    QNetworkAccessManager *&manager = m_managers[key];
    if (!manager) {
        manager = new QNetworkAccessManager(this);
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        switch (proxy.mode) {
        case ProxySettings::Mode::System:
            manager->setProxyFactory(new SystemProxyFactory);
            break;
        case ProxySettings::Mode::None:
            manager->setProxy(QNetworkProxy::NoProxy);
            break;
        case ProxySettings::Mode::Custom:
            manager->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, proxy.url.host(), quint16(proxy.url.port(3128)),
                                            proxy.url.userName(), proxy.url.password()));
            break;
        }
    }
    return manager;
}

namespace {

struct Endpoint
{
    QString host;
    int port = 0;
};

// Where the manager's connection for `url` goes: the proxy it uses for that URL (a custom one,
// or the one the operating system names), else the URL's own host and port.
Endpoint connectionPeer(const QNetworkAccessManager &manager, const QUrl &url)
{
    QNetworkProxy proxy = manager.proxy();
    if (QNetworkProxyFactory *factory = manager.proxyFactory()) {
        const QList<QNetworkProxy> answers = factory->queryProxy(QNetworkProxyQuery(url));
        proxy = answers.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : answers.constFirst();
    }
    if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy)
        return {proxy.hostName(), proxy.port()};
    return {url.host(), effectivePort(url)};
}

// The files a TLS setting names, read once: what a request is sent with is what was checked.
struct TlsFiles
{
    QList<QSslCertificate> caCertificates; // empty: the system store
    QSslCertificate clientCertificate;     // null: none
    QSslKey clientKey;
    QString problem; // empty when the files are sound
};

TlsFiles loadTlsFiles(const TlsSettings &tls)
{
    TlsFiles files;
    const auto unreadable = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString() : file.errorString();
    };
    if (!tls.caFile.isEmpty()) {
        if (const QString why = unreadable(tls.caFile); !why.isEmpty()) {
            files.problem = Tr::tr("the CA file %1 cannot be read: %2").arg(tls.caFile, why);
            return files;
        }
        files.caCertificates = QSslCertificate::fromPath(tls.caFile, QSsl::Pem);
        if (files.caCertificates.isEmpty()) {
            files.problem = Tr::tr("the CA file %1 holds no PEM certificate").arg(tls.caFile);
            return files;
        }
    }
    if (tls.clientCertFile.isEmpty() && tls.clientKeyFile.isEmpty())
        return files;
    if (tls.clientCertFile.isEmpty() || tls.clientKeyFile.isEmpty()) {
        files.problem = Tr::tr("a client certificate needs both its certificate file and its key file");
        return files;
    }
    if (const QString why = unreadable(tls.clientCertFile); !why.isEmpty()) {
        files.problem = Tr::tr("the client certificate file %1 cannot be read: %2").arg(tls.clientCertFile, why);
        return files;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(tls.clientCertFile, QSsl::Pem);
    if (certificates.isEmpty()) {
        files.problem = Tr::tr("the client certificate file %1 holds no PEM certificate").arg(tls.clientCertFile);
        return files;
    }
    files.clientCertificate = certificates.constFirst();
    if (const QString why = unreadable(tls.clientKeyFile); !why.isEmpty()) {
        files.problem = Tr::tr("the client key file %1 cannot be read: %2").arg(tls.clientKeyFile, why);
        return files;
    }
    files.clientKey = readPrivateKey(tls.clientKeyFile);
    if (files.clientKey.isNull())
        files.problem = Tr::tr("the client key file %1 holds no unencrypted PEM RSA or EC key").arg(tls.clientKeyFile);
    return files;
}

} // namespace

QString tlsFilesProblem(const TlsSettings &tls)
{
    return loadTlsFiles(tls).problem;
}

HttpCall *HttpClient::send(const HttpRequest &request)
{
    return send(request, RecordTicket());
}

HttpCall *HttpClient::send(const HttpRequest &request, RecordTicket written)
{
    const bool https = request.url.scheme() == u"https";
    const TlsFiles tlsFiles = https ? loadTlsFiles(request.tls) : TlsFiles();
    if (!tlsFiles.problem.isEmpty()) {
        // Nothing goes out, so nothing new is recorded; an entry written ahead says so.
        HttpResult refused;
        refused.category = ErrorCategory::Tls;
        //: %1 is a problem with the TLS files, such as "the CA file x cannot be read: y"
        refused.errorText = Tr::tr("%1; nothing was sent").arg(tlsFiles.problem);
        written.complete(refused);
        return new HttpCall(refused, this);
    }
    RecordTicket ticket = written.isOpen() ? std::move(written)
        : m_recorder                       ? m_recorder->record(request)
                                           : RecordTicket();
    QNetworkRequest networkRequest(request.url);
    for (const auto &header : request.headers)
        networkRequest.setRawHeader(header.first, header.second);
    // Credentials go in the header only, never into the URL (where logs and history would see them).
    if (request.credentials.kind == Credentials::Kind::Basic) {
        const QByteArray pair = request.credentials.user.toUtf8() + ':' + request.credentials.secret.toUtf8();
        networkRequest.setRawHeader("Authorization", "Basic " + pair.toBase64());
    } else if (request.credentials.kind == Credentials::Kind::Bearer) {
        networkRequest.setRawHeader("Authorization", "Bearer " + request.credentials.secret.toUtf8());
    }
    // HTTP/1.1 only. Qt 6.4 offers HTTP/2 over TLS, and its HTTP/2 handler can touch a freed upload
    // device when a reply ends while its stream is still open (a 401, an abort): CI crashed in Qt's
    // network thread that way. Prometheus itself sends remote write over HTTP/1.1.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!networkRequest.hasRawHeader("User-Agent"))
        networkRequest.setRawHeader("User-Agent", QByteArrayLiteral("PromDesk/" PROMDESK_VERSION));
    // Answers as sent. Left alone, Qt asks for zstd, br, gzip and deflate and inflates the answer
    // itself; when an error answer (a 500) inflates past Qt's safety threshold, Qt 6.4 cannot
    // report it (the status took the reply's one error) and hands over bytes the server never
    // sent. Asking for no encoding, the answer keeps what the server wrote, within
    // maxResponseBytes; Qt inflates nothing it did not ask for.
    if (!networkRequest.hasRawHeader("Accept-Encoding"))
        networkRequest.setRawHeader("Accept-Encoding", "identity");
    if (https) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!tlsFiles.caCertificates.isEmpty())
            ssl.setCaCertificates(tlsFiles.caCertificates);
        if (!request.tls.verifyPeer)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!tlsFiles.clientCertificate.isNull()) {
            ssl.setLocalCertificate(tlsFiles.clientCertificate);
            ssl.setPrivateKey(tlsFiles.clientKey);
        }
        networkRequest.setSslConfiguration(ssl);
    }
    QNetworkAccessManager *manager = managerFor(request.tls, request.proxy);
    auto *body = new OneShotBody(request.body);
    QNetworkReply *reply = manager->sendCustomRequest(networkRequest, request.method, body);
    body->setParent(reply);
    // See LowLatencySockets.h: without this, bodies over 16 KiB wait up to 40 ms each.
    // The first piece is out once some of the body is, and Nagle only holds back the last.
    if (request.body.size() > 16 * 1024) {
        const Endpoint peer = connectionPeer(*manager, request.url);
        connect(reply, &QNetworkReply::uploadProgress, this, [reply, peer](qint64 sent, qint64) {
            if (sent > 0 && !reply->property("promdeskNoDelay").toBool()) {
                reply->setProperty("promdeskNoDelay", true);
                disableNagleOnConnectionsTo(peer.host, peer.port);
            }
        });
    }
    // Keep the first TLS error's words: "The issuer certificate of a locally looked up certificate could not be found".
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        reply->setProperty("promdeskTlsErrors", texts.join(QStringLiteral("; ")));
    });
    HttpRequest bounded = request;
    if (m_maxResponseBytes > 0)
        bounded.maxResponseBytes = m_maxResponseBytes;
    auto *call = new HttpCall(reply, bounded, this);
    call->m_ticket = std::move(ticket);
    return call;
}

HttpCall *HttpClient::send(const HttpRequest &request, QObject *context, std::function<void(const HttpResult &)> done)
{
    HttpCall *call = send(request);
    connect(call, &HttpCall::finished, context, [done = std::move(done)](const HttpResult &result) { done(result); });
    return call;
}

} // namespace promdesk
