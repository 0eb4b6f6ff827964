#include "exposition/detail/TextParserPrivate.h"

#include "model/NumberFormat.h"
#include "model/Sample.h"

#include <QCoreApplication>

#include <algorithm>

namespace promdesk {

using namespace detail;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TextParserFamilies)
};

} // namespace

const char *roleSuffix(SampleRole role, MetricType type)
{
    const bool gauge = type == MetricType::GaugeHistogram;
    switch (role) {
    case SampleRole::Bucket:
        return "_bucket";
    case SampleRole::Sum:
        return gauge ? "_gsum" : "_sum";
    case SampleRole::Count:
        return gauge ? "_gcount" : "_count";
    case SampleRole::Created:
        return "_created";
    case SampleRole::Value:
    case SampleRole::Quantile:
        return "";
    }
    return "";
}

FamilyState &TextParser::Private::familyFor(std::string_view declaredName)
{
    auto it = families.find(std::string(declaredName));
    if (it != families.end())
        return it->second;
    FamilyState &family = families[std::string(declaredName)];
    family.declaredName = std::string(declaredName);
    family.validName = isValidMetricName(declaredName);
    family.modelName = family.declaredName;
    if (options.target == ValidationTarget::Pushgateway) {
        if (declaredName == "push_time_seconds" || declaredName == "push_failure_time_seconds") {
            family.replacedByGateway = true;
            report(Severity::Warning, "reserved-gateway-metric", lineNumber, {}, 0,
                   Tr::tr("'%1' is written by the Pushgateway itself for every group; a pushed metric of "
                          "that name is overwritten. Rename it")
                       .arg(q(declaredName)));
        } else if (declaredName.starts_with("go_") || declaredName.starts_with("process_")
                   || declaredName.starts_with("pushgateway_")) {
            report(Severity::Warning, "gateway-own-metric", lineNumber, {}, 0,
                   Tr::tr("the Pushgateway exports its own '%1…' metrics; a push whose type, help or "
                          "labels collide with them is rejected as inconsistent. Prefer another prefix")
                       .arg(q(declaredName.substr(0, declaredName.find('_') + 1))));
        }
    }
    return family;
}

void TextParser::Private::announce(FamilyState &family)
{
    if (sink && !family.announced) {
        family.announced = true;
        sink->onFamily(FamilyDescriptor{family.modelName, family.type, family.help, family.unit});
    }
}

void TextParser::Private::closeCurrent()
{
    if (!current)
        return;
    FamilyState &family = *current;
    family.closed = true;
    announce(family); // families with descriptors but no samples belong in the model too
    if (omRules)
        omRules->endFamily(family.declaredName, family.type, family.unit, family.lastLine);
    if (family.pendingSplitProblem >= 0 && family.lastLineEnd > family.splitBlockStart && !family.splitBlockHasType) {
        Problem &problem = problems[family.pendingSplitProblem];
        const qint64 blockLength = family.lastLineEnd - family.splitBlockStart;
        problem.fix = Fix{Tr::tr("Move these lines up to the rest of '%1'").arg(q(family.declaredName)),
                          {TextEdit{family.splitInsertAt, 0, {}, family.splitBlockStart, blockLength},
                           TextEdit{family.splitBlockStart, blockLength, {}}},
                          false};
    }
    family.pendingSplitProblem = -1;
    family.splitBlockHasType = false;
    current = nullptr;
}

void TextParser::Private::switchTo(FamilyState &family, int line, qint64 lineOffset, std::string_view text)
{
    if (current == &family)
        return;
    closeCurrent();
    if (family.closed && !remoteWrite) {
        const int index
            = report(strictness(), "split-family", line, text, 0,
                     Tr::tr("'%1' continues here, but its lines ended at line %2 and other metrics came in between; "
                            "keep all lines of a metric together")
                         .arg(q(family.declaredName), QString::number(family.lastLine)));
        family.pendingSplitProblem = index;
        family.splitBlockStart = lineOffset;
        family.splitInsertAt = family.lastLineEnd;
    }
    family.closed = false;
    current = &family;
}

bool TextParser::Private::matches(const FamilyState &family, std::string_view name, SampleRole &role) const
{
    const std::string &base = family.declaredName;
    if (!startsWithShort(name, base)) // inline: a memcmp call cost more than the compare
        return false;
    const std::string_view suffix = name.substr(base.size());
    if (family.type == MetricType::GaugeHistogram && !openMetrics)
        return false; // Go reads its _bucket, _sum and _count lines as metrics of their own
    switch (family.type) {
    case MetricType::Histogram:
    case MetricType::GaugeHistogram: {
        const bool gauge = family.type == MetricType::GaugeHistogram;
        if (suffix == "_bucket")
            role = SampleRole::Bucket;
        else if (suffix == (gauge && openMetrics ? "_gsum" : "_sum"))
            role = SampleRole::Sum;
        else if (suffix == (gauge && openMetrics ? "_gcount" : "_count"))
            role = SampleRole::Count;
        else if (suffix == "_created" && openMetrics && !gauge)
            role = SampleRole::Created;
        else
            return false;
        return true;
    }
    case MetricType::Summary:
        if (suffix.empty())
            role = SampleRole::Quantile;
        else if (suffix == "_sum")
            role = SampleRole::Sum;
        else if (suffix == "_count")
            role = SampleRole::Count;
        else if (suffix == "_created" && openMetrics)
            role = SampleRole::Created;
        else
            return false;
        return true;
    case MetricType::Counter:
        if (openMetrics) {
            if (suffix == "_total")
                role = SampleRole::Value;
            else if (suffix == "_created")
                role = SampleRole::Created;
            else
                return false;
            return true;
        }
        role = SampleRole::Value;
        return suffix.empty();
    case MetricType::Info:
        role = SampleRole::Value;
        return openMetrics ? suffix == "_info" : suffix.empty();
    default:
        role = SampleRole::Value;
        return suffix.empty();
    }
}

