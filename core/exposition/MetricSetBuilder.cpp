#include "exposition/MetricSetBuilder.h"

namespace promdesk {

namespace {

QString toQString(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

} // namespace

size_t qHash(const MetricSetBuilder::MetricKey &key, size_t seed)
{
    return qHash(key.labels, key.timestampMs ? ::qHash(*key.timestampMs, seed) : seed);
}

MetricFamily &MetricSetBuilder::family(std::string_view name)
{
    const QString key = toQString(name);
    auto it = m_familyIndex.constFind(key);
    if (it != m_familyIndex.cend())
        return m_set.families[*it];
    m_familyIndex.insert(key, m_set.families.size());
    m_set.families.append(MetricFamily{key, MetricType::Untyped, {}, {}, {}});
    return m_set.families.last();
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

    MetricKey key;
    for (const LabelView &label : sample.labels)
        key.labels.set(toQString(label.name), toQString(label.value));
    key.timestampMs = sample.timestampMs;

    QHash<MetricKey, qsizetype> &index = m_metricIndex[f.name];
    qsizetype position = index.value(key, -1);
    if (position < 0) {
        position = f.metrics.size();
        index.insert(key, position);
        Metric metric;
        metric.labels = key.labels;
        metric.timestampMs = sample.timestampMs;
        metric.sourceLine = sample.line;
        f.metrics.append(std::move(metric));
    }
    Metric &metric = f.metrics[position];
    switch (sample.role) {
    case SampleRole::Value: metric.value = sample.value; break;
    case SampleRole::Bucket: metric.buckets.append(Bucket{sample.bound, sample.value}); break;
    case SampleRole::Quantile: metric.quantiles.append(Quantile{sample.bound, sample.value}); break;
    case SampleRole::Sum: metric.sum = sample.value; break;
    case SampleRole::Count: metric.count = sample.value; break;
    case SampleRole::Created: metric.created = sample.value; break;
    }
}

MetricSet MetricSetBuilder::take()
{
    m_familyIndex.clear();
    m_metricIndex.clear();
    return std::exchange(m_set, {});
}

} // namespace promdesk
