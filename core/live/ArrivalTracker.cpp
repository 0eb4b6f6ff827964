#include "live/ArrivalTracker.h"

#include "net/Redactor.h"

#include "net/HttpTypes.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArrivalTracker)
};

constexpr int kChecksPerMachine = 4;
constexpr qsizetype kLatenciesKept = 100'000;

// The gateway stamps each group on every push, so a push of unchanged values shows in
// push_time_seconds; a series the tick names shows with the grouping key's labels, which win
// over its own as the gateway's do.
ArrivalProbe gatewayProbe(const TickReport &report, const QUrl &gatewayUrl)
{
    ArrivalProbe probe;
    probe.gatewayAuthority = authorityWithPort(gatewayUrl);
    if (!report.probeSeries) {
        probe.metric = QStringLiteral("push_time_seconds");
        probe.labels = report.key.asLabels();
        probe.atLeast = double(report.startedMs - 1000) / 1000.0;
        return probe;
    }
    const MetricFamily &family = report.sent.families.at(report.probeSeries->first);
    const Metric &metric = family.metrics.at(report.probeSeries->second);
    probe.metric = family.name;
    probe.value = metric.value;
    probe.labels = metric.labels;
    for (const Label &label : report.key.asLabels())
        probe.labels.set(label.name, label.value);
    return probe;
}

// Every sample of a tick carries the tick's time: the series the tick names, or else the first
// series of the first family that has one, proves it came; of a histogram or a summary, its first
// series as sent.
std::optional<ArrivalProbe> remoteWriteProbe(const LiveJobSpec &spec, const TickReport &report)
{
    std::optional<QPair<qsizetype, qsizetype>> which = report.probeSeries;
    for (qsizetype f = 0; f < report.sent.families.size() && !which; ++f) {
        if (!report.sent.families.at(f).metrics.isEmpty())
            which = QPair<qsizetype, qsizetype>(f, 0);
    }
    if (!which)
        return std::nullopt;
    const MetricFamily &family = report.sent.families.at(which->first);
    MetricSet one;
    one.families.append(family);
    one.families.first().metrics = {family.metrics.at(which->second)};
    const SeriesSet set = liveWriteSeries(spec, report.machine, one, report.dueMs);
    const WriteSeries &first = set.series.constFirst();
    ArrivalProbe probe;
    probe.metric = first.name();
    probe.value = first.samples.constFirst().value;
    probe.labels = first.labels;
    probe.labels.remove(QStringLiteral("__name__"));
    probe.timestampMs = report.dueMs;
    return probe;
}

} // namespace

std::optional<ArrivalProbe> arrivalProbeFor(const LiveJobSpec &spec, const TickReport &report, const QUrl &gatewayUrl)
{
    if (spec.destination == LiveJobSpec::Destination::Pushgateway)
        return gatewayProbe(report, gatewayUrl);
    return remoteWriteProbe(spec, report);
}

ArrivalTracker::ArrivalTracker(LiveJob *job, QueryEndpoint endpoint, QUrl gatewayUrl, qint64 timeoutMs, QObject *parent)
    : QObject(parent)
    , m_job(job)
    , m_endpoint(std::move(endpoint))
    , m_gatewayUrl(std::move(gatewayUrl))
    , m_timeoutMs(timeoutMs)
{
    connect(job, &LiveJob::tickAnswered, this, &ArrivalTracker::onAnswered);
}

qint64 ArrivalTracker::pending() const
{
    return m_checks.size();
}

std::optional<qint64> ArrivalTracker::percentile(double p) const
{
    if (m_latencies.isEmpty())
        return std::nullopt;
    // Selection, not a sort: the Jobs view asks several times a second, of up to 100,000 values.
    QList<qint64> values = m_latencies;
    const auto rank = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(values.size()))) - 1, 0, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + rank, values.end());
    return values.at(rank);
}

void ArrivalTracker::cancelAll()
{
    m_closed = true; // ticks answered from now on are not checked: the run is ending
    const QList<ArrivalCheck *> checks = m_checks;
    for (ArrivalCheck *check : checks)
        check->cancel();
}

void ArrivalTracker::onAnswered(const TickReport &report)
{
    if (!report.result.ok())
        return;
    if (m_closed) {
        ++m_notChecked;
        return;
    }
    const std::optional<ArrivalProbe> probe = arrivalProbeFor(m_job->spec(), report, m_gatewayUrl);
    int &pending = m_pendingPerMachine[report.machine];
    if (!probe || pending >= kChecksPerMachine) {
        ++m_notChecked;
        return;
    }
    ++pending;
    auto *check = new ArrivalCheck(m_endpoint, &m_http, *probe, report.startedMs, m_timeoutMs, this);
    check->setPollIntervalMs(m_pollMs);
    m_checks.append(check);
    connect(check, &ArrivalCheck::finished, this, [this, check, report](const ArrivalResult &result) {
        m_checks.removeOne(check);
        --m_pendingPerMachine[report.machine];
        check->deleteLater();
        if (result.reason == u"cancelled") {
            ++m_notChecked;
        } else {
            if (result.arrived) {
                ++m_arrived;
                if (m_latencies.size() >= kLatenciesKept)
                    m_latencies.remove(0, kLatenciesKept / 2);
                m_latencies.append(result.latencyMs);
            } else {
                ++m_missing;
            }
            m_last = result;
            m_lastVerdict = result.verdict();
            if (m_recorder && report.recordId)
                m_recorder->arrivalChecked(
                    report.recordId, result.arrived ? std::optional<qint64>(result.latencyMs) : std::nullopt,
                    //: %1 is a verdict such as "arrived after 40 ms", %3 the query API's address
                    Tr::tr("%1 (%2 queries to %3)")
                        .arg(result.verdict(), QString::number(result.queries), redactUrl(m_endpoint.baseUrl)));
            emit checkedTick(report, result);
        }
        if (m_checks.isEmpty())
            emit idle();
    });
    check->start();
}

} // namespace promdesk
