#include "live/ArrivalTracker.h"

#include <algorithm>
#include <cmath>

namespace promdesk {

namespace {

constexpr int kChecksPerMachine = 4;

TickReport withProbe(TickReport report, qsizetype family)
{
    report.probeSeries = QPair<qsizetype, qsizetype>(family, 0);
    return report;
}
constexpr qsizetype kLatenciesKept = 100'000;

} // namespace

std::optional<ArrivalProbe> arrivalProbeFor(const LiveJobSpec &spec, const TickReport &report, const QUrl &gatewayUrl)
{
    const bool toGateway = spec.destination == LiveJobSpec::Destination::Pushgateway;
    ArrivalProbe probe;
    if (toGateway)
        probe.gatewayAuthority = QStringLiteral("%1:%2").arg(gatewayUrl.host()).arg(gatewayUrl.port(gatewayUrl.scheme() == u"https" ? 443 : 80));
    if (!report.probeSeries && !toGateway) {
        // Every sample of a tick carries the tick's time: the first series of the first family
        // proves it came (of a histogram or a summary, its first series as sent).
        for (qsizetype f = 0; f < report.sent.families.size() && !report.probeSeries; ++f) {
            if (!report.sent.families.at(f).metrics.isEmpty())
                return arrivalProbeFor(spec, withProbe(report, f), gatewayUrl);
        }
        return std::nullopt;
    }
    if (!report.probeSeries) {
        // The gateway stamps each group on every push; a push of unchanged values shows there.
        probe.metric = QStringLiteral("push_time_seconds");
        probe.labels = report.key.asLabels();
        probe.atLeast = double(report.startedMs - 1000) / 1000.0;
        return probe;
    }
    const MetricFamily &family = report.sent.families.at(report.probeSeries->first);
    const Metric &metric = family.metrics.at(report.probeSeries->second);
    probe.metric = family.name;
    probe.value = metric.value;
    if (toGateway) {
        probe.labels = metric.labels;
        for (const Label &label : report.key.asLabels()) // the grouping key's labels win, as the gateway's do
            probe.labels.set(label.name, label.value);
    } else {
        MetricSet one;
        one.families.append(family);
        one.families.first().metrics = {metric};
        const SeriesSet set = liveWriteSeries(spec, report.machine, one, report.dueMs);
        const WriteSeries &first = set.series.constFirst();
        probe.metric = first.name();
        probe.value = first.samples.constFirst().value;
        probe.labels = first.labels;
        probe.labels.remove(QStringLiteral("__name__"));
        probe.timestampMs = report.dueMs;
    }
    return probe;
}

ArrivalTracker::ArrivalTracker(LiveJob *job, QueryEndpoint endpoint, QUrl gatewayUrl, qint64 timeoutMs, QObject *parent)
    : QObject(parent), m_job(job), m_endpoint(std::move(endpoint)), m_gatewayUrl(std::move(gatewayUrl)), m_timeoutMs(timeoutMs)
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
                m_recorder->arrivalChecked(report.recordId, result.arrived ? std::optional<qint64>(result.latencyMs) : std::nullopt,
                                           QStringLiteral("%1 (%2 queries)").arg(result.verdict()).arg(result.queries));
            emit checkedTick(report, result);
        }
        if (m_checks.isEmpty())
            emit idle();
    });
    check->start();
}

} // namespace promdesk
