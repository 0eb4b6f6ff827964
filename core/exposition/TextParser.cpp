#include "exposition/TextParser.h"

#include "exposition/MetricSetBuilder.h"
#include "exposition/OpenMetricsRules.h"
#include "exposition/detail/ParseInternals.h"
#include "model/Escaping.h"
#include "model/NumberFormat.h"
#include "util/Printable.h"
#include "util/SeriesIndex.h"
#include "util/Time.h"

#include <QDateTime>
#include <QHash>
#include <QHashFunctions>

#include <xxhash.h>

#include "model/Sample.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace promdesk {

namespace {

// Seconds since the epoch between 1973 and 5138 look like milliseconds from early 1970, which
// nobody means; milliseconds in that window read as seconds are in the far future.
constexpr double kPlausibleSecondsMin = 1e8;
constexpr double kPlausibleSecondsMax = 1e11;
constexpr double kPlausibleMillisecondsMax = 1e14;
constexpr int kTmpMaxLabels = 32;
constexpr int kTmpMaxLabelNameLength = 1024;
constexpr int kTmpMaxLabelValueLength = 2048;

// Character classes by table: names are scanned a byte at a time on every line, and one load
// beats a chain of range comparisons there.
enum CharClass : std::uint8_t { LabelStart = 1, LabelChar = 2, NameStart = 4, NameChar = 8 };
constexpr std::array<std::uint8_t, 256> kCharClasses = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        table[size_t(c)]
            = std::uint8_t((letter ? LabelStart | NameStart : 0) | (letter || digit ? LabelChar | NameChar : 0)
                           | (c == ':' ? NameStart | NameChar : 0));
    }
    return table;
}();
inline bool isClass(char c, CharClass charClass)
{
    return kCharClasses[std::uint8_t(c)] & charClass;
}
inline bool isNameStart(char c)
{
    return isClass(c, NameStart);
}
inline bool isNameChar(char c)
{
    return isClass(c, NameChar);
}
inline bool isLabelStart(char c)
{
    return isClass(c, LabelStart);
}
inline bool isLabelChar(char c)
{
    return isClass(c, LabelChar);
}
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// A HELP or TYPE line that repeats the one before it word for word: removing it changes nothing.
Fix deleteLineFix(const QString &keyword, qint64 lineOffset, qint64 lineEnd)
{
    return Fix{QStringLiteral("Remove this repeated %1 line").arg(keyword),
               {TextEdit{lineOffset, lineEnd - lineOffset, {}}},
               false};
}

// Compares of names a few bytes long, inline: a memcmp call and its setup cost more than the
// compare, and the one-pass reading makes two a line.
inline bool startsWithShort(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (text[i] != prefix[i])
            return false;
    }
    return true;
}

// a < b as std::string_view orders them (bytes unsigned).
inline bool lessShort(std::string_view a, std::string_view b)
{
    const size_t common = std::min(a.size(), b.size());
    for (size_t i = 0; i < common; ++i) {
        if (a[i] != b[i])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    }
    return a.size() < b.size();
}

// Where a label value starting at `pos` meets its closing quote or its first backslash (or the
// line's end), with the bits of the bytes on the way or'ed into `highBits` (0x80: not ASCII).
inline size_t plainValueEnd(std::string_view line, size_t pos, unsigned char &highBits)
{
    while (pos < line.size() && line[pos] != '"' && line[pos] != '\\')
        highBits |= static_cast<unsigned char>(line[pos++]);
    return pos;
}

// 0x80 in each byte of `word` that equals the byte repeated in `pattern`, 0 in the others.
constexpr std::uint64_t equalBytes(std::uint64_t word, std::uint64_t pattern)
{
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t x = word ^ pattern; // zero where equal
    return ~(((x & low7) + low7) | x | low7);
}

// Every sample line goes through this, so it looks at eight bytes a step, not one, and makes no
// library call per space (docs/performance.md).
inline bool hasTabOrDoubleSpace(std::string_view text)
{
    size_t i = 0;
    char previous = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t spaceBefore = 0; // 0x80 when the byte before this word is a space
        for (std::uint64_t word = 0; i + 8 <= text.size(); i += 8) {
            std::memcpy(&word, text.data() + i, 8);
            const std::uint64_t spaces = equalBytes(word, 0x2020202020202020ULL);
            if (equalBytes(word, 0x0909090909090909ULL) != 0 || (spaces & ((spaces << 8) | spaceBefore)) != 0)
                return true;
            spaceBefore = spaces >> 56;
        }
        previous = spaceBefore != 0 ? ' ' : 0;
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\t' || (c == ' ' && previous == ' '))
            return true;
        previous = c;
    }
    return false;
}

// string_view::substr without its range check, whose exception path kept GCC from inlining it
// into the per-line code (seven calls a line). Offsets here come from scanning the same line,
// so `from` is never past its end.
[[gnu::always_inline]] inline std::string_view slice(std::string_view text, size_t from,
                                                     size_t count = std::string_view::npos)
{
    return std::string_view(text.data() + from, std::min(count, text.size() - from));
}

