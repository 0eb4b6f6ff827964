#include "remotewrite/SeriesCollector.h"

#include "model/Names.h"
#include "model/NumberFormat.h"
#include "model/Sample.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SeriesCollector)
};

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The label that holds a bucket's or a quantile's bound; null for other samples.
const char *boundLabelName(SampleRole role)
{
    return role == SampleRole::Bucket ? "le" : role == SampleRole::Quantile ? "quantile" : nullptr;
}

} // namespace

SeriesCollector::SeriesCollector(qint64 defaultTimestampMs, Labels extraLabels)
    : m_defaultTimestampMs(defaultTimestampMs)
    , m_extraLabels(std::move(extraLabels))
{}

qsizetype SeriesCollector::lookup(std::string_view key, std::uint64_t hash) const
{
    const std::uint32_t known = m_byHash.find(hash).line;
    if (known == 0)
        return -1;
    if (keyAt(size_t(known - 1)) == key)
        return known - 1;
    // Another key has this hash: such keys are kept apart, by their whole text.
    const auto collided = m_collided.find(std::string(key));
    return collided == m_collided.end() ? -1 : collided->second;
}

void SeriesCollector::add(std::string_view key, std::uint64_t hash)
{
    const auto position = qsizetype(m_hashes.size());
    if (m_byHash.insert(hash, std::uint32_t(position + 1), 0).line != 0)
        m_collided.emplace(std::string(key), position);
    m_keyText.append(key);
    m_keyEnds.push_back(m_keyText.size());
    m_hashes.push_back(hash);
}

void SeriesCollector::onSample(const SampleEvent &sample)
{
    const std::string_view key = sample.seriesKey;
    const std::uint64_t hash = sample.seriesHash;
    Q_ASSERT(!key.empty()); // the parser keys every sample, a bound as formatNumber spells it

    // Files list their series in the same order at every timestamp, or one series' samples in a
    // row: the series after the last one, or the last one again, is tried before the index.
    qsizetype position = -1;
    for (const qsizetype guess : {m_lastPosition + 1, m_lastPosition}) {
        if (guess >= 0 && size_t(guess) < m_hashes.size() && m_hashes[size_t(guess)] == hash
            && keyAt(size_t(guess)) == key) {
            position = guess;
            break;
        }
    }
    if (position < 0)
        position = lookup(key, hash);
    m_lastPosition = position;
    if (position < 0) {
        position = m_lastPosition = m_set.series.size();
        add(key, hash);
        WriteSeries series;
        series.labels = m_extraLabels;
        for (const LabelView &label : sample.labels)
            series.labels.set(q(label.name), q(label.value));
        if (const char *boundName = boundLabelName(sample.role))
            series.labels.set(QString::fromLatin1(boundName), formatNumber(sample.bound));
        series.labels.set(QStringLiteral("__name__"),
                          q(sample.familyName) + QLatin1String(roleSuffix(sample.role, sample.type)));
        series.firstLine = sample.line;
        series.type = sample.type;
        series.help = q(sample.help);
        series.unit = q(sample.unit);
        m_set.series.append(std::move(series));
        const qint64 time = sample.timestampMs.value_or(m_defaultTimestampMs);
        m_ranges.push_back(TimeRange{time, time});
    }
    const qint64 time = sample.timestampMs.value_or(m_defaultTimestampMs);
    TimeRange &range = m_ranges[size_t(position)];
    range.oldest = std::min(range.oldest, time);
    range.newest = std::max(range.newest, time);
    m_set.series[position].samples.append(WriteSample{time, sample.value});
}

