#include "exposition/OpenMetricsRules.h"

#include "util/Printable.h"

#include <xxhash.h>

#include <QCoreApplication>

#include <cmath>

namespace promdesk::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OpenMetricsRules)
};

// Names in messages: cut to a readable length, control characters escaped.
QString q(std::string_view text)
{
    return printable(QByteArrayView(text.data(), qsizetype(text.size())));
}

// The suffix a sample of this role carries in OpenMetrics, where a counter's and an info's
// values have one too.
std::string_view suffixOf(MetricType type, SampleRole role)
{
    if (role == SampleRole::Value && type == MetricType::Counter)
        return "_total";
    if (role == SampleRole::Value && type == MetricType::Info)
        return "_info";
    return roleSuffix(role, type);
}

// The names a family of this type owns: its own and those of its samples.
std::vector<std::string_view> ownedSuffixes(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return {"", "_total", "_created"};
    case MetricType::Summary:
        return {"", "_count", "_sum", "_created"};
    case MetricType::Histogram:
        return {"", "_count", "_sum", "_bucket", "_created"};
    case MetricType::GaugeHistogram:
        return {"", "_gcount", "_gsum", "_bucket"};
    case MetricType::Info:
        return {"", "_info"};
    default:
        return {""};
    }
}

bool isWholeNumber(double value)
{
    return std::isfinite(value) && std::floor(value) == value;
}

} // namespace

OpenMetricsRules::OpenMetricsRules(Report report)
    : m_report(std::move(report))
{}

void OpenMetricsRules::startFamily(std::string_view family)
{
    finishHistogram();
    m_family.assign(family);
    m_seenGroups.clear();
    m_group.reset();
    m_groupTimestamp.reset();
    m_groupSeries.clear();
}

// The label set a sample belongs to: its labels, without the stateset's own label; an info
// family is one set.
std::uint64_t OpenMetricsRules::groupOf(const Sample &sample)
{
    m_groupKey.clear();
    if (sample.type != MetricType::Info) {
        for (const LabelView &label : sample.labels) {
            if (sample.type == MetricType::StateSet && label.name == sample.family)
                continue;
            m_groupKey += label.name;
            m_groupKey += '\xff';
            m_groupKey += label.value;
            m_groupKey += '\xfe';
        }
    }
    return XXH3_64bits(m_groupKey.data(), m_groupKey.size());
}

void OpenMetricsRules::onSample(const Sample &sample)
{
    if (sample.family != m_family)
        startFamily(sample.family);
    const std::uint64_t group = groupOf(sample);
    checkValue(sample);
    const bool sameGroup = m_group && *m_group == group;
    const bool sameTime = sameGroup && m_groupTimestamp == sample.timestamp;
    checkGrouping(sample, group);
    if (!sameGroup)
        m_groupSeries.clear();
    std::uint64_t written = XXH3_64bits(sample.seriesKey.data(), sample.seriesKey.size());
    if (!sample.boundAsWritten.empty())
        written = XXH3_64bits_withSeed(sample.boundAsWritten.data(), sample.boundAsWritten.size(), written);
    const bool repeat = !m_groupSeries.insert(written).second && sameTime;
    if (!repeat && (sample.type == MetricType::Histogram || sample.type == MetricType::GaugeHistogram))
        addToHistogram(sample, group);
}

void OpenMetricsRules::checkValue(const Sample &sample)
{
    const std::string_view suffix = suffixOf(sample.type, sample.role);
    const auto sampleName
        = [&]() -> QString { return q(sample.family) + QLatin1String(suffix.data(), qsizetype(suffix.size())); };
    const bool counterLike = suffix == "_total" || suffix == "_sum" || suffix == "_count" || suffix == "_bucket"
        || suffix == "_gcount" || suffix == "_gsum";
    if (counterLike && std::isnan(sample.value)) {
        m_report(sample.line, "counter-nan",
                 Tr::tr("'%1' counts, so it cannot be NaN in OpenMetrics; write the count").arg(sampleName()));
    } else if (counterLike && suffix != "_gsum" && sample.value < 0) {
        m_report(sample.line, "negative-counter",
                 Tr::tr("'%1' counts, so it cannot be negative in OpenMetrics").arg(sampleName()));
    }
    if ((sample.role == SampleRole::Bucket || sample.role == SampleRole::Count) && !std::isnan(sample.value)
        && !isWholeNumber(sample.value)) {
        m_report(sample.line, "non-integer-count",
                 Tr::tr("'%1' counts observations, so OpenMetrics wants a whole number").arg(sampleName()));
    }
    if (sample.type == MetricType::Summary && sample.role == SampleRole::Quantile && sample.value < 0) {
        m_report(sample.line, "negative-quantile-value",
                 Tr::tr("a quantile of '%1' is negative; OpenMetrics summaries observe values of 0 or more")
                     .arg(q(sample.family)));
    }
    if (sample.type == MetricType::Info && sample.value != 1) {
        m_report(sample.line, "info-value", Tr::tr("an info sample's value is always 1"));
    }
    if (sample.type == MetricType::StateSet) {
        if (sample.value != 0 && sample.value != 1)
            m_report(sample.line, "stateset-value", Tr::tr("a stateset sample is 1 (in that state) or 0 (not)"));
        bool named = false;
        for (const LabelView &label : sample.labels)
            named = named || label.name == sample.family;
        if (!named) {
            m_report(sample.line, "stateset-missing-label",
                     Tr::tr("a sample of stateset '%1' needs a label '%1' naming its state").arg(q(sample.family)));
        }
    }
}

