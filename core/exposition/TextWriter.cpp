#include "exposition/TextWriter.h"

#include "model/Escaping.h"
#include "model/NumberFormat.h"

#include <algorithm>

namespace promdesk {

namespace {

bool hasSuffix(const QString &name, QLatin1String suffix)
{
    return name.size() > suffix.size() && name.endsWith(suffix);
}

class LineWriter
{
public:
    explicit LineWriter(QByteArray &out)
        : m_out(out)
    {}

    void number(double value)
    {
        char buffer[kNumberBufferSize];
        m_out.append(buffer, formatNumber(value, buffer));
    }

    void integer(qint64 value)
    {
        char buffer[kNumberBufferSize];
        m_out.append(buffer, formatInteger(value, buffer));
    }

    void seconds(qint64 ms)
    {
        char buffer[kNumberBufferSize];
        m_out.append(buffer, formatMillisecondsAsSeconds(ms, buffer));
    }

    void labels(const Labels &labels)
    {
        if (labels.isEmpty())
            return;
        m_out.append('{');
        bool first = true;
        for (const Label &label : labels) {
            if (!first)
                m_out.append(',');
            first = false;
            m_out.append(label.name.toUtf8());
            m_out.append("=\"", 2);
            m_out.append(escapeLabelValue(label.value).toUtf8());
            m_out.append('"');
        }
        m_out.append('}');
    }

    void sample(const QString &name, const Labels &labels, double value, std::optional<qint64> timestampMs,
                bool openMetrics)
    {
        sample(name.toUtf8(), labels, value, timestampMs, openMetrics);
    }

    void sample(const QByteArray &name, const Labels &labels, double value, std::optional<qint64> timestampMs,
                bool openMetrics)
    {
        m_out.append(name);
        this->labels(labels);
        m_out.append(' ');
        number(value);
        if (timestampMs) {
            m_out.append(' ');
            if (openMetrics)
                seconds(*timestampMs);
            else
                integer(*timestampMs);
        }
        m_out.append('\n');
    }

    void descriptor(const char *keyword, const QString &name, const QString &text)
    {
        m_out.append("# ");
        m_out.append(keyword);
        m_out.append(' ');
        m_out.append(name.toUtf8());
        m_out.append(' ');
        m_out.append(text.toUtf8());
        m_out.append('\n');
    }

private:
    QByteArray &m_out;
};

bool isCompound(MetricType type)
{
    return type == MetricType::Histogram || type == MetricType::GaugeHistogram || type == MetricType::Summary;
}

QString textTypeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return QStringLiteral("counter");
    case MetricType::Gauge:
    case MetricType::Info:
    case MetricType::StateSet:
        return QStringLiteral("gauge");
    case MetricType::Histogram:
    case MetricType::GaugeHistogram:
        return QStringLiteral("histogram");
    case MetricType::Summary:
        return QStringLiteral("summary");
    case MetricType::Untyped:
        return QStringLiteral("untyped");
    }
    return QStringLiteral("untyped");
}

// Text 0.0.4 has no gauge histogram: one read from `# TYPE x gauge_histogram` (as the Pushgateway
// does) owns no samples, its x_bucket, x_sum and x_count lines being untyped families of their
// own. Written as `# TYPE x histogram` it would claim those names again, and Go refuses a second
// TYPE line for 'x'; the Pushgateway drops such an empty family anyway.
bool isEmptyGaugeHistogram(const MetricFamily &family)
{
    return family.type == MetricType::GaugeHistogram && family.metrics.isEmpty();
}

struct OpenMetricsDescriptor
{
    MetricType type;
    QString name;
};

