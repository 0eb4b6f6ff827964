#include "remotewrite/Batcher.h"

#include "util/Parallel.h"

#include <QThread>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <numeric>
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

bool earlier(const Entry &a, const Entry &b)
{
    return a.timestampMs != b.timestampMs ? a.timestampMs < b.timestampMs : a.series < b.series;
}

// The shard's samples, oldest first (ties: lower series first).
std::vector<Entry> inTimeOrder(const SeriesSet &set, int shards, int shard)
{
    std::vector<Entry> entries;
    bool eachSeriesInOrder = true;
    size_t total = 0;
    qint64 oldest = std::numeric_limits<qint64>::max();
    qint64 newest = std::numeric_limits<qint64>::min();
    for (int s = shard; s < set.series.size(); s += shards) {
        const QList<WriteSample> &samples = set.series.at(s).samples;
        total += size_t(samples.size());
        eachSeriesInOrder = eachSeriesInOrder
            && std::adjacent_find(
                   samples.cbegin(), samples.cend(),
                   [](const WriteSample &a, const WriteSample &b) { return a.timestampMs >= b.timestampMs; })
                == samples.cend();
        if (!samples.isEmpty()) {
            oldest = std::min(oldest, samples.constFirst().timestampMs);
            newest = std::max(newest, samples.constLast().timestampMs);
        }
    }
    entries.reserve(total);
    const int seriesBits = std::bit_width(std::max<size_t>(size_t(set.series.size()), 1));
    // Unsigned: the span of two far-apart timestamps does not fit a qint64.
    std::uint64_t span = total > 0 ? std::uint64_t(newest) - std::uint64_t(oldest) : 0;
    // Samples mostly come at a fixed step (15 s, a minute): in steps, the keys need fewer bits,
    // and the sort fewer passes. The step is the greatest common divisor of the offsets.
    std::uint64_t step = span;
    for (int s = shard; s < set.series.size() && step > 1; s += shards) {
        for (const WriteSample &sample : set.series.at(s).samples) {
            step = std::gcd(step, std::uint64_t(sample.timestampMs) - std::uint64_t(oldest));
            if (step == 1)
                break;
        }
    }
    step = std::max<std::uint64_t>(step, 1);
    span /= step;
    const bool packable = eachSeriesInOrder && total > 0 && seriesBits <= 24 && std::bit_width(span) + seriesBits <= 64;
    if (!packable) {
        for (int s = shard; s < set.series.size(); s += shards) {
            const QList<WriteSample> &samples = set.series.at(s).samples;
            for (int i = 0; i < samples.size(); ++i)
                entries.push_back(Entry{samples.at(i).timestampMs, s, i});
        }
        std::stable_sort(entries.begin(), entries.end(), earlier);
        return entries;
    }
    // Every series is in order already (normalize() sees to it): sort one number per sample,
    // time above series, with a radix sort, and take each series' samples in turn. A million
    // samples sort in a fraction of what comparing Entry structs took.
    std::vector<std::uint64_t> keys;
    keys.reserve(total);
    for (int s = shard; s < set.series.size(); s += shards) {
        for (const WriteSample &sample : set.series.at(s).samples)
            keys.push_back((((std::uint64_t(sample.timestampMs) - std::uint64_t(oldest)) / step) << seriesBits)
                           | std::uint64_t(s));
    }
    // As few passes as digits of up to 12 bits allow (their counts stay in the L1 cache).
    const int keyBits = std::bit_width(span) + seriesBits;
    constexpr int kMaxDigitBits = 12;
    const int passes = std::max(1, (keyBits + kMaxDigitBits - 1) / kMaxDigitBits);
    const int digitBits = (keyBits + passes - 1) / passes;
    const std::uint64_t digitMask = (std::uint64_t(1) << digitBits) - 1;
    std::vector<std::uint64_t> scratch(keys.size());
    std::vector<size_t> counts;
    for (int shift = 0; shift < keyBits; shift += digitBits) {
        counts.assign(size_t(digitMask) + 2, 0);
        for (const std::uint64_t key : keys)
            ++counts[((key >> shift) & digitMask) + 1];
        for (size_t d = 1; d < counts.size(); ++d)
            counts[d] += counts[d - 1];
        for (const std::uint64_t key : keys)
            scratch[counts[(key >> shift) & digitMask]++] = key;
        keys.swap(scratch);
    }
    std::vector<int> nextSample(size_t(set.series.size()), 0);
    const std::uint64_t seriesMask = (std::uint64_t(1) << seriesBits) - 1;
    for (const std::uint64_t key : keys) {
        const int series = int(key & seriesMask);
        entries.push_back(
            Entry{qint64(std::uint64_t(oldest) + (key >> seriesBits) * step), series, nextSample[size_t(series)]++});
    }
    return entries;
}

} // namespace

