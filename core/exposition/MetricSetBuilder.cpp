#include "exposition/MetricSetBuilder.h"

namespace promdesk {

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

size_t qHash(const MetricSetBuilder::MetricKey &key, size_t seed)
{
    seed = ::qHash(key.family, seed);
    return qHash(key.labels, key.timestampMs ? ::qHash(*key.timestampMs, seed) : seed);
}

MetricFamily &MetricSetBuilder::family(std::string_view name)
{
    if (m_lastIndex >= 0 && name == m_lastName)
        return m_set.families[m_lastIndex];
    const QString key = toQString(name);
    auto it = m_familyIndex.constFind(key);
    if (it != m_familyIndex.cend()) {
        m_lastIndex = *it;
    } else {
        m_lastIndex = m_set.families.size();
        m_familyIndex.insert(key, m_lastIndex);
        m_set.families.append(MetricFamily{key, MetricType::Untyped, {}, {}, {}});
    }
    m_lastName.assign(name);
    return m_set.families[m_lastIndex];
}

void MetricSetBuilder::onFamily(const FamilyDescriptor &descriptor)
{
    MetricFamily &f = family(descriptor.familyName);
    f.type = descriptor.type;
    if (f.help.isEmpty())
        f.help = toQString(descriptor.help);
    if (f.unit.isEmpty())
        f.unit = toQString(descriptor.unit);
}

void MetricSetBuilder::onSample(const SampleEvent &sample)
{
    MetricFamily &f = family(sample.familyName);
    // HELP may follow the first sample in text 0.0.4; take it whenever it shows up.
    if (f.help.isEmpty() && !sample.help.empty())
        f.help = toQString(sample.help);

    // The parser hands labels over sorted, so they can be appended as they come.
    Labels labels;
    for (const LabelView &label : sample.labels)
        labels.set(toQString(label.name), toQString(label.value));

    // Plain samples are each a Metric of their own (a repeated series is an error the parser
    // reports); only the parts of a histogram or summary, and a counter's `_created`, have to
    // find their Metric.
    const bool compound = sample.role != SampleRole::Value || sample.type == MetricType::Counter;
    if (!compound) {
        Metric metric;
        metric.labels = std::move(labels);
        metric.timestampMs = sample.timestampMs;
        metric.sourceLine = sample.line;
        metric.value = sample.value;
        f.metrics.append(std::move(metric));
        return;
    }
    MetricKey key{m_lastIndex, std::move(labels), sample.timestampMs};
    qsizetype position = m_metricIndex.value(key, -1);
    if (position < 0) {
        position = f.metrics.size();
        m_metricIndex.insert(key, position);
        Metric metric;
        metric.labels = key.labels;
        metric.timestampMs = sample.timestampMs;
        metric.sourceLine = sample.line;
        f.metrics.append(std::move(metric));
    }
    Metric &metric = f.metrics[position];
    switch (sample.role) {
    case SampleRole::Value:
        metric.value = sample.value;
        break;
    case SampleRole::Bucket:
        metric.buckets.append(Bucket{sample.bound, sample.value});
        break;
    case SampleRole::Quantile:
        metric.quantiles.append(Quantile{sample.bound, sample.value});
        break;
    case SampleRole::Sum:
        metric.sum = sample.value;
        break;
    case SampleRole::Count:
        metric.count = sample.value;
        break;
    case SampleRole::Created:
        metric.created = sample.value;
        break;
    }
}

MetricSet MetricSetBuilder::take()
{
    m_familyIndex.clear();
    m_metricIndex.clear();
    m_lastIndex = -1;
    return std::exchange(m_set, {});
}

} // namespace promdesk
