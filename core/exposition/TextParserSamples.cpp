#include "exposition/detail/TextParserPrivate.h"

#include "model/Escaping.h"
#include "model/NumberFormat.h"
#include "util/Time.h"

#include <algorithm>
#include <cmath>

namespace promdesk {

using namespace detail;

// Most lines of a large file are samples of the family just before them, written plainly:
// `name{a="x",b="y"} value [timestamp]`, labels sorted, single spaces, nothing to report. Such a
// line is read here in one pass; any other falls to processSample's checks, which then find
// what is unusual about it (nothing has been changed yet when this returns false).
bool TextParser::Private::takeSimpleSample(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    if (!current || !current->validName)
        return false;
    FamilyState &family = *current;
    const bool counter = family.type == MetricType::Counter;
    // Types whose samples carry the family's own name (an OpenMetrics counter's need "_total").
    if (!(family.type == MetricType::Gauge || family.type == MetricType::Untyped || (counter && !openMetrics)))
        return false;
    const std::string &name = family.declaredName;
    if (line.size() <= name.size() || !startsWithShort(line, name))
        return false;
    const size_t size = line.size();
    size_t pos = name.size();
    eventLabels.clear();
    if (line[pos] == '{') {
        ++pos;
        const bool tmp = options.target == ValidationTarget::Tmp;
        while (true) {
            const size_t nameAt = pos;
            if (pos >= size || !isLabelStart(line[pos]))
                return false;
            while (++pos < size && isLabelChar(line[pos])) {}
            if (pos + 1 >= size || line[pos] != '=' || line[pos + 1] != '"')
                return false;
            const std::string_view labelName = line.substr(nameAt, pos - nameAt);
            // Sorted and unique (checked against the one before), not reserved, not the job a
            // Pushgateway's grouping key replaces.
            if ((!eventLabels.empty() && !lessShort(eventLabels.back().name, labelName)) || labelName.starts_with("__")
                || (options.target == ValidationTarget::Pushgateway && labelName == "job")
                || (tmp && labelName.size() > size_t(kTmpMaxLabelNameLength)))
                return false;
            pos += 2;
            const size_t valueAt = pos;
            unsigned char highBits = 0;
            pos = plainValueEnd(line, pos, highBits);
            // Escapes and non-ASCII text go the long way: unescaping, the UTF-8 check.
            if (pos >= size || line[pos] != '"' || (highBits & 0x80) != 0)
                return false;
            const std::string_view value = line.substr(valueAt, pos - valueAt);
            if ((remoteWrite && value.empty()) || (tmp && value.size() > size_t(kTmpMaxLabelValueLength)))
                return false;
            eventLabels.push_back(LabelView{labelName, value});
            ++pos;
            if (pos < size && line[pos] == ',') {
                ++pos;
                continue;
            }
            if (pos < size && line[pos] == '}') {
                ++pos;
                break;
            }
            return false;
        }
        if (tmp && int(eventLabels.size()) + 1 > kTmpMaxLabels)
            return false;
    }
    const size_t seriesEnd = pos;
    if (pos >= size || line[pos] != ' ')
        return false;
    const size_t valueAt = ++pos;
    while (pos < size && line[pos] != ' ')
        ++pos;
    const std::optional<ParsedNumber> number = parseNumber(line.substr(valueAt, pos - valueAt));
    if (!number || number->spelling != NumberSpelling::Canonical || (counter && number->value < 0))
        return false;
    std::optional<qint64> timestampMs;
    if (pos < size) {
        const size_t timestampAt = ++pos;
        while (pos < size && line[pos] != ' ')
            ++pos;
        // Text-format milliseconds only (OpenMetrics has seconds, a Pushgateway refuses any),
        // ending the line, and neither looking like seconds nor too far ahead.
        if (pos != size || timestampAt == size || openMetrics || options.target == ValidationTarget::Pushgateway)
            return false;
        const std::optional<std::int64_t> ms = parseInteger(line.substr(timestampAt, size - timestampAt));
        if (!ms || (double(*ms) >= kPlausibleSecondsMin && double(*ms) < kPlausibleSecondsMax)
            || *ms > addSaturated(nowMs, options.futureToleranceMs))
            return false;
        timestampMs = *ms;
    }
    ++stats.simpleLines;
    acceptSample(family, SampleRole::Value, 0, number->value, timestampMs, line.substr(0, seriesEnd), 1, lineOffset,
                 lineEnd);
    return true;
}

// An OpenMetrics exemplar as its parsers read it: ` # {labels} value [timestamp]`, one space
// between each part, labels of at most 128 characters in all (names and values), a decimal
// value and a finite timestamp. Reports the first fault; true when there is none.
bool TextParser::Private::checkExemplarSyntax(std::string_view line, size_t hashAt)
{
    auto fault = [&](size_t at, const QString &what) {
        report(Severity::Error, "invalid-exemplar", lineNumber, line, std::min(at, line.size()),
               QStringLiteral("%1; an exemplar is written ' # {label=\"value\"} value [timestamp]'").arg(what));
        return false;
    };
    if (hashAt < 2 || line[hashAt - 1] != ' ' || isBlank(line[hashAt - 2]))
        return fault(hashAt, QStringLiteral("the exemplar needs exactly one space before '#'"));
    size_t pos = hashAt + 1;
    if (pos >= line.size() || line[pos] != ' ' || pos + 1 >= line.size() || line[pos + 1] != '{')
        return fault(pos, QStringLiteral("the exemplar's '#' is followed by one space and '{'"));
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
            return fault(nameAt, QStringLiteral("the exemplar's labels are not name=\"value\" pairs"));
        characters += pos - nameAt;
        pos += 2;
        const size_t valueStart = pos;
        while (pos < line.size() && line[pos] != '"')
            pos += line[pos] == '\\' ? 2 : 1;
        if (pos >= line.size())
            return fault(valueStart, QStringLiteral("an exemplar label's value has no closing '\"'"));
        std::string value;
        unescapeKeepingUnknown(line.substr(valueStart, pos - valueStart), value);
        if (const int bad = invalidUtf8Offset(value); bad >= 0)
            return fault(valueStart, QStringLiteral("an exemplar label's value is not valid UTF-8"));
        characters += countCharacters(value);
        ++pos;
        if (pos < line.size() && line[pos] == ',')
            ++pos;
        else if (pos < line.size() && line[pos] != '}')
            return fault(pos, QStringLiteral("the exemplar's labels are separated by ','"));
    }
    if (pos >= line.size())
        return fault(pos, QStringLiteral("the exemplar's labels are not closed with '}'"));
    if (characters > 128) {
        return fault(
            hashAt + 2,
            QStringLiteral("the exemplar's labels hold %1 characters; OpenMetrics allows 128").arg(characters));
    }
    ++pos;
    if (pos >= line.size() || line[pos] != ' ' || pos + 1 >= line.size() || isBlank(line[pos + 1]))
        return fault(pos, QStringLiteral("the exemplar's labels are followed by one space and its value"));
    ++pos;
    const size_t valueAt = pos;
    while (pos < line.size() && line[pos] != ' ')
        ++pos;
    const std::optional<ParsedNumber> value = parseNumber(line.substr(valueAt, pos - valueAt));
    if (!value || value->spelling == NumberSpelling::Hexadecimal)
        return fault(valueAt, QStringLiteral("the exemplar's value is not a decimal number"));
    if (pos == line.size())
        return true;
    ++pos;
    const std::optional<ParsedNumber> timestamp = parseNumber(line.substr(pos));
    if (!timestamp || timestamp->spelling == NumberSpelling::Hexadecimal || !std::isfinite(timestamp->value))
        return fault(pos, QStringLiteral("the exemplar's timestamp is not a finite decimal number of seconds"));
    return true;
}

