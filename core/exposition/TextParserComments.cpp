#include "exposition/detail/TextParserPrivate.h"

#include "model/Escaping.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>

namespace promdesk {

using namespace detail;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TextParserComments)
};

} // namespace

// A comment line: `# HELP`, `# TYPE`, `# UNIT` (OpenMetrics), `# EOF` (OpenMetrics), or free
// text. A descriptor is read (keyword, name, the rest of the line), then applied to its family.
void TextParser::Private::processComment(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    if (openMetrics && (line.size() < 3 || !line.starts_with("# ") || isBlank(line[2]))) {
        report(Severity::Error, "unknown-comment", lineNumber, line, 0,
               Tr::tr("OpenMetrics has no comments; its '# HELP', '# TYPE', '# UNIT' and '# EOF' lines have "
                      "exactly one space after '#'"));
        return;
    }
    Descriptor descriptor;
    descriptor.keywordAt = blanksEnd(line, line.find('#') + 1);
    size_t pos = tokenEnd(line, descriptor.keywordAt);
    descriptor.keyword = slice(line, descriptor.keywordAt, pos - descriptor.keywordAt);
    const std::string_view keyword = descriptor.keyword;
    if (keyword == "EOF" && openMetrics) {
        readEof(line, descriptor.keywordAt);
        return;
    }
    if (keyword != "HELP" && keyword != "TYPE" && !(keyword == "UNIT" && openMetrics)) {
        // A free-form comment: its blanks are its author's business.
        if (openMetrics) {
            report(Severity::Error, "unknown-comment", lineNumber, line, descriptor.keywordAt,
                   Tr::tr("OpenMetrics has no comments: only '# HELP', '# TYPE', '# UNIT' and '# EOF' lines; "
                          "remove this line"),
                   Fix{Tr::tr("Remove the comment"), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false});
        }
        return;
    }
    if (!readDescriptor(line, lineOffset, pos, descriptor))
        return;
    FamilyState &family = describedFamily(descriptor.name);
    switchTo(family, lineNumber, lineOffset, line);
    if (keyword == "TYPE")
        processType(line, descriptor.keywordAt, descriptor.name, descriptor.rest, descriptor.restAt, family, lineOffset,
                    lineEnd);
    else if (keyword == "UNIT")
        processUnit(line, descriptor, family, lineEnd);
    else
        processHelp(line, descriptor, family, lineOffset, lineEnd);
}

// The family a HELP or TYPE line describes. Text 0.0.4 readers (Go's expfmt, which the
// Pushgateway and Prometheus use) read one for `s_sum` or `s_count` of a summary `s` typed
// before it, or for `h_bucket`, `h_sum` or `h_count` of a histogram `h`, as a line about `s` or
// `h` itself: a second TYPE or HELP, which they refuse, or the HELP it lacked.
FamilyState &TextParser::Private::describedFamily(std::string_view name)
{
    if (openMetrics || families.contains(std::string(name)))
        return familyFor(name);
    SampleRole role;
    if (FamilyState *owner = typedFamilyOwning(name, role))
        return *owner;
    return familyFor(name);
}

void TextParser::Private::readEof(std::string_view line, size_t keywordAt)
{
    if (line != "# EOF") {
        report(Severity::Error, "unknown-comment", lineNumber, line, keywordAt,
               Tr::tr("the last line is exactly '# EOF', with nothing after it"));
        return;
    }
    sawEof = true;
}

