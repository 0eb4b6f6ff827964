#include "exposition/detail/TextParserPrivate.h"

#include "model/Escaping.h"
#include "model/NumberFormat.h"
#include "util/Time.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace promdesk {

using namespace detail;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TextParserSamples)
};

} // namespace

// Most lines of a large file are samples of the family just before them, written plainly:
// `name{a="x",b="y"} value [timestamp]`, single spaces, nothing to report. Such a line is read
// here in one pass, with the token readers and the quiet rules of the full checks; any other
// falls to processSample's checks, which then find what is unusual about it (nothing has been
// changed yet when this returns false).
bool TextParser::Private::takeSimpleSample(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    if (!current || !current->validName)
        return false;
    FamilyState &family = *current;
    SampleRole role = SampleRole::Value;
    size_t pos = metricNameEnd(line, 0, family.declaredName);
    const std::string_view name = slice(line, 0, pos);
    if (!matches(family, name, role))
        return false;
    const size_t size = line.size();
    eventLabels.clear();
    bool sorted = true;
    const bool hasLabels = pos < size && line[pos] == '{';
    if (hasLabels && !takeSimpleLabels(line, pos, sorted))
        return false;
    if (hasLabels && wantsEventLabels(family)) {
        for (const SimpleLabel &label : simpleLabels)
            eventLabels.push_back(LabelView{label.name, label.value});
    }
    const std::string_view key = sorted ? slice(line, 0, pos) : simpleSeriesKey(name, pos);
    double bound = 0;
    if ((role == SampleRole::Bucket || role == SampleRole::Quantile) && !takeSimpleBound(role, bound))
        return false;
    if (pos >= size || line[pos] != ' ')
        return false;
    const size_t valueAt = ++pos;
    double value = 0;
    if (const std::optional<PlainDecimal> plain = readPlainDecimal(line, valueAt)) {
        value = plain->value; // what most lines hold, read without a pass over the token first
        pos = plain->end;
    } else {
        pos = tokenEnd(line, valueAt);
        const std::optional<ParsedNumber> number = parseNumber(slice(line, valueAt, pos - valueAt));
        if (!number || !numberQuiet(*number))
            return false;
        value = number->value;
    }
    if (countsUp(family, role) && !countQuiet(value))
        return false;
    std::optional<qint64> timestampMs;
    if (pos < size) {
        // One space, then text-format milliseconds (OpenMetrics has seconds) that end the line.
        if (line[pos] != ' ' || openMetrics)
            return false;
        const size_t timestampAt = ++pos;
        pos = tokenEnd(line, timestampAt);
        if (pos != size || timestampAt == size)
            return false;
        const std::optional<std::int64_t> ms = parseInteger(slice(line, timestampAt));
        if (!ms || !textTimestampQuiet(*ms))
            return false;
        timestampMs = *ms;
    }
    ++stats.simpleLines;
    acceptSample(family, role, bound, value, timestampMs, key, {}, 1, lineOffset, lineEnd);
    return true;
}

// A bucket's `le` or a quantile's `quantile`, taken out of `eventLabels` into `bound` when it
// is there and quiet.
bool TextParser::Private::takeSimpleBound(SampleRole role, double &bound)
{
    const std::string_view boundName = role == SampleRole::Bucket ? "le" : "quantile";
    for (auto label = eventLabels.begin(); label != eventLabels.end(); ++label) {
        if (label->name != boundName)
            continue;
        const std::optional<ParsedNumber> parsed = parseNumber(label->value);
        // A bound spelt otherwise than formatNumber writes it is keyed by the full reading.
        if (!parsed || !boundQuiet(role, *parsed, label->value) || !spelledAsFormatted(label->value, parsed->value))
            return false;
        bound = parsed->value;
        eventLabels.erase(label);
        return true;
    }
    return false;
}