bool SeriesCollector::absorb(std::span<SeriesCollector *const> pieces, std::span<const int> linesBefore)
{
    // Where each piece's series goes: a position here, or a new one after these, numbered in the
    // order the pieces first give them. All checked first, so a refusal changes nothing.
    const auto here = qsizetype(m_hashes.size());
    std::vector<TimeRange> ranges = m_ranges;
    std::vector<qsizetype> sizes;
    sizes.reserve(m_hashes.size());
    for (const WriteSeries &series : std::as_const(m_set.series))
        sizes.push_back(series.samples.size());
    std::unordered_map<std::string_view, qsizetype> added; // keys new here, exactly
    std::vector<std::vector<qsizetype>> where(pieces.size());
    for (size_t p = 0; p < pieces.size(); ++p) {
        const SeriesCollector &piece = *pieces[p];
        where[p].resize(piece.m_hashes.size());
        for (size_t i = 0; i < piece.m_hashes.size(); ++i) {
            qsizetype position = lookup(piece.keyAt(i), piece.m_hashes[i]);
            bool firstGiven = false;
            if (position < 0) {
                const auto [it, isNew] = added.try_emplace(piece.keyAt(i), here + qsizetype(added.size()));
                position = it->second;
                firstGiven = isNew;
                if (isNew) {
                    ranges.push_back(piece.m_ranges[i]);
                    sizes.push_back(0);
                }
            }
            if (!firstGiven) {
                TimeRange &range = ranges[size_t(position)];
                if (range.newest >= piece.m_ranges[i].oldest)
                    return false;
                range.newest = piece.m_ranges[i].newest;
            }
            where[p][i] = position;
            sizes[size_t(position)] += piece.m_set.series.at(qsizetype(i)).samples.size();
        }
    }
    for (qsizetype position = 0; position < here; ++position)
        m_set.series[position].samples.reserve(sizes[size_t(position)]);
    for (size_t p = 0; p < pieces.size(); ++p) {
        SeriesCollector &piece = *pieces[p];
        for (size_t i = 0; i < piece.m_hashes.size(); ++i) {
            WriteSeries &series = piece.m_set.series[qsizetype(i)];
            const qsizetype position = where[p][i];
            if (position < m_set.series.size()) {
                m_set.series[position].samples.append(series.samples);
                continue;
            }
            // A series first given by this piece: its positions were numbered in this order.
            add(piece.keyAt(i), piece.m_hashes[i]);
            series.firstLine += linesBefore[p];
            series.samples.reserve(sizes[size_t(position)]);
            m_set.series.append(std::move(series));
        }
    }
    m_ranges = std::move(ranges);
    for (SeriesCollector *piece : pieces)
        *piece = SeriesCollector(piece->m_defaultTimestampMs, piece->m_extraLabels);
    return true;
}

SeriesSet SeriesCollector::take()
{
    m_byHash = {};
    m_keyText.clear();
    m_keyEnds.clear();
    m_hashes.clear();
    m_collided.clear();
    m_ranges.clear();
    m_lastPosition = -1;
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
                    Tr::tr("series %1 has no valid __name__; remote write receivers drop it").arg(printable));
        for (const Label &label : series.labels) {
            if (label.name == u"__name__")
                continue;
            if (!isValidLabelName(label.name)) {
                problem(series, Severity::Error, "invalid-label-name",
                        Tr::tr("label name '%1' of %2 is not valid for remote write").arg(label.name, printable));
            } else if (label.name.startsWith(QLatin1String("__"))) {
                // Prometheus stores it (tst_verdicts_remotewrite); what it means is another matter.
                problem(series, Severity::Warning, "reserved-label-name",
                        Tr::tr("label names starting with '__' are reserved for Prometheus' internal use; "
                               "the receiver stores '%1' of %2, but rename it")
                            .arg(label.name, printable));
            }
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
        // Most series come strictly in time order: one read-only pass (the writing passes below
        // go through QList's checked access, for every sample of every series).
        if (std::adjacent_find(
                samples.cbegin(), samples.cend(),
                [](const WriteSample &a, const WriteSample &b) { return a.timestampMs >= b.timestampMs; })
            == samples.cend())
            continue;
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
                        Tr::tr("%1 has two values at %2 (%3 and %4); a receiver refuses the second as a "
                               "duplicate sample. Keep one")
                            .arg(printable, QString::number(samples[i].timestampMs),
                                 formatNumber(samples[kept - 1].value), formatNumber(samples[i].value)));
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
            set.series[position].samples.append(
                WriteSample{sample.timestampMs.value_or(defaultTimestampMs), sample.value});
        }
    }
    return set;
}

} // namespace promdesk
