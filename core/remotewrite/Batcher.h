#pragma once

#include "remotewrite/WriteSeries.h"

#include <QList>

namespace promdesk {

/// A range of one series' samples that goes into a batch.
struct BatchSlice
{
    int series = 0;      // index into SeriesSet::series
    qsizetype begin = 0; // sample range [begin, end)
    qsizetype end = 0;
};

} // namespace promdesk

// All-zero bytes are the default slice: QList may append and grow by memcpy.
Q_DECLARE_TYPEINFO(promdesk::BatchSlice, Q_PRIMITIVE_TYPE);

namespace promdesk {

/// One request's worth of samples.
struct Batch
{
    QList<BatchSlice> slices;
    qint64 sampleCount = 0;
    qint64 minTimestampMs = 0;
    qint64 maxTimestampMs = 0;
    int shard = 0;
};

/// How big a remote-write request may get, and how many go at once.
struct BatchLimits
{
    int maxSamples = 2000;     // Prometheus' own max_samples_per_send
    qint64 maxBytes = 4 << 20; // uncompressed protobuf, estimated
    // Parallel streams, as Prometheus' own remote write uses; a series always stays in one shard,
    // the shards move forward in time together (maxShardLeadMs), and cancelling lets the requests
    // on the wire finish (BackfillRun::cancel), so a resumed run knows what the receiver applied.
    // Four: a request then carries a quarter of the series with four times the samples each,
    // which a receiver applies faster (its cost goes mostly by series), and four requests keep
    // it busy while the next ones are made (docs/performance.md).
    int shards = 4;
    // How far (in the samples' time) one shard may run ahead of the oldest sample another shard
    // still has to deliver. A receiver refuses samples older than its newest minus about an hour,
    // so the shards must move forward together; BackfillRun holds a shard back at this distance.
    qint64 maxShardLeadMs = 10 * 60 * 1000;
};

// Cuts the set into batches in time order: every batch holds the oldest samples not yet placed,
// across all series of its shard, so a receiver's "too old" window moves forward with the run
// and each series' samples arrive in order across batches. The shards' batches are listed
// interleaved by their oldest sample: replayed in list order by one sender, all are accepted.
QList<Batch> planBatches(const SeriesSet &set, const BatchLimits &limits);

} // namespace promdesk
