#pragma once

#include "net/HttpTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace promdesk {

// Told about every request before it goes out and when its answer comes: the history. The
// record is made before sending so that a crash still leaves a trace. `started` may be called
// from any thread (a backfill records its next batch while it encodes it).
class RequestRecorder
{
public:
    virtual ~RequestRecorder() = default;
    virtual qint64 started(const HttpRequest &request) = 0;
    // A request told of ahead, off the sending thread, while an earlier one is on the wire: the
    // caller can wait for its body to be stored too, not only for its entry.
    virtual qint64 startedAhead(const HttpRequest &request) { return started(request); }
    virtual void finished(qint64 id, const HttpResult &result) = 0;
    // What a live push's arrival check found for the request `id` stands for, after its answer:
    // how long until a query showed the data (nothing: it never did) and the verdict in words.
    virtual void arrivalChecked(qint64 id, std::optional<qint64> latencyMs, const QString &verdict)
    {
        Q_UNUSED(id);
        Q_UNUSED(latencyMs);
        Q_UNUSED(verdict);
    }
};

// What a recorder is told about a request it was told of ahead and that never went out.
HttpResult notSent(const QString &why);

// What is wrong with the files a TLS setting names (a CA that is missing or not a PEM
// certificate, a client certificate or key that cannot be read), naming the file; empty when
// they are sound. A request over https is not sent with them: never without the client
// certificate it was meant to carry.
QString tlsFilesProblem(const TlsSettings &tls);

// One request in flight. It deletes itself after `finished`.
class HttpCall final : public QObject
{
    Q_OBJECT

public:
    void cancel();
    // The recorder's id for this request (0: not recorded).
    [[nodiscard]] qint64 recordId() const { return m_recordId; }

signals:
    void finished(const promdesk::HttpResult &result);

private:
    friend class HttpClient;
    HttpCall(QNetworkReply *reply, const HttpRequest &request, QObject *parent);
    // A call refused before anything was sent: it finishes with `result` on the next turn.
    HttpCall(const HttpResult &result, QObject *parent);
    void readBody();
    void complete();

    QNetworkReply *m_reply;
    qint64 m_recordId = 0;
    qint64 m_startedMs;
    qint64 m_maxBodyBytes;
    QByteArray m_body;           // up to m_maxBodyBytes
    qint64 m_bodyBytes = 0;      // every byte that arrived
    QList<QByteArray> m_secrets; // the request's, masked wherever the answer echoes them
    bool m_requestSent;          // the whole request was written out
    bool m_bodyStarted = false;  // some of the body was written out
    bool m_timedOut = false;
    bool m_cancelled = false;
};

// Sends HttpRequests over one QNetworkAccessManager: auth, TLS, timeouts and redirects handled
// the same way for every endpoint, and the answer kept verbatim. Never blocks.
class HttpClient final : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);

    // Every request from now on keeps at most this much of its answer, whatever it asked for
    // (0: each request's own HttpRequest::maxResponseBytes).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    // Every request from now on is recorded there (nullptr: none). Not owned.
    void setRecorder(RequestRecorder *recorder) { m_recorder = recorder; }
    [[nodiscard]] RequestRecorder *recorder() const { return m_recorder; }

    HttpCall *send(const HttpRequest &request);
    // Calls `done` with the result unless `context` is destroyed first. The call can be cancelled
    // until then; it deletes itself after its answer.
    HttpCall *send(const HttpRequest &request, QObject *context, std::function<void(const HttpResult &)> done);

private:
    // QNetworkAccessManager reuses open connections whatever TLS settings a later request has, so
    // a connection trusted under one CA would serve a request that names another. One manager
    // per TLS setting keeps them apart.
    QNetworkAccessManager *managerFor(const TlsSettings &tls, const ProxySettings &proxy);

    QHash<QString, QNetworkAccessManager *> m_managers;
    RequestRecorder *m_recorder = nullptr;
    qint64 m_maxResponseBytes = 0;
};

} // namespace promdesk