// OpenMetrics names a counter's family without `_total` and an info's without `_info`. A counter
// whose name lacks the suffix is written as unknown (an info as a gauge) so its series keep their
// names.
OpenMetricsDescriptor openMetricsDescriptor(const MetricFamily &family)
{
    if (family.type == MetricType::Counter) {
        return hasSuffix(family.name, QLatin1String("_total"))
            ? OpenMetricsDescriptor{MetricType::Counter, family.name.chopped(6)}
            : OpenMetricsDescriptor{MetricType::Untyped, family.name};
    }
    if (family.type == MetricType::Info) {
        return hasSuffix(family.name, QLatin1String("_info"))
            ? OpenMetricsDescriptor{MetricType::Info, family.name.chopped(5)}
            : OpenMetricsDescriptor{MetricType::Gauge, family.name};
    }
    return {family.type, family.name};
}

bool losesItsSum(MetricType type, const Metric &metric)
{
    return type == MetricType::Histogram && metric.sum
        && std::any_of(metric.buckets.cbegin(), metric.buckets.cend(),
                       [](const Bucket &b) { return b.upperBound < 0; });
}

} // namespace

QStringList familiesRetypedInOpenMetrics(const MetricSet &metrics)
{
    QStringList names;
    for (const MetricFamily &family : metrics.families) {
        if (openMetricsDescriptor(family).type != family.type)
            names << family.name;
    }
    return names;
}

int histogramsLosingTheirSum(const MetricSet &metrics)
{
    int count = 0;
    for (const MetricFamily &family : metrics.families) {
        count += int(std::count_if(family.metrics.cbegin(), family.metrics.cend(),
                                   [&](const Metric &metric) { return losesItsSum(family.type, metric); }));
    }
    return count;
}

QByteArray writeText(const MetricSet &metrics, const WriteOptions &options)
{
    QByteArray out;
    LineWriter writer(out);
    for (const MetricFamily &family : metrics.families) {
        if (isEmptyGaugeHistogram(family))
            continue;
        if (!family.help.isEmpty())
            writer.descriptor("HELP", family.name, escapeHelp(family.help));
        writer.descriptor("TYPE", family.name, textTypeName(family.type));
        if (!isCompound(family.type)) {
            // The common case, written without building flattened copies.
            const QByteArray name = family.name.toUtf8();
            for (const Metric &metric : family.metrics)
                writer.sample(name, metric.labels, metric.value,
                              options.includeTimestamps ? metric.timestampMs : std::nullopt, false);
            continue;
        }
        for (const FlatSample &sample : flatten(family, SuffixStyle::Text)) {
            writer.sample(sample.name, sample.labels, sample.value,
                          options.includeTimestamps ? sample.timestampMs : std::nullopt, false);
        }
    }
    return out;
}

QByteArray writeOpenMetrics(const MetricSet &metrics, const WriteOptions &options)
{
    QByteArray out;
    LineWriter writer(out);
    for (const MetricFamily &family : metrics.families) {
        const auto [type, descriptorName] = openMetricsDescriptor(family);
        writer.descriptor("TYPE", descriptorName,
                          type == MetricType::Untyped ? QStringLiteral("unknown") : metricTypeName(type));
        if (!family.unit.isEmpty())
            writer.descriptor("UNIT", descriptorName, family.unit);
        if (!family.help.isEmpty())
            writer.descriptor("HELP", descriptorName, escapeOpenMetricsHelp(family.help));
        const std::optional<qint64> noTimestamp;
        for (const Metric &metric : family.metrics) {
            MetricFamily single{family.name, family.type, {}, {}, {metric}};
            if (losesItsSum(family.type, metric)) {
                single.metrics.first().sum.reset();
                single.metrics.first().count.reset();
            }
            for (const FlatSample &sample : flatten(single, SuffixStyle::OpenMetrics)) {
                writer.sample(sample.name, sample.labels, sample.value,
                              options.includeTimestamps ? sample.timestampMs : noTimestamp, true);
            }
            if (metric.created) {
                writer.sample(descriptorName + QLatin1String("_created"), metric.labels, *metric.created,
                              options.includeTimestamps ? metric.timestampMs : noTimestamp, true);
            }
        }
    }
    out.append("# EOF\n");
    return out;
}

} // namespace promdesk