// The series key of a line whose labels came in another order: name{a="x",b="y"} from the
// sorted labels, their values as written (escaped), as the full checks key them.
std::string_view TextParser::Private::simpleSeriesKey(std::string_view name, size_t keySize)
{
    // Each label is written `name="raw"` in the line, nothing between its parts (that is what
    // the one-pass reading takes): the key is those spans in sorted order, with the separators
    // and braces the line has, so it is as long as the line up to its '}'. It is copied a span
    // at a time into a buffer that only ever grows. Most lines of an exporter's output take this
    // way.
    if (simpleKey.size() < keySize)
        simpleKey.resize(keySize);
    char *out = simpleKey.data();
    std::memcpy(out, name.data(), name.size());
    out += name.size();
    char separator = '{';
    for (const SimpleLabel &label : simpleLabels) {
        const std::string_view text(label.name.data(),
                                    size_t(label.raw.data() + label.raw.size() + 1 - label.name.data()));
        *out++ = separator;
        std::memcpy(out, text.data(), text.size());
        out += text.size();
        separator = ',';
    }
    *out = '}';
    Q_ASSERT(size_t(out + 1 - simpleKey.data()) == keySize);
    return std::string_view(simpleKey.data(), keySize);
}

// `{a="x",b="y"}` from the '{' at `pos`: names unique and quiet, values quiet, well escaped and
// UTF-8, no blanks. Leaves `labelsAt` after the '}' and the labels in `simpleLabels`, sorted by name;
// `sorted` says whether the line wrote them in that order (exporters often do not).
bool TextParser::Private::takeSimpleLabels(std::string_view line, size_t &labelsAt, bool &sorted)
{
    // The position is kept here, not through the reference: the compiler cannot tell that the
    // labels' and the arena's stores leave it alone, and read it again after each of them.
    size_t pos = labelsAt;
    const size_t size = line.size();
    bool inOrder = true;
    simpleLabels.clear();
    arena.clear();
    arena.reserve(size); // unescaped values are never longer than the line: none of them moves
    ++pos;
    while (true) {
        const size_t nameAt = pos;
        if (pos >= size || !isLabelStart(line[pos]))
            return false;
        pos = labelNameEnd(line, pos);
        if (pos + 1 >= size || line[pos] != '=' || line[pos + 1] != '"')
            return false;
        const std::string_view labelName = slice(line, nameAt, pos - nameAt);
        if (!labelNameQuiet(labelName))
            return false;
        inOrder = inOrder && (simpleLabels.empty() || lessShort(simpleLabels.back().name, labelName));
        pos += 2;
        const QuotedValue read = readQuotedValue(line, pos);
        if (read.end >= size)
            return false;
        const std::string_view raw = slice(line, pos, read.end - pos);
        std::string_view value = raw;
        if (!read.ascii && !takeSimpleValueText(raw, read.escaped, value))
            return false;
        if (!labelValueQuiet(value))
            return false;
        simpleLabels.push_back(SimpleLabel{labelName, raw, value});
        pos = read.end + 1;
        if (pos < size && line[pos] == ',') {
            ++pos;
            continue;
        }
        if (pos < size && line[pos] == '}') {
            labelsAt = pos + 1;
            break;
        }
        return false;
    }
    sorted = inOrder;
    return labelCountQuiet(simpleLabels.size()) && (inOrder || sortUniqueLabels());
}

// A value with escapes or bytes beyond ASCII: valid UTF-8, its escapes known (OpenMetrics keeps
// an unknown one as written, which the full checks report), unescaped into the arena.
bool TextParser::Private::takeSimpleValueText(std::string_view raw, bool escaped, std::string_view &value)
{
    if (invalidUtf8Offset(raw) >= 0)
        return false;
    if (!escaped)
        return true;
    if (unescapeLabelValue(raw) >= 0)
        return false;
    const size_t at = arena.size();
    arena += unescaped;
    value = std::string_view(arena).substr(at);
    return true;
}

// A label value with escapes, unescaped into `unescaped` as the format reads it: text 0.0.4 knows
// three escapes, OpenMetrics keeps an unknown one as written. The offset of the first escape
// that is not one of the three, or -1.
int TextParser::Private::unescapeLabelValue(std::string_view raw)
{
    return openMetrics ? unescapeKeepingUnknown(raw, unescaped) : unescape(raw, EscapeContext::LabelValue, unescaped);
}

