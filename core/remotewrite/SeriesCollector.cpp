#include "remotewrite/SeriesCollector.h"

#include "exposition/NumberFormat.h"
#include "model/Names.h"
#include "model/Sample.h"

#include <QHash>

#include <algorithm>

#include <xxhash.h>

namespace promdesk {

namespace {

QString q(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

const char *suffixFor(SampleRole role, MetricType type)
{
    const bool gauge = type == MetricType::GaugeHistogram;
    switch (role) {
    case SampleRole::Bucket: return "_bucket";
    case SampleRole::Sum: return gauge ? "_gsum" : "_sum";
    case SampleRole::Count: return gauge ? "_gcount" : "_count";
    case SampleRole::Created: return "_created";
    case SampleRole::Value:
    case SampleRole::Quantile: return "";
    }
    return "";
}

} // namespace

SeriesCollector::SeriesCollector(qint64 defaultTimestampMs, Labels extraLabels)
    : m_defaultTimestampMs(defaultTimestampMs)
    , m_extraLabels(std::move(extraLabels))
{
}

qsizetype SeriesCollector::lookup(std::string_view key, std::uint64_t hash) const
{
    const std::uint32_t known = m_byHash.find(hash).line;
    if (known == 0)
        return -1;
    if (m_keys[known - 1] == key)
        return known - 1;
    // Another key has this hash: such keys are kept apart, by their whole text.
    const auto collided = m_collided.find(std::string(key));
    return collided == m_collided.end() ? -1 : collided->second;
}

void SeriesCollector::add(std::string_view key, std::uint64_t hash)
{
    const auto position = qsizetype(m_keys.size());
    if (m_byHash.insert(hash, std::uint32_t(position + 1), 0).line != 0)
        m_collided.emplace(std::string(key), position);
    m_keys.emplace_back(key);
    m_hashes.push_back(hash);
}

void SeriesCollector::onSample(const SampleEvent &sample)
{
    const char *boundName = sample.role == SampleRole::Bucket ? "le" : sample.role == SampleRole::Quantile ? "quantile" : nullptr;
    char bound[kNumberBufferSize];
    int boundLength = 0;
    std::string_view key = sample.seriesKey;
    std::uint64_t hash = sample.seriesHash;
    if (boundName || key.empty()) {
        // Buckets and quantiles are one series however their bound is spelled: the key is built
        // from the parsed bound. (Its separators cannot occur in a key as written, UTF-8 text.)
        if (boundName)
            boundLength = formatNumber(sample.bound, bound);
        m_key.assign(sample.familyName);
        m_key += suffixFor(sample.role, sample.type);
        for (const LabelView &label : sample.labels) {
            m_key += '\xff';
            m_key += label.name;
            m_key += '\xfe';
            m_key += label.value;
        }
        if (boundName) {
            m_key += '\xfd';
            m_key.append(bound, size_t(boundLength));
        }
        key = m_key;
        hash = XXH3_64bits(key.data(), key.size());
    }

    qsizetype position = lookup(key, hash);
    if (position < 0) {
        position = m_set.series.size();
        add(key, hash);
        WriteSeries series;
        series.labels = m_extraLabels;
        for (const LabelView &label : sample.labels)
            series.labels.set(q(label.name), q(label.value));
        if (boundName)
            series.labels.set(QString::fromLatin1(boundName), QString::fromLatin1(bound, boundLength));
        series.labels.set(QStringLiteral("__name__"), q(sample.familyName) + QLatin1String(suffixFor(sample.role, sample.type)));
        series.firstLine = sample.line;
        series.type = sample.type;
        series.help = q(sample.help);
        series.unit = q(sample.unit);
        m_set.series.append(std::move(series));
    }
    m_set.series[position].samples.append(WriteSample{sample.timestampMs.value_or(m_defaultTimestampMs), sample.value});
}

bool SeriesCollector::absorb(SeriesCollector &&next, int linesBefore)
{
    // Where each of next's series is here, or -1; checked all first, so a refusal changes nothing.
    std::vector<qsizetype> here(next.m_keys.size(), -1);
    for (size_t i = 0; i < next.m_keys.size(); ++i) {
        here[i] = lookup(next.m_keys[i], next.m_hashes[i]);
        if (here[i] < 0)
            continue;
        const QList<WriteSample> &before = m_set.series.at(here[i]).samples;
        const QList<WriteSample> &after = next.m_set.series.at(qsizetype(i)).samples;
        const auto byTime = [](const WriteSample &a, const WriteSample &b) { return a.timestampMs < b.timestampMs; };
        if (std::max_element(before.cbegin(), before.cend(), byTime)->timestampMs
            >= std::min_element(after.cbegin(), after.cend(), byTime)->timestampMs)
            return false;
    }
    for (size_t i = 0; i < next.m_keys.size(); ++i) {
        WriteSeries &series = next.m_set.series[qsizetype(i)];
        if (here[i] < 0) {
            add(next.m_keys[i], next.m_hashes[i]);
            series.firstLine += linesBefore;
            m_set.series.append(std::move(series));
        } else {
            m_set.series[here[i]].samples.append(series.samples);
        }
    }
    next = SeriesCollector(next.m_defaultTimestampMs, next.m_extraLabels);
    return true;
}

SeriesSet SeriesCollector::take()
{
    m_byHash = {};
    m_keys.clear();
    m_hashes.clear();
    m_collided.clear();
    return std::exchange(m_set, {});
}

NormalizeReport normalize(SeriesSet &set, const QString &fileName)
{
    NormalizeReport report;
    auto problem = [&](const WriteSeries &series, Severity severity, const char *code, const QString &message) {
        report.problems.append(Problem{fileName, series.firstLine, series.firstLine > 0 ? 1 : 0, severity,
                                       QString::fromLatin1(code), message, std::nullopt});
    };
    for (WriteSeries &series : set.series) {
        const QString printable = series.name() + series.labels.toString();
        if (!isValidMetricName(series.name()))
            problem(series, Severity::Error, "missing-metric-name",
                    QStringLiteral("series %1 has no valid __name__; remote write receivers drop it").arg(printable));
        for (const Label &label : series.labels) {
            if (label.name != u"__name__" && (!isValidLabelName(label.name) || label.name.startsWith(QLatin1String("__"))))
                problem(series, Severity::Error, "invalid-label-name",
                        QStringLiteral("label name '%1' of %2 is not valid for remote write").arg(label.name, printable));
        }
        // Empty values mean "no label": drop them so the request stays valid.
        QStringList empty;
        for (const Label &label : series.labels) {
            if (label.value.isEmpty())
                empty << label.name;
        }
        for (const QString &name : std::as_const(empty))
            series.labels.remove(name);

        QList<WriteSample> &samples = series.samples;
        if (!std::is_sorted(samples.cbegin(), samples.cend(),
                            [](const WriteSample &a, const WriteSample &b) { return a.timestampMs < b.timestampMs; })) {
            for (qsizetype i = 1; i < samples.size(); ++i)
                report.reordered += samples[i].timestampMs < samples[i - 1].timestampMs ? 1 : 0;
            std::stable_sort(samples.begin(), samples.end(),
                             [](const WriteSample &a, const WriteSample &b) { return a.timestampMs < b.timestampMs; });
        }
        qsizetype kept = 0;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            if (kept > 0 && samples[kept - 1].timestampMs == samples[i].timestampMs) {
                if (sameBits(samples[kept - 1].value, samples[i].value)) {
                    ++report.exactDuplicates;
                    continue;
                }
                problem(series, Severity::Error, "conflicting-samples",
                        QStringLiteral("%1 has two values at %2 (%3 and %4); a receiver refuses the second as a "
                                       "duplicate sample. Keep one")
                            .arg(printable, QString::number(samples[i].timestampMs), formatNumber(samples[kept - 1].value),
                                 formatNumber(samples[i].value)));
                continue;
            }
            samples[kept++] = samples[i];
        }
        samples.resize(kept);
    }
    return report;
}

SeriesSet seriesFromMetrics(const MetricSet &metrics, qint64 defaultTimestampMs)
{
    SeriesSet set;
    QHash<Labels, qsizetype> index;
    for (const MetricFamily &family : metrics.families) {
        for (const FlatSample &sample : flatten(family, SuffixStyle::OpenMetrics)) {
            Labels labels = sample.labels;
            labels.set(QStringLiteral("__name__"), sample.name);
            qsizetype position = index.value(labels, -1);
            if (position < 0) {
                position = set.series.size();
                index.insert(labels, position);
                set.series.append(WriteSeries{labels, {}, 0, family.type, family.help, family.unit});
            }
            set.series[position].samples.append(WriteSample{sample.timestampMs.value_or(defaultTimestampMs), sample.value});
        }
    }
    return set;
}

} // namespace promdesk