// The metric name after the keyword and the text after it. False when the line names no valid
// metric, or (text 0.0.4) gives nothing after the name, which parsers read as a plain comment.
bool TextParser::Private::readDescriptor(std::string_view line, qint64 lineOffset, size_t pos, Descriptor &descriptor)
{
    const std::string_view keyword = descriptor.keyword;
    const size_t nameAt = blanksEnd(line, pos);
    pos = tokenEnd(line, nameAt);
    const std::string_view name = descriptor.name = slice(line, nameAt, pos - nameAt);
    if (name.empty()) {
        // Text 0.0.4 readers take `# HELP` or `# TYPE` with nothing after it as a plain comment.
        report(strictness(), "invalid-descriptor", lineNumber, line, nameAt,
               openMetrics ? Tr::tr("'# %1' needs a metric name").arg(q(keyword))
                           : Tr::tr("'# %1' without a metric name is read as a plain comment; name the metric "
                                    "or remove the line")
                                 .arg(q(keyword)));
        return false;
    }
    if (!isValidMetricName(name)) {
        report(Severity::Error, "invalid-metric-name", lineNumber, line, nameAt,
               Tr::tr("%1 is not a valid metric name: use letters, digits, '_' and ':', not starting "
                      "with a digit")
                   .arg(quoted(name)));
        return false;
    }
    if (openMetrics && (pos == line.size() || line[pos] != ' ')) {
        // `# HELP name` ends where its text should start: OpenMetrics wants the blank after the
        // name even before an empty text.
        report(Severity::Error, "invalid-descriptor", lineNumber, line, pos,
               (keyword == "HELP"       ? Tr::tr("'# %1 %2' needs a space and then its text (which may be empty)")
                    : keyword == "TYPE" ? Tr::tr("'# %1 %2' needs a space and then its type (which may be empty)")
                                        : Tr::tr("'# %1 %2' needs a space and then its unit (which may be empty)"))
                   .arg(q(keyword), q(name)));
        return false;
    }
    if (pos < line.size())
        ++pos; // the single blank after the name
    descriptor.restAt = pos;
    descriptor.rest = line.substr(std::min(pos, line.size()));
    const bool emptyText = descriptor.rest.find_first_not_of(" \t") == std::string_view::npos;
    if (!openMetrics && emptyText) {
        // Go's text parser reads `# HELP x` and `# TYPE x` with nothing after the name as a plain
        // comment: such a line sets nothing, and two of them are no repeat.
        if (keyword == "TYPE") {
            report(Severity::Warning, "missing-type", lineNumber, line, pos,
                   Tr::tr("'# TYPE %1' names no type, so parsers read it as a plain comment and '%1' stays "
                          "untyped; add counter, gauge, histogram, summary or untyped")
                       .arg(q(name)));
        }
        return false;
    }
    // The blank before an empty text separates it; it is not a trailing blank.
    const bool separatorOnly = descriptor.rest.empty() && pos > 0 && isBlank(line[pos - 1]);
    checkStrayWhitespace(separatorOnly ? line.substr(0, pos - 1) : line, lineOffset,
                         keyword == "HELP" ? pos : std::string_view::npos);
    return true;
}

void TextParser::Private::processUnit(std::string_view line, const Descriptor &descriptor, FamilyState &family,
                                      qint64 lineEnd)
{
    const std::string_view name = descriptor.name;
    const std::string_view unit = descriptor.rest;
    if (family.hasUnit) {
        report(Severity::Error, "duplicate-unit", lineNumber, line, descriptor.keywordAt,
               Tr::tr("'%1' already has a UNIT line").arg(q(name)));
        return;
    }
    if (family.hasSamples) {
        report(Severity::Error, "unit-after-samples", lineNumber, line, descriptor.keywordAt,
               Tr::tr("the UNIT of '%1' must come before its first sample (line %2)")
                   .arg(q(name), QString::number(family.lastLine)));
        return;
    }
    if (!unit.empty() && !endsWith(name, std::string("_") + std::string(unit))) {
        report(Severity::Error, "unit-not-in-name", lineNumber, line, descriptor.restAt,
               Tr::tr("OpenMetrics requires the name of a metric with unit '%1' to end in '_%1'").arg(q(unit)));
    }
    family.hasUnit = true;
    family.unit = std::string(unit);
    family.lastLine = lineNumber;
    family.lastLineEnd = lineEnd;
}