void OpenMetricsRules::checkGrouping(const Sample &sample, std::uint64_t group)
{
    if (m_group && *m_group != group && m_seenGroups.contains(group)) {
        m_report(sample.line, "family-grouping",
                 Tr::tr("the samples of one label set of '%1' must be together, and these labels came "
                        "before; move this line up to them")
                     .arg(q(sample.family)));
    }
    if (m_group && *m_group == group) {
        if (sample.timestamp.has_value() != m_groupTimestamp.has_value()) {
            m_report(sample.line, "timestamp-presence",
                     Tr::tr("within one label set, either every sample has a timestamp or none does"));
        } else if (sample.timestamp && *m_groupTimestamp > *sample.timestamp && sample.type != MetricType::Info) {
            m_report(sample.line, "timestamp-backwards",
                     Tr::tr("this timestamp is earlier than the one before it in the same label set; "
                            "OpenMetrics samples of a series go forward in time"));
        }
    }
    m_group = group;
    m_groupTimestamp = sample.timestamp;
    m_seenGroups.insert(group);
}

void OpenMetricsRules::addToHistogram(const Sample &sample, std::uint64_t group)
{
    if (m_histogram && (m_histogram->group != group || m_histogram->timestamp != sample.timestamp))
        finishHistogram();
    if (!m_histogram)
        m_histogram = HistogramRun{group, sample.timestamp, sample.line, {}, 0, {}, false, false, false, false};
    HistogramRun &run = *m_histogram;
    switch (sample.role) {
    case SampleRole::Bucket:
        run.negativeBucket = run.negativeBucket || sample.bound < 0;
        if (run.lastBound && !(sample.bound > *run.lastBound)) {
            m_report(sample.line, "histogram-bucket-order",
                     Tr::tr("OpenMetrics lists the buckets of '%1' from the lowest 'le' up; this one comes "
                            "after a bucket with the same or a higher bound")
                         .arg(q(sample.family)));
        }
        if (sample.value < run.lastBucketValue) {
            m_report(sample.line, "histogram-not-cumulative",
                     Tr::tr("this bucket of '%1' counts fewer than the one before it; buckets are cumulative")
                         .arg(q(sample.family)));
        }
        run.lastBound = sample.bound;
        run.lastBucketValue = sample.value;
        break;
    case SampleRole::Count:
        run.count = sample.value;
        break;
    case SampleRole::Sum:
        if (sample.type == MetricType::GaugeHistogram) {
            run.hasGaugeSum = true;
            run.negativeGaugeSum = run.negativeGaugeSum || sample.value < 0;
        } else {
            run.hasSum = true;
        }
        break;
    default:
        break;
    }
}

void OpenMetricsRules::finishHistogram()
{
    if (!m_histogram)
        return;
    const HistogramRun run = *m_histogram;
    m_histogram.reset();
    const QString name = q(m_family);
    const int line = run.line;
    if (!run.lastBound || !std::isinf(*run.lastBound) || *run.lastBound < 0) {
        m_report(line, "histogram-missing-inf",
                 Tr::tr("histogram '%1' has no le=\"+Inf\" bucket, which OpenMetrics requires; add one whose "
                        "value is the count of all observations")
                     .arg(name));
    }
    if (run.count && run.lastBound && *run.count != run.lastBucketValue) {
        m_report(line, "histogram-count-mismatch",
                 Tr::tr("the count of '%1' differs from its le=\"+Inf\" bucket; they must be equal").arg(name));
    }
    if ((run.hasSum || run.hasGaugeSum) && !run.count) {
        m_report(line, "histogram-missing-count",
                 //: %2 and %3 are sample name suffixes such as _sum and _count
                 Tr::tr("'%1' has a %2 but no %3; OpenMetrics wants both or neither")
                     .arg(name, run.hasSum ? QStringLiteral("_sum") : QStringLiteral("_gsum"),
                          run.hasSum ? QStringLiteral("_count") : QStringLiteral("_gcount")));
    }
    if (!run.hasSum && !run.hasGaugeSum && run.count) {
        m_report(line, "histogram-missing-sum",
                 Tr::tr("'%1' has a count but no sum; OpenMetrics wants both or neither").arg(name));
    }
    if (run.negativeBucket && run.hasSum) {
        m_report(line, "histogram-negative-sum",
                 Tr::tr("'%1' has buckets below 0, so its _sum is not a counter: OpenMetrics leaves _sum out "
                        "of such a histogram (a gauge histogram's _gsum may stay)")
                     .arg(name));
    }
    if (!run.negativeBucket && run.negativeGaugeSum) {
        m_report(line, "histogram-negative-sum",
                 Tr::tr("the _gsum of '%1' is negative while no bucket is below 0").arg(name));
    }
}

void OpenMetricsRules::endFamily(std::string_view name, MetricType type, std::string_view unit, int line)
{
    if (m_family == name)
        startFamily({}); // a family that comes back (split, an error of its own) starts afresh
    const std::string family(name);
    if (!m_endedFamilies.insert(family).second)
        return; // a family split in two is reported where it continues
    for (std::string_view suffix : ownedSuffixes(type)) {
        std::string owned = family + std::string(suffix);
        if (!m_ownedNames.insert(owned).second) {
            m_report(line, "clashing-name",
                     Tr::tr("'%1' is a name an earlier metric already uses (as itself or one of its samples); "
                            "rename one of them")
                         .arg(q(owned)));
        }
    }
    if (!unit.empty() && (type == MetricType::Info || type == MetricType::StateSet)) {
        m_report(line, "unit-not-allowed",
                 Tr::tr("OpenMetrics allows no UNIT for an info or stateset metric; remove the UNIT line"));
    }
}

} // namespace promdesk::detail