bool TextParser::Private::resolve(std::string_view name, FamilyState *&family, SampleRole &role)
{
    if (current && matches(*current, name, role)) {
        family = current;
        return true;
    }
    if (FamilyState *owner = typedFamilyOwning(name, role)) {
        family = owner;
        return true;
    }
    auto it = families.find(std::string(name));
    if (it != families.end() && matches(it->second, name, role)) {
        family = &it->second;
        return true;
    }
    if (it != families.end() && it->second.hasType) {
        // e.g. a histogram named "x" with a plain "x" sample, or an OpenMetrics counter without _total.
        return false;
    }
    family = &familyFor(name);
    role = SampleRole::Value;
    return true;
}

FamilyState *TextParser::Private::typedFamilyOwning(std::string_view name, SampleRole &role)
{
    static constexpr std::string_view kSuffixes[]
        = {"_bucket", "_count", "_sum", "_total", "_created", "_info", "_gcount", "_gsum"};
    for (std::string_view suffix : kSuffixes) {
        if (!endsWith(name, suffix))
            continue;
        auto it = families.find(std::string(name.substr(0, name.size() - suffix.size())));
        if (it != families.end() && it->second.hasType && matches(it->second, name, role))
            return &it->second;
    }
    return nullptr;
}

// The Pushgateway gathers a push as client_golang does: a histogram `h` owns the names h_bucket,
// h_sum and h_count, a summary h_sum and h_count, and a metric of its own under one of them (an
// `h_bucket` line before `# TYPE h histogram`, say) makes the whole push refused ("collides with
// previously collected metric").
void TextParser::Private::checkNameCollisions()
{
    if (openMetrics || options.target != ValidationTarget::Pushgateway)
        return;
    for (const auto &[name, family] : families) {
        SampleRole role;
        const FamilyState *owner = family.hasSamples ? typedFamilyOwning(name, role) : nullptr;
        if (!owner || !owner->hasSamples)
            continue;
        report(Severity::Error, "family-name-collision", family.lastLine, {}, 0,
               //: %2 is a metric type keyword: histogram or summary
               Tr::tr("'%1' is a metric of its own here, but the %2 '%3' owns that name; the Pushgateway "
                      "refuses the push (\"collides with previously collected metric\"). Move the line "
                      "into '%3' after its TYPE line")
                   .arg(q(name), metricTypeName(owner->type), q(owner->declaredName)));
    }
}

void TextParser::Private::finishHistograms()
{
    // Groups are in input order, so the reports are too. The buckets are sorted in place: the
    // groups are not needed after this.
    for (HistogramGroup &group : histograms) {
        if (group.buckets.empty())
            continue;
        std::vector<BucketPoint> &buckets = group.buckets;
        std::stable_sort(buckets.begin(), buckets.end(),
                         [](const BucketPoint &a, const BucketPoint &b) { return a.upperBound < b.upperBound; });
        for (size_t i = 1; i < buckets.size(); ++i) {
            if (buckets[i].count < buckets[i - 1].count) {
                report(aggregateRule(), "histogram-not-cumulative", buckets[i].line, {}, 0,
                       Tr::tr("bucket le=\"%1\" of '%2' counts %3, fewer than the bucket below it (%4); "
                              "histogram buckets are cumulative")
                           .arg(formatNumber(buckets[i].upperBound), q(*group.familyName),
                                formatNumber(buckets[i].count), formatNumber(buckets[i - 1].count)));
                break;
            }
        }
        const BucketPoint &last = buckets.back();
        if (!std::isinf(last.upperBound) || last.upperBound < 0) {
            report(aggregateRule(), "histogram-missing-inf", group.firstLine, {}, 0,
                   group.count ? Tr::tr("histogram '%1' has no le=\"+Inf\" bucket, so histogram_quantile() cannot work "
                                        "with it; add one whose value equals %1_count (%2)")
                                     .arg(q(*group.familyName), formatNumber(*group.count))
                               : Tr::tr("histogram '%1' has no le=\"+Inf\" bucket, so histogram_quantile() cannot work "
                                        "with it; add one whose value equals %1_count")
                                     .arg(q(*group.familyName)));
        } else if (group.count && !sameBits(*group.count, last.count) && *group.count != last.count) {
            report(aggregateRule(), "histogram-count-mismatch", group.countLine, {}, 0,
                   Tr::tr("%1_count is %2 but the le=\"+Inf\" bucket (line %3) is %4; they must be equal")
                       .arg(q(*group.familyName), formatNumber(*group.count), QString::number(last.line),
                            formatNumber(last.count)));
        }
    }
}

} // namespace promdesk
