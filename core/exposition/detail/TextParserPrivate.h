#pragma once

// The state of a TextParser, shared by the files that make it up: TextParser.cpp (input, lines,
// problems), TextParserComments.cpp (HELP, TYPE, UNIT), TextParserSamples.cpp (sample lines),
// TextParserSeries.cpp (timestamps, labels, repeats) and TextParserFamilies.cpp (families,
// histograms). Internal to the core: nothing outside exposition/ includes it.
#include "exposition/OpenMetricsRules.h"
#include "exposition/TextParser.h"
#include "exposition/detail/ParseInternals.h"
#include "exposition/detail/TextLexer.h"
#include "model/NumberFormat.h"
#include "util/SeriesIndex.h"
#include "util/Time.h"

#include <QDateTime>
#include <QHash>

#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace promdesk {

namespace detail {

// Seconds since the epoch between 1973 and 5138 look like milliseconds from early 1970, which
// nobody means; milliseconds in that window read as seconds are in the far future.
constexpr double kPlausibleSecondsMin = 1e8;
constexpr double kPlausibleSecondsMax = 1e11;
constexpr double kPlausibleMillisecondsMax = 1e14;
constexpr int kTmpMaxLabels = 32;
constexpr int kTmpMaxLabelNameLength = 1024;
constexpr int kTmpMaxLabelValueLength = 2048;

// Pieces of the input inside messages and fixes (TextParser.cpp).
QString q(std::string_view text);
QString quoted(std::string_view text);
bool isWholeNumber(std::string_view text);
int characterColumn(std::string_view line, size_t byteOffset);
int utf8Length(std::string_view text);
QByteArray numberBytes(double value);
QByteArray secondsBytes(qint64 ms);
QByteArray integerBytes(qint64 value);
bool endsWith(std::string_view text, std::string_view suffix);
Fix deleteLineFix(const QString &keyword, qint64 lineOffset, qint64 lineEnd);

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

} // namespace detail

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
        // nothing is copied on the way, and never more than half the text's size in memory. (For
        // remote write the index takes only what the time log leaves to it; otherwise the index
        // is sized by sizeSeriesIndex() once the first lines are read.)
        if (internals.piece.bytes > 0 && remoteWrite)
            timedLog.reserve(std::size_t(internals.piece.bytes / 64));
        if (openMetrics) {
            omRules.emplace([this](int line, const char *code, const QString &message) {
                report(Severity::Error, code, line, {}, 0, message);
            });
        }
    }

    void feed(QByteArrayView chunk, bool last = false);
    void sizeSeriesIndex();
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
    std::unordered_map<std::string, detail::FamilyState> families;
    QHash<QString, detail::ProblemCounter> counters;

