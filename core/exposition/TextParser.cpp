#include "exposition/detail/TextParserPrivate.h"

#include "exposition/MetricSetBuilder.h"
#include "model/NumberFormat.h"
#include "util/Printable.h"
#include "util/VectorState.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace promdesk {

using namespace detail;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TextParser)
};

} // namespace

QString formatName(ExpositionFormat format)
{
    return format == ExpositionFormat::OpenMetrics ? QStringLiteral("openmetrics") : QStringLiteral("text");
}

std::optional<ExpositionFormat> formatFromName(QStringView name)
{
    if (name == u"text" || name == u"0.0.4")
        return ExpositionFormat::Text;
    if (name == u"openmetrics")
        return ExpositionFormat::OpenMetrics;
    return std::nullopt;
}

QString targetName(ValidationTarget target)
{
    switch (target) {
    case ValidationTarget::Generic:
        return QStringLiteral("generic");
    case ValidationTarget::Pushgateway:
        return QStringLiteral("pushgateway");
    case ValidationTarget::RemoteWrite:
        return QStringLiteral("remote-write");
    case ValidationTarget::Tmp:
        return QStringLiteral("tmp");
    }
    return {};
}

std::optional<ValidationTarget> targetFromName(QStringView name)
{
    for (ValidationTarget target : {ValidationTarget::Generic, ValidationTarget::Pushgateway,
                                    ValidationTarget::RemoteWrite, ValidationTarget::Tmp}) {
        if (name == targetName(target))
            return target;
    }
    return std::nullopt;
}

ExpositionFormat detectFormat(QByteArrayView head, QByteArrayView tail)
{
    QByteArrayView trimmed = tail;
    while (!trimmed.isEmpty() && (trimmed.back() == '\n' || trimmed.back() == '\r'))
        trimmed.chop(1);
    if (trimmed.endsWith("# EOF"))
        return ExpositionFormat::OpenMetrics;
    head = head.first(std::min(head.size(), kFormatHeadBytes));
    if (head.startsWith("# UNIT ") || head.indexOf("\n# UNIT ") >= 0)
        return ExpositionFormat::OpenMetrics;
    return ExpositionFormat::Text;
}

ExpositionFormat detectFormat(QByteArrayView text)
{
    return detectFormat(text, text.last(std::min<qsizetype>(text.size(), 64)));
}