namespace {

// One shard's batches, oldest samples first.
QList<Batch> planShard(const SeriesSet &set, const BatchLimits &limits, int maxSamples, int shards, int shard)
{
    const std::vector<Entry> entries = inTimeOrder(set, shards, shard);
    QList<Batch> batches;
    Batch batch;
    qint64 bytes = 0;
    // Where a series' slice is in the current batch: valid when its stamp is the batch's number.
    std::vector<int> stampOf(size_t(set.series.size()), -1);
    std::vector<qsizetype> sliceOf(size_t(set.series.size()), 0);
    int stamp = 0;
    auto flush = [&] {
        if (batch.sampleCount == 0)
            return;
        batch.shard = shard;
        batches.append(std::move(batch));
        batch = Batch{};
        bytes = 0;
        ++stamp;
    };
    for (const Entry &entry : entries) {
        const auto series = size_t(entry.series);
        const bool newSeries = stampOf[series] != stamp;
        const qint64 cost = kSampleBytes + (newSeries ? labelBytes(set.series.at(entry.series)) : 0);
        if (batch.sampleCount >= maxSamples || (batch.sampleCount > 0 && bytes + cost > limits.maxBytes))
            flush();
        if (stampOf[series] != stamp) {
            stampOf[series] = stamp;
            sliceOf[series] = batch.slices.size();
            batch.slices.append(BatchSlice{entry.series, entry.sample, entry.sample + 1});
            bytes += kSampleBytes + labelBytes(set.series.at(entry.series));
        } else {
            // Samples of a series come in time order, so its part of a batch is one range.
            batch.slices[sliceOf[series]].end = entry.sample + 1;
            bytes += kSampleBytes;
        }
        if (batch.sampleCount == 0)
            batch.minTimestampMs = entry.timestampMs;
        batch.maxTimestampMs = entry.timestampMs;
        ++batch.sampleCount;
    }
    flush();
    return batches;
}

} // namespace

QList<Batch> planBatches(const SeriesSet &set, const BatchLimits &limits)
{
    const int maxSamples = std::max(1, limits.maxSamples);
    // No more shards than batches' worth of samples: what fits in one request goes as one.
    const qint64 samples = set.sampleCount();
    const int shards = int(std::clamp<qint64>((samples + maxSamples - 1) / maxSamples, 1, std::max(1, limits.shards)));
    // The shards are planned at once, each on a core, when there is enough to share.
    const int threads = samples >= 100000 ? std::min(shards, std::max(1, QThread::idealThreadCount())) : 1;
    std::vector<QList<Batch>> perShard(static_cast<size_t>(shards));
    forEachIndexInParallel(perShard.size(), threads, [&](size_t shard) {
        perShard[shard] = planShard(set, limits, maxSamples, shards, int(shard));
    });
    QList<Batch> batches;
    for (QList<Batch> &shardBatches : perShard)
        batches.append(std::move(shardBatches));
    // The shards' batches interleaved by time: the order one sender would have to keep, so a dry
    // run's requests (and --save-requests' files) can be replayed one after another without the
    // receiver refusing a shard's old samples as out of bounds. Each shard's own order is kept.
    std::stable_sort(batches.begin(), batches.end(),
                     [](const Batch &a, const Batch &b) { return a.minTimestampMs < b.minTimestampMs; });
    return batches;
}

} // namespace promdesk
