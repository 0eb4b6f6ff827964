#include "remotewrite/BackfillPlan.h"

#include "remotewrite/SeriesCollector.h"
#include "util/Time.h"

#include <QDateTime>

namespace promdesk {

namespace {
constexpr qint64 kAgeWindowMs = kReceiverAgeWindowMs; // Prometheus head: maxT − 1 h
} // namespace

bool BackfillPlan::canSend() const
{
    return sampleCount > 0 && std::none_of(problems.cbegin(), problems.cend(), [](const Problem &p) {
               return p.severity == Severity::Error;
           });
}

int BackfillPlan::shardCount() const
{
    int shards = 0;
    for (const Batch &batch : batches)
        shards = std::max(shards, batch.shard + 1);
    return shards;
}

namespace {

// The samples ahead of the clock: an error Problem (naming the first such sample) or, when the
// operator allowed them, a warning that says what they will do to the receiver.
void checkFuture(const SeriesSet &set, qint64 nowMs, const QString &fileName, const FuturePolicy &policy,
                 BackfillPlan &plan)
{
    const qint64 limit = addSaturated(nowMs, policy.toleranceMs);
    qint64 count = 0;
    const WriteSeries *firstSeries = nullptr;
    for (const WriteSeries &series : set.series) {
        for (const WriteSample &sample : series.samples) {
            if (sample.timestampMs > limit) {
                ++count;
                if (!firstSeries)
                    firstSeries = &series;
            }
        }
    }
    if (count == 0)
        return;
    const QString ahead
        = QStringLiteral("%1 of %2 samples are more than %3 ahead of this machine's clock, up to %4 (%5 ahead)")
              .arg(count)
              .arg(plan.sampleCount)
              .arg(formatSpan(policy.toleranceMs), formatTimestamp(plan.maxTimestampMs),
                   formatSpan(subtractSaturated(plan.maxTimestampMs, nowMs)));
    if (!policy.allowed) {
        Problem problem;
        problem.file = fileName;
        problem.line = firstSeries->firstLine;
        problem.code = QStringLiteral("timestamp-in-future");
        problem.message = ahead
            + QStringLiteral(". A receiver such as Prometheus accepts them, and from then on refuses "
                             "every current sample as 'out of bounds' until that time. Check the "
                             "clock and the timestamps' unit; --allow-future sends them anyway.");
        plan.problems.append(problem);
        return;
    }
    plan.warnings.append(
        {QStringLiteral("in-the-future"),
         ahead
             + QStringLiteral(". Sent anyway (--allow-future): a Prometheus receiver accepts them, and "
                              "then refuses every current sample as 'out of bounds' until %1 — its "
                              "current data stops for %2.")
                   .arg(formatTimestamp(addSaturated(plan.maxTimestampMs, -kAgeWindowMs)),
                        formatSpan(subtractSaturated(plan.maxTimestampMs, nowMs)))});
}

} // namespace

void keepErrorsForTheReceiversVerdict(BackfillPlan &plan)
{
    for (Problem &problem : plan.problems) {
        if (problem.severity == Severity::Error && problem.code != u"timestamp-in-future") {
            problem.severity = Severity::Warning;
            problem.message += QStringLiteral(" (sent anyway, for the receiver's own verdict)");
        }
    }
}

qint64 leaveOutTooOld(SeriesSet &set, qint64 nowMs)
{
    const qint64 cutoff = addSaturated(nowMs, -kReceiverAgeWindowMs);
    qint64 removed = 0;
    for (WriteSeries &series : set.series) {
        const qsizetype before = series.samples.size();
        series.samples.removeIf([cutoff](const WriteSample &sample) { return sample.timestampMs < cutoff; });
        removed += before - series.samples.size();
    }
    set.series.removeIf([](const WriteSeries &series) { return series.samples.isEmpty(); });
    return removed;
}

BackfillPlan makeBackfillPlan(SeriesSet &set, const BatchLimits &limits, qint64 nowMs, const QString &fileName,
                              const FuturePolicy &future)
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
        longestBatchMs = std::max(longestBatchMs, subtractSaturated(batch.maxTimestampMs, batch.minTimestampMs));
    if (plan.shardCount() > 1 && subtractSaturated(plan.maxTimestampMs, plan.minTimestampMs) > kAgeWindowMs
        && addSaturated(longestBatchMs, limits.maxShardLeadMs) > kAgeWindowMs) {
        BatchLimits one = limits;
        one.shards = 1;
        plan.batches = planBatches(set, one);
        plan.shardNote = QStringLiteral("sent with one shard: a batch covers up to %1 minutes of data, and parallel "
                                        "shards could move the receiver's window past samples still to come")
                             .arg(longestBatchMs / 60000);
    }

    qint64 old = 0;
    const qint64 ageLimit = addSaturated(nowMs, -kAgeWindowMs);
    for (const WriteSeries &series : std::as_const(set.series)) {
        for (const WriteSample &sample : series.samples)
            old += sample.timestampMs < ageLimit ? 1 : 0;
    }
    if (old > 0) {
        plan.warnings.append(
            {QStringLiteral("older-than-age-window"),
             QStringLiteral(
                 "%1 of %2 samples are more than 1 hour old (from %3). A Prometheus receiver that already has "
                 "current data refuses them as 'out of bounds' unless out-of-order ingestion "
                 "(out_of_order_time_window, Prometheus 2.39+) is enabled; a managed service such as TMP sets "
                 "its own window. Into a receiver without newer data they are accepted, because this plan "
                 "sends the oldest samples first.")
                 .arg(old)
                 .arg(plan.sampleCount)
                 .arg(formatTimestamp(plan.minTimestampMs))});
    }
    checkFuture(set, nowMs, fileName, future, plan);
    if (limits.maxSamples > 5000) {
        plan.warnings.append(
            {QStringLiteral("large-batches"),
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
        out += QStringLiteral("  %1 samples were out of time order in the input; they are sent in order\n")
                   .arg(plan.reordered);
    if (plan.exactDuplicates > 0)
        out += QStringLiteral("  %1 exact repeats dropped\n").arg(plan.exactDuplicates);
    for (const Problem &problem : plan.problems)
        out += QStringLiteral("  %1\n").arg(formatProblem(problem));
    for (const PlanWarning &warning : plan.warnings)
        out += QStringLiteral("  warning: %1 [%2]\n").arg(warning.message, warning.code);
    return out;
}

} // namespace promdesk
