#include "live/ArrivalCheck.h"

#include "model/NumberFormat.h"
#include "net/HttpTypes.h"
#include "net/Redactor.h"
#include "remotewrite/BackfillPlan.h"
#include "util/Printable.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArrivalCheck)
};

QString secondsText(qint64 ms)
{
    char buffer[kNumberBufferSize];
    return QString::fromLatin1(buffer, formatMillisecondsAsSeconds(ms, buffer));
}

// The `result` array of a successful query answer; nothing when the answer is not one.
std::optional<QJsonArray> resultOf(const HttpResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(result.body).object();
    if (root.value(QStringLiteral("status")).toString() != u"success")
        return std::nullopt;
    return root.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
}

Labels labelsOf(const QJsonObject &metric)
{
    Labels labels;
    for (auto it = metric.constBegin(); it != metric.constEnd(); ++it)
        labels.set(it.key(), it.value().toString());
    return labels;
}

QString whyNoAnswer(const HttpResult &result)
{
    if (result.status == 0)
        return result.errorText;
    return QStringLiteral("HTTP %1: %2").arg(result.status).arg(printable(result.body.trimmed(), 200));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultPort = a.scheme() == u"https" ? 443 : 80;
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port(defaultPort) == b.port(defaultPort);
}

} // namespace

QueryEndpoint verificationEndpoint(QueryEndpoint endpoint, const QUrl &pushUrl)
{
    if (sameOrigin(endpoint.baseUrl, pushUrl))
        return endpoint;
    endpoint.credentialsWithheld = endpoint.credentials.kind != Credentials::Kind::None
        || std::any_of(endpoint.extraHeaders.cbegin(), endpoint.extraHeaders.cend(),
                       [](const auto &header) { return isSecretHeaderName(header.first); });
    endpoint.credentials = Credentials();
    endpoint.extraHeaders.removeIf([](const auto &header) { return isSecretHeaderName(header.first); });
    return endpoint;
}

std::optional<double> parsePromValue(const QJsonValue &value)
{
    const QByteArray text = value.toString().toLatin1();
    const std::optional<ParsedNumber> number = parseNumber(std::string_view(text.constData(), size_t(text.size())));
    return number ? std::optional<double>(number->value) : std::nullopt;
}

QString ArrivalProbe::selector() const
{
    return metric + labels.toString();
}

bool ArrivalProbe::matches(double seen) const
{
    if (value)
        return seen == *value || (std::isnan(seen) && std::isnan(*value));
    return atLeast && seen >= *atLeast;
}

QString ArrivalResult::verdict() const
{
    if (arrived && latencyMs < 1000)
        return Tr::tr("arrived after %1 ms").arg(latencyMs);
    if (arrived)
        return Tr::tr("arrived after %1 s").arg(formatNumber(std::round(double(latencyMs) / 100.0) / 10.0));
    //: %2 says why, such as "the query URL did not answer (…)"
    return Tr::tr("not visible after %1 s: %2").arg(formatNumber(std::round(double(waitedMs) / 100.0) / 10.0), reason);
}

ArrivalCheck::ArrivalCheck(QueryEndpoint endpoint, HttpClient *http, ArrivalProbe probe, qint64 sentAtMs,
                           qint64 timeoutMs, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_http(http)
    , m_probe(std::move(probe))
    , m_sentAtMs(sentAtMs)
    , m_timeoutMs(timeoutMs)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ArrivalCheck::poll);
}

void ArrivalCheck::start()
{
    m_clock.start();
    poll();
}

void ArrivalCheck::cancel()
{
    // Finished first: the cancelled query's answer, which may come at once, finds it done.
    const QPointer<HttpCall> call = m_call;
    finish(false, QStringLiteral("cancelled"));
    if (call)
        call->cancel();
}

HttpRequest ArrivalCheck::queryRequest(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    HttpRequest request;
    QUrl url = m_endpoint.baseUrl;
    // The prefix as it goes on the wire: decoded, an escaped '/' ("%2F") would become a separator.
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path, QUrl::StrictMode);
    // Percent-encoded by hand: Go reads a '+' in a query string as a space.
    QStringList parts;
    for (const auto &[name, value] : query)
        parts << name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    url.setQuery(parts.join(u'&'), QUrl::StrictMode);
    request.url = url;
    request.credentials = m_endpoint.credentials;
    request.tls = m_endpoint.tls;
    request.proxy = m_endpoint.proxy;
    request.headers = withoutReservedHeaders(m_endpoint.extraHeaders);
    request.timeoutMs = m_endpoint.timeoutMs;
    request.tag.operation = QStringLiteral("query");
    request.maxResponseBytes = kDefaultMaxResponseBytes;
    return request;
}