void TextParser::Private::processSample(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    lineTimestampNanos.reset();
    leftOutOfModel = false;
    if (internals.simpleLinesInOnePass && takeSimpleSample(line, lineOffset, lineEnd))
        return;
    checkStrayWhitespace(line, lineOffset);
    exemplarAt = std::string_view::npos;
    size_t pos = 0;
    while (pos < line.size() && isBlank(line[pos]))
        ++pos;
    auto skipBlanks = [&] {
        while (pos < line.size() && isBlank(line[pos]))
            ++pos;
    };

    // Metric name
    const size_t nameAt = pos;
    if (line[pos] == '{') {
        report(Severity::Error, "missing-metric-name", lineNumber, line, pos,
               QStringLiteral("the sample has no metric name before '{'; remote write drops series without "
                              "__name__"));
        return;
    }
    // Lines of a family mostly start with its name: one comparison instead of a byte-by-byte scan.
    if (current && current->validName && slice(line, nameAt).starts_with(current->declaredName))
        pos += current->declaredName.size();
    while (pos < line.size() && isNameChar(line[pos]))
        ++pos;
    const std::string_view name = slice(line, nameAt, pos - nameAt);
    if (name.empty() || !isNameStart(name.front()) || (pos < line.size() && !isBlank(line[pos]) && line[pos] != '{')) {
        size_t tokenEnd = nameAt;
        while (tokenEnd < line.size() && !isBlank(line[tokenEnd]) && line[tokenEnd] != '{')
            ++tokenEnd;
        const size_t badAt = name.empty() || !isNameStart(name.front()) ? nameAt : pos;
        report(Severity::Error, "invalid-metric-name", lineNumber, line, badAt,
               QStringLiteral("%1 is not a valid metric name: use letters, digits, '_' and ':', not starting "
                              "with a digit")
                   .arg(quoted(slice(line, nameAt, tokenEnd - nameAt))));
        return;
    }
    const size_t nameEnd = pos;
    skipBlanks();
    if (openMetrics && pos != nameEnd && pos < line.size() && line[pos] == '{') {
        report(Severity::Error, "stray-whitespace", lineNumber, line, nameEnd,
               QStringLiteral("OpenMetrics writes the labels' '{' right after the metric name"));
        return;
    }

    // Labels
    labels.clear();
    arena.clear();
    bool lineOk = true;
    size_t seriesEnd = pos; // just after the name, or after the closing '}'
    bool compact = true;    // no blanks or trailing comma inside the braces
    auto skipBlanksInside = [&] {
        const size_t before = pos;
        skipBlanks();
        compact = compact && pos == before;
        if (openMetrics && pos != before && lineOk) {
            report(Severity::Error, "stray-whitespace", lineNumber, line, before,
                   QStringLiteral("OpenMetrics allows no blanks inside '{...}' outside the quoted values"));
            lineOk = false;
        }
    };
    if (pos < line.size() && line[pos] == '{') {
        ++pos;
        while (true) {
            skipBlanksInside();
            if (pos >= line.size()) {
                report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
                       QStringLiteral("the label list is not closed with '}'"));
                return;
            }
            if (line[pos] == '}') {
                ++pos;
                seriesEnd = pos;
                break;
            }
            const size_t labelAt = pos;
            while (pos < line.size() && isLabelChar(line[pos]))
                ++pos;
            const std::string_view labelName = slice(line, labelAt, pos - labelAt);
            // A name must be letters, digits and '_' up to a blank, '=', ',' or '}'.
            const bool badStart = labelName.empty() || !isLabelStart(labelName.front());
            const bool badChar
                = pos < line.size() && !isBlank(line[pos]) && line[pos] != '=' && line[pos] != ',' && line[pos] != '}';
            if (badStart || badChar) {
                size_t tokenEnd = labelAt;
                while (tokenEnd < line.size() && line[tokenEnd] != '=' && line[tokenEnd] != ','
                       && line[tokenEnd] != '}')
                    ++tokenEnd;
                report(Severity::Error, "invalid-label-name", lineNumber, line, labelAt,
                       QStringLiteral("%1 is not a valid label name: use letters, digits and '_', not starting with "
                                      "a digit")
                           .arg(quoted(slice(line, labelAt, tokenEnd - labelAt))));
                return;
            }
            skipBlanksInside();
            if (pos >= line.size() || line[pos] != '=') {
                report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
                       QStringLiteral("expected '=' after label name %1").arg(quoted(labelName)));
                return;
            }
            ++pos;
            skipBlanksInside();
            if (pos >= line.size() || line[pos] != '"') {
                report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
                       QStringLiteral("the value of label %1 must be in double quotes").arg(quoted(labelName)));
                return;
            }
            const size_t quoteAt = pos++;
            const size_t valueStart = pos;
            // Values are short: one walk to the closing quote (not three library calls) also
            // tells whether the value needs unescaping or a UTF-8 check.
            unsigned char highBits = 0;
            pos = plainValueEnd(line, pos, highBits);
            const bool escaped = pos < line.size() && line[pos] == '\\';
            if (escaped) {
                while (pos < line.size() && line[pos] != '"') {
                    if (line[pos] == '\\')
                        ++pos;
                    ++pos;
                }
            }
            if (pos >= line.size()) {
                report(Severity::Error, "unterminated-label-value", lineNumber, line, quoteAt,
                       QStringLiteral("the value of label %1 has no closing '\"'").arg(quoted(labelName)));
                return;
            }
            const std::string_view raw = slice(line, valueStart, pos - valueStart);
            ++pos;
            // Most values have no escapes: they are used where they stand, without a copy.
            const int badEscape = !escaped ? -1
                : openMetrics              ? unescapeKeepingUnknown(raw, unescaped)
                                           : unescape(raw, EscapeContext::LabelValue, unescaped);
            const bool ascii = !escaped && (highBits & 0x80) == 0;
            if (badEscape >= 0 && openMetrics) {
                report(Severity::Warning, "unknown-escape", lineNumber, line, valueStart + size_t(badEscape),
                       QStringLiteral("%1 is not an escape sequence; OpenMetrics parsers keep the backslash as it is. "
                                      "Write a backslash as \\\\")
                           .arg(quoted(raw.substr(size_t(badEscape), 2))));
            }
            if (badEscape >= 0 && !openMetrics) {
                const std::string_view sequence = raw.substr(size_t(badEscape), 2);
                report(Severity::Error, "invalid-escape", lineNumber, line, valueStart + size_t(badEscape),
                       QStringLiteral("%1 is not an escape sequence; label values may only use \\\\, \\\" and \\n "
                                      "(write a backslash as \\\\)")
                           .arg(quoted(sequence)));
                lineOk = false;
            } else if (const int bad = ascii ? -1 : invalidUtf8Offset(raw); bad >= 0) {
                report(Severity::Error, "invalid-utf8", lineNumber, line, valueStart + size_t(bad),
                       QStringLiteral("the value of label %1 is not valid UTF-8; save the file as UTF-8")
                           .arg(quoted(labelName)));
                lineOk = false;
            }
            labels.push_back(LabelToken{labelName, labelAt, quoteAt, pos, arena.size(),
                                        escaped ? unescaped.size() : raw.size(), raw, escaped,
                                        badEscape >= 0 && openMetrics});
            if (escaped)
                arena += unescaped;
            skipBlanksInside();
            if (pos < line.size() && line[pos] == ',') {
                ++pos;
                skipBlanksInside();
                compact = compact && !(pos < line.size() && line[pos] == '}');
                if (openMetrics && pos < line.size() && line[pos] == '}') {
                    report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos - 1,
                           QStringLiteral("OpenMetrics does not allow a comma before '}'"),
                           Fix{QStringLiteral("Remove the trailing comma"),
                               {TextEdit{lineOffset + qint64(pos - 1), 1, {}}},
                               false});
                }
                continue;
            }
            if (pos < line.size() && line[pos] == '}') {
                ++pos;
                seriesEnd = pos;
                break;
            }
            report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
                   pos >= line.size()
                       ? QStringLiteral("the label list is not closed with '}'")
                       : QStringLiteral("expected ',' or '}' after the value of label %1").arg(quoted(labelName)));
            return;
        }
    }

    // Value
    if (openMetrics && pos > 0 && line[pos - 1] == '}' && pos < line.size() && !isBlank(line[pos])) {
        report(Severity::Error, "invalid-label-syntax", lineNumber, line, pos,
               QStringLiteral("OpenMetrics wants a space between the labels' '}' and the value"));
        return;
    }
    skipBlanks();
    const size_t valueAt = pos;
    while (pos < line.size() && !isBlank(line[pos]))
        ++pos;
    const std::string_view valueToken = slice(line, valueAt, pos - valueAt);
    if (valueToken.empty()) {
        report(Severity::Error, "missing-value", lineNumber, line, valueAt,
               QStringLiteral("the sample %1 has no value").arg(quoted(name)));
        return;
    }
    const std::optional<ParsedNumber> number = parseNumber(valueToken);
    if (!number && parseBeyondDoubleRange(valueToken)) {
        // Go's ParseFloat gives a range error, and Prometheus refuses the line (prometheus_client
        // reads ±Inf or 0: tst_openmetrics_differential lists it as its laxness).
        report(Severity::Error, "number-out-of-range", lineNumber, line, valueAt,
               QStringLiteral("%1 is beyond what a 64-bit float holds, and Prometheus refuses it; write a number "
                              "between about 2.2e-308 and 1.8e308, or +Inf")
                   .arg(quoted(valueToken)));
        return;
    }
    if (!number) {
        QString hint;
        if (valueToken.find(',') != std::string_view::npos)
            hint = QStringLiteral(": use '.' as the decimal separator and no thousands separators");
        else
            hint = QStringLiteral(": use a number such as 1.5, 2e-3, NaN, +Inf or -Inf");
        report(Severity::Error, "invalid-number", lineNumber, line, valueAt,
               QStringLiteral("%1 is not a number%2").arg(quoted(valueToken), hint));
        return;
    }
    if (number->spelling == NumberSpelling::Hexadecimal) {
        const QByteArray decimal = numberBytes(number->value);
        report(Severity::Error, "hex-number", lineNumber, line, valueAt,
               QStringLiteral("%1 is a hexadecimal number, which Prometheus' text parsers and the Pushgateway refuse "
                              "(400 \"expected float as value\"); write it in decimal: '%2'")
                   .arg(quoted(valueToken), QString::fromLatin1(decimal)),
               Fix{QStringLiteral("Write '%1'").arg(QString::fromLatin1(decimal)),
                   {TextEdit{lineOffset + qint64(valueAt), qint64(valueToken.size()), decimal}},
                   false});
        return;
    }
    if (number->spelling == NumberSpelling::NonCanonical) {
        const QByteArray canonical = number->canonical.empty()
            ? numberBytes(number->value)
            : QByteArray(number->canonical.data(), qsizetype(number->canonical.size()));
        // Go's and OpenMetrics' parsers read it; the canonical spelling is what every writer uses.
        report(Severity::Warning, "noncanonical-number", lineNumber, line, valueAt,
               QStringLiteral("write %1 as '%2', the spelling Prometheus' own writers use")
                   .arg(quoted(valueToken), QString::fromLatin1(canonical)),
               Fix{QStringLiteral("Write '%1'").arg(QString::fromLatin1(canonical)),
                   {TextEdit{lineOffset + qint64(valueAt), qint64(valueToken.size()), canonical}},
                   false});
    }

    // Timestamp, exemplar, trailing text
    skipBlanks();
    std::optional<qint64> timestampMs;
    if (pos < line.size() && line[pos] != '#') {
        const size_t tsAt = pos;
        while (pos < line.size() && !isBlank(line[pos]))
            ++pos;
        qint64 ts = 0;
        bool ok = false;
        checkTimestamp(line, lineOffset, tsAt, pos, ts, ok);
        if (!ok && !leftOutOfModel)
            lineOk = false;
        else
            timestampMs = ts;
        skipBlanks();
    }
    if (pos < line.size() && line[pos] == '#') {
        size_t from = pos;
        while (from > 0 && isBlank(line[from - 1]))
            --from;
        const bool exemplar = slice(line, pos).starts_with("# {") || slice(line, pos).starts_with("#{");
        if (exemplar && openMetrics) {
            exemplarAt = pos;
            if (!checkExemplarSyntax(line, pos))
                lineOk = false;
        }
        if (exemplar) {
            report(openMetrics && options.target != ValidationTarget::Pushgateway ? Severity::Warning : Severity::Error,
                   "exemplar", lineNumber, line, pos,
                   openMetrics && options.target != ValidationTarget::Pushgateway
                       ? QStringLiteral("the exemplar is read but not kept; PromDesk pushes the sample without it")
                       : QStringLiteral("exemplars are not part of text format 0.0.4; a Pushgateway fails to parse "
                                        "this line"),
                   Fix{QStringLiteral("Remove the exemplar"),
                       {TextEdit{lineOffset + qint64(from), qint64(line.size() - from), {}}},
                       false});
        } else {
            report(Severity::Error, "trailing-characters", lineNumber, line, pos,
                   QStringLiteral("unexpected text after the sample: %1").arg(quoted(slice(line, pos))));
            lineOk = false;
        }
    } else if (pos < line.size()) {
        report(Severity::Error, "trailing-characters", lineNumber, line, pos,
               QStringLiteral("unexpected text after the sample: %1").arg(quoted(slice(line, pos))));
        lineOk = false;
    }

    // Labels: duplicates, reserved names, target limits
    lineLabels.clear();
    for (const LabelToken &token : labels)
        lineLabels.push_back(LabelView{
            token.name,
            token.escaped ? std::string_view(arena).substr(token.arenaOffset, token.arenaLength) : token.raw});
    orderLabels();
    for (size_t i = 0; i < labels.size(); ++i) {
        const LabelToken &token = labels[i];
        if (repeatedLabel[i]) {
            report(Severity::Error, "duplicate-label-name", lineNumber, line, token.nameOffset,
                   QStringLiteral("label %1 appears twice in one sample").arg(quoted(token.name)));
            lineOk = false;
        }
        if (token.name.starts_with("__")) {
            // The Pushgateway refuses such a push; a remote-write receiver stores the label
            // (tst_verdicts_pushgateway, tst_verdicts_remotewrite).
            const bool hard = options.target == ValidationTarget::Pushgateway;
            report(hard ? Severity::Error : Severity::Warning, "reserved-label-name", lineNumber, line,
                   token.nameOffset,
                   QStringLiteral("label names starting with '__' are reserved for Prometheus' internal use; rename "
                                  "%1")
                       .arg(quoted(token.name)));
        }
        const std::string_view value = lineLabels[i].value;
        if (remoteWrite && value.empty()) {
            // Delete `name=""` and one neighbouring comma so the list stays well-formed.
            qint64 from = lineOffset + qint64(token.nameOffset);
            qint64 to = lineOffset + qint64(token.valueEnd);
            size_t after = token.valueEnd;
            while (after < line.size() && isBlank(line[after]))
                ++after;
            if (after < line.size() && line[after] == ',') {
                to = lineOffset + qint64(after + 1);
            } else if (i > 0) {
                from = lineOffset + qint64(labels[i - 1].valueEnd);
            }
            report(Severity::Warning, "empty-label-value", lineNumber, line, token.nameOffset,
                   QStringLiteral("label %1 is empty; remote write forbids empty label values (an empty label is the "
                                  "same as no label)")
                       .arg(quoted(token.name)),
                   Fix{QStringLiteral("Remove the empty label"), {TextEdit{from, to - from, {}}}, false});
        }
        if (options.target == ValidationTarget::Pushgateway && token.name == "job") {
            report(Severity::Warning, "job-label-in-body", lineNumber, line, token.nameOffset,
                   QStringLiteral("the grouping key's job replaces this 'job' label when the Pushgateway stores the "
                                  "push; put the job in the grouping key instead"));
        }
        if (options.target == ValidationTarget::Tmp) {
            if (token.name.size() > size_t(kTmpMaxLabelNameLength)) {
                report(Severity::Error, "label-name-too-long", lineNumber, line, token.nameOffset,
                       QStringLiteral("TMP allows label names of at most %1 characters; this one has %2")
                           .arg(kTmpMaxLabelNameLength)
                           .arg(token.name.size()));
            }
            if (const int length = utf8Length(value); length > kTmpMaxLabelValueLength) {
                report(Severity::Error, "label-value-too-long", lineNumber, line, token.valueOffset,
                       QStringLiteral("TMP allows label values of at most %1 characters; %2 has %3")
                           .arg(kTmpMaxLabelValueLength)
                           .arg(quoted(token.name))
                           .arg(length));
            }
        }
    }
    if (options.target == ValidationTarget::Tmp) {
        // Empty values are dropped before sending: they are no labels of the series.
        const auto sent
            = std::count_if(labels.begin(), labels.end(), [](const LabelToken &token) { return !token.raw.empty(); });
        if (int(sent) + 1 > kTmpMaxLabels) {
            report(Severity::Error, "too-many-labels", lineNumber, line, nameAt,
                   QStringLiteral("TMP allows at most %1 labels per series, counting __name__; this one has %2")
                       .arg(kTmpMaxLabels)
                       .arg(sent + 1));
        }
    }
    if (!lineOk)
        return;

    // Family and role
    FamilyState *family = nullptr;
    SampleRole role = SampleRole::Value;
    if (!resolve(name, family, role)) {
        auto it = families.find(std::string(name));
        const FamilyState &declared = it->second;
        if (!openMetrics && declared.type == MetricType::GaugeHistogram
            && options.target == ValidationTarget::Pushgateway) {
            report(Severity::Error, "gauge-histogram-sample", lineNumber, line, nameAt,
                   QStringLiteral("the Pushgateway stores a sample named after a gauge_histogram, but then writes "
                                  "'# TYPE %1' with no type, and Prometheus refuses to scrape the whole gateway "
                                  "(\"invalid metric type\"); declare '%1' as gauge")
                       .arg(q(name)));
            return;
        }
        report(Severity::Error, "sample-does-not-match-type", lineNumber, line, nameAt,
               openMetrics && declared.type == MetricType::Counter
                   ? QStringLiteral("an OpenMetrics counter's samples are named '%1_total' (and '%1_created')")
                         .arg(q(name))
                   : QStringLiteral("'%1' is declared %2, whose samples are named with suffixes such as '_bucket', "
                                    "'_sum' and '_count'")
                         .arg(q(name), metricTypeName(declared.type)));
        return;
    }
    switchTo(*family, lineNumber, lineOffset, line);
    if (exemplarAt != std::string_view::npos && lineOk) {
        // Exemplars belong to counts: a counter's _total or a histogram's buckets.
        const bool allowed = (family->type == MetricType::Counter && role == SampleRole::Value)
            || ((family->type == MetricType::Histogram || family->type == MetricType::GaugeHistogram)
                && role == SampleRole::Bucket);
        if (!allowed) {
            report(Severity::Error, "invalid-exemplar", lineNumber, line, exemplarAt,
                   QStringLiteral("only a counter's _total and a histogram's buckets may carry an exemplar"));
            return;
        }
    }
    // The line belongs to this family's block even if a later check refuses it.
    family->lastLine = lineNumber;
    family->lastLineEnd = lineEnd;

    // Split `le` / `quantile` off and check them.
    double bound = 0;
    const char *boundName = role == SampleRole::Bucket ? "le" : role == SampleRole::Quantile ? "quantile" : nullptr;
    eventLabels.clear();
    bool foundBound = false;
    for (const std::uint32_t i : labelOrder) { // in name order: the event's labels come sorted
        const LabelView &label = lineLabels[i];
        if (boundName && label.name == boundName) {
            foundBound = true;
            const std::optional<ParsedNumber> parsed = parseNumber(label.value);
            if (!parsed) {
                report(Severity::Error, "invalid-number", lineNumber, line, labels[i].valueOffset + 1,
                       QStringLiteral("the '%1' label must be a number, not %2")
                           .arg(QString::fromLatin1(boundName), quoted(label.value)));
                return;
            }
            if (parsed->spelling == NumberSpelling::Hexadecimal) {
                report(Severity::Error, "hex-number", lineNumber, line, labels[i].valueOffset + 1,
                       QStringLiteral("the '%1' label's value %2 is hexadecimal, which the Pushgateway refuses (400 "
                                      "\"expected float as value for '%1' label\"); write it in decimal: '%3'")
                           .arg(QString::fromLatin1(boundName), quoted(label.value),
                                QString::fromLatin1(numberBytes(parsed->value))));
                return;
            }
            bound = parsed->value;
            // OpenMetrics spells an infinite bound only "+Inf", and a bound is never NaN.
            if (openMetrics && (std::isnan(bound) || (std::isinf(bound) && label.value != "+Inf"))) {
                report(
                    Severity::Error, "noncanonical-number", lineNumber, line, labels[i].valueOffset + 1,
                    std::isnan(bound)
                        ? QStringLiteral("the '%1' label cannot be NaN").arg(QString::fromLatin1(boundName))
                        : QStringLiteral("OpenMetrics spells this bound only '+Inf', not %1").arg(quoted(label.value)));
                return;
            }
            if (role == SampleRole::Quantile && !(bound >= 0 && bound <= 1)) {
                report(aggregateRule(), "summary-quantile-out-of-range", lineNumber, line, labels[i].valueOffset + 1,
                       QStringLiteral("quantile %1 is outside [0, 1]; quantiles are fractions such as 0.5 or 0.99")
                           .arg(quoted(label.value)));
                if (openMetrics)
                    return;
            }
            continue;
        }
        eventLabels.push_back(label);
    }
    if (boundName && !foundBound) {
        // Text 0.0.4 readers drop such a line without a word; OpenMetrics parsers refuse it.
        report(aggregateRule(), role == SampleRole::Bucket ? "histogram-missing-le" : "summary-missing-quantile",
               lineNumber, line, nameAt,
               (role == SampleRole::Bucket
                    ? QStringLiteral("a histogram bucket needs an 'le' label with its upper bound")
                    : QStringLiteral("a summary sample named after its family needs a 'quantile' label; the total goes "
                                     "in '%1_sum' and '%1_count'")
                          .arg(q(family->declaredName)))
                   + (openMetrics ? QString() : QStringLiteral("; without it, the Pushgateway drops this sample")));
        return;
    }

    const double value = number->value;
    const bool counting = family->type == MetricType::Counter && role == SampleRole::Value;
    const bool histogramCount = (family->type == MetricType::Histogram || family->type == MetricType::GaugeHistogram)
        && (role == SampleRole::Bucket || role == SampleRole::Count);
    if ((counting || histogramCount) && value < 0 && !openMetrics) { // OpenMetrics: omRules
        report(aggregateRule(), "negative-counter", lineNumber, line, valueAt,
               counting ? QStringLiteral("counter '%1' is negative; counters only go up from 0 (use a gauge for values "
                                         "that can fall)")
                              .arg(q(name))
                        : QStringLiteral("histogram counts cannot be negative"));
    }

    // Duplicate series: same name and labels (and, for remote write, the same timestamp). The key
    // is the series in canonical form, name{a="x",b="y"} with labels sorted and values still
    // escaped; most lines are written that way already and are hashed in place.
    // OpenMetrics keeps unknown escapes, so "\z" and "\\z" spell one value: such lines are keyed by
    // their values escaped again.
    const bool keptEscapes
        = std::any_of(labels.begin(), labels.end(), [](const LabelToken &token) { return token.keptUnknownEscape; });
    // Remote write drops a label whose value is empty, so a{x=""} is the series a.
    const bool dropsEmpty = remoteWrite
        && std::any_of(labels.begin(), labels.end(), [](const LabelToken &token) { return token.raw.empty(); });
    std::string_view seriesKey;
    if (labels.empty()) {
        seriesKey = name;
    } else if (labelsSorted && compact && !keptEscapes && !dropsEmpty) {
        seriesKey = slice(line, nameAt, seriesEnd - nameAt);
    } else {
        canonicalKey.assign(name);
        char separator = '{';
        for (const std::uint32_t i : labelOrder) {
            const LabelToken *token = &labels[i];
            if (dropsEmpty && token->raw.empty())
                continue;
            canonicalKey += separator;
            canonicalKey += token->name;
            canonicalKey += "=\"";
            if (keptEscapes && token->escaped)
                appendEscapedLabelValue(canonicalKey,
                                        std::string_view(arena).substr(token->arenaOffset, token->arenaLength));
            else
                canonicalKey += token->raw;
            canonicalKey += '"';
            separator = ',';
        }
        if (separator == ',') // no braces when every label was dropped: the series has none
            canonicalKey += '}';
        seriesKey = canonicalKey;
    }
    acceptSample(*family, role, bound, value, timestampMs, seriesKey, int(nameAt) + 1, lineOffset, lineEnd);
}

} // namespace promdesk
