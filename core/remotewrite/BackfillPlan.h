#pragma once

#include "exposition/Problem.h"
#include "exposition/TextParser.h"
#include "remotewrite/Batcher.h"
#include "remotewrite/WriteSeries.h"
#include "util/Time.h"

#include <QList>
#include <QString>

namespace promdesk {

/// Something a backfill plan expects a receiver to do, in plain words.
struct PlanWarning
{
    QString code;
    QString message;
};

/// What a backfill will send and what a receiver is likely to do with it, before anything is sent.
struct BackfillPlan
{
    qint64 seriesCount = 0;
    qint64 sampleCount = 0;
    qint64 minTimestampMs = 0;
    qint64 maxTimestampMs = 0;
    QList<Batch> batches;
    qint64 reordered = 0;        // samples the input had out of time order (sorted for sending)
    qint64 exactDuplicates = 0;  // repeats dropped
    QList<Problem> problems;     // errors stop the run: conflicting duplicates, invalid labels
    QList<PlanWarning> warnings; // the receiver's age window and the future
    QString shardNote;           // why fewer shards are used than asked for, when they are

    [[nodiscard]] bool canSend() const;
    [[nodiscard]] int shardCount() const; // shards that have batches
};

/// Samples ahead of the clock: a Prometheus receiver takes a sample a year ahead, and from then
/// on refuses every current sample as "out of bounds". More than `toleranceMs` ahead is an error
/// unless `allowed`, and then the plan says what it will do.
struct FuturePolicy
{
    qint64 toleranceMs = kDefaultFutureToleranceMs;
    bool allowed = false;
};

// Normalises `set` (sorting, dropping exact repeats), cuts it into batches and checks the age
// window: a Prometheus receiver refuses samples older than about an hour before its newest data
// (unless out-of-order ingestion is on), and one refused sample rolls back its whole request.
BackfillPlan makeBackfillPlan(SeriesSet &set, const BatchLimits &limits, qint64 nowMs, const QString &fileName,
                              const FuturePolicy &future = {});

// How far behind its newest data a Prometheus receiver without out-of-order ingestion still
// takes samples (its head block's window).
inline constexpr qint64 kReceiverAgeWindowMs = 60 * 60 * 1000;

// Leaves out of `set` the samples a receiver with current data refuses as too old (older than
// `nowMs` minus kReceiverAgeWindowMs), and series left with none. Returns how many samples went.
qint64 leaveOutTooOld(SeriesSet &set, qint64 nowMs);

// Sending anyway, on purpose (write --no-check, the console's "Send anyway"): the plan's errors
// become warnings, so that the receiver gives its own verdict; all but samples ahead of the
// clock, which would break the receiver (FuturePolicy::allowed does that, on purpose).
void keepErrorsForTheReceiversVerdict(BackfillPlan &plan);

// "3 series, 1,000 samples from … to …" and what a batch holds, for messages about it.
QString describeBatch(const SeriesSet &set, const Batch &batch);
QString renderPlan(const BackfillPlan &plan);

} // namespace promdesk
