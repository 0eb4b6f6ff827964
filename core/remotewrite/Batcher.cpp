#include "remotewrite/Batcher.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <vector>

namespace promdesk {

namespace {

struct Entry
{
    qint64 timestampMs;
    int series;
    int sample;
};

qint64 labelBytes(const WriteSeries &series)
{
    qint64 bytes = 0;
    for (const Label &label : series.labels)
        bytes += label.name.size() + label.value.size() + 6;
    return bytes;
}

constexpr qint64 kSampleBytes = 20; // a Sample message: tag, double, tag, varint timestamp, framing

} // namespace

QList<Batch> planBatches(const SeriesSet &set, const BatchLimits &limits)
{
    const int shards = std::max(1, limits.shards);
    const int maxSamples = std::max(1, limits.maxSamples);
    QList<Batch> batches;
    for (int shard = 0; shard < shards; ++shard) {
        std::vector<Entry> entries;
        for (int s = 0; s < set.series.size(); ++s) {
            if (s % shards != shard)
                continue;
            const QList<WriteSample> &samples = set.series.at(s).samples;
            for (int i = 0; i < samples.size(); ++i)
                entries.push_back(Entry{samples.at(i).timestampMs, s, i});
        }
        std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
            return a.timestampMs != b.timestampMs ? a.timestampMs < b.timestampMs : a.series < b.series;
        });

        Batch batch;
        qint64 bytes = 0;
        QHash<int, qsizetype> sliceOf; // series → its slice in the current batch
        auto flush = [&] {
            if (batch.sampleCount == 0)
                return;
            batch.shard = shard;
            batches.append(std::move(batch));
            batch = Batch{};
            bytes = 0;
            sliceOf.clear();
        };
        for (const Entry &entry : entries) {
            const bool newSeries = !sliceOf.contains(entry.series);
            const qint64 cost = kSampleBytes + (newSeries ? labelBytes(set.series.at(entry.series)) : 0);
            if (batch.sampleCount >= maxSamples || (batch.sampleCount > 0 && bytes + cost > limits.maxBytes))
                flush();
            auto it = sliceOf.find(entry.series);
            if (it == sliceOf.end()) {
                sliceOf.insert(entry.series, batch.slices.size());
                batch.slices.append(BatchSlice{entry.series, entry.sample, entry.sample + 1});
                bytes += kSampleBytes + labelBytes(set.series.at(entry.series));
            } else {
                // Samples of a series come in time order, so its part of a batch is one range.
                batch.slices[*it].end = entry.sample + 1;
                bytes += kSampleBytes;
            }
            if (batch.sampleCount == 0)
                batch.minTimestampMs = entry.timestampMs;
            batch.maxTimestampMs = entry.timestampMs;
            ++batch.sampleCount;
        }
        flush();
    }
    return batches;
}

} // namespace promdesk