// Sorts `simpleLabels` by name (a handful: by insertion); false when a name repeats, which the
// full checks report, or when there are more than a handful: insertion is n², and a hostile line
// of many labels goes to the full checks' merge sort.
bool TextParser::Private::sortUniqueLabels()
{
    constexpr size_t kInsertionSortMost = 32;
    if (simpleLabels.size() > kInsertionSortMost)
        return false;
    for (size_t i = 1; i < simpleLabels.size(); ++i) {
        const SimpleLabel label = simpleLabels[i];
        size_t at = i;
        for (; at > 0 && lessShort(label.name, simpleLabels[at - 1].name); --at)
            simpleLabels[at] = simpleLabels[at - 1];
        // Those after it are greater; the one before is not, and differs unless the name repeats.
        if (at > 0 && !lessShort(simpleLabels[at - 1].name, label.name))
            return false;
        simpleLabels[at] = label;
    }
    return true;
}

// An OpenMetrics exemplar as its parsers read it: ` # {labels} value [timestamp]`, one space
// between each part, labels of at most 128 characters in all (names and values), a decimal
// value and a finite timestamp. Reports the first fault; true when there is none.
bool TextParser::Private::checkExemplarSyntax(std::string_view line, size_t hashAt)
{
    auto fault = [&](size_t at, const QString &what) {
        report(Severity::Error, "invalid-exemplar", lineNumber, line, std::min(at, line.size()),
               //: %1 says what is wrong with the exemplar; the rest shows its syntax
               Tr::tr("%1; an exemplar is written ' # {label=\"value\"} value [timestamp]'").arg(what));
        return false;
    };
    if (hashAt < 2 || line[hashAt - 1] != ' ' || isBlank(line[hashAt - 2]))
        return fault(hashAt, Tr::tr("the exemplar needs exactly one space before '#'"));
    size_t pos = hashAt + 1;
    if (pos >= line.size() || line[pos] != ' ' || pos + 1 >= line.size() || line[pos + 1] != '{')
        return fault(pos, Tr::tr("the exemplar's '#' is followed by one space and '{'"));
    pos += 2;
    size_t characters = 0; // of the labels' names and values, in code points
    auto countCharacters = [](std::string_view text) {
        return size_t(std::count_if(text.begin(), text.end(), [](char c) { return (uchar(c) & 0xC0) != 0x80; }));
    };
    while (pos < line.size() && line[pos] != '}') {
        const size_t nameAt = pos;
        while (pos < line.size() && isNameChar(line[pos]) && line[pos] != ':')
            ++pos;
        if (pos == nameAt || !isNameStart(line[nameAt]) || pos >= line.size() || line[pos] != '='
            || pos + 1 >= line.size() || line[pos + 1] != '"')
            return fault(nameAt, Tr::tr("the exemplar's labels are not name=\"value\" pairs"));
        characters += pos - nameAt;
        pos += 2;
        const size_t valueStart = pos;
        while (pos < line.size() && line[pos] != '"')
            pos += line[pos] == '\\' ? 2 : 1;
        if (pos >= line.size())
            return fault(valueStart, Tr::tr("an exemplar label's value has no closing '\"'"));
        std::string value;
        unescapeKeepingUnknown(line.substr(valueStart, pos - valueStart), value);
        if (const int bad = invalidUtf8Offset(value); bad >= 0)
            return fault(valueStart, Tr::tr("an exemplar label's value is not valid UTF-8"));
        characters += countCharacters(value);
        ++pos;
        if (pos < line.size() && line[pos] == ',')
            ++pos;
        else if (pos < line.size() && line[pos] != '}')
            return fault(pos, Tr::tr("the exemplar's labels are separated by ','"));
    }
    if (pos >= line.size())
        return fault(pos, Tr::tr("the exemplar's labels are not closed with '}'"));
    if (characters > 128) {
        return fault(hashAt + 2,
                     Tr::tr("the exemplar's labels hold %1 characters; OpenMetrics allows 128").arg(characters));
    }
    ++pos;
    if (pos >= line.size() || line[pos] != ' ' || pos + 1 >= line.size() || isBlank(line[pos + 1]))
        return fault(pos, Tr::tr("the exemplar's labels are followed by one space and its value"));
    ++pos;
    const size_t valueAt = pos;
    while (pos < line.size() && line[pos] != ' ')
        ++pos;
    const std::optional<ParsedNumber> value = parseNumber(line.substr(valueAt, pos - valueAt));
    if (!value || value->spelling == NumberSpelling::Hexadecimal)
        return fault(valueAt, Tr::tr("the exemplar's value is not a decimal number"));
    if (pos == line.size())
        return true;
    ++pos;
    const std::optional<ParsedNumber> timestamp = parseNumber(line.substr(pos));
    if (!timestamp || timestamp->spelling == NumberSpelling::Hexadecimal || !std::isfinite(timestamp->value))
        return fault(pos, Tr::tr("the exemplar's timestamp is not a finite decimal number of seconds"));
    return true;
}