namespace detail {

// A HELP or TYPE line that repeats the one before it word for word: removing it changes nothing.
Fix deleteLineFix(const QString &keyword, qint64 lineOffset, qint64 lineEnd)
{
    //: %1 is the keyword HELP or TYPE
    QString description = Tr::tr("Remove this repeated %1 line").arg(keyword);
    return Fix{std::move(description), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false};
}

// A piece of the input inside a message: at most 80 characters, control characters and bytes that
// are not UTF-8 escaped. A 50 MB token is quoted by its start, not copied whole into the report.
QString q(std::string_view text)
{
    return printable(QByteArrayView(text.data(), qsizetype(text.size())));
}
QString quoted(std::string_view text)
{
    return QLatin1Char('\'') + q(text) + QLatin1Char('\'');
}

// An optional sign and digits only: an integer, however large.
bool isWholeNumber(std::string_view text)
{
    if (!text.empty() && (text.front() == '+' || text.front() == '-'))
        text.remove_prefix(1);
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int characterColumn(std::string_view line, size_t byteOffset)
{
    int column = 1;
    for (size_t i = 0; i < byteOffset && i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

int utf8Length(std::string_view text)
{
    return int(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

QByteArray numberBytes(double value)
{
    char buffer[kNumberBufferSize];
    return QByteArray(buffer, formatNumber(value, buffer));
}

QByteArray secondsBytes(qint64 ms)
{
    char buffer[kNumberBufferSize];
    return QByteArray(buffer, formatMillisecondsAsSeconds(ms, buffer));
}

QByteArray integerBytes(qint64 value)
{
    char buffer[kNumberBufferSize];
    return QByteArray(buffer, formatInteger(value, buffer));
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace detail

int TextParser::Private::report(Severity severity, const char *code, int line, std::string_view text, size_t byteColumn,
                                QString message, std::optional<Fix> fix)
{
    const QString codeString = QString::fromLatin1(code);
    ProblemCounter &counter = counters[codeString];
    counter.severity = severity;
    if (severity == Severity::Error)
        ++stats.errors;
    else
        ++stats.warnings;
    if (counter.listed >= options.maxProblemsPerCode) {
        ++counter.overflow;
        return -1;
    }
    ++counter.listed;
    problems.append(Problem{options.fileName, line, line > 0 ? characterColumn(text, byteColumn) : 0, severity,
                            codeString, std::move(message), std::move(fix)});
    return int(problems.size() - 1);
}

void TextParser::Private::feed(QByteArrayView chunk, bool last)
{
    if (chunk.isEmpty())
        return;
    if (firstBytes) {
        firstBytes = false;
        if (head.isEmpty() && chunk.size() >= 3) {
            feedBody(chunk, last);
            return;
        }
        // A byte order mark needs its three bytes together; hold tiny first chunks until then.
        head.append(chunk);
        if (head.size() < 3) {
            firstBytes = true;
            return;
        }
        const QByteArray start = std::move(head);
        head.clear();
        feedBody(start); // a copy: not the caller's bytes, so never read in place after this call
        return;
    }
    feedBody(chunk, last);
}

void TextParser::Private::feedBody(QByteArrayView chunk, bool last)
{
    if (internals.piece.atStart && carryOffset == 0 && carry.isEmpty() && chunk.startsWith("\xEF\xBB\xBF")) {
        report(Severity::Error, "bom", 1, {}, 0,
               Tr::tr("the file starts with a UTF-8 byte order mark; Prometheus parsers read it as "
                      "part of the first metric name"),
               Fix{Tr::tr("Remove the byte order mark"), {TextEdit{0, 3, {}}}, false});
        carryOffset = 3;
        stats.bytes += 3;
        lastByte = chunk.back();
        chunk = chunk.sliced(3);
        if (chunk.isEmpty())
            return;
    }
    stats.bytes += chunk.size();
    lastByte = chunk.back();

    qsizetype start = 0;
    if (!carry.isEmpty()) {
        const qsizetype newline = chunk.indexOf('\n');
        if (newline < 0) {
            carry.append(chunk);
            return;
        }
        carry.append(chunk.first(newline + 1));
        const qint64 lineOffset = carryOffset;
        const std::string_view line(carry.constData(), size_t(carry.size() - 1));
        processLine(line, lineOffset, lineOffset + carry.size());
        carryOffset += carry.size();
        carry.clear();
        start = newline + 1;
    }
    const char *data = chunk.data();
    const qsizetype size = chunk.size();
    while (start < size) {
        const char *newline = static_cast<const char *>(std::memchr(data + start, '\n', size_t(size - start)));
        if (!newline && last && carry.isEmpty()) {
            // The input's last line, without a newline: read where it is (finish() would have).
            processLine(std::string_view(data + start, size_t(size - start)), carryOffset,
                        carryOffset + (size - start));
            carryOffset += size - start;
            return;
        }
        if (!newline) {
            carry.append(chunk.sliced(start));
            return;
        }
        const qsizetype end = newline - data;
        processLine(std::string_view(data + start, size_t(end - start)), carryOffset, carryOffset + (end - start) + 1);
        carryOffset += end - start + 1;
        start = end + 1;
    }
}

// A piece of known size sizes its duplicate-series index once, from the samples per byte of its
// first 64 KiB or more: one table of about the size it will need, instead of doubling (and
// rehashing) up to it, or guessing from the bytes alone, which took twice the memory, all of it
// zeroed, for exporters' long lines. An estimate that falls short costs one doubling near the end;
// one sample per eight bytes is the most assumed, whatever the first lines were.
void TextParser::Private::sizeSeriesIndex()
{
    constexpr qint64 kSizingBytes = 64 << 10;
    if (seriesIndexSized || internals.piece.bytes <= 0 || remoteWrite || stats.bytes < kSizingBytes)
        return;
    seriesIndexSized = true;
    const double samplesPerByte = std::min(double(stats.samples) / double(stats.bytes), 1.0 / 8);
    series.reserve(std::size_t(samplesPerByte * double(internals.piece.bytes)));
}

void TextParser::Private::finish()
{
    if (firstBytes && !head.isEmpty()) {
        firstBytes = false;
        const QByteArray start = std::move(head);
        head.clear();
        feedBody(start);
    }
    if (!carry.isEmpty()) {
        // The last line has no newline.
        const qint64 lineOffset = carryOffset;
        const std::string_view line(carry.constData(), size_t(carry.size()));
        processLine(line, lineOffset, lineOffset + carry.size());
        carryOffset += carry.size();
        carry.clear();
    }
    // The family closes before the queued repeat checks run, as it does when another family
    // opens: a piece ending at that line then lists a line's problems in the whole input's order.
    if (current)
        lastFamily = current->declaredName;
    closeCurrent();
    drainSeries();
    const qint64 end = carryOffset;
    // Go's parser takes a last line of blanks, and OpenMetrics a `# EOF`, without a newline.
    const bool lastLineNeedsNewline = !(lastLineBlank && !openMetrics) && !(openMetrics && sawEof && !reportedAfterEof);
    if (internals.piece.atEnd && stats.bytes > 0 && lastByte != '\n' && lastLineNeedsNewline) {
        report(Severity::Error, "missing-final-newline", lineNumber, {}, 0,
               Tr::tr("the last line does not end with a newline; a Pushgateway answers "
                      "'unexpected end of input stream'"),
               Fix{Tr::tr("Add a newline at the end"), {TextEdit{end, 0, QByteArray("\n")}}, false});
    }
    if (internals.piece.atEnd && openMetrics && !sawEof) {
        report(Severity::Error, "missing-eof", std::max(lineNumber, 1), {}, 0,
               Tr::tr("OpenMetrics text must end with a '# EOF' line"),
               Fix{Tr::tr("Append '# EOF'"), {TextEdit{end, 0, QByteArray("# EOF\n")}}, false});
    }
    if (crlfLines > 0 && firstCrlfProblem < 0) {
        // Only comments and HELP lines end in CRLF: parsers take their '\r' as part of the text.
        report(Severity::Warning, "crlf-line-ending", firstCrlfLine, {}, 0,
               Tr::tr("%1 comment or HELP line(s) end in CRLF (Windows line endings); parsers keep the '\\r' "
                      "in the text")
                   .arg(crlfLines),
               Fix{Tr::tr("Convert line endings to LF"), {}, true});
    } else if (firstCrlfProblem >= 0) {
        problems[firstCrlfProblem].message = crlfRefusedLines == crlfLines
            ? Tr::tr("%1 line(s) end in CRLF (Windows line endings); Prometheus parsers read the '\\r' as "
                     "part of the value and reject the line")
                  .arg(crlfLines)
            : Tr::tr("%1 line(s) end in CRLF (Windows line endings); Prometheus parsers read the '\\r' as "
                     "part of the value and reject %2 of them (in comments and HELP text they keep it)")
                  .arg(crlfLines)
                  .arg(crlfRefusedLines);
    }
    checkNameCollisions();
    if (!openMetrics)
        finishHistograms(); // OpenMetrics: omRules checked them, as its parsers do
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    addSummaries();
    stats.lines = lineNumber - internals.piece.linesBefore; // this piece's own lines
    stats.families = qint64(families.size());
}

void TextParser::Private::addSummaries()
{
    for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
        if (it->overflow == 0)
            continue;
        problems.append(Problem{options.fileName, 0, 0, it->severity, it.key(),
                                Tr::tr("%1 more problem(s) of this kind were not listed").arg(it->overflow),
                                std::nullopt});
    }
}

void TextParser::Private::processLine(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    clearUpperVectorState(); // after the last line's library copies, SSE code may run slowly (see there)
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
        if (crlfLines++ == 0) {
            firstCrlfLine = lineNumber;
        }
        // OpenMetrics parsers compare whole lines ("# EOF"), so there every '\r' breaks one.
        const bool refused = openMetrics || crlfRefused(line);
        crlfRefusedLines += refused ? 1 : 0;
        if (firstCrlfProblem < 0 && refused) {
            firstCrlfProblem = report(Severity::Error, "crlf-line-ending", lineNumber, line, line.size(), {},
                                      Fix{Tr::tr("Convert line endings to LF"), {}, true});
        }
    }
    if (sawEof) {
        if (!reportedAfterEof) {
            reportedAfterEof = true;
            report(Severity::Error, "content-after-eof", lineNumber, line, 0,
                   Tr::tr("OpenMetrics text ends at '# EOF'; this line and everything after it is ignored"));
        }
        return;
    }
    if (line.empty()) {
        if (openMetrics) {
            report(Severity::Error, "empty-line", lineNumber, line, 0, Tr::tr("OpenMetrics does not allow empty lines"),
                   Fix{Tr::tr("Remove the empty line"), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false});
        }
        return;
    }
    size_t first = 0;
    while (first < line.size() && isBlank(line[first]))
        ++first;
    lastLineBlank = first == line.size();
    if (first == line.size()) {
        report(strictness(), "stray-whitespace", lineNumber, line, 0, Tr::tr("the line holds only spaces or tabs"),
               Fix{Tr::tr("Remove the blank line"), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false});
        return;
    }
    if (line[first] == '#')
        processComment(line, lineOffset, lineEnd);
    else
        processSample(line, lineOffset, lineEnd);
}

void TextParser::Private::checkStrayWhitespace(std::string_view line, qint64 lineOffset, size_t freeTextAt)
{
    // Leading blanks, runs of blanks and tabs between tokens, and trailing blanks. Label lists
    // are skipped: their blanks are checked where they are parsed.
    const std::string_view checked = line.substr(0, std::min(freeTextAt, line.size()));
    if (!checked.empty() && checked.front() != ' ' && checked.back() != ' ' && !hasTabOrDoubleSpace(checked))
        return; // the common case: nothing to look at
    size_t i = 0;
    while (i < line.size() && isBlank(line[i]))
        ++i;
    if (i > 0) {
        report(strictness(), "stray-whitespace", lineNumber, line, 0, Tr::tr("the line starts with spaces or tabs"),
               Fix{Tr::tr("Remove the leading whitespace"), {TextEdit{lineOffset, qint64(i), {}}}, false});
    }
    // Free text (a HELP string) keeps its blanks: they are part of it.
    const bool freeText = freeTextAt < line.size();
    size_t end = freeText ? freeTextAt : line.size();
    while (!freeText && end > i && isBlank(line[end - 1]))
        --end;
    if (!freeText && end < line.size()) {
        const bool refused = trailingBlanksRefused() && end > i;
        report(refused ? Severity::Error : strictness(), "stray-whitespace", lineNumber, line, end,
               refused ? Tr::tr("the line ends with spaces or tabs, which the Pushgateway refuses (\"expected "
                                "integer as timestamp\" or \"unknown metric type\")")
                       : Tr::tr("the line ends with spaces or tabs"),
               Fix{Tr::tr("Remove the trailing whitespace"),
                   {TextEdit{lineOffset + qint64(end), qint64(line.size() - end), {}}},
                   false});
    }
    bool inQuotes = false;
    for (size_t k = i; k < end; ++k) {
        const char c = line[k];
        if (inQuotes) {
            if (c == '\\')
                ++k;
            else if (c == '"')
                inQuotes = false;
            continue;
        }
        if (c == '"') {
            inQuotes = true;
            continue;
        }
        if (!isBlank(c))
            continue;
        size_t runEnd = k;
        while (runEnd < end && isBlank(line[runEnd]))
            ++runEnd;
        if (runEnd - k > 1 || c == '\t') {
            report(strictness(), "stray-whitespace", lineNumber, line, k,
                   runEnd - k > 1 ? Tr::tr("tokens are separated by several blanks instead of a single space")
                                  : Tr::tr("tokens are separated by a tab instead of a single space"),
                   Fix{Tr::tr("Use a single space"),
                       {TextEdit{lineOffset + qint64(k), qint64(runEnd - k), QByteArray(" ")}},
                       false});
        }
        k = runEnd - 1;
    }
}

TextParser::TextParser(ParseOptions options, SampleSink *sink)
    : TextParser(std::move(options), detail::ParseInternals{}, sink)
{}

TextParser::TextParser(ParseOptions options, const detail::ParseInternals &internals, SampleSink *sink)
    : d(std::make_unique<Private>(std::move(options), internals, sink))
{}

TextParser::~TextParser() = default;

void TextParser::feed(QByteArrayView chunk)
{
    d->feed(chunk);
    d->sizeSeriesIndex();
}
void TextParser::feedLast(QByteArrayView chunk)
{
    d->feed(chunk, true);
}
void TextParser::finish()
{
    d->finish();
}
const QList<Problem> &TextParser::problems() const
{
    return d->problems;
}
const ParseStats &TextParser::stats() const
{
    return d->stats;
}

std::vector<std::string> TextParser::familyNames() const
{
    std::vector<std::string> names;
    names.reserve(d->families.size());
    for (const auto &entry : d->families)
        names.push_back(entry.first);
    return names;
}

bool TextParser::sawEofMarker() const
{
    return d->sawEof;
}

const std::string &TextParser::lastFamilyName() const
{
    return d->lastFamily;
}

bool TextParser::leftProblemsUnlisted() const
{
    return std::any_of(d->counters.cbegin(), d->counters.cend(),
                       [](const ProblemCounter &c) { return c.overflow > 0; });
}

ParseResult parseText(QByteArrayView text, const ParseOptions &options)
{
    MetricSetBuilder builder;
    TextParser parser(options, &builder);
    parser.feedLast(text);
    parser.finish();
    return ParseResult{builder.take(), parser.problems(), parser.stats()};
}

} // namespace promdesk