void ArrivalCheck::ask(const QString &path, const QList<QPair<QString, QString>> &query,
                       void (ArrivalCheck::*handler)(const HttpResult &))
{
    ++m_result.queries;
    m_call = m_http->send(queryRequest(path, query), this, [this, handler](const HttpResult &result) {
        if (!m_done) // a cancelled check's answers are not read
            (this->*handler)(result);
    });
}

void ArrivalCheck::poll()
{
    if (m_done)
        return;
    if (m_probe.timestampMs) {
        // The raw samples of the last 5 minutes before the pushed one: it must be there at its time.
        ask(QStringLiteral("/api/v1/query"),
            {{QStringLiteral("query"), m_probe.selector() + QStringLiteral("[5m]")},
             {QStringLiteral("time"), secondsText(*m_probe.timestampMs)}},
            &ArrivalCheck::onAnswer);
    } else {
        // Every sample scraped since the push, not only the latest: a later tick may already have
        // replaced this one's value in the gateway, after a scrape took it.
        const qint64 windowSeconds = (QDateTime::currentMSecsSinceEpoch() - m_sentAtMs) / 1000 + 5;
        ask(QStringLiteral("/api/v1/query"),
            {{QStringLiteral("query"), m_probe.selector() + QStringLiteral("[%1s]").arg(windowSeconds)}},
            &ArrivalCheck::onAnswer);
    }
}

void ArrivalCheck::onAnswer(const HttpResult &result)
{
    const std::optional<QJsonArray> series = resultOf(result);
    m_lastProblem = series ? QString() : whyNoAnswer(result);
    if (!series && m_endpoint.credentialsWithheld && (result.status == 401 || result.status == 403)) {
        m_lastProblem = Tr::tr("%1; the push's credentials go only to a query URL on the push's own server: "
                               "give the query URL there, or one that needs no credentials")
                            .arg(m_lastProblem);
    }
    for (const QJsonValue entry : series.value_or(QJsonArray())) {
        const QJsonObject object = entry.toObject();
        for (const QJsonValue point : object.value(QStringLiteral("values")).toArray()) {
            const QJsonArray pair = point.toArray();
            const std::optional<double> value = parsePromValue(pair.at(1));
            const bool atItsTime
                = !m_probe.timestampMs || std::llround(pair.at(0).toDouble() * 1000.0) == *m_probe.timestampMs;
            if (atItsTime && value && m_probe.matches(*value))
                return finish(true);
        }
    }
    // Often at first, when the data usually shows; then once a second.
    const int wait = m_clock.elapsed() < 3000 ? m_pollMs : std::max(m_pollMs, 1000);
    if (m_clock.elapsed() + wait >= m_timeoutMs)
        return diagnose();
    m_pollTimer.start(wait);
}

void ArrivalCheck::diagnose()
{
    if (!m_lastProblem.isEmpty())
        return finish(false, Tr::tr("the query URL did not answer (%1)").arg(m_lastProblem));
    // Whatever is stored under the name, at the time the probe looked at.
    QList<QPair<QString, QString>> query{
        {QStringLiteral("query"), QStringLiteral("{__name__=\"%1\"}").arg(m_probe.metric)}};
    if (m_probe.timestampMs)
        query.append({QStringLiteral("time"), secondsText(*m_probe.timestampMs)});
    ask(QStringLiteral("/api/v1/query"), query, &ArrivalCheck::onSeriesByName);
}

void ArrivalCheck::onSeriesByName(const HttpResult &result)
{
    const QJsonArray series = resultOf(result).value_or(QJsonArray());
    const QString job = m_probe.labels.value(QStringLiteral("job"));
    // Only what came from this job counts: other groups push the same name (push_time_seconds).
    QList<Labels> relevant;
    for (const QJsonValue entry : series) {
        Labels labels = labelsOf(entry.toObject().value(QStringLiteral("metric")).toObject());
        labels.remove(QStringLiteral("__name__"));
        if (job.isEmpty() || labels.value(QStringLiteral("job")) == job
            || labels.value(QStringLiteral("exported_job")) == job)
            relevant.append(labels);
    }
    for (const Labels &labels : std::as_const(relevant)) {
        if (!job.isEmpty() && labels.value(QStringLiteral("exported_job")) == job) {
            return finish(false,
                          //: keep honor_labels, exported_job, exported_instance and "honor_labels: true" as they are
                          Tr::tr("honor_labels is off in the scrape config of the gateway: Prometheus stored the "
                                 "pushed job as exported_job=\"%1\" (and instance as exported_instance). Set "
                                 "honor_labels: true for the gateway's scrape job")
                              .arg(job));
        }
    }
    for (const Labels &labels : std::as_const(relevant)) {
        if (labels == m_probe.labels) {
            return finish(false,
                          m_probe.timestampMs
                              ? Tr::tr("the series is there, but not with the value written at %1")
                                    .arg(formatTimestamp(*m_probe.timestampMs))
                              : Tr::tr("the series is there, but never showed this push's value: a later push "
                                       "replaced it before Prometheus scraped the gateway (is the scrape interval "
                                       "longer than the push interval?)"));
        }
    }
    if (!relevant.isEmpty()) {
        return finish(false,
                      //: %1 is a metric name, %2 and %3 label sets
                      Tr::tr("a label was dropped or renamed on the way: Prometheus has %1 as %2, the push "
                             "had %3 (a relabelling rule?)")
                          .arg(m_probe.metric,
                               printable(relevant.constFirst().toString(), PrintableOptions{200, false}),
                               printable(m_probe.labels.toString(), PrintableOptions{200, false})));
    }
    if (!m_probe.gatewayAuthority.isEmpty())
        return ask(QStringLiteral("/api/v1/targets"), {{QStringLiteral("state"), QStringLiteral("active")}},
                   &ArrivalCheck::onTargets);
    if (m_probe.timestampMs)
        return ask(QStringLiteral("/api/v1/status/tsdb"), {}, &ArrivalCheck::onTsdbStatus);
    finish(false,
           Tr::tr("nothing named %1 is stored there: the data did not reach this Prometheus, or the query URL "
                  "points at another one")
               .arg(m_probe.metric));
}