void TextParser::Private::processHelp(std::string_view line, const Descriptor &descriptor, FamilyState &family,
                                      qint64 lineOffset, qint64 lineEnd)
{
    const std::string_view name = descriptor.name;
    const std::string_view rest = descriptor.rest;
    const size_t restAt = descriptor.restAt;
    const int badEscape
        = openMetrics ? unescapeKeepingUnknown(rest, unescaped) : unescape(rest, EscapeContext::Help004, unescaped);
    if (badEscape >= 0 && openMetrics) {
        report(Severity::Warning, "unknown-escape", lineNumber, line, restAt + size_t(badEscape),
               Tr::tr("HELP text knows only the escapes \\\\, \\\" and \\n; OpenMetrics parsers keep "
                      "this backslash as it is. Write a backslash as \\\\"));
    } else if (badEscape >= 0) {
        report(Severity::Error, "invalid-escape", lineNumber, line, restAt + size_t(badEscape),
               Tr::tr("HELP text may only use the escapes \\\\ and \\n"));
        return;
    }
    if (const int bad = invalidUtf8Offset(rest); bad >= 0) {
        // The Pushgateway stores it, and then Prometheus refuses to scrape the whole gateway.
        report(Severity::Error, "help-invalid-utf8", lineNumber, line, restAt + size_t(bad),
               Tr::tr("HELP text is not valid UTF-8, which Prometheus refuses to scrape (\"help text is not a "
                      "valid utf8 string\"): a Pushgateway that stores it cannot be scraped at all; save the "
                      "file as UTF-8"));
        return;
    }
    if (family.hasHelp && name != family.declaredName) {
        report(Severity::Error, "duplicate-help", lineNumber, line, descriptor.keywordAt,
               //: %2 is a metric type keyword: histogram or summary
               Tr::tr("'%1' is part of the %2 '%3', which has a HELP line already: Prometheus and the Pushgateway "
                      "read this as a second HELP line for '%3' and refuse it. Remove one of them")
                   .arg(q(name), metricTypeName(family.type), q(family.declaredName)));
        return;
    }
    if (family.hasHelp) {
        const bool same = family.help == unescaped;
        report(Severity::Error, "duplicate-help", lineNumber, line, descriptor.keywordAt,
               same ? Tr::tr("'%1' already has a HELP line").arg(q(name))
                    : Tr::tr("'%1' has two different HELP lines; keep one").arg(q(name)),
               same ? std::optional<Fix>(deleteLineFix(QStringLiteral("HELP"), lineOffset, lineEnd)) : std::nullopt);
        return;
    }
    if (family.hasSamples) {
        report(strictness(), "help-after-samples", lineNumber, line, descriptor.keywordAt,
               Tr::tr("the HELP of '%1' should come before its samples").arg(q(name)));
    }
    family.hasHelp = true;
    family.help = unescaped;
    family.lastLine = lineNumber;
    family.lastLineEnd = lineEnd;
}

// Text 0.0.4 as Go reads it (the Pushgateway): the type is the rest of the line after any
// blanks, its backslashes dropped and its case ignored; and `gauge_histogram`, a type of its data
// model that the text format cannot carry. `typeName` starts after the blanks.
std::optional<MetricType> TextParser::Private::pushgatewayTextType(std::string_view typeName, size_t restAt,
                                                                   std::string_view line, qint64 lineOffset)
{
    std::string asRead;
    for (const char c : typeName) {
        if (c != '\\')
            asRead += char(std::tolower(uchar(c)));
    }
    if (asRead == "gauge_histogram") {
        report(Severity::Warning, "gauge-histogram-in-text", lineNumber, line, restAt,
               Tr::tr("text format 0.0.4 has no gauge histograms: the Pushgateway keeps the _bucket, _sum and "
                      "_count lines as untyped metrics of their own; declare it histogram or gauge"));
        return MetricType::GaugeHistogram;
    }
    static constexpr std::string_view kTextTypes[] = {"counter", "gauge", "histogram", "summary", "untyped"};
    if (asRead == typeName || std::find(std::begin(kTextTypes), std::end(kTextTypes), asRead) == std::end(kTextTypes))
        return std::nullopt;
    const bool backslashes = typeName.find('\\') != std::string_view::npos;
    report(Severity::Warning, backslashes ? "type-backslash" : "type-case", lineNumber, line, restAt,
           backslashes ? Tr::tr("the Pushgateway drops the backslashes and reads '%1' as '%2', but Prometheus' "
                                "own parser refuses it")
                             .arg(q(typeName), q(asRead))
                       : Tr::tr("the Pushgateway reads '%1' as '%2', but Prometheus' own parser knows only "
                                "lower case")
                             .arg(q(typeName), q(asRead)),
           Fix{Tr::tr("Write '%1'").arg(q(asRead)),
               {TextEdit{lineOffset + qint64(restAt), qint64(typeName.size()), QByteArray::fromStdString(asRead)}},
               false});
    return metricTypeFromName(QString::fromStdString(asRead));
}

