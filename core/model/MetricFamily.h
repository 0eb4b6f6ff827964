#pragma once

#include "model/Labels.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace promdesk {

/// The type a family declares with `# TYPE`.
enum class MetricType {
    Untyped, // "untyped" in text 0.0.4, "unknown" in OpenMetrics
    Counter,
    Gauge,
    Histogram,
    GaugeHistogram,
    Summary,
    Info,
    StateSet,
};

// Text 0.0.4 spelling for the types it knows; OpenMetrics spelling otherwise.
QString metricTypeName(MetricType type);
std::optional<MetricType> metricTypeFromName(QStringView name);

/// One quantile of a summary and its value.
struct Quantile
{
    double quantile = 0;
    double value = 0;
    friend bool operator==(const Quantile &, const Quantile &) = default;
};

/// One bucket of a histogram: its upper bound (`le`) and cumulative count.
struct Bucket
{
    double upperBound = 0;
    double cumulativeCount = 0;
    friend bool operator==(const Bucket &, const Bucket &) = default;
};

/// One logical metric of a family: a plain value, or a whole histogram/summary (buckets or
/// quantiles plus sum and count) under one label set that excludes `le` and `quantile`.
struct Metric
{
    Labels labels;
    double value = 0;              // counter, gauge, untyped, info, stateset
    QList<Quantile> quantiles;     // summary
    QList<Bucket> buckets;         // histogram, gauge histogram (cumulative, by upper bound)
    std::optional<double> sum;     // histogram, summary
    std::optional<double> count;   // histogram, summary
    std::optional<double> created; // OpenMetrics `_created`, in seconds
    std::optional<qint64> timestampMs;
    int sourceLine = 0; // first line it came from; 0 when composed

    // Value comparison: bit-exact doubles, so NaN == NaN and the stale marker differs from NaN.
    friend bool operator==(const Metric &a, const Metric &b);
};

/// A family as the exposition formats group it. The name is the one samples carry in text 0.0.4:
/// counters keep their `_total` (OpenMetrics input is normalised to that), histograms and
/// summaries use the base name.
struct MetricFamily
{
    QString name;
    MetricType type = MetricType::Untyped;
    QString help;
    QString unit;
    QList<Metric> metrics;

    friend bool operator==(const MetricFamily &, const MetricFamily &) = default;
};

/// Metric families in the order they were read or composed: what is pushed or written.
struct MetricSet
{
    QList<MetricFamily> families;

    [[nodiscard]] qsizetype seriesCount() const;
    [[nodiscard]] const MetricFamily *family(const QString &name) const;

    friend bool operator==(const MetricSet &, const MetricSet &) = default;
};

/// One flat sample as it appears on a text line or in a remote-write series.
struct FlatSample
{
    QString name;
    Labels labels;
    double value = 0;
    std::optional<qint64> timestampMs;
};

enum class SuffixStyle { Text, OpenMetrics };

// Expands histograms and summaries into `_bucket`/`_sum`/`_count` and `{quantile=}` samples.
// Gauge histograms use `_gsum`/`_gcount` in the OpenMetrics style.
QList<FlatSample> flatten(const MetricFamily &family, SuffixStyle style = SuffixStyle::Text);

} // namespace promdesk