// A sample line the one-pass reading did not take: read token by token (name, labels, value,
// timestamp and what trails it), then checked as a whole (labels, family and role, bounds,
// counts), then accepted. Every problem of the line is reported, as far as its syntax lets the
// reading go.
void TextParser::Private::processSample(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    lineTimestampNanos.reset();
    leftOutOfModel = false;
    if (internals.simpleLinesInOnePass && takeSimpleSample(line, lineOffset, lineEnd))
        return;
    checkStrayWhitespace(line, lineOffset);
    exemplarAt = std::string_view::npos;
    SampleLine sample;
    sample.text = line;
    sample.offset = lineOffset;
    size_t pos = blanksEnd(line, 0);
    if (!readSampleName(sample, pos) || !readLabels(sample, pos) || !readSampleValue(sample, pos))
        return;
    readTrailer(sample, pos);
    checkLabels(sample);
    if (!sample.ok)
        return;

    FamilyState *family = nullptr;
    SampleRole role = SampleRole::Value;
    if (!resolveSampleFamily(sample, family, role))
        return;
    switchTo(*family, lineNumber, lineOffset, line);
    if (!exemplarAllowed(sample, *family, role))
        return;
    // The line belongs to this family's block even if a later check refuses it.
    family->lastLine = lineNumber;
    family->lastLineEnd = lineEnd;
    double bound = 0;
    if (!splitBound(sample, *family, role, bound))
        return;
    checkCountSign(sample, *family, role);
    const std::string_view boundAsWritten
        = respelledBoundLabel >= 0 ? lineLabels[size_t(respelledBoundLabel)].value : std::string_view();
    acceptSample(*family, role, bound, sample.value, sample.timestampMs, seriesKey(sample), boundAsWritten,
                 int(sample.nameAt) + 1, lineOffset, lineEnd);
}

bool TextParser::Private::readSampleName(SampleLine &sample, size_t &pos)
{
    const std::string_view line = sample.text;
    sample.nameAt = pos;
    if (line[pos] == '{') {
        report(Severity::Error, "missing-metric-name", lineNumber, line, pos,
               Tr::tr("the sample has no metric name before '{'; remote write drops series without "
                      "__name__"));
        return false;
    }
    const bool likelyFamily = current && current->validName;
    pos = metricNameEnd(line, pos, likelyFamily ? std::string_view(current->declaredName) : std::string_view());
    sample.name = slice(line, sample.nameAt, pos - sample.nameAt);
    const bool badStart = sample.name.empty() || !isNameStart(sample.name.front());
    if (badStart || (pos < line.size() && !isBlank(line[pos]) && line[pos] != '{')) {
        size_t tokenEnd = sample.nameAt;
        while (tokenEnd < line.size() && !isBlank(line[tokenEnd]) && line[tokenEnd] != '{')
            ++tokenEnd;
        report(Severity::Error, "invalid-metric-name", lineNumber, line, badStart ? sample.nameAt : pos,
               Tr::tr("%1 is not a valid metric name: use letters, digits, '_' and ':', not starting "
                      "with a digit")
                   .arg(quoted(slice(line, sample.nameAt, tokenEnd - sample.nameAt))));
        return false;
    }
    const size_t nameEnd = pos;
    pos = blanksEnd(line, pos);
    sample.seriesEnd = pos;
    if (openMetrics && pos != nameEnd && pos < line.size() && line[pos] == '{') {
        report(Severity::Error, "stray-whitespace", lineNumber, line, nameEnd,
               Tr::tr("OpenMetrics writes the labels' '{' right after the metric name"));
        return false;
    }
    return true;
}

