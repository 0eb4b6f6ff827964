#include "model/MetricFamily.h"

#include "model/NumberFormat.h"
#include "model/Sample.h"

#include <algorithm>

namespace promdesk {

namespace {

struct TypeName
{
    MetricType type;
    const char *name;
};

constexpr TypeName kTypeNames[] = {
    {MetricType::Untyped, "untyped"},
    {MetricType::Counter, "counter"},
    {MetricType::Gauge, "gauge"},
    {MetricType::Histogram, "histogram"},
    {MetricType::GaugeHistogram, "gaugehistogram"},
    {MetricType::Summary, "summary"},
    {MetricType::Info, "info"},
    {MetricType::StateSet, "stateset"},
};

bool sameOptional(const std::optional<double> &a, const std::optional<double> &b)
{
    return a.has_value() == b.has_value() && (!a || sameBits(*a, *b));
}

} // namespace

QString metricTypeName(MetricType type)
{
    for (const TypeName &entry : kTypeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("untyped");
}

std::optional<MetricType> metricTypeFromName(QStringView name)
{
    if (name == u"unknown")
        return MetricType::Untyped;
    for (const TypeName &entry : kTypeNames) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

bool operator==(const Metric &a, const Metric &b)
{
    auto sameQuantile = [](const Quantile &x, const Quantile &y) {
        return sameBits(x.quantile, y.quantile) && sameBits(x.value, y.value);
    };
    auto sameBucket = [](const Bucket &x, const Bucket &y) {
        return sameBits(x.upperBound, y.upperBound) && sameBits(x.cumulativeCount, y.cumulativeCount);
    };
    return a.labels == b.labels && sameBits(a.value, b.value)
        && std::equal(a.quantiles.cbegin(), a.quantiles.cend(), b.quantiles.cbegin(), b.quantiles.cend(), sameQuantile)
        && std::equal(a.buckets.cbegin(), a.buckets.cend(), b.buckets.cbegin(), b.buckets.cend(), sameBucket)
        && sameOptional(a.sum, b.sum) && sameOptional(a.count, b.count) && sameOptional(a.created, b.created)
        && a.timestampMs == b.timestampMs;
}

qsizetype MetricSet::seriesCount() const
{
    qsizetype total = 0;
    for (const MetricFamily &family : families)
        total += family.metrics.size();
    return total;
}

const MetricFamily *MetricSet::family(const QString &name) const
{
    for (const MetricFamily &family : families) {
        if (family.name == name)
            return &family;
    }
    return nullptr;
}

QList<FlatSample> flatten(const MetricFamily &family, SuffixStyle style)
{
    QList<FlatSample> out;
    const bool isHistogram = family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram;
    const bool isSummary = family.type == MetricType::Summary;
    for (const Metric &metric : family.metrics) {
        auto add = [&](const QString &name, const Labels &labels, double value) {
            out.append(FlatSample{name, labels, value, metric.timestampMs});
        };
        if (isSummary) {
            for (const Quantile &q : metric.quantiles) {
                Labels labels = metric.labels;
                labels.set(QStringLiteral("quantile"), formatNumber(q.quantile));
                add(family.name, labels, q.value);
            }
        } else if (isHistogram) {
            for (const Bucket &b : metric.buckets) {
                Labels labels = metric.labels;
                labels.set(QStringLiteral("le"), formatNumber(b.upperBound));
                add(family.name + QLatin1String("_bucket"), labels, b.cumulativeCount);
            }
        } else {
            add(family.name, metric.labels, metric.value);
            continue;
        }
        const bool gauge = family.type == MetricType::GaugeHistogram && style == SuffixStyle::OpenMetrics;
        if (metric.sum)
            add(family.name + (gauge ? QLatin1String("_gsum") : QLatin1String("_sum")), metric.labels, *metric.sum);
        if (metric.count)
            add(family.name + (gauge ? QLatin1String("_gcount") : QLatin1String("_count")), metric.labels,
                *metric.count);
    }
    return out;
}

} // namespace promdesk
