#include "remotewrite/BackfillPlan.h"

#include "remotewrite/SeriesCollector.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QDateTime>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackfillPlan)
};

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
    const QString aheadBy = formatSpan(subtractSaturated(plan.maxTimestampMs, nowMs));
    if (!policy.allowed) {
        Problem problem;
        problem.file = fileName;
        problem.line = firstSeries->firstLine;
        problem.code = QStringLiteral("timestamp-in-future");
        //: %3 and %5 are spans such as "5 min", %4 a time
        problem.message = Tr::tr("%1 of %2 samples are more than %3 ahead of this machine's clock, up to %4 (%5 "
                                 "ahead). A receiver such as Prometheus accepts them, and from then on refuses "
                                 "every current sample as 'out of bounds' until that time. Check the "
                                 "clock and the timestamps' unit; --allow-future sends them anyway.")
                              .arg(QString::number(count), QString::number(plan.sampleCount),
                                   formatSpan(policy.toleranceMs), formatTimestamp(plan.maxTimestampMs), aheadBy);
        plan.problems.append(problem);
        return;
    }
    plan.warnings.append(
        {QStringLiteral("in-the-future"),
         //: %3, %5 and %7 are spans such as "5 min", %4 and %6 times
         Tr::tr("%1 of %2 samples are more than %3 ahead of this machine's clock, up to %4 (%5 ahead). Sent "
                "anyway (--allow-future): a Prometheus receiver accepts them, and "
                "then refuses every current sample as 'out of bounds' until %6 — its "
                "current data stops for %7.")
             .arg(QString::number(count), QString::number(plan.sampleCount), formatSpan(policy.toleranceMs),
                  formatTimestamp(plan.maxTimestampMs), aheadBy,
                  formatTimestamp(addSaturated(plan.maxTimestampMs, -kAgeWindowMs)), aheadBy)});
}

} // namespace

void keepErrorsForTheReceiversVerdict(BackfillPlan &plan)
{
    for (Problem &problem : plan.problems) {
        if (problem.severity == Severity::Error && problem.code != u"timestamp-in-future") {
            problem.severity = Severity::Warning;
            //: %1 is a problem's message
            problem.message = Tr::tr("%1 (sent anyway, for the receiver's own verdict)").arg(problem.message);
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
        plan.shardNote = Tr::tr("sent with one shard: a batch covers up to %1 minutes of data, and parallel "
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
             Tr::tr("%1 of %2 samples are more than 1 hour old (from %3). A Prometheus receiver that already has "
                    "current data refuses them as 'out of bounds' unless out-of-order ingestion "
                    "(out_of_order_time_window, Prometheus 2.39+) is enabled; a managed service such as TMP sets "
                    "its own window. Into a receiver without newer data they are accepted, because this plan "
                    "sends the oldest samples first.")
                 .arg(QString::number(old), QString::number(plan.sampleCount), formatTimestamp(plan.minTimestampMs))});
    }
    checkFuture(set, nowMs, fileName, future, plan);
    if (limits.maxSamples > 5000) {
        plan.warnings.append({QStringLiteral("large-batches"),
                              Tr::tr("one refused sample rolls back its whole request; batches of %1 samples lose "
                                     "much at once. 2000 (Prometheus' own default) is a safer size.")
                                  .arg(limits.maxSamples)});
    }
    return plan;
}

QString describeBatch(const SeriesSet &set, const Batch &batch)
{
    QString text = Tr::tr("%1 samples of %2 series, %3 to %4")
                       .arg(QString::number(batch.sampleCount), QString::number(batch.slices.size()),
                            formatTimestamp(batch.minTimestampMs), formatTimestamp(batch.maxTimestampMs));
    if (batch.slices.isEmpty())
        return text;
    const WriteSeries &first = set.series.at(batch.slices.constFirst().series);
    QString name = first.name();
    Labels others = first.labels;
    others.remove(QStringLiteral("__name__"));
    //: %1 describes a batch, %2%3 is its first series (name and labels), %4 a line number
    return first.firstLine > 0 ? Tr::tr("%1, starting with %2%3 (input line %4)")
                                     .arg(text, name, others.toString(), QString::number(first.firstLine))
                               : Tr::tr("%1, starting with %2%3").arg(text, name, others.toString());
}

QString renderPlan(const BackfillPlan &plan)
{
    QString out;
    const QString series = QString::number(plan.seriesCount);
    const QString samples = QString::number(plan.sampleCount);
    if (plan.sampleCount == 0) {
        out += Tr::tr("Plan: %1 series, %2 samples").arg(series, samples);
    } else if (plan.shardCount() > 1) {
        out += Tr::tr("Plan: %1 series, %2 samples from %3 to %4, in %5 request(s) over %6 parallel shards")
                   .arg(series, samples, formatTimestamp(plan.minTimestampMs), formatTimestamp(plan.maxTimestampMs),
                        QString::number(plan.batches.size()), QString::number(plan.shardCount()));
    } else {
        out += Tr::tr("Plan: %1 series, %2 samples from %3 to %4, in %5 request(s)")
                   .arg(series, samples, formatTimestamp(plan.minTimestampMs), formatTimestamp(plan.maxTimestampMs),
                        QString::number(plan.batches.size()));
    }
    out += QLatin1Char('\n');
    if (!plan.shardNote.isEmpty())
        out += QStringLiteral("  %1\n").arg(plan.shardNote);
    if (plan.reordered > 0)
        out += QStringLiteral("  %1\n").arg(
            Tr::tr("%1 samples were out of time order in the input; they are sent in order").arg(plan.reordered));
    if (plan.exactDuplicates > 0)
        out += QStringLiteral("  %1\n").arg(Tr::tr("%1 exact repeats dropped").arg(plan.exactDuplicates));
    for (const Problem &problem : plan.problems)
        out += QStringLiteral("  %1\n").arg(formatProblem(problem));
    for (const PlanWarning &warning : plan.warnings)
        // "warning:" and the code as validate writes them, for the eye and for grep alike.
        out += QStringLiteral("  warning: %1 [%2]\n").arg(warning.message, warning.code);
    return out;
}

} // namespace promdesk
