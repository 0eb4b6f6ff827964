#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace promdesk {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// How a request authenticates: none, basic (TMP: APPID and token) or a bearer token.
struct Credentials
{
    /// The Authorization scheme a request carries.
    enum class Kind { None, Basic, Bearer };
    Kind kind = Kind::None;
    QString user;   // basic auth user; the APPID for TMP
    QString secret; // password, instance token or bearer token — never logged

    friend bool operator==(const Credentials &, const Credentials &) = default;
};

/// Which certificates a request over https trusts and presents.
struct TlsSettings
{
    QString caFile;         // PEM; empty: the system store
    QString clientCertFile; // PEM client certificate, for servers that ask for one
    QString clientKeyFile;  // its PEM private key (unencrypted)
    bool verifyPeer = true; // false accepts any certificate (shown as a warning)

    friend bool operator==(const TlsSettings &, const TlsSettings &) = default;
};

/// Which proxy a request goes through: the system's, none, or one given.
struct ProxySettings
{
    /// The system's proxy, none, or the one in `url`.
    enum class Mode { System, None, Custom };
    Mode mode = Mode::System;
    QUrl url; // Custom: http://[user:password@]host:port

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};

/// What a request is for, attached to it so the history can say so.
struct RequestTag
{
    QString operation;   // replace, merge, delete, write, backfill, backfill-batch, wipe, list, status, ready, probe
    QString profile;     // empty when sent without a profile
    QString target;      // pushgateway or remote-write
    QString groupingKey; // {job="a",instance="b"} for Pushgateway requests
    qint64 parentId = 0; // a backfill's batches sit under the backfill's entry
    // The same through a HistoryService, which hands out tickets before it knows ids: the ticket
    // of the parent's entry, made its id when the batch's entry is written (after the parent's).
    quint64 parentTicket = 0;
    qint64 resendOf = 0; // a re-sent request points at the original
    int attempt = 1;     // retries of one batch are entries of their own
};

// How much of an answer's body is kept: a server's 200 MB error page must not take the CLI's or
// the console's memory with it. The rest is read and dropped, and counted. An answer to a push or
// a write is a few words; a body that is the data asked for (a gateway's groups, an exporter's
// metrics) may be large, and gets a larger bound.
inline constexpr qint64 kDefaultMaxResponseBytes = qint64(1) << 20;
inline constexpr qint64 kDataMaxResponseBytes = qint64(256) << 20;

/// One request exactly as it goes out, with how it authenticates, its TLS and its limits.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    Credentials credentials;
    TlsSettings tls;
    ProxySettings proxy;
    int timeoutMs = 30000;
    qint64 maxResponseBytes = kDefaultMaxResponseBytes;
    RequestTag tag;
};

/// Why a request did not succeed, in the terms an operator acts on.
enum class ErrorCategory {
    None,          // 2xx
    CannotConnect, // refused, unreachable, DNS
    Timeout,
    // The request went out whole and the server closed the connection without an answer: it may
    // have been applied. Never sent again by the transport; the caller's policy decides.
    ClosedAfterRequest,
    Tls,        // handshake or certificate
    Auth,       // 401 / 403
    NotFound,   // 404: wrong URL or route prefix
    Redirected, // 3xx: the server points elsewhere; PromDesk does not follow (credentials would go along)
    Rejected,   // other 4xx: the server read the request and refused it
    Server,     // 5xx
    Cancelled,
    Other,
};

QString errorCategoryName(ErrorCategory category);

/// The answer to one request, kept verbatim (up to a bound), or why none came.
struct HttpResult
{
    int status = 0; // 0 when no HTTP answer came
    HttpHeaders headers;
    QByteArray body;      // verbatim, up to the request's maxResponseBytes
    qint64 bodyBytes = 0; // how many bytes of body the server sent, kept or not
    qint64 durationMs = 0;
    ErrorCategory category = ErrorCategory::Other;
    QString errorText;     // the transport's own words (TLS errors, refused...), empty on an HTTP answer
    bool http2 = false;    // the answer came over HTTP/2; HttpClient asks for HTTP/1.1 only (see there)
    bool redacted = false; // secrets the server echoed back were masked (see redactEcho)

    [[nodiscard]] bool ok() const { return category == ErrorCategory::None; }
    [[nodiscard]] bool bodyCut() const { return bodyBytes > body.size(); }
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

ErrorCategory categoryForStatus(int status);

// The port a URL's connection goes to: its own, else its scheme's (443 for https, 80 otherwise).
int effectivePort(const QUrl &url);

// "host:port" with the port as effectivePort says: two spellings of one server compare equal.
QString authorityWithPort(const QUrl &url);

// A user's extra headers without the ones PromDesk itself decides (Authorization, Content-Type,
// Content-Encoding, User-Agent, the remote-write version...): those are never overridden.
HttpHeaders withoutReservedHeaders(const HttpHeaders &headers);

} // namespace promdesk
