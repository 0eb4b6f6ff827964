#pragma once

#include "model/Labels.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace promdesk {

/// A Prometheus HTTP API to ask whether pushed data arrived: the base on which /api/v1/query
/// answers (a TMP instance's own address, with the same credentials; the sandbox's Prometheus).
struct QueryEndpoint
{
    QUrl baseUrl;
    Credentials credentials;
    TlsSettings tls;
    ProxySettings proxy;
    HttpHeaders extraHeaders;
    int timeoutMs = 10000;
    // The push's credentials and secret headers were left out: the query API is on another
    // server than the push (see verificationEndpoint()).
    bool credentialsWithheld = false;
};

/// The query API as a push's verification asks it: with the push's credentials and secret
/// headers only when it is on the push's own origin (scheme, host and port), as TMP's instance
/// address is. A query URL elsewhere is another server, which must not receive them; its other
/// headers still go.
QueryEndpoint verificationEndpoint(QueryEndpoint endpoint, const QUrl &pushUrl);

/// What should become visible: one series with the value pushed, or at least a value (the
/// gateway's push_time_seconds, which it sets itself), and for remote write the sample's own time.
struct ArrivalProbe
{
    QString metric;
    Labels labels;                     // as the series should look once stored (job, instance…)
    std::optional<double> value;       // exactly this value
    std::optional<double> atLeast;     // or any value from this one up
    std::optional<qint64> timestampMs; // remote write: the sample at this time
    QString gatewayAuthority;          // Pushgateway pushes: host:port of the gateway, to look among the targets

    [[nodiscard]] QString selector() const; // name{a="x",…} in PromQL
    [[nodiscard]] bool matches(double value) const;
};

/// Whether a live push showed up in the backend, how soon, and if not, the likely reason.
struct ArrivalResult
{
    bool arrived = false;
    qint64 latencyMs = 0; // from the push's send until a query showed it
    qint64 waitedMs = 0;  // how long it looked
    int queries = 0;      // how many queries it made (diagnosis included)
    QString reason;       // not arrived: the likely reason, checked where a check was possible

    [[nodiscard]] QString verdict() const; // "arrived after 1.8 s" / "not visible after 30 s: …"
};

/// Asks the query API until the probe shows or the time is up, one query at a time; then, if it
/// never showed, asks what explains it: whether that Prometheus scrapes the gateway
/// (/api/v1/targets), whether the series came in as exported_job (honor_labels off), whether the
/// sample was older than the receiver keeps, whether its labels changed on the way.
/// The queries are read-only; a live job writes each check's verdict and query count into the
/// pushed request's history entry rather than an entry per query.
class ArrivalCheck final : public QObject
{
    Q_OBJECT

public:
    ArrivalCheck(QueryEndpoint endpoint, HttpClient *http, ArrivalProbe probe, qint64 sentAtMs,
                 qint64 timeoutMs = 30000, QObject *parent = nullptr);
    void start();
    void cancel(); // finishes at once as not arrived, "cancelled"
    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    [[nodiscard]] const ArrivalProbe &probe() const { return m_probe; }

signals:
    void finished(const promdesk::ArrivalResult &result);

private:
    void poll();
    void onAnswer(const HttpResult &result);
    void diagnose();
    void onSeriesByName(const HttpResult &result);
    void onTargets(const HttpResult &result);
    void onTsdbStatus(const HttpResult &result);
    void finish(bool arrived, const QString &reason = {});
    HttpRequest queryRequest(const QString &path, const QList<QPair<QString, QString>> &query) const;
    void ask(const QString &path, const QList<QPair<QString, QString>> &query,
             void (ArrivalCheck::*handler)(const HttpResult &));

    QueryEndpoint m_endpoint;
    HttpClient *m_http;
    ArrivalProbe m_probe;
    qint64 m_sentAtMs;
    qint64 m_timeoutMs;
    int m_pollMs = 250;
    QElapsedTimer m_clock;
    QTimer m_pollTimer;
    QPointer<HttpCall> m_call;
    ArrivalResult m_result;
    QString m_lastProblem; // why the last query did not answer (unreachable, 401…)
    bool m_done = false;
};

// Prometheus writes a query's values with Go's strconv 'f' -1; this reads them back.
std::optional<double> parsePromValue(const QJsonValue &value);

} // namespace promdesk