// The types of OpenMetrics that text 0.0.4 does not have. Prometheus and the Pushgateway refuse
// the file; for remote write PromDesk reads them itself and sends their samples.
bool TextParser::Private::reportOpenMetricsOnlyType(std::string_view line, size_t restAt, const QString &typeName)
{
    const bool refused = options.target == ValidationTarget::Generic || options.target == ValidationTarget::Pushgateway;
    report(refused ? Severity::Error : Severity::Warning, "type-not-supported", lineNumber, line, restAt,
           refused
               ? (options.target == ValidationTarget::Pushgateway
                      ? Tr::tr("text format 0.0.4 has no '%1' type, so the Pushgateway refuses the file; declare it "
                               "as gauge or untyped, or write the file in OpenMetrics")
                      : Tr::tr("text format 0.0.4 has no '%1' type, so Prometheus refuses the file; declare it as "
                               "gauge or untyped, or write the file in OpenMetrics"))
                     .arg(typeName)
               : Tr::tr("text format 0.0.4 has no '%1' type: PromDesk sends its samples, but Prometheus "
                        "refuses such a file; declare it as gauge or untyped, or write the file in "
                        "OpenMetrics")
                     .arg(typeName));
    return refused;
}

void TextParser::Private::processType(std::string_view line, size_t keywordAt, std::string_view name,
                                      std::string_view rest, size_t restAt, FamilyState &family, qint64 lineOffset,
                                      qint64 lineEnd)
{
    const bool readAsGo = !openMetrics && options.target == ValidationTarget::Pushgateway;
    while (readAsGo && !rest.empty() && isBlank(rest.front())) {
        rest.remove_prefix(1);
        ++restAt;
    }
    while (!rest.empty() && isBlank(rest.back()))
        rest.remove_suffix(1);
    const QString typeName = q(rest);
    std::optional<MetricType> type;
    if (readAsGo)
        type = pushgatewayTextType(rest, restAt, line, lineOffset);
    const bool goSpelling = type.has_value();
    if (!type)
        type = metricTypeFromName(QString::fromUtf8(rest.data(), qsizetype(rest.size())));
    const bool textOnly = rest == "untyped";
    const bool openMetricsOnly = !goSpelling && type
        && (*type == MetricType::Info || *type == MetricType::StateSet || *type == MetricType::GaugeHistogram
            || rest == "unknown");
    if (!type || (openMetrics && textOnly)) {
        report(Severity::Error, "unknown-type", lineNumber, line, restAt,
               //: the type names are keywords of the format: keep them in English
               (openMetrics ? Tr::tr("'%1' is not a metric type; use counter, gauge, histogram, gaugehistogram, "
                                     "summary, info, stateset or unknown")
                            //: the type names are keywords of the format: keep them in English
                            : Tr::tr("'%1' is not a metric type; use counter, gauge, histogram, summary or untyped"))
                   .arg(typeName));
        return;
    }
    if (!openMetrics && openMetricsOnly && reportOpenMetricsOnlyType(line, restAt, typeName))
        return;
    if (family.hasType && name != family.declaredName) {
        report(Severity::Error, "duplicate-type", lineNumber, line, keywordAt,
               //: %2 is a metric type keyword: histogram or summary
               Tr::tr("'%1' is part of the %2 '%3', which has a TYPE line already: Prometheus and the Pushgateway "
                      "read this as a second TYPE line for '%3' and refuse it. Remove it, or rename the metric")
                   .arg(q(name), metricTypeName(family.type), q(family.declaredName)));
        return;
    }
    if (family.hasType) {
        const bool same = family.type == *type;
        report(Severity::Error, "duplicate-type", lineNumber, line, keywordAt,
               same ? Tr::tr("'%1' already has a TYPE line").arg(q(name))
                    //: %2 and %3 are metric type keywords, e.g. counter and gauge
                    : Tr::tr("'%1' was declared %2 before and %3 here; keep one TYPE line")
                          .arg(q(name), metricTypeName(family.type), typeName),
               same ? std::optional<Fix>(deleteLineFix(QStringLiteral("TYPE"), lineOffset, lineEnd)) : std::nullopt);
        return;
    }
    if (family.hasSamples) {
        report(Severity::Error, "type-after-samples", lineNumber, line, keywordAt,
               Tr::tr("the TYPE of '%1' must come before its first sample (line %2)")
                   .arg(q(name), QString::number(family.lastLine)));
        return;
    }
    family.hasType = true;
    family.type = *type;
    family.splitBlockHasType = family.pendingSplitProblem >= 0;
    // Announced earlier with its HELP alone (then other metrics came): announce it again, typed.
    family.announced = false;
    if (openMetrics && *type == MetricType::Counter)
        family.modelName = family.declaredName + "_total";
    else if (openMetrics && *type == MetricType::Info)
        family.modelName = family.declaredName + "_info";
    family.lastLine = lineNumber;
    family.lastLineEnd = lineEnd;
}

} // namespace promdesk