// Blanks inside the braces: text 0.0.4 readers skip them, OpenMetrics allows none.
void TextParser::Private::skipBlanksFound(SampleLine &sample, size_t &pos)
{
    const size_t before = pos;
    pos = blanksEnd(sample.text, pos);
    sample.compact = sample.compact && pos == before;
    if (openMetrics && pos != before && sample.ok) {
        report(Severity::Error, "stray-whitespace", lineNumber, sample.text, before,
               Tr::tr("OpenMetrics allows no blanks inside '{...}' outside the quoted values"));
        sample.ok = false;
    }
}

// The label list, if the line has one, into `labels` (values unescaped into `arena`).
bool TextParser::Private::readLabels(SampleLine &sample, size_t &pos)
{
    labels.clear();
    arena.clear();
    const std::string_view line = sample.text;
    if (pos >= line.size() || line[pos] != '{')
        return true;
    ++pos;
    while (true) {
        skipBlanksInLabels(sample, pos);
        if (pos >= line.size()) {
            report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
                   Tr::tr("the label list is not closed with '}'"));
            return false;
        }
        if (line[pos] == '}') {
            sample.seriesEnd = ++pos;
            return true;
        }
        if (!readLabel(sample, pos))
            return false;
        skipBlanksInLabels(sample, pos);
        if (pos < line.size() && line[pos] == ',') {
            ++pos;
            skipBlanksInLabels(sample, pos);
            const bool trailingComma = pos < line.size() && line[pos] == '}';
            sample.compact = sample.compact && !trailingComma;
            if (openMetrics && trailingComma) {
                report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos - 1,
                       Tr::tr("OpenMetrics does not allow a comma before '}'"),
                       Fix{Tr::tr("Remove the trailing comma"),
                           {TextEdit{sample.offset + qint64(pos - 1), 1, {}}},
                           false});
            }
            continue;
        }
        if (pos < line.size() && line[pos] == '}') {
            sample.seriesEnd = ++pos;
            return true;
        }
        report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
               pos >= line.size()
                   ? Tr::tr("the label list is not closed with '}'")
                   : Tr::tr("expected ',' or '}' after the value of label %1").arg(quoted(labels.back().name)));
        return false;
    }
}

// One `name="value"` pair.
bool TextParser::Private::readLabel(SampleLine &sample, size_t &pos)
{
    const std::string_view line = sample.text;
    const size_t labelAt = pos;
    pos = labelNameEnd(line, pos);
    const std::string_view labelName = slice(line, labelAt, pos - labelAt);
    // A name must be letters, digits and '_' up to a blank, '=', ',' or '}'.
    const bool badStart = labelName.empty() || !isLabelStart(labelName.front());
    const bool badChar
        = pos < line.size() && !isBlank(line[pos]) && line[pos] != '=' && line[pos] != ',' && line[pos] != '}';
    if (badStart || badChar) {
        size_t tokenEnd = labelAt;
        while (tokenEnd < line.size() && line[tokenEnd] != '=' && line[tokenEnd] != ',' && line[tokenEnd] != '}')
            ++tokenEnd;
        report(Severity::Error, "invalid-label-name", lineNumber, line, labelAt,
               Tr::tr("%1 is not a valid label name: use letters, digits and '_', not starting with "
                      "a digit")
                   .arg(quoted(slice(line, labelAt, tokenEnd - labelAt))));
        return false;
    }
    skipBlanksInLabels(sample, pos);
    if (pos >= line.size() || line[pos] != '=') {
        report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
               Tr::tr("expected '=' after label name %1").arg(quoted(labelName)));
        return false;
    }
    ++pos;
    skipBlanksInLabels(sample, pos);
    if (pos >= line.size() || line[pos] != '"') {
        report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
               Tr::tr("the value of label %1 must be in double quotes").arg(quoted(labelName)));
        return false;
    }
    const size_t quoteAt = pos++;
    const QuotedValue read = readQuotedValue(line, pos);
    if (read.end >= line.size()) {
        report(Severity::Error, "unterminated-label-value", lineNumber, line, quoteAt,
               Tr::tr("the value of label %1 has no closing '\"'").arg(quoted(labelName)));
        return false;
    }
    const size_t valueAt = pos;
    const std::string_view raw = slice(line, valueAt, read.end - valueAt);
    pos = read.end + 1;
    const bool keptUnknownEscape = checkLabelValueText(sample, labelName, raw, valueAt, read);
    labels.push_back(LabelToken{labelName, labelAt, quoteAt, pos, arena.size(),
                                read.escaped ? unescaped.size() : raw.size(), raw, read.escaped, keptUnknownEscape});
    if (read.escaped)
        arena += unescaped;
    return true;
}