void ArrivalCheck::onTargets(const HttpResult &result)
{
    if (!result.ok()) {
        return finish(false,
                      //: %1 is a metric name, %2 why Prometheus did not answer, %3 the gateway's host:port
                      Tr::tr("nothing named %1 is stored there, and it cannot say which targets it scrapes (%2): "
                             "check that it scrapes the gateway at %3")
                          .arg(m_probe.metric, whyNoAnswer(result), m_probe.gatewayAuthority));
    }
    const QJsonArray targets = QJsonDocument::fromJson(result.body)
                                   .object()
                                   .value(QStringLiteral("data"))
                                   .toObject()
                                   .value(QStringLiteral("activeTargets"))
                                   .toArray();
    for (const QJsonValue entry : targets) {
        const QJsonObject target = entry.toObject();
        const QUrl scrapeUrl(target.value(QStringLiteral("scrapeUrl")).toString());
        if (authorityWithPort(scrapeUrl) != m_probe.gatewayAuthority)
            continue;
        if (target.value(QStringLiteral("health")).toString() != u"up") {
            return finish(false,
                          Tr::tr("it scrapes the gateway at %1 but the last scrape failed: %2")
                              .arg(m_probe.gatewayAuthority,
                                   printable(target.value(QStringLiteral("lastError")).toString(),
                                             PrintableOptions{200, false})));
        }
        return finish(false,
                      //: %1 is the gateway's host:port, %2 a metric name
                      Tr::tr("it scrapes the gateway at %1 and the scrape works, yet %2 is not there: the "
                             "push went to another group, or the scrape interval is longer than the wait")
                          .arg(m_probe.gatewayAuthority, m_probe.metric));
    }
    finish(false,
           //: keep /api/v1/targets, scrape_configs and "honor_labels: true" as they are
           Tr::tr("this Prometheus does not scrape the gateway at %1 (it is not among its /api/v1/targets): "
                  "add it to scrape_configs, with honor_labels: true")
               .arg(m_probe.gatewayAuthority));
}

void ArrivalCheck::onTsdbStatus(const HttpResult &result)
{
    const QJsonObject head = QJsonDocument::fromJson(result.body)
                                 .object()
                                 .value(QStringLiteral("data"))
                                 .toObject()
                                 .value(QStringLiteral("headStats"))
                                 .toObject();
    const qint64 minTime = qint64(head.value(QStringLiteral("minTime")).toDouble());
    const qint64 maxTime = qint64(head.value(QStringLiteral("maxTime")).toDouble());
    // A head's bound is one hour of blocks: a sample more than an hour before what it already
    // holds is out of bounds (unless an out-of-order window takes it).
    if (result.ok() && m_probe.timestampMs && maxTime > 0
        && *m_probe.timestampMs < std::min(minTime, maxTime - 3'600'000)) {
        return finish(false,
                      Tr::tr("the sample (%1) is older than the receiver accepts: its newest data is at %2; "
                             "samples more than about an hour older are out of bounds")
                          .arg(formatTimestamp(*m_probe.timestampMs), formatTimestamp(maxTime)));
    }
    finish(false,
           //: %1 is a metric name, %2 a time
           Tr::tr("nothing named %1 is stored there at %2: the write did not reach this Prometheus, or the "
                  "query URL points at another one")
               .arg(m_probe.metric, formatTimestamp(*m_probe.timestampMs)));
}

void ArrivalCheck::finish(bool arrived, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_pollTimer.stop();
    m_result.arrived = arrived;
    m_result.waitedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_result.latencyMs = std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - m_sentAtMs);
    m_result.reason = reason;
    emit finished(m_result);
}

} // namespace promdesk
