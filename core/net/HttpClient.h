#pragma once

#include "net/HttpTypes.h"
#include "net/RequestRecorder.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace promdesk {

// What is wrong with the files a TLS setting names (a CA that is missing or not a PEM
// certificate, a client certificate or key that cannot be read), naming the file; empty when
// they are sound. A request over https is not sent with them: never without the client
// certificate it was meant to carry.
QString tlsFilesProblem(const TlsSettings &tls);

/// One request in flight. It deletes itself after `finished`.
class HttpCall final : public QObject
{
    Q_OBJECT

public:
    // Destroyed before its answer (its client went away): its entry says so, not "unknown".
    ~HttpCall() override;
    void cancel();
    // The recorder's id for this request (0: not recorded).
    [[nodiscard]] qint64 recordId() const { return m_ticket.id(); }

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
    RecordTicket m_ticket; // completed with the answer, before `finished` is emitted
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

/// Sends HttpRequests over one QNetworkAccessManager: auth, TLS, timeouts and redirects handled
/// the same way for every endpoint, and the answer kept verbatim. Never blocks.
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
    // A request whose entry the caller wrote ahead (see BackfillRun): the call completes `written`
    // with the answer, or with why nothing was sent. An empty ticket: as send(request).
    HttpCall *send(const HttpRequest &request, RecordTicket written);
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