// Unescapes a value with escapes into `unescaped` (most have none: they are used where they
// stand, without a copy) and checks its escapes and UTF-8. True when OpenMetrics kept an unknown
// escape as written, so that `raw` is not the only spelling of the value.
bool TextParser::Private::checkLabelValueText(SampleLine &sample, std::string_view labelName, std::string_view raw,
                                              size_t valueAt, const QuotedValue &read)
{
    const int badEscape = read.escaped ? unescapeLabelValue(raw) : -1;
    if (badEscape >= 0 && openMetrics) {
        report(Severity::Warning, "unknown-escape", lineNumber, sample.text, valueAt + size_t(badEscape),
               Tr::tr("%1 is not an escape sequence; OpenMetrics parsers keep the backslash as it is. "
                      "Write a backslash as \\\\")
                   .arg(quoted(raw.substr(size_t(badEscape), 2))));
    }
    if (badEscape >= 0 && !openMetrics) {
        report(Severity::Error, "invalid-escape", lineNumber, sample.text, valueAt + size_t(badEscape),
               Tr::tr("%1 is not an escape sequence; label values may only use \\\\, \\\" and \\n "
                      "(write a backslash as \\\\)")
                   .arg(quoted(raw.substr(size_t(badEscape), 2))));
        sample.ok = false;
    } else if (const int bad = read.ascii ? -1 : invalidUtf8Offset(raw); bad >= 0) {
        report(Severity::Error, "invalid-utf8", lineNumber, sample.text, valueAt + size_t(bad),
               Tr::tr("the value of label %1 is not valid UTF-8; save the file as UTF-8").arg(quoted(labelName)));
        sample.ok = false;
    }
    return badEscape >= 0 && openMetrics;
}

bool TextParser::Private::readSampleValue(SampleLine &sample, size_t &pos)
{
    const std::string_view line = sample.text;
    if (openMetrics && pos > 0 && line[pos - 1] == '}' && pos < line.size() && !isBlank(line[pos])) {
        report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
               Tr::tr("OpenMetrics wants a space between the labels' '}' and the value"));
        return false;
    }
    sample.valueAt = pos = blanksEnd(line, pos);
    pos = tokenEnd(line, pos);
    const std::string_view token = slice(line, sample.valueAt, pos - sample.valueAt);
    if (token.empty()) {
        report(Severity::Error, "missing-value", lineNumber, line, sample.valueAt,
               Tr::tr("the sample %1 has no value").arg(quoted(sample.name)));
        return false;
    }
    const std::optional<ParsedNumber> number = parseNumber(token);
    if (!number) {
        reportUnreadableValue(sample, token);
        return false;
    }
    sample.value = number->value;
    if (numberQuiet(*number))
        return true;
    if (number->spelling == NumberSpelling::Hexadecimal) {
        const QByteArray decimal = numberBytes(number->value);
        report(Severity::Error, "hex-number", lineNumber, line, sample.valueAt,
               Tr::tr("%1 is a hexadecimal number, which Prometheus' text parsers and the Pushgateway refuse "
                      "(400 \"expected float as value\"); write it in decimal: '%2'")
                   .arg(quoted(token), QString::fromLatin1(decimal)),
               Fix{Tr::tr("Write '%1'").arg(QString::fromLatin1(decimal)),
                   {TextEdit{sample.offset + qint64(sample.valueAt), qint64(token.size()), decimal}},
                   false});
        return false;
    }
    const QByteArray canonical = number->canonical.empty()
        ? numberBytes(number->value)
        : QByteArray(number->canonical.data(), qsizetype(number->canonical.size()));
    // Go's and OpenMetrics' parsers read it; the canonical spelling is what every writer uses.
    report(Severity::Warning, "noncanonical-number", lineNumber, line, sample.valueAt,
           Tr::tr("write %1 as '%2', the spelling Prometheus' own writers use")
               .arg(quoted(token), QString::fromLatin1(canonical)),
           Fix{Tr::tr("Write '%1'").arg(QString::fromLatin1(canonical)),
               {TextEdit{sample.offset + qint64(sample.valueAt), qint64(token.size()), canonical}},
               false});
    return true;
}

