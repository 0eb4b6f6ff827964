#include "remotewrite/SeriesCollector.h"

#include "exposition/NumberFormat.h"
#include "model/Names.h"
#include "model/Sample.h"

#include <QHash>

#include <algorithm>

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

void SeriesCollector::onSample(const SampleEvent &sample)
{
    // The key: name, then label pairs with separators that cannot occur in UTF-8 text.
    const char *suffix = suffixFor(sample.role, sample.type);
    char bound[kNumberBufferSize];
    int boundLength = 0;
    const char *boundName = sample.role == SampleRole::Bucket ? "le" : sample.role == SampleRole::Quantile ? "quantile" : nullptr;
    if (boundName)
        boundLength = formatNumber(sample.bound, bound);
    m_key.assign(sample.familyName);
    m_key += suffix;
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

    auto [it, inserted] = m_index.try_emplace(m_key, m_set.series.size());
    if (inserted) {
        WriteSeries series;
        series.labels = m_extraLabels;
        for (const LabelView &label : sample.labels)
            series.labels.set(q(label.name), q(label.value));
        if (boundName)
            series.labels.set(QString::fromLatin1(boundName), QString::fromLatin1(bound, boundLength));
        series.labels.set(QStringLiteral("__name__"), q(sample.familyName) + QLatin1String(suffix));
        series.firstLine = sample.line;
        series.type = sample.type;
        series.help = q(sample.help);
        series.unit = q(sample.unit);
        m_set.series.append(std::move(series));
    }
    m_set.series[it->second].samples.append(WriteSample{sample.timestampMs.value_or(m_defaultTimestampMs), sample.value});
}

bool SeriesCollector::absorb(SeriesCollector &&next, int linesBefore)
{
    std::vector<std::pair<qsizetype, const std::string *>> keys; // next's series in their order
    keys.reserve(next.m_index.size());
    for (const auto &[key, position] : next.m_index)
        keys.emplace_back(position, &key);
    std::sort(keys.begin(), keys.end());
    for (const auto &[position, key] : keys) {
        const auto known = m_index.find(*key);
        if (known == m_index.end())
            continue;
        const QList<WriteSample> &before = m_set.series.at(known->second).samples;
        const QList<WriteSample> &after = next.m_set.series.at(position).samples;
        const auto byTime = [](const WriteSample &a, const WriteSample &b) { return a.timestampMs < b.timestampMs; };
        if (std::max_element(before.cbegin(), before.cend(), byTime)->timestampMs
            >= std::min_element(after.cbegin(), after.cend(), byTime)->timestampMs)
            return false;
    }
    for (const auto &[position, key] : keys) {
        WriteSeries &series = next.m_set.series[position];
        const auto [it, inserted] = m_index.try_emplace(*key, m_set.series.size());
        if (inserted) {
            series.firstLine += linesBefore;
            m_set.series.append(std::move(series));
        } else {
            m_set.series[it->second].samples.append(series.samples);
        }
    }
    next.m_index.clear();
    next.m_set = {};
    return true;
}

SeriesSet SeriesCollector::take()
{
    m_index.clear();
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