bool isValidMetricName(std::string_view name)
{
    if (name.empty() || !isNameStart(name.front()))
        return false;
    return std::all_of(name.begin() + 1, name.end(), isNameChar);
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

struct FamilyState
{
    std::string declaredName; // as in TYPE/HELP, or the sample name for undeclared families
    bool validName = false;   // declaredName is a valid metric name (samples may start with it)
    std::string modelName;
    MetricType type = MetricType::Untyped;
    std::string help;
    std::string unit;
    bool hasType = false;
    bool hasHelp = false;
    bool hasUnit = false;
    bool hasSamples = false;
    bool closed = false; // another family started after this one's last line
    int lastLine = 0;
    qint64 lastLineEnd = 0;         // offset just after the '\n' of its last line
    bool announced = false;         // onFamily sent to the sink
    bool replacedByGateway = false; // push_time_seconds and the like: the Pushgateway drops the pushed samples
    // A reopened block waiting for its end to complete its "move" fix.
    int pendingSplitProblem = -1;
    qint64 splitBlockStart = 0;
    qint64 splitInsertAt = 0;
    // The reopened block declares a type: moved up, the TYPE would change how the lines it
    // passes are read (an `x_bucket` sample becomes a bucket of histogram `x`), so no move fix.
    bool splitBlockHasType = false;
};

struct BucketPoint
{
    double upperBound;
    double count;
    int line;
};

struct HistogramGroup
{
    const std::string *familyName = nullptr; // FamilyState::declaredName; map nodes never move
    int firstLine = 0;
    std::vector<BucketPoint> buckets;
    std::optional<double> count;
    int countLine = 0;
};

struct ProblemCounter
{
    int listed = 0;
    qint64 overflow = 0;
    Severity severity = Severity::Error;
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

class TextParser::Private
{
public:
    Private(ParseOptions o, const detail::ParseInternals &i, SampleSink *s)
        : options(std::move(o))
        , internals(i)
        , sink(s)
        , nowMs(options.nowMs.value_or(QDateTime::currentMSecsSinceEpoch()))
        , openMetrics(options.format == ExpositionFormat::OpenMetrics)
        , remoteWrite(options.target == ValidationTarget::RemoteWrite || options.target == ValidationTarget::Tmp)
        , carryOffset(internals.piece.firstByte)
        , lineNumber(internals.piece.linesBefore)
        , firstBytes(internals.piece.atStart)
    {
        // A sample line takes 64 bytes or more in most files: room for that many samples, so
        // nothing is copied or rehashed on the way, and never more than half the text's size in
        // memory. (For remote write the index takes only what the time log leaves to it.)
        if (internals.piece.bytes > 0 && remoteWrite)
            timedLog.reserve(std::size_t(internals.piece.bytes / 64));
        else if (internals.piece.bytes > 0)
            series.reserve(std::size_t(internals.piece.bytes / 64));
        if (openMetrics) {
            omRules.emplace([this](int line, const char *code, const QString &message) {
                report(Severity::Error, code, line, {}, 0, message);
            });
        }
    }

    void feed(QByteArrayView chunk, bool last = false);
    void finish();

    ParseOptions options;
    detail::ParseInternals internals;
    SampleSink *sink;
    qint64 nowMs;
    bool openMetrics;
    bool remoteWrite;
    std::optional<detail::OpenMetricsRules> omRules; // OpenMetrics only
    size_t exemplarAt = std::string_view::npos;      // in the sample line being read
    std::optional<long double> lineTimestampNanos;   // OpenMetrics: the line's timestamp as written
    // The line is read and checked, but its sample cannot be kept (an OpenMetrics timestamp
    // beyond milliseconds): it still belongs to its family, and goes no further.
    bool leftOutOfModel = false;

    QList<Problem> problems;
    ParseStats stats;

    // Input bookkeeping
    QByteArray head;        // the first bytes, until there are enough to look for a BOM
    QByteArray carry;       // an unfinished line from the previous chunk
    qint64 carryOffset = 0; // absolute offset of carry[0]
    int lineNumber = 0;
    bool firstBytes = true;
    char lastByte = '\n';
    int crlfLines = 0;
    int crlfRefusedLines = 0; // of them, lines whose '\r' parsers refuse (not comments, not HELP)
    int firstCrlfLine = 0;
    int firstCrlfProblem = -1; // at the first line a parser refuses for its '\r'
    bool sawEof = false;
    std::string lastFamily; // the family open when the input ended
    bool reportedAfterEof = false;

    // Structure
    std::unordered_map<std::string, FamilyState> families;
    QHash<QString, ProblemCounter> counters;

private:
    FamilyState *current = nullptr;
    SeriesIndex series;
    // Histogram groups in input order, found by hash through an index of hash → position + 1
    // (the index's "line" field), which is far cheaper than a node-based map.
    std::vector<HistogramGroup> histograms;
    SeriesIndex histogramIndex;
    std::size_t lastGroup = SIZE_MAX;
    std::string groupKey;
    std::uint64_t lastGroupHash = 0;

    // Per-line scratch, reused to keep the hot path free of allocations.
    struct LabelToken
    {
        std::string_view name;
        size_t nameOffset;
        size_t valueOffset; // of the opening quote
        size_t valueEnd;    // just after the closing quote
        size_t arenaOffset;
        size_t arenaLength;
        std::string_view raw;   // the value as written, still escaped: a canonical form of it
        bool escaped;           // unescaped value in the arena; otherwise `raw` is the value
        bool keptUnknownEscape; // OpenMetrics: `raw` is not the only spelling of the value
    };
    std::vector<LabelToken> labels;
    std::vector<LabelView> lineLabels;
    std::vector<char> repeatedLabel; // see orderLabels()
    std::vector<std::uint32_t> labelOrder;
    bool labelsSorted = true;
    struct NamedLabel
    {
        std::string_view name;
        std::uint32_t index;
    };
    std::vector<NamedLabel> sortedNames; // scratch for orderLabels()
    std::vector<LabelView> eventLabels;
    std::string arena;
    std::string unescaped;
    std::string canonicalKey;

    void feedBody(QByteArrayView chunk, bool last = false);
    void processLine(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    void processComment(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    void processSample(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    bool takeSimpleSample(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    // What every accepted sample goes through: the repeat check, histogram groups, the sink.
    // `eventLabels` holds its labels, sorted, without `le` or `quantile`.
    void acceptSample(FamilyState &family, SampleRole role, double bound, double value,
                      std::optional<qint64> timestampMs, std::string_view seriesKey, int column, qint64 lineOffset,
                      qint64 lineEnd);

    int report(Severity severity, const char *code, int line, std::string_view text, size_t byteColumn, QString message,
               std::optional<Fix> fix = std::nullopt);
    Severity strictness() const { return openMetrics ? Severity::Error : Severity::Warning; }
    // Histogram and summary rules: OpenMetrics says must and its parsers refuse; readers of text
    // 0.0.4 (the Pushgateway, Prometheus' scrape) store such metrics, so there they are warnings
    // that name the consequence.
    Severity aggregateRule() const { return openMetrics ? Severity::Error : Severity::Warning; }

    FamilyState &familyFor(std::string_view declaredName);
    void switchTo(FamilyState &family, int line, qint64 lineOffset, std::string_view text);
    void closeCurrent();
    void announce(FamilyState &family);
    bool resolve(std::string_view sampleName, FamilyState *&family, SampleRole &role);
    bool matches(const FamilyState &family, std::string_view sampleName, SampleRole &role) const;
    void checkStrayWhitespace(std::string_view line, qint64 lineOffset, size_t freeTextAt = std::string_view::npos);
    // Go's text parser, the Pushgateway's, refuses a sample or TYPE line that ends in blanks.
    bool trailingBlanksRefused() const { return !openMetrics && options.target == ValidationTarget::Pushgateway; }
    void processType(std::string_view line, size_t keywordAt, std::string_view name, std::string_view rest,
                     size_t restAt, FamilyState &family, qint64 lineOffset, qint64 lineEnd);
    bool checkExemplarSyntax(std::string_view line, size_t hashAt);
    // Reports a TYPE only OpenMetrics knows; true when the target refuses the file for it.
    bool reportOpenMetricsOnlyType(std::string_view line, size_t restAt, const QString &typeName);
    std::optional<MetricType> pushgatewayTextType(std::string_view typeName, size_t restAt, std::string_view line,
                                                  qint64 lineOffset);
    bool lastLineBlank = false; // a last line of only blanks needs no newline
    // A '\r' before the newline breaks a sample or TYPE line (and an empty line, which becomes a
    // sample without a name); comments and HELP text keep it as text.
    static bool crlfRefused(std::string_view lineWithoutCr)
    {
        size_t at = 0;
        while (at < lineWithoutCr.size() && isBlank(lineWithoutCr[at]))
            ++at;
        if (at == lineWithoutCr.size() || lineWithoutCr[at] != '#')
            return true;
        ++at;
        while (at < lineWithoutCr.size() && isBlank(lineWithoutCr[at]))
            ++at;
        return lineWithoutCr.substr(at).starts_with("TYPE");
    }
    void reportFuture(std::string_view line, size_t column, qint64 timestampMs);
    // The line's labels in name order (labelOrder; the identity when they came sorted, as most
    // do), and repeatedLabel[i] when labels[i] has the name of an earlier one. One sort at most:
    // the duplicate check, the event's labels and the series key all read this order, so a
    // hostile line of a million labels costs n log n, not n² (or three sorts).
    void orderLabels();
    void checkTimestamp(std::string_view line, qint64 lineOffset, size_t begin, size_t end, qint64 &timestampMs,
                        bool &ok);
    void finishHistograms();
    void checkNameCollisions();

    // Series are looked up in the index a few lines after they are read: the lookup's cache miss
    // is then already under way (prefetched), instead of stalling every line.
    struct PendingSeries
    {
        std::uint64_t hash; // of the series; for remote write with a timestamp, see checkTimed()
        std::uint32_t valueHash;
        int line;
        int column;
        qint64 lineOffset;
        qint64 lineEnd;
        std::optional<qint64> timestampMs; // set only for remote write, where it is part of the key
        // A bucket, quantile, sum or count: parsers of text 0.0.4 merge a repeat into the metric
        // it belongs to instead of refusing it.
        bool aggregatePart = false;
    };
    // Remote write: a sample is a repeat when its series and timestamp are. Samples of a series
    // come in time order in nearly every file, and one later than all its series' earlier
    // samples repeats none of them: it is only appended to a log (written in order, so it stays in
    // cache, where an index of every (series, time) pair misses the cache and TLB each line). A
    // series that goes back in time has its logged samples put in the index, and is checked
    // there from then on.
    struct TimedSample
    {
        qint64 timestampMs;
        std::uint32_t line;
        std::uint32_t valueHash;
        std::uint32_t previous; // the series' sample before it: log position + 1, 0 for none
    };
    struct SeriesTrack
    {
        qint64 lastTimestampMs;
        std::uint32_t lastSample; // log position + 1
        bool indexed;             // it went back in time: its samples are in `series`
    };
    std::vector<TimedSample> timedLog;
    std::vector<SeriesTrack> tracks;
    SeriesIndex trackIndex; // series hash → position in `tracks` + 1 (the entry's line field)
    void checkTimed(const PendingSeries &entry);
    void reportIfRepeated(std::uint64_t hash, const PendingSeries &entry);
    static constexpr int kLookahead = 16;
    PendingSeries pending[kLookahead];
    int pendingCount = 0;
    int pendingHead = 0;
    void queueSeries(const PendingSeries &entry);
    void checkSeries(const PendingSeries &entry);
    void drainSeries();
    void addSummaries();
};

void TextParser::Private::queueSeries(const PendingSeries &entry)
{
    if (entry.timestampMs)
        trackIndex.prefetch(entry.hash);
    else
        series.prefetch(entry.hash);
    if (pendingCount == kLookahead) {
        checkSeries(pending[pendingHead]);
        pending[pendingHead] = entry;
        pendingHead = (pendingHead + 1) % kLookahead;
        return;
    }
    pending[(pendingHead + pendingCount++) % kLookahead] = entry;
}

void TextParser::Private::drainSeries()
{
    for (; pendingCount > 0; --pendingCount) {
        checkSeries(pending[pendingHead]);
        pendingHead = (pendingHead + 1) % kLookahead;
    }
}

void TextParser::Private::checkSeries(const PendingSeries &entry)
{
    if (entry.timestampMs)
        checkTimed(entry);
    else
        reportIfRepeated(entry.hash, entry);
}

// The key of a (series, time) pair in `series`.
inline std::uint64_t timedHash(std::uint64_t seriesHash, qint64 timestampMs)
{
    return XXH3_64bits_withSeed(&timestampMs, sizeof(qint64), seriesHash);
}

void TextParser::Private::checkTimed(const PendingSeries &entry)
{
    const qint64 time = *entry.timestampMs;
    const std::uint32_t known = trackIndex.insert(entry.hash, std::uint32_t(tracks.size() + 1), 0).line;
    const auto logSample = [&](std::uint32_t previous) {
        timedLog.push_back(TimedSample{time, std::uint32_t(entry.line), entry.valueHash, previous});
        return std::uint32_t(timedLog.size());
    };
    if (known == 0) {
        tracks.push_back(SeriesTrack{time, logSample(0), false});
        return;
    }
    SeriesTrack &track = tracks[known - 1];
    if (!track.indexed && time > track.lastTimestampMs) {
        track.lastSample = logSample(track.lastSample);
        track.lastTimestampMs = time;
        return;
    }
    if (!track.indexed) {
        // Back in time: the samples logged so far (all different times) go into the index.
        for (std::uint32_t at = track.lastSample; at != 0; at = timedLog[at - 1].previous) {
            const TimedSample &earlier = timedLog[at - 1];
            series.insert(timedHash(entry.hash, earlier.timestampMs), earlier.line, earlier.valueHash);
        }
        track.indexed = true;
    }
    reportIfRepeated(timedHash(entry.hash, time), entry);
}

void TextParser::Private::reportIfRepeated(std::uint64_t hash, const PendingSeries &entry)
{
    const SeriesIndex::Entry previous = series.insert(hash, std::uint32_t(entry.line), entry.valueHash);
    if (previous.line == 0)
        return;
    --stats.samples;
    const bool exact = previous.valueHash == entry.valueHash;
    // Text 0.0.4 readers (the Pushgateway's among them) keep a repeated bucket, quantile, sum or
    // count in the histogram or summary it belongs to; a repeated plain sample they refuse.
    // OpenMetrics parsers, Prometheus' scrape among them, keep the first and drop the repeat.
    // For remote write an exact repeat is sent once (normalize() drops it), and Prometheus would
    // keep one copy anyway: nothing is lost. Another value at that time is one it drops silently.
    const bool refused = remoteWrite ? !exact : (!openMetrics && !entry.aggregatePart);
    const int earlier = int(previous.line);
    const QString message = remoteWrite
        ? (exact ? QStringLiteral("this sample repeats line %1 exactly (series, time and value); it is sent "
                                  "once")
                 : QStringLiteral("this series was already given on line %1 at this time with another "
                                  "value; Prometheus keeps one and drops the other without a word: keep "
                                  "one of them"))
              .arg(earlier)
        : openMetrics
        ? QStringLiteral("this series repeats line %1; Prometheus keeps the first and drops this one").arg(earlier)
        : !refused ? QStringLiteral("this part of a histogram or summary repeats line %1; the Pushgateway keeps one of "
                                    "them without saying which, and Prometheus drops a repeated bucket; keep one")
                         .arg(earlier)
        : exact
        ? QStringLiteral("this series repeats line %1 exactly; Prometheus and the Pushgateway reject duplicate "
                         "series")
              .arg(earlier)
        : QStringLiteral("this series was already given on line %1 with another value; keep one of them").arg(earlier);
    const int index
        = report(refused ? Severity::Error : Severity::Warning, "duplicate-series", entry.line, {}, 0, message,
                 exact ? std::optional<Fix>(Fix{QStringLiteral("Remove the repeated line"),
                                                {TextEdit{entry.lineOffset, entry.lineEnd - entry.lineOffset, {}}},
                                                false})
                       : std::nullopt);
    if (index >= 0)
        problems[index].column = entry.column;
}

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
               QStringLiteral("the file starts with a UTF-8 byte order mark; Prometheus parsers read it as "
                              "part of the first metric name"),
               Fix{QStringLiteral("Remove the byte order mark"), {TextEdit{0, 3, {}}}, false});
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
               QStringLiteral("the last line does not end with a newline; a Pushgateway answers "
                              "'unexpected end of input stream'"),
               Fix{QStringLiteral("Add a newline at the end"), {TextEdit{end, 0, QByteArray("\n")}}, false});
    }
    if (internals.piece.atEnd && openMetrics && !sawEof) {
        report(Severity::Error, "missing-eof", std::max(lineNumber, 1), {}, 0,
               QStringLiteral("OpenMetrics text must end with a '# EOF' line"),
               Fix{QStringLiteral("Append '# EOF'"), {TextEdit{end, 0, QByteArray("# EOF\n")}}, false});
    }
    if (crlfLines > 0 && firstCrlfProblem < 0) {
        // Only comments and HELP lines end in CRLF: parsers take their '\r' as part of the text.
        report(Severity::Warning, "crlf-line-ending", firstCrlfLine, {}, 0,
               QStringLiteral("%1 comment or HELP line(s) end in CRLF (Windows line endings); parsers keep the '\\r' "
                              "in the text")
                   .arg(crlfLines),
               Fix{QStringLiteral("Convert line endings to LF"), {}, true});
    } else if (firstCrlfProblem >= 0) {
        problems[firstCrlfProblem].message = crlfRefusedLines == crlfLines
            ? QStringLiteral("%1 line(s) end in CRLF (Windows line endings); Prometheus parsers read the '\\r' as "
                             "part of the value and reject the line")
                  .arg(crlfLines)
            : QStringLiteral("%1 line(s) end in CRLF (Windows line endings); Prometheus parsers read the '\\r' as "
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
                                QStringLiteral("%1 more problem(s) of this kind were not listed").arg(it->overflow),
                                std::nullopt});
    }
}

void TextParser::Private::processLine(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
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
                                      Fix{QStringLiteral("Convert line endings to LF"), {}, true});
        }
    }
    if (sawEof) {
        if (!reportedAfterEof) {
            reportedAfterEof = true;
            report(Severity::Error, "content-after-eof", lineNumber, line, 0,
                   QStringLiteral("OpenMetrics text ends at '# EOF'; this line and everything after it is ignored"));
        }
        return;
    }
    if (line.empty()) {
        if (openMetrics) {
            report(
                Severity::Error, "empty-line", lineNumber, line, 0,
                QStringLiteral("OpenMetrics does not allow empty lines"),
                Fix{QStringLiteral("Remove the empty line"), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false});
        }
        return;
    }
    size_t first = 0;
    while (first < line.size() && isBlank(line[first]))
        ++first;
    lastLineBlank = first == line.size();
    if (first == line.size()) {
        report(strictness(), "stray-whitespace", lineNumber, line, 0,
               QStringLiteral("the line holds only spaces or tabs"),
               Fix{QStringLiteral("Remove the blank line"), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false});
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
        report(strictness(), "stray-whitespace", lineNumber, line, 0,
               QStringLiteral("the line starts with spaces or tabs"),
               Fix{QStringLiteral("Remove the leading whitespace"), {TextEdit{lineOffset, qint64(i), {}}}, false});
    }
    // Free text (a HELP string) keeps its blanks: they are part of it.
    const bool freeText = freeTextAt < line.size();
    size_t end = freeText ? freeTextAt : line.size();
    while (!freeText && end > i && isBlank(line[end - 1]))
        --end;
    if (!freeText && end < line.size()) {
        const bool refused = trailingBlanksRefused() && end > i;
        report(refused ? Severity::Error : strictness(), "stray-whitespace", lineNumber, line, end,
               refused ? QStringLiteral("the line ends with spaces or tabs, which the Pushgateway refuses (\"expected "
                                        "integer as timestamp\" or \"unknown metric type\")")
                       : QStringLiteral("the line ends with spaces or tabs"),
               Fix{QStringLiteral("Remove the trailing whitespace"),
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
                   QStringLiteral("tokens are separated by %1 instead of a single space")
                       .arg(runEnd - k > 1 ? QStringLiteral("several blanks") : QStringLiteral("a tab")),
                   Fix{QStringLiteral("Use a single space"),
                       {TextEdit{lineOffset + qint64(k), qint64(runEnd - k), QByteArray(" ")}},
                       false});
        }
        k = runEnd - 1;
    }
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
                   QStringLiteral("'%1' is written by the Pushgateway itself for every group; a pushed metric of "
                                  "that name is overwritten. Rename it")
                       .arg(q(declaredName)));
        } else if (declaredName.starts_with("go_") || declaredName.starts_with("process_")
                   || declaredName.starts_with("pushgateway_")) {
            report(Severity::Warning, "gateway-own-metric", lineNumber, {}, 0,
                   QStringLiteral("the Pushgateway exports its own '%1…' metrics; a push whose type, help or "
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
        problem.fix = Fix{QStringLiteral("Move these lines up to the rest of '%1'").arg(q(family.declaredName)),
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
        const int index = report(
            strictness(), "split-family", line, text, 0,
            QStringLiteral("'%1' continues here, but its lines ended at line %2 and other metrics came in between; "
                           "keep all lines of a metric together")
                .arg(q(family.declaredName))
                .arg(family.lastLine));
        family.pendingSplitProblem = index;
        family.splitBlockStart = lineOffset;
        family.splitInsertAt = family.lastLineEnd;
    }
    family.closed = false;
    current = &family;
}

void TextParser::Private::processComment(std::string_view line, qint64 lineOffset, qint64 lineEnd)
{
    if (openMetrics && (line.size() < 3 || !line.starts_with("# ") || isBlank(line[2]))) {
        report(Severity::Error, "unknown-comment", lineNumber, line, 0,
               QStringLiteral("OpenMetrics has no comments; its '# HELP', '# TYPE', '# UNIT' and '# EOF' lines have "
                              "exactly one space after '#'"));
        return;
    }
    size_t pos = line.find('#') + 1;
    auto skipBlanks = [&] {
        while (pos < line.size() && isBlank(line[pos]))
            ++pos;
    };
    auto token = [&] {
        const size_t start = pos;
        while (pos < line.size() && !isBlank(line[pos]))
            ++pos;
        return line.substr(start, pos - start);
    };
    skipBlanks();
    const size_t keywordAt = pos;
    const std::string_view keyword = token();
    const bool isHelp = keyword == "HELP";
    const bool isType = keyword == "TYPE";
    const bool isUnit = keyword == "UNIT" && openMetrics;
    if (keyword == "EOF" && openMetrics) {
        if (line != "# EOF") {
            report(Severity::Error, "unknown-comment", lineNumber, line, keywordAt,
                   QStringLiteral("the last line is exactly '# EOF', with nothing after it"));
            return;
        }
        sawEof = true;
        return;
    }
    if (!isHelp && !isType && !isUnit) {
        // A free-form comment: its blanks are its author's business.
        if (openMetrics) {
            report(Severity::Error, "unknown-comment", lineNumber, line, keywordAt,
                   QStringLiteral("OpenMetrics has no comments: only '# HELP', '# TYPE', '# UNIT' and '# EOF' lines; "
                                  "remove this line"),
                   Fix{QStringLiteral("Remove the comment"), {TextEdit{lineOffset, lineEnd - lineOffset, {}}}, false});
        }
        return;
    }
    skipBlanks();
    const size_t nameAt = pos;
    const std::string_view name = token();
    if (name.empty()) {
        // Text 0.0.4 readers take `# HELP` or `# TYPE` with nothing after it as a plain comment.
        report(strictness(), "invalid-descriptor", lineNumber, line, nameAt,
               openMetrics ? QStringLiteral("'# %1' needs a metric name").arg(q(keyword))
                           : QStringLiteral("'# %1' without a metric name is read as a plain comment; name the metric "
                                            "or remove the line")
                                 .arg(q(keyword)));
        return;
    }
    if (!isValidMetricName(name)) {
        report(Severity::Error, "invalid-metric-name", lineNumber, line, nameAt,
               QStringLiteral("%1 is not a valid metric name: use letters, digits, '_' and ':', not starting "
                              "with a digit")
                   .arg(quoted(name)));
        return;
    }
    if (openMetrics && (pos == line.size() || line[pos] != ' ')) {
        // `# HELP name` ends where its text should start: OpenMetrics wants the blank after the
        // name even before an empty text.
        report(Severity::Error, "invalid-descriptor", lineNumber, line, pos,
               QStringLiteral("'# %1 %2' needs a space and then its %3 (which may be empty)")
                   .arg(q(keyword), q(name),
                        isHelp       ? QStringLiteral("text")
                            : isType ? QStringLiteral("type")
                                     : QStringLiteral("unit")));
        return;
    }
    if (pos < line.size())
        ++pos; // the single blank after the name
    std::string_view rest = line.substr(std::min(pos, line.size()));
    const size_t restAt = pos;
    const bool emptyText = rest.find_first_not_of(" \t") == std::string_view::npos;
    if (!openMetrics && emptyText) {
        // Go's text parser reads `# HELP x` and `# TYPE x` with nothing after the name as a plain
        // comment: such a line sets nothing, and two of them are no repeat.
        if (isType) {
            report(Severity::Warning, "missing-type", lineNumber, line, restAt,
                   QStringLiteral("'# TYPE %1' names no type, so parsers read it as a plain comment and '%1' stays "
                                  "untyped; add counter, gauge, histogram, summary or untyped")
                       .arg(q(name)));
        }
        return;
    }
    // The blank before an empty text separates it; it is not a trailing blank.
    const bool separatorOnly = rest.empty() && restAt > 0 && isBlank(line[restAt - 1]);
    checkStrayWhitespace(separatorOnly ? line.substr(0, restAt - 1) : line, lineOffset,
                         isHelp ? restAt : std::string_view::npos);

    FamilyState &family = familyFor(name);
    switchTo(family, lineNumber, lineOffset, line);
    if (isType) {
        processType(line, keywordAt, name, rest, restAt, family, lineOffset, lineEnd);
        return;
    }

    if (isUnit) {
        std::string_view unit = rest;
        if (family.hasUnit) {
            report(Severity::Error, "duplicate-unit", lineNumber, line, keywordAt,
                   QStringLiteral("'%1' already has a UNIT line").arg(q(name)));
            return;
        }
        if (family.hasSamples) {
            report(Severity::Error, "unit-after-samples", lineNumber, line, keywordAt,
                   QStringLiteral("the UNIT of '%1' must come before its first sample (line %2)")
                       .arg(q(name))
                       .arg(family.lastLine));
            return;
        }
        if (!unit.empty() && !endsWith(name, std::string("_") + std::string(unit))) {
            report(Severity::Error, "unit-not-in-name", lineNumber, line, restAt,
                   QStringLiteral("OpenMetrics requires the name of a metric with unit '%1' to end in '_%1'")
                       .arg(q(unit)));
        }
        family.hasUnit = true;
        family.unit = std::string(unit);
        family.lastLine = lineNumber;
        family.lastLineEnd = lineEnd;
        return;
    }

    // HELP
    const int badEscape
        = openMetrics ? unescapeKeepingUnknown(rest, unescaped) : unescape(rest, EscapeContext::Help004, unescaped);
    if (badEscape >= 0 && openMetrics) {
        report(Severity::Warning, "unknown-escape", lineNumber, line, restAt + size_t(badEscape),
               QStringLiteral("HELP text knows only the escapes \\\\, \\\" and \\n; OpenMetrics parsers keep "
                              "this backslash as it is. Write a backslash as \\\\"));
    } else if (badEscape >= 0) {
        report(Severity::Error, "invalid-escape", lineNumber, line, restAt + size_t(badEscape),
               QStringLiteral("HELP text may only use the escapes \\\\ and \\n"));
        return;
    }
    if (const int bad = invalidUtf8Offset(rest); bad >= 0) {
        // The Pushgateway stores it, and then Prometheus refuses to scrape the whole gateway.
        report(Severity::Error, "help-invalid-utf8", lineNumber, line, restAt + size_t(bad),
               QStringLiteral("HELP text is not valid UTF-8, which Prometheus refuses to scrape (\"help text is not a "
                              "valid utf8 string\"): a Pushgateway that stores it cannot be scraped at all; save the "
                              "file as UTF-8"));
        return;
    }
    if (family.hasHelp) {
        const bool same = family.help == unescaped;
        report(Severity::Error, "duplicate-help", lineNumber, line, keywordAt,
               same ? QStringLiteral("'%1' already has a HELP line").arg(q(name))
                    : QStringLiteral("'%1' has two different HELP lines; keep one").arg(q(name)),
               same ? std::optional<Fix>(deleteLineFix(QStringLiteral("HELP"), lineOffset, lineEnd)) : std::nullopt);
        return;
    }
    if (family.hasSamples) {
        report(strictness(), "help-after-samples", lineNumber, line, keywordAt,
               QStringLiteral("the HELP of '%1' should come before its samples").arg(q(name)));
    }
    family.hasHelp = true;
    family.help = unescaped;
    family.lastLine = lineNumber;
    family.lastLineEnd = lineEnd;
}

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
               QStringLiteral("text format 0.0.4 has no gauge histograms: the Pushgateway keeps the _bucket, _sum and "
                              "_count lines as untyped metrics of their own; declare it histogram or gauge"));
        return MetricType::GaugeHistogram;
    }
    static constexpr std::string_view kTextTypes[] = {"counter", "gauge", "histogram", "summary", "untyped"};
    if (asRead == typeName || std::find(std::begin(kTextTypes), std::end(kTextTypes), asRead) == std::end(kTextTypes))
        return std::nullopt;
    const bool backslashes = typeName.find('\\') != std::string_view::npos;
    report(Severity::Warning, backslashes ? "type-backslash" : "type-case", lineNumber, line, restAt,
           backslashes ? QStringLiteral("the Pushgateway drops the backslashes and reads '%1' as '%2', but Prometheus' "
                                        "own parser refuses it")
                             .arg(q(typeName), q(asRead))
                       : QStringLiteral("the Pushgateway reads '%1' as '%2', but Prometheus' own parser knows only "
                                        "lower case")
                             .arg(q(typeName), q(asRead)),
           Fix{QStringLiteral("Write '%1'").arg(q(asRead)),
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
               ? QStringLiteral("text format 0.0.4 has no '%1' type, so %2 refuses the file; declare it as gauge or "
                                "untyped, or write the file in OpenMetrics")
                     .arg(typeName,
                          options.target == ValidationTarget::Pushgateway ? QStringLiteral("the Pushgateway")
                                                                          : QStringLiteral("Prometheus"))
               : QStringLiteral("text format 0.0.4 has no '%1' type: PromDesk sends its samples, but Prometheus "
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
               QStringLiteral("'%1' is not a metric type; use %2")
                   .arg(typeName,
                        openMetrics ? QStringLiteral("counter, gauge, histogram, gaugehistogram, "
                                                     "summary, info, stateset or unknown")
                                    : QStringLiteral("counter, gauge, histogram, summary or untyped")));
        return;
    }
    if (!openMetrics && openMetricsOnly && reportOpenMetricsOnlyType(line, restAt, typeName))
        return;
    if (family.hasType) {
        const bool same = family.type == *type;
        report(Severity::Error, "duplicate-type", lineNumber, line, keywordAt,
               same ? QStringLiteral("'%1' already has a TYPE line").arg(q(name))
                    : QStringLiteral("'%1' was declared %2 before and %3 here; keep one TYPE line")
                          .arg(q(name), metricTypeName(family.type), typeName),
               same ? std::optional<Fix>(deleteLineFix(QStringLiteral("TYPE"), lineOffset, lineEnd)) : std::nullopt);
        return;
    }
    if (family.hasSamples) {
        report(Severity::Error, "type-after-samples", lineNumber, line, keywordAt,
               QStringLiteral("the TYPE of '%1' must come before its first sample (line %2)")
                   .arg(q(name))
                   .arg(family.lastLine));
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

bool TextParser::Private::matches(const FamilyState &family, std::string_view name, SampleRole &role) const
{
    const std::string &base = family.declaredName;
    if (name.size() < base.size() || name.substr(0, base.size()) != base)
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
    static constexpr std::string_view kSuffixes[]
        = {"_bucket", "_count", "_sum", "_total", "_created", "_info", "_gcount", "_gsum"};
    for (std::string_view suffix : kSuffixes) {
        if (!endsWith(name, suffix))
            continue;
        auto it = families.find(std::string(name.substr(0, name.size() - suffix.size())));
        if (it != families.end() && it->second.hasType && matches(it->second, name, role)) {
            family = &it->second;
            return true;
        }
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

// A timestamp as OpenMetrics parsers compare them: `seconds.fraction` exactly, to the
// nanosecond (digits after the ninth cut off); any other spelling as its value.
static long double openMetricsNanoseconds(std::string_view token, double seconds)
{
    const bool negative = token.starts_with('-');
    if (negative || token.starts_with('+'))
        token.remove_prefix(1);
    const size_t dot = token.find('.');
    const std::string_view whole = token.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : token.substr(dot + 1);
    const auto digits = [](std::string_view text) {
        return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(whole) || (dot != std::string_view::npos && !digits(fraction)))
        return static_cast<long double>(seconds) * 1e9L;
    long double seconds10 = 0;
    for (const char c : whole)
        seconds10 = seconds10 * 10 + (c - '0');
    long double fractionNanos = 0;
    long double scale = 1e8L;
    for (size_t i = 0; i < fraction.size() && i < 9; ++i, scale /= 10)
        fractionNanos += (fraction[i] - '0') * scale;
    // The fraction takes the sign of the whole seconds, as prometheus_client's Timestamp does
    // (so "-0.5" reads as +0.5 there).
    const bool negativeSeconds = negative && seconds10 > 0;
    return negativeSeconds ? -(seconds10 * 1e9L + fractionNanos) : seconds10 * 1e9L + fractionNanos;
}

void TextParser::Private::checkTimestamp(std::string_view line, qint64 lineOffset, size_t begin, size_t end,
                                         qint64 &timestampMs, bool &ok)
{
    const std::string_view token = line.substr(begin, end - begin);
    ok = false;
    auto replaceToken = [&](const QString &description, const QByteArray &replacement) {
        return Fix{description, {TextEdit{lineOffset + qint64(begin), qint64(end - begin), replacement}}, false};
    };
    if (openMetrics) {
        const std::optional<ParsedNumber> seconds = parseNumber(token);
        if (seconds)
            lineTimestampNanos = openMetricsNanoseconds(token, seconds->value);
        if (!seconds || !std::isfinite(seconds->value) || seconds->spelling == NumberSpelling::Hexadecimal) {
            report(Severity::Error, "invalid-timestamp", lineNumber, line, begin,
                   QStringLiteral("%1 is not a timestamp; OpenMetrics timestamps are Unix seconds, e.g. "
                                  "1700000000.123")
                       .arg(quoted(token)));
            return;
        }
        if (std::fabs(seconds->value) >= kPlausibleSecondsMax
            && std::fabs(seconds->value) < kPlausibleMillisecondsMax) {
            report(
                Severity::Warning, "timestamp-in-milliseconds", lineNumber, line, begin,
                QStringLiteral("%1 looks like milliseconds, but OpenMetrics timestamps are seconds (it would be "
                               "the year %2)")
                    .arg(quoted(token))
                    .arg(1970 + qint64(seconds->value / 31556952.0)),
                replaceToken(QStringLiteral("Convert to seconds"), secondsBytes(qint64(std::llround(seconds->value)))));
            timestampMs = qint64(std::llround(seconds->value));
            ok = true;
            return;
        }
        const std::optional<qint64> ms = millisecondsFromDouble(seconds->value * 1000.0);
        if (!ms) {
            // OpenMetrics parsers take it; no receiver can store it, and remote write cannot send it.
            report(remoteWrite ? Severity::Error : Severity::Warning, "timestamp-out-of-range", lineNumber, line, begin,
                   QStringLiteral("%1 is outside the range of timestamps: in milliseconds it does not fit a signed "
                                  "64-bit integer (about 292 million years either side of 1970). Check the unit%2")
                       .arg(quoted(token),
                            remoteWrite ? QStringLiteral(".") : QStringLiteral("; PromDesk leaves this sample out.")));
            leftOutOfModel = !remoteWrite;
            return;
        }
        timestampMs = *ms;
    } else {
        const std::optional<std::int64_t> ms = parseInteger(token);
        if (!ms) {
            const std::optional<ParsedNumber> decimal = parseNumber(token);
            std::optional<Fix> fix;
            QString hint = QStringLiteral("text-format timestamps are whole milliseconds since the Unix epoch");
            if (isWholeNumber(token)) {
                report(Severity::Error, "timestamp-out-of-range", lineNumber, line, begin,
                       QStringLiteral("%1 is outside the range of timestamps: milliseconds in a signed 64-bit integer "
                                      "(about 292 million years either side of 1970). Check the unit.")
                           .arg(quoted(token)));
                return;
            }
            if (decimal && std::isfinite(decimal->value) && decimal->value >= kPlausibleSecondsMin
                && decimal->value < kPlausibleSecondsMax) {
                hint = QStringLiteral("this looks like seconds with a fraction; text-format timestamps are whole "
                                      "milliseconds");
                fix = replaceToken(QStringLiteral("Convert to milliseconds"),
                                   integerBytes(qint64(std::llround(decimal->value * 1000.0))));
            }
            report(Severity::Error, "invalid-timestamp", lineNumber, line, begin,
                   QStringLiteral("%1 is not a valid timestamp: %2").arg(quoted(token), hint), std::move(fix));
            return;
        }
        timestampMs = *ms;
        if (double(*ms) >= kPlausibleSecondsMin && double(*ms) < kPlausibleSecondsMax) {
            report(Severity::Warning, "timestamp-in-seconds", lineNumber, line, begin,
                   QStringLiteral("%1 looks like seconds, but text-format timestamps are milliseconds (as given it "
                                  "is a moment in the month %2)")
                       .arg(quoted(token), formatTimestamp(*ms).left(7)),
                   replaceToken(QStringLiteral("Convert to milliseconds"), integerBytes(*ms * 1000)));
            timestampMs = *ms * 1000;
        }
    }
    ok = true;
    if (options.target == ValidationTarget::Pushgateway) {
        // Delete the blank before the timestamp too.
        size_t from = begin;
        while (from > 0 && isBlank(line[from - 1]))
            --from;
        report(Severity::Error, "timestamp-present", lineNumber, line, begin,
               QStringLiteral("a Pushgateway rejects pushed metrics with timestamps ('pushed metrics must not have "
                              "timestamps'); remove it, or send through remote write"),
               Fix{QStringLiteral("Remove the timestamp"),
                   {TextEdit{lineOffset + qint64(from), qint64(end - from), {}}},
                   false});
        return;
    }
    if (timestampMs > addSaturated(nowMs, options.futureToleranceMs))
        reportFuture(line, begin, timestampMs);
}

void TextParser::Private::orderLabels()
{
    const size_t count = labels.size();
    labelsSorted = std::is_sorted(labels.begin(), labels.end(),
                                  [](const LabelToken &a, const LabelToken &b) { return a.name < b.name; });
    labelOrder.resize(count);
    if (labelsSorted) {
        for (size_t i = 0; i < count; ++i)
            labelOrder[i] = std::uint32_t(i);
    } else {
        // By name, then position (a stable merge sort: equal names side by side, the first one
        // first). On the names alone, not the tokens, and merged: names like l0…l999999 stay
        // n log n and are read in order, where introsort falls back to heapsort and jumps around.
        sortedNames.resize(count);
        for (size_t i = 0; i < count; ++i)
            sortedNames[i] = {labels[i].name, std::uint32_t(i)};
        std::stable_sort(sortedNames.begin(), sortedNames.end(),
                         [](const NamedLabel &a, const NamedLabel &b) { return a.name < b.name; });
        for (size_t i = 0; i < count; ++i)
            labelOrder[i] = sortedNames[i].index;
    }
    repeatedLabel.assign(count, 0);
    for (size_t i = 1; i < count; ++i)
        repeatedLabel[labelOrder[i]] = labels[labelOrder[i]].name == labels[labelOrder[i - 1]].name;
}

void TextParser::Private::reportFuture(std::string_view line, size_t column, qint64 timestampMs)
{
    // Prometheus 2.42 takes a sample a day, a year or 3 million years ahead, and from then on
    // refuses every current sample as 'out of bounds': sending it breaks the receiver.
    const bool error = remoteWrite && !options.allowFuture;
    const QString ahead = QStringLiteral("%1 is %2 ahead of this machine's clock")
                              .arg(formatTimestamp(timestampMs), formatSpan(subtractSaturated(timestampMs, nowMs)));
    QString message;
    if (error)
        message = ahead
            + QStringLiteral(". A remote-write receiver such as Prometheus accepts it and then refuses every "
                             "current sample as 'out of bounds' until that time. Check the clock and the "
                             "timestamps' unit; --allow-future sends it anyway.");
    else if (remoteWrite)
        message = ahead
            + QStringLiteral(" (sent anyway: --allow-future). The receiver will refuse current samples "
                             "until then.");
    else
        message = ahead + QStringLiteral("; a remote-write receiver that takes it refuses current samples until then");
    report(error ? Severity::Error : Severity::Warning, "timestamp-in-future", lineNumber, line, column, message);
}

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

void TextParser::Private::acceptSample(FamilyState &family, SampleRole role, double bound, double value,
                                       std::optional<qint64> timestampMs, std::string_view seriesKey, int column,
                                       qint64 lineOffset, qint64 lineEnd)
{
    // XXH3: a 64-bit hash good enough that a million series never collide by accident.
    const std::uint64_t keyHash = XXH3_64bits(seriesKey.data(), seriesKey.size());
    const quint64 valueBits = std::bit_cast<quint64>(value);
    // Only tells "the same value" from "another value" for a repeated series: a mix of the bits does.
    std::uint64_t mixed = valueBits ^ (std::uint64_t(timestampMs.value_or(-1)) * 0x9E3779B97F4A7C15ULL);
    mixed ^= mixed >> 29;
    mixed *= 0xBF58476D1CE4E5B9ULL;
    mixed ^= mixed >> 32;
    const auto valueHash = std::uint32_t(mixed);
    const bool aggregatePart = family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram
        || family.type == MetricType::Summary;
    if (omRules) {
        omRules->onSample(detail::OpenMetricsRules::Sample{family.declaredName, family.type, role, eventLabels, bound,
                                                           value, lineTimestampNanos, lineNumber, seriesKey});
    }
    if (!family.replacedByGateway && !leftOutOfModel) {
        queueSeries(PendingSeries{keyHash, valueHash, lineNumber, column, lineOffset, lineEnd,
                                  remoteWrite ? timestampMs : std::nullopt, aggregatePart});
    }

    // Histogram consistency is checked once the whole input is read (OpenMetrics: by omRules).
    if (!openMetrics && family.type == MetricType::Histogram
        && (role == SampleRole::Bucket || role == SampleRole::Count)) {
        // One hash over a reused buffer: many small streaming updates cost more than the copy.
        groupKey.assign(family.modelName);
        for (const LabelView &label : eventLabels) {
            groupKey += '\xff';
            groupKey += label.name;
            groupKey += '\xfe';
            groupKey += label.value;
        }
        if (timestampMs)
            groupKey.append(reinterpret_cast<const char *>(&*timestampMs), sizeof(qint64));
        const std::uint64_t groupHash = XXH3_64bits(groupKey.data(), groupKey.size());
        if (lastGroup == SIZE_MAX || groupHash != lastGroupHash) { // a group's lines are usually adjacent
            const std::uint32_t known = histogramIndex.insert(groupHash, std::uint32_t(histograms.size() + 1), 0).line;
            if (known == 0)
                histograms.emplace_back();
            lastGroup = known == 0 ? histograms.size() - 1 : known - 1;
            lastGroupHash = groupHash;
        }
        HistogramGroup &group = histograms[lastGroup];
        if (group.firstLine == 0) {
            group.firstLine = lineNumber;
            group.familyName = &family.declaredName;
            group.buckets.reserve(16); // one allocation for the usual bucket counts
        }
        if (role == SampleRole::Bucket) {
            group.buckets.push_back(BucketPoint{bound, value, lineNumber});
        } else {
            group.count = value;
            group.countLine = lineNumber;
        }
    }

    family.hasSamples = true;
    family.lastLine = lineNumber;
    family.lastLineEnd = lineEnd;
    if (leftOutOfModel)
        return;
    ++stats.samples;
    if (sink) {
        announce(family);
        sink->onSample(SampleEvent{family.modelName, family.type, family.help, family.unit, role,
                                   std::span<const LabelView>(eventLabels), bound, value, timestampMs, lineNumber,
                                   seriesKey, keyHash});
    }
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
        if (!family.hasSamples || (family.type != MetricType::Histogram && family.type != MetricType::Summary))
            continue;
        for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
            if (suffix == "_bucket" && family.type == MetricType::Summary)
                continue;
            const auto other = families.find(name + std::string(suffix));
            if (other == families.end() || !other->second.hasSamples)
                continue;
            report(Severity::Error, "family-name-collision", other->second.lastLine, {}, 0,
                   QStringLiteral("'%1' is a metric of its own here, but the %2 '%3' owns that name; the Pushgateway "
                                  "refuses the push (\"collides with previously collected metric\"). Move the line "
                                  "into '%3' after its TYPE line")
                       .arg(q(other->first), metricTypeName(family.type), q(name)));
        }
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
                       QStringLiteral("bucket le=\"%1\" of '%2' counts %3, fewer than the bucket below it (%4); "
                                      "histogram buckets are cumulative")
                           .arg(formatNumber(buckets[i].upperBound), q(*group.familyName),
                                formatNumber(buckets[i].count), formatNumber(buckets[i - 1].count)));
                break;
            }
        }
        const BucketPoint &last = buckets.back();
        if (!std::isinf(last.upperBound) || last.upperBound < 0) {
            report(aggregateRule(), "histogram-missing-inf", group.firstLine, {}, 0,
                   QStringLiteral("histogram '%1' has no le=\"+Inf\" bucket, so histogram_quantile() cannot work "
                                  "with it; add one whose value equals %1_count%2")
                       .arg(q(*group.familyName),
                            group.count ? QStringLiteral(" (%1)").arg(formatNumber(*group.count)) : QString()));
        } else if (group.count && !sameBits(*group.count, last.count) && *group.count != last.count) {
            report(aggregateRule(), "histogram-count-mismatch", group.countLine, {}, 0,
                   QStringLiteral("%1_count is %2 but the le=\"+Inf\" bucket (line %3) is %4; they must be equal")
                       .arg(q(*group.familyName), formatNumber(*group.count))
                       .arg(last.line)
                       .arg(formatNumber(last.count)));
        }
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