void TextParser::Private::reportUnreadableValue(const SampleLine &sample, std::string_view token)
{
    if (overflowsDouble(token)) {
        // Go's ParseFloat gives a range error, and Prometheus refuses the line (prometheus_client
        // reads ±Inf or 0: tst_openmetrics_differential lists it as its laxness).
        report(Severity::Error, "number-out-of-range", lineNumber, sample.text, sample.valueAt,
               Tr::tr("%1 is beyond what a 64-bit float holds, and Prometheus refuses it; write a number "
                      "no larger than about 1.8e308, or +Inf or -Inf")
                   .arg(quoted(token)));
        return;
    }
    const QString message = token.find(',') != std::string_view::npos
        ? Tr::tr("%1 is not a number: use '.' as the decimal separator and no thousands separators")
        : Tr::tr("%1 is not a number: use a number such as 1.5, 2e-3, NaN, +Inf or -Inf");
    report(Severity::Error, "invalid-number", lineNumber, sample.text, sample.valueAt, message.arg(quoted(token)));
}

// The timestamp, an exemplar, and any other text after the value.
void TextParser::Private::readTrailer(SampleLine &sample, size_t &pos)
{
    const std::string_view line = sample.text;
    pos = blanksEnd(line, pos);
    if (pos < line.size() && line[pos] != '#') {
        const size_t timestampAt = pos;
        pos = tokenEnd(line, pos);
        qint64 timestampMs = 0;
        bool ok = false;
        checkTimestamp(line, sample.offset, timestampAt, pos, timestampMs, ok);
        if (!ok && !leftOutOfModel)
            sample.ok = false;
        else
            sample.timestampMs = timestampMs;
        pos = blanksEnd(line, pos);
    }
    if (pos >= line.size())
        return;
    const std::string_view rest = slice(line, pos);
    if (rest.starts_with("# {") || rest.starts_with("#{")) {
        readExemplar(sample, pos);
        return;
    }
    report(Severity::Error, "trailing-characters", lineNumber, line, pos,
           Tr::tr("unexpected text after the sample: %1").arg(quoted(rest)));
    sample.ok = false;
}

void TextParser::Private::readExemplar(SampleLine &sample, size_t hashAt)
{
    const std::string_view line = sample.text;
    size_t from = hashAt;
    while (from > 0 && isBlank(line[from - 1]))
        --from;
    if (openMetrics) {
        exemplarAt = hashAt;
        if (!checkExemplarSyntax(line, hashAt))
            sample.ok = false;
    }
    const bool kept = openMetrics && options.target != ValidationTarget::Pushgateway;
    report(kept ? Severity::Warning : Severity::Error, "exemplar", lineNumber, line, hashAt,
           kept ? Tr::tr("the exemplar is read but not kept; PromDesk pushes the sample without it")
                : Tr::tr("exemplars are not part of text format 0.0.4; a Pushgateway fails to parse this line"),
           Fix{Tr::tr("Remove the exemplar"),
               {TextEdit{sample.offset + qint64(from), qint64(line.size() - from), {}}},
               false});
}

} // namespace promdesk
