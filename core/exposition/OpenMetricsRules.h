#pragma once

#include "exposition/TextParser.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

namespace promdesk::detail {

/// The rules OpenMetrics 1.0 sets on a family's samples beyond the syntax of one line, as its
/// official parser test suite (OpenObservability/OpenMetrics tests/testdata/parsers) and
/// prometheus_client's parser check them: counter-like values, info and stateset values, how the
/// samples of a family are grouped and timed, a histogram's buckets, _sum and _count, and names
/// that clash between families. Text 0.0.4 has none of these rules (see docs/validation.md).
/// The parser feeds it the samples of each family in order, and ends each family.
class OpenMetricsRules
{
public:
    using Report = std::function<void(int line, const char *code, const QString &message)>;
    explicit OpenMetricsRules(Report report);

    struct Sample
    {
        std::string_view family; // the declared name
        MetricType type = MetricType::Untyped;
        SampleRole role = SampleRole::Value;
        std::span<const LabelView> labels; // without le / quantile
        double bound = 0;
        double value = 0;
        // Nanoseconds, as OpenMetrics parsers read `seconds.fraction` (the fraction cut after nine
        // digits): finer than the milliseconds the parser keeps.
        std::optional<long double> timestamp;
        int line = 0;
        std::string_view seriesKey; // the series, its bound spelt as formatNumber writes it
        // The `le` or `quantile` as written when the key spells it otherwise ("1.0" keyed as "1").
        // Parsers of OpenMetrics read a bucket spelt otherwise as a bucket of its own (out of order).
        std::string_view boundAsWritten;
    };
    void onSample(const Sample &sample);
    // The family's last line was read: checks its last histogram group, its unit, and that none of
    // the names it owns was owned by an earlier family.
    void endFamily(std::string_view name, MetricType type, std::string_view unit, int line);

private:
    struct HistogramRun
    {
        std::uint64_t group = 0;
        std::optional<long double> timestamp;
        int line = 0;
        std::optional<double> lastBound;
        double lastBucketValue = 0;
        std::optional<double> count;
        bool hasSum = false;
        bool hasGaugeSum = false;
        bool negativeBucket = false;
        bool negativeGaugeSum = false;
    };
    void checkValue(const Sample &sample);
    void checkGrouping(const Sample &sample, std::uint64_t group);
    void addToHistogram(const Sample &sample, std::uint64_t group);
    void finishHistogram();
    void startFamily(std::string_view family);
    std::uint64_t groupOf(const Sample &sample);

    Report m_report;
    // Per family, and reset with it. Label sets and series are kept as 64-bit XXH3 hashes: a
    // file of many series costs 8 bytes each here, not their text.
    std::string m_family;   // whose samples the state below is about
    std::string m_groupKey; // reused buffer
    std::unordered_set<std::uint64_t> m_seenGroups;
    std::optional<std::uint64_t> m_group;
    std::optional<long double> m_groupTimestamp;
    // The series seen in the current label set since it began: a repeat of one at the set's
    // current timestamp is dropped before the histogram checks. Cleared only when the label set
    // changes, as prometheus_client does (its verdicts are the reference), not per timestamp.
    std::unordered_set<std::uint64_t> m_groupSeries;
    std::optional<HistogramRun> m_histogram;
    std::unordered_set<std::string> m_ownedNames;
    std::unordered_set<std::string> m_endedFamilies;
};

} // namespace promdesk::detail
