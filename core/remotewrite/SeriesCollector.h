#pragma once

#include "exposition/Problem.h"
#include "exposition/TextParser.h"
#include "remotewrite/WriteSeries.h"
#include "util/SeriesIndex.h"

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace promdesk {

/// Turns parser events into remote-write series: histogram and summary parts become their
/// `_bucket{le=}`, `_sum`, `_count` and `{quantile=}` series, samples without a timestamp get
/// `defaultTimestampMs`, and `extraLabels` are added to every series (a series' own label wins).
class SeriesCollector final : public SampleSink
{
public:
    SeriesCollector(qint64 defaultTimestampMs, Labels extraLabels = {});

    void onFamily(const FamilyDescriptor &) override {}
    void onSample(const SampleEvent &sample) override;

    SeriesSet take();

    // Appends what collectors of the input's next pieces gathered, as if this one had read on:
    // their new series after these (first lines moved by the piece's `linesBefore`), their
    // samples after these, each series' samples copied once into a list of their final size.
    // False, with nothing changed, when a series' samples would not stay strictly in time order
    // across a join: the caller then reads the input whole, which reports such things.
    bool absorb(std::span<SeriesCollector *const> pieces, std::span<const int> linesBefore);
    bool absorb(SeriesCollector &&next, int linesBefore)
    {
        SeriesCollector *const one[] = {&next};
        return absorb(one, std::span<const int>(&linesBefore, 1));
    }

private:
    // The position of the series with this key and hash, or -1.
    [[nodiscard]] qsizetype lookup(std::string_view key, std::uint64_t hash) const;
    // Records a new key at the next position (that of the series about to be appended).
    void add(std::string_view key, std::uint64_t hash);

    qint64 m_defaultTimestampMs;
    Labels m_extraLabels;
    SeriesSet m_set;
    // Series are found by their key's hash (the parser's seriesKey and seriesHash) and the key is
    // compared, so that two keys of one hash are still two series.
    SeriesIndex m_byHash; // hash → position + 1
    // The keys by position, end to end in one string: the key compared for every sample is then
    // next to the one compared before it, not in a heap block of its own.
    std::string m_keyText;
    std::vector<size_t> m_keyEnds;
    [[nodiscard]] std::string_view keyAt(size_t position) const
    {
        const size_t begin = position == 0 ? 0 : m_keyEnds[position - 1];
        return std::string_view(m_keyText).substr(begin, m_keyEnds[position] - begin);
    }
    std::vector<std::uint64_t> m_hashes;                   // by position
    std::unordered_map<std::string, qsizetype> m_collided; // keys whose hash an earlier key has
    // Each series' oldest and newest sample, kept as they come: absorb() checks a join without
    // reading the samples again.
    struct TimeRange
    {
        qint64 oldest;
        qint64 newest;
    };
    std::vector<TimeRange> m_ranges; // by position
    qsizetype m_lastPosition = -1;   // the series of the last sample
};

/// What normalize changed in a set and what it found wrong.
struct NormalizeReport
{
    qint64 reordered = 0;       // samples that were not in time order in the input
    qint64 exactDuplicates = 0; // same series, timestamp and value: dropped
    QList<Problem> problems;    // conflicting duplicates, bad labels
};

// Sorts each series' samples by time, drops exact repeats and reports what a receiver would
// refuse: two values at one timestamp, a missing or invalid __name__, bad or empty labels.
NormalizeReport normalize(SeriesSet &set, const QString &fileName);

// The series of a parsed model, for sending what was composed or imported (`write`).
SeriesSet seriesFromMetrics(const MetricSet &metrics, qint64 defaultTimestampMs);

} // namespace promdesk