private:
    detail::FamilyState *current = nullptr;
    SeriesIndex series;
    bool seriesIndexSized = false;
    // Histogram groups in input order, found by hash through an index of hash → position + 1
    // (the index's "line" field), which is far cheaper than a node-based map.
    std::vector<detail::HistogramGroup> histograms;
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
    // The line's `le` or `quantile` when it is not spelt as formatNumber writes it ("1.0", "0.00"):
    // which label, and the spelling its series key uses instead (Go reads bounds as numbers).
    int respelledBoundLabel = -1;
    std::string respelledBound;

    void feedBody(QByteArrayView chunk, bool last = false);
    void processLine(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    void processComment(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    // A HELP, TYPE or UNIT line as read (TextParserComments.cpp).
    struct Descriptor
    {
        std::string_view keyword;
        size_t keywordAt = 0;
        std::string_view name;
        std::string_view rest; // the text after the name and its one blank
        size_t restAt = 0;
    };
    void readEof(std::string_view line, size_t keywordAt);
    bool readDescriptor(std::string_view line, qint64 lineOffset, size_t pos, Descriptor &descriptor);
    void processUnit(std::string_view line, const Descriptor &descriptor, detail::FamilyState &family, qint64 lineEnd);
    void processHelp(std::string_view line, const Descriptor &descriptor, detail::FamilyState &family,
                     qint64 lineOffset, qint64 lineEnd);
    void processSample(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    bool takeSimpleSample(std::string_view line, qint64 lineOffset, qint64 lineEnd);
    bool takeSimpleLabels(std::string_view line, size_t &pos, bool &sorted);
    bool takeSimpleValueText(std::string_view raw, bool escaped, std::string_view &value);
    int unescapeLabelValue(std::string_view raw);
    struct SimpleLabel
    {
        std::string_view name;
        std::string_view raw;   // as written: what series keys hold
        std::string_view value; // unescaped (in `arena`) when it had escapes
    };
    std::vector<SimpleLabel> simpleLabels; // scratch of the one-pass reading
    bool sortUniqueLabels();
    // Whether anything reads a sample's labels one by one after the one-pass reading: a sink,
    // the OpenMetrics rules, or a histogram's or summary's checks (the bound, the groups).
    // Validating plain gauges and counters only needs the series key.
    bool wantsEventLabels(const detail::FamilyState &family) const
    {
        return sink || omRules || family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram
            || family.type == MetricType::Summary;
    }
    bool takeSimpleBound(SampleRole role, double &bound);
    std::string_view simpleSeriesKey(std::string_view name, size_t keySize);
    std::string simpleKey; // simpleSeriesKey's buffer: as long as the longest key so far

    // What the checks of a sample line have nothing to say about. The one-pass reading takes a
    // line only when each of its parts is quiet, and the full checks report on a part only when
    // it is not: a rule added here holds for both readings.
    bool labelNameQuiet(std::string_view name) const
    {
        return !name.starts_with("__") && !(options.target == ValidationTarget::Pushgateway && name == "job")
            && !(options.target == ValidationTarget::Tmp && name.size() > size_t(detail::kTmpMaxLabelNameLength));
    }
    bool labelValueQuiet(std::string_view value) const
    {
        // A value has at most as many characters as bytes: most are measured by their size alone.
        const bool tooLong = options.target == ValidationTarget::Tmp
            && value.size() > size_t(detail::kTmpMaxLabelValueLength)
            && detail::utf8Length(value) > detail::kTmpMaxLabelValueLength;
        return !(remoteWrite && value.empty()) && !tooLong;
    }
    bool labelCountQuiet(size_t labelsSent) const
    {
        return !(options.target == ValidationTarget::Tmp && int(labelsSent) + 1 > detail::kTmpMaxLabels);
    }
    bool textTimestampQuiet(qint64 timestampMs) const
    {
        const bool looksLikeSeconds
            = double(timestampMs) >= detail::kPlausibleSecondsMin && double(timestampMs) < detail::kPlausibleSecondsMax;
        return options.target != ValidationTarget::Pushgateway && !looksLikeSeconds
            && timestampMs <= addSaturated(nowMs, options.futureToleranceMs);
    }
    static bool numberQuiet(const ParsedNumber &number) { return number.spelling == NumberSpelling::Canonical; }
    bool countQuiet(double value) const { return openMetrics || !(value < 0); }
    bool boundQuiet(SampleRole role, const ParsedNumber &number, std::string_view written) const
    {
        const double bound = number.value;
        // OpenMetrics spells an infinite bound only "+Inf", and a bound is never NaN.
        const bool openMetricsSpelling
            = !openMetrics || !(std::isnan(bound) || (std::isinf(bound) && written != "+Inf"));
        return numberQuiet(number) && openMetricsSpelling
            && !(role == SampleRole::Quantile && !(bound >= 0 && bound <= 1));
    }
    // Counter values and histogram counts only go up from 0.
    static bool countsUp(const detail::FamilyState &family, SampleRole role)
    {
        const bool histogram = family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram;
        return (family.type == MetricType::Counter && role == SampleRole::Value)
            || (histogram && (role == SampleRole::Bucket || role == SampleRole::Count));
    }

    // One sample line as the full checks read it, token by token.
    struct SampleLine
    {
        std::string_view text;
        qint64 offset = 0; // of the line in the input
        size_t nameAt = 0;
        std::string_view name;
        size_t seriesEnd = 0; // just after the name, or after the labels' closing '}'
        bool compact = true;  // no blanks or trailing comma inside the braces
        size_t valueAt = 0;
        double value = 0;
        std::optional<qint64> timestampMs;
        bool ok = true; // no error yet that keeps the sample out
    };
    // The token readers' steps; each reports what it finds, and false ends the line's reading.
    bool readSampleName(SampleLine &sample, size_t &pos);
    bool readLabels(SampleLine &sample, size_t &pos);
    bool readLabel(SampleLine &sample, size_t &pos);
    void skipBlanksInLabels(SampleLine &sample, size_t &pos)
    {
        if (pos < sample.text.size() && detail::isBlank(sample.text[pos]))
            skipBlanksFound(sample, pos); // rare: most lists have no blanks
    }
    void skipBlanksFound(SampleLine &sample, size_t &pos);
    bool checkLabelValueText(SampleLine &sample, std::string_view labelName, std::string_view raw, size_t valueAt,
                             const detail::QuotedValue &read);
    bool readSampleValue(SampleLine &sample, size_t &pos);
    void reportUnreadableValue(const SampleLine &sample, std::string_view token);
    void readTrailer(SampleLine &sample, size_t &pos);
    void readExemplar(SampleLine &sample, size_t hashAt);
    // The checks over what was read (TextParserSeries.cpp).
    void checkLabels(SampleLine &sample);
    void reportLabelRules(const SampleLine &sample, size_t index);
    bool resolveSampleFamily(const SampleLine &sample, detail::FamilyState *&family, SampleRole &role);
    bool exemplarAllowed(const SampleLine &sample, const detail::FamilyState &family, SampleRole role);
    bool splitBound(const SampleLine &sample, const detail::FamilyState &family, SampleRole role, double &bound);
    bool readBound(const SampleLine &sample, SampleRole role, const LabelView &label, size_t valueAt, double &bound);
    void checkCountSign(const SampleLine &sample, const detail::FamilyState &family, SampleRole role);
    std::string_view seriesKey(const SampleLine &sample);
    // What every accepted sample goes through: the repeat check, histogram groups, the sink.
    // `eventLabels` holds its labels, sorted, without `le` or `quantile`, wherever something
    // reads them (wantsEventLabels()); the one-pass reading leaves it empty otherwise.
    // `boundAsWritten` is the line's `le` or `quantile` when `seriesKey` spells it otherwise.
    void acceptSample(detail::FamilyState &family, SampleRole role, double bound, double value,
                      std::optional<qint64> timestampMs, std::string_view seriesKey, std::string_view boundAsWritten,
                      int column, qint64 lineOffset, qint64 lineEnd);

    int report(Severity severity, const char *code, int line, std::string_view text, size_t byteColumn, QString message,
               std::optional<Fix> fix = std::nullopt);
    Severity strictness() const { return openMetrics ? Severity::Error : Severity::Warning; }
    // Histogram and summary rules: OpenMetrics says must and its parsers refuse; readers of text
    // 0.0.4 (the Pushgateway, Prometheus' scrape) store such metrics, so there they are warnings
    // that name the consequence.
    Severity aggregateRule() const { return openMetrics ? Severity::Error : Severity::Warning; }

    detail::FamilyState &familyFor(std::string_view declaredName);
    detail::FamilyState &describedFamily(std::string_view name);
    void switchTo(detail::FamilyState &family, int line, qint64 lineOffset, std::string_view text);
    void closeCurrent();
    void announce(detail::FamilyState &family);
    bool resolve(std::string_view sampleName, detail::FamilyState *&family, SampleRole &role);
    // The typed family one of whose parts `name` is (`h` for `h_bucket` of a histogram `h`), as
    // matches() tells parts; null when the name, less a part's suffix, names no such family.
    detail::FamilyState *typedFamilyOwning(std::string_view name, SampleRole &role);
    bool matches(const detail::FamilyState &family, std::string_view sampleName, SampleRole &role) const;
    void checkStrayWhitespace(std::string_view line, qint64 lineOffset, size_t freeTextAt = std::string_view::npos);
    // Go's text parser, the Pushgateway's, refuses a sample or TYPE line that ends in blanks.
    bool trailingBlanksRefused() const { return !openMetrics && options.target == ValidationTarget::Pushgateway; }
    void processType(std::string_view line, size_t keywordAt, std::string_view name, std::string_view rest,
                     size_t restAt, detail::FamilyState &family, qint64 lineOffset, qint64 lineEnd);
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
        while (at < lineWithoutCr.size() && detail::isBlank(lineWithoutCr[at]))
            ++at;
        if (at == lineWithoutCr.size() || lineWithoutCr[at] != '#')
            return true;
        ++at;
        while (at < lineWithoutCr.size() && detail::isBlank(lineWithoutCr[at]))
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

} // namespace promdesk
