#include "remotewrite/BackfillPlan.h"

#include "remotewrite/SeriesCollector.h"

#include <QDateTime>

namespace promdesk {

namespace {
constexpr qint64 kAgeWindowMs = 60 * 60 * 1000;  // Prometheus head: maxT − 1 h
constexpr qint64 kFutureLimitMs = 10 * 60 * 1000; // Prometheus: more than 10 min ahead is out of bounds
} // namespace

QString formatTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("?");
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

bool BackfillPlan::canSend() const
{
    return sampleCount > 0
        && std::none_of(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.severity == Severity::Error; });
}

int BackfillPlan::shardCount() const
{
    int shards = 0;
    for (const Batch &batch : batches)
        shards = std::max(shards, batch.shard + 1);
    return shards;
}

BackfillPlan makeBackfillPlan(SeriesSet &set, const BatchLimits &limits, qint64 nowMs, const QString &fileName)
{
    BackfillPlan plan;
    const NormalizeReport report = normalize(set, fileName);
    plan.reordered = report.reordered;
    plan.exactDuplicates = report.exactDuplicates;
    plan.problems = report.problems;
    plan.seriesCount = set.series.size();
    plan.sampleCount = set.sampleCount();
    if (plan.sampleCount == 0)
        return plan;
    plan.minTimestampMs = set.minTimestamp();
    plan.maxTimestampMs = set.maxTimestamp();
    plan.batches = planBatches(set, limits);
    // Shards are held within maxShardLeadMs of each other (BackfillRun), so the receiver's newest
    // sample is at most that lead plus one batch's span ahead of any sample still to come. Sparse
    // data can make one batch span hours: then one shard, which moves the window only forward.
    qint64 longestBatchMs = 0;
    for (const Batch &batch : std::as_const(plan.batches))
        longestBatchMs = std::max(longestBatchMs, batch.maxTimestampMs - batch.minTimestampMs);
    if (plan.shardCount() > 1 && plan.maxTimestampMs - plan.minTimestampMs > kAgeWindowMs
        && longestBatchMs + limits.maxShardLeadMs > kAgeWindowMs) {
        BatchLimits one = limits;
        one.shards = 1;
        plan.batches = planBatches(set, one);
        plan.shardNote = QStringLiteral("sent with one shard: a batch covers up to %1 minutes of data, and parallel "
                                        "shards could move the receiver's window past samples still to come")
                             .arg(longestBatchMs / 60000);
    }

    qint64 old = 0;
    qint64 future = 0;
    for (const WriteSeries &series : std::as_const(set.series)) {
        for (const WriteSample &sample : series.samples) {
            old += sample.timestampMs < nowMs - kAgeWindowMs ? 1 : 0;
            future += sample.timestampMs > nowMs + kFutureLimitMs ? 1 : 0;
        }
    }
    if (old > 0) {
        plan.warnings.append(
            {QStringLiteral("older-than-age-window"),
             QStringLiteral("%1 of %2 samples are more than 1 hour old (from %3). A Prometheus receiver that already has "
                            "current data refuses them as 'out of bounds' unless out-of-order ingestion "
                            "(out_of_order_time_window, Prometheus 2.39+) is enabled; a managed service such as TMP sets "
                            "its own window. Into a receiver without newer data they are accepted, because this plan "
                            "sends the oldest samples first.")
                 .arg(old)
                 .arg(plan.sampleCount)
                 .arg(formatTimestamp(plan.minTimestampMs))});
    }
    if (future > 0) {
        plan.warnings.append({QStringLiteral("in-the-future"),
                              QStringLiteral("%1 samples are more than 10 minutes in the future (up to %2); Prometheus "
                                             "refuses them, and once accepted elsewhere they push the receiver's window "
                                             "forward so that older samples become 'out of bounds'. Check the clock and "
                                             "the timestamps' unit.")
                                  .arg(future)
                                  .arg(formatTimestamp(plan.maxTimestampMs))});
    }
    if (limits.maxSamples > 5000) {
        plan.warnings.append({QStringLiteral("large-batches"),
                              QStringLiteral("one refused sample rolls back its whole request; batches of %1 samples lose "
                                             "much at once. 2000 (Prometheus' own default) is a safer size.")
                                  .arg(limits.maxSamples)});
    }
    return plan;
}

QString describeBatch(const SeriesSet &set, const Batch &batch)
{
    QString text = QStringLiteral("%1 samples of %2 series, %3 to %4")
                       .arg(batch.sampleCount)
                       .arg(batch.slices.size())
                       .arg(formatTimestamp(batch.minTimestampMs), formatTimestamp(batch.maxTimestampMs));
    if (!batch.slices.isEmpty()) {
        const WriteSeries &first = set.series.at(batch.slices.constFirst().series);
        QString name = first.name();
        Labels others = first.labels;
        others.remove(QStringLiteral("__name__"));
        text += QStringLiteral(", starting with %1%2").arg(name, others.toString());
        if (first.firstLine > 0)
            text += QStringLiteral(" (input line %1)").arg(first.firstLine);
    }
    return text;
}

QString renderPlan(const BackfillPlan &plan)
{
    QString out;
    out += QStringLiteral("Plan: %1 series, %2 samples").arg(plan.seriesCount).arg(plan.sampleCount);
    if (plan.sampleCount > 0) {
        out += QStringLiteral(" from %1 to %2, in %3 request(s)")
                   .arg(formatTimestamp(plan.minTimestampMs), formatTimestamp(plan.maxTimestampMs))
                   .arg(plan.batches.size());
        if (plan.shardCount() > 1)
            out += QStringLiteral(" over %1 parallel shards").arg(plan.shardCount());
    }
    out += QLatin1Char('\n');
    if (!plan.shardNote.isEmpty())
        out += QStringLiteral("  %1\n").arg(plan.shardNote);
    if (plan.reordered > 0)
        out += QStringLiteral("  %1 samples were out of time order in the input; they are sent in order\n").arg(plan.reordered);
    if (plan.exactDuplicates > 0)
        out += QStringLiteral("  %1 exact repeats dropped\n").arg(plan.exactDuplicates);
    for (const Problem &problem : plan.problems)
        out += QStringLiteral("  %1\n").arg(formatProblem(problem));
    for (const PlanWarning &warning : plan.warnings)
        out += QStringLiteral("  warning: %1 [%2]\n").arg(warning.message, warning.code);
    return out;
}

} // namespace promdesk
