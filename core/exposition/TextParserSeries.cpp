#include "exposition/detail/TextParserPrivate.h"

#include "model/Escaping.h"
#include "model/NumberFormat.h"
#include "util/Time.h"

#include <xxhash.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace promdesk {

using namespace detail;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TextParserSeries)
};

} // namespace

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
                   Tr::tr("%1 is not a timestamp; OpenMetrics timestamps are Unix seconds, e.g. "
                          "1700000000.123")
                       .arg(quoted(token)));
            return;
        }
        if (std::fabs(seconds->value) >= kPlausibleSecondsMax
            && std::fabs(seconds->value) < kPlausibleMillisecondsMax) {
            report(Severity::Warning, "timestamp-in-milliseconds", lineNumber, line, begin,
                   Tr::tr("%1 looks like milliseconds, but OpenMetrics timestamps are seconds (it would be "
                          "the year %2)")
                       .arg(quoted(token), QString::number(1970 + qint64(seconds->value / 31556952.0))),
                   replaceToken(Tr::tr("Convert to seconds"), secondsBytes(qint64(std::llround(seconds->value)))));
            timestampMs = qint64(std::llround(seconds->value));
            ok = true;
            return;
        }
        const std::optional<qint64> ms = millisecondsFromDouble(seconds->value * 1000.0);
        if (!ms) {
            // OpenMetrics parsers take it; no receiver can store it, and remote write cannot send it.
            report(remoteWrite ? Severity::Error : Severity::Warning, "timestamp-out-of-range", lineNumber, line, begin,
                   (remoteWrite ? Tr::tr("%1 is outside the range of timestamps: in milliseconds it does not fit "
                                         "a signed 64-bit integer (about 292 million years either side of "
                                         "1970). Check the unit.")
                                : Tr::tr("%1 is outside the range of timestamps: in milliseconds it does not fit "
                                         "a signed 64-bit integer (about 292 million years either side of "
                                         "1970). Check the unit; PromDesk leaves this sample out."))
                       .arg(quoted(token)));
            leftOutOfModel = !remoteWrite;
            return;
        }
        timestampMs = *ms;
    } else {
        const std::optional<std::int64_t> ms = parseInteger(token);
        if (!ms) {
            const std::optional<ParsedNumber> decimal = parseNumber(token);
            std::optional<Fix> fix;
            bool looksLikeSeconds = false;
            if (isWholeNumber(token)) {
                report(Severity::Error, "timestamp-out-of-range", lineNumber, line, begin,
                       Tr::tr("%1 is outside the range of timestamps: milliseconds in a signed 64-bit integer "
                              "(about 292 million years either side of 1970). Check the unit.")
                           .arg(quoted(token)));
                return;
            }
            if (decimal && std::isfinite(decimal->value) && decimal->value >= kPlausibleSecondsMin
                && decimal->value < kPlausibleSecondsMax) {
                looksLikeSeconds = true;
                fix = replaceToken(Tr::tr("Convert to milliseconds"),
                                   integerBytes(qint64(std::llround(decimal->value * 1000.0))));
            }
            report(Severity::Error, "invalid-timestamp", lineNumber, line, begin,
                   (looksLikeSeconds ? Tr::tr("%1 is not a valid timestamp: this looks like seconds with a "
                                              "fraction; text-format timestamps are whole milliseconds")
                                     : Tr::tr("%1 is not a valid timestamp: text-format timestamps are whole "
                                              "milliseconds since the Unix epoch"))
                       .arg(quoted(token)),
                   std::move(fix));
            return;
        }
        timestampMs = *ms;
        if (textTimestampQuiet(*ms)) {
            ok = true;
            return;
        }
        if (double(*ms) >= kPlausibleSecondsMin && double(*ms) < kPlausibleSecondsMax) {
            report(Severity::Warning, "timestamp-in-seconds", lineNumber, line, begin,
                   Tr::tr("%1 looks like seconds, but text-format timestamps are milliseconds (as given it "
                          "is a moment in the month %2)")
                       .arg(quoted(token), formatTimestamp(*ms).left(7)),
                   replaceToken(Tr::tr("Convert to milliseconds"), integerBytes(*ms * 1000)));
            timestampMs = *ms * 1000;
        }
    }
    ok = true;
    if (options.target == ValidationTarget::Pushgateway) {
        // Delete the blank before the timestamp too.
        size_t from = begin;
        while (from > 0 && isBlank(line[from - 1]))
            --from;
        report(
            Severity::Error, "timestamp-present", lineNumber, line, begin,
            Tr::tr("a Pushgateway rejects pushed metrics with timestamps ('pushed metrics must not have "
                   "timestamps'); remove it, or send through remote write"),
            Fix{Tr::tr("Remove the timestamp"), {TextEdit{lineOffset + qint64(from), qint64(end - from), {}}}, false});
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
    QString message;
    if (error) {
        //: %1 is a date and time, %2 a span of time
        message = Tr::tr("%1 is %2 ahead of this machine's clock. A remote-write receiver such as Prometheus "
                         "accepts it and then refuses every current sample as 'out of bounds' until that "
                         "time. Check the clock and the timestamps' unit; --allow-future sends it anyway.");
    } else if (remoteWrite) {
        //: %1 is a date and time, %2 a span of time
        message = Tr::tr("%1 is %2 ahead of this machine's clock (sent anyway: --allow-future). The receiver "
                         "will refuse current samples until then.");
    } else {
        //: %1 is a date and time, %2 a span of time
        message = Tr::tr("%1 is %2 ahead of this machine's clock; a remote-write receiver that takes it "
                         "refuses current samples until then");
    }
    report(error ? Severity::Error : Severity::Warning, "timestamp-in-future", lineNumber, line, column,
           message.arg(formatTimestamp(timestampMs), formatSpan(subtractSaturated(timestampMs, nowMs))));
}

void TextParser::Private::acceptSample(FamilyState &family, SampleRole role, double bound, double value,
                                       std::optional<qint64> timestampMs, std::string_view seriesKey,
                                       std::string_view boundAsWritten, int column, qint64 lineOffset, qint64 lineEnd)
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
                                                           value, lineTimestampNanos, lineNumber, seriesKey,
                                                           boundAsWritten});
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
        ? (exact ? Tr::tr("this sample repeats line %1 exactly (series, time and value); it is sent "
                          "once")
                 : Tr::tr("this series was already given on line %1 at this time with another "
                          "value; Prometheus keeps one and drops the other without a word: keep "
                          "one of them"))
              .arg(earlier)
        : openMetrics
        ? Tr::tr("this series repeats line %1; Prometheus keeps the first and drops this one").arg(earlier)
        : !refused ? Tr::tr("this part of a histogram or summary repeats line %1; the Pushgateway keeps one of "
                            "them without saying which, and Prometheus drops a repeated bucket; keep one")
                         .arg(earlier)
        : exact ? Tr::tr("this series repeats line %1 exactly; Prometheus and the Pushgateway reject duplicate "
                         "series")
                      .arg(earlier)
                : Tr::tr("this series was already given on line %1 with another value; keep one of them").arg(earlier);
    const int index
        = report(refused ? Severity::Error : Severity::Warning, "duplicate-series", entry.line, {}, 0, message,
                 exact ? std::optional<Fix>(Fix{Tr::tr("Remove the repeated line"),
                                                {TextEdit{entry.lineOffset, entry.lineEnd - entry.lineOffset, {}}},
                                                false})
                       : std::nullopt);
    if (index >= 0)
        problems[index].column = entry.column;
}

// The line's labels as a whole: repeated names, and each label's rules where it is not quiet.
void TextParser::Private::checkLabels(SampleLine &sample)
{
    lineLabels.clear();
    for (const LabelToken &token : labels)
        lineLabels.push_back(LabelView{
            token.name,
            token.escaped ? std::string_view(arena).substr(token.arenaOffset, token.arenaLength) : token.raw});
    orderLabels();
    for (size_t i = 0; i < labels.size(); ++i) {
        if (repeatedLabel[i]) {
            report(Severity::Error, "duplicate-label-name", lineNumber, sample.text, labels[i].nameOffset,
                   Tr::tr("label %1 appears twice in one sample").arg(quoted(labels[i].name)));
            sample.ok = false;
        }
        if (!labelNameQuiet(labels[i].name) || !labelValueQuiet(lineLabels[i].value))
            reportLabelRules(sample, i);
    }
    // Empty values are dropped before sending: they are no labels of the series.
    const auto sent
        = std::count_if(labels.begin(), labels.end(), [](const LabelToken &token) { return !token.raw.empty(); });
    if (!labelCountQuiet(size_t(sent))) {
        report(Severity::Error, "too-many-labels", lineNumber, sample.text, sample.nameAt,
               Tr::tr("TMP allows at most %1 labels per series, counting __name__; this one has %2")
                   .arg(kTmpMaxLabels)
                   .arg(sent + 1));
    }
}

// What labelNameQuiet and labelValueQuiet found, in words.
void TextParser::Private::reportLabelRules(const SampleLine &sample, size_t index)
{
    const LabelToken &token = labels[index];
    const std::string_view line = sample.text;
    if (token.name.starts_with("__")) {
        // The Pushgateway refuses such a push; a remote-write receiver stores the label
        // (tst_verdicts_pushgateway, tst_verdicts_remotewrite).
        const bool hard = options.target == ValidationTarget::Pushgateway;
        report(hard ? Severity::Error : Severity::Warning, "reserved-label-name", lineNumber, line, token.nameOffset,
               Tr::tr("label names starting with '__' are reserved for Prometheus' internal use; rename %1")
                   .arg(quoted(token.name)));
    }
    const std::string_view value = lineLabels[index].value;
    if (remoteWrite && value.empty()) {
        // Delete `name=""` and one neighbouring comma so the list stays well-formed.
        qint64 from = sample.offset + qint64(token.nameOffset);
        qint64 to = sample.offset + qint64(token.valueEnd);
        const size_t after = blanksEnd(line, token.valueEnd);
        if (after < line.size() && line[after] == ',')
            to = sample.offset + qint64(after + 1);
        else if (index > 0)
            from = sample.offset + qint64(labels[index - 1].valueEnd);
        report(Severity::Warning, "empty-label-value", lineNumber, line, token.nameOffset,
               Tr::tr("label %1 is empty; remote write forbids empty label values (an empty label is the "
                      "same as no label)")
                   .arg(quoted(token.name)),
               Fix{Tr::tr("Remove the empty label"), {TextEdit{from, to - from, {}}}, false});
    }
    if (options.target == ValidationTarget::Pushgateway && token.name == "job") {
        report(Severity::Warning, "job-label-in-body", lineNumber, line, token.nameOffset,
               Tr::tr("the grouping key's job replaces this 'job' label when the Pushgateway stores the "
                      "push; put the job in the grouping key instead"));
    }
    if (options.target != ValidationTarget::Tmp)
        return;
    if (token.name.size() > size_t(kTmpMaxLabelNameLength)) {
        report(Severity::Error, "label-name-too-long", lineNumber, line, token.nameOffset,
               Tr::tr("TMP allows label names of at most %1 characters; this one has %2")
                   .arg(kTmpMaxLabelNameLength)
                   .arg(token.name.size()));
    }
    if (const int length = utf8Length(value); length > kTmpMaxLabelValueLength) {
        report(Severity::Error, "label-value-too-long", lineNumber, line, token.valueOffset,
               Tr::tr("TMP allows label values of at most %1 characters; %2 has %3")
                   .arg(QString::number(kTmpMaxLabelValueLength), quoted(token.name), QString::number(length)));
    }
}

// The family the sample belongs to and its role there, or the reason it belongs to none.
bool TextParser::Private::resolveSampleFamily(const SampleLine &sample, FamilyState *&family, SampleRole &role)
{
    if (resolve(sample.name, family, role))
        return true;
    const FamilyState &declared = families.find(std::string(sample.name))->second;
    const QString name = q(sample.name);
    if (!openMetrics && declared.type == MetricType::GaugeHistogram
        && options.target == ValidationTarget::Pushgateway) {
        report(Severity::Error, "gauge-histogram-sample", lineNumber, sample.text, sample.nameAt,
               Tr::tr("the Pushgateway stores a sample named after a gauge_histogram, but then writes "
                      "'# TYPE %1' with no type, and Prometheus refuses to scrape the whole gateway "
                      "(\"invalid metric type\"); declare '%1' as gauge")
                   .arg(name));
        return false;
    }
    report(Severity::Error, "sample-does-not-match-type", lineNumber, sample.text, sample.nameAt,
           openMetrics && declared.type == MetricType::Counter
               ? Tr::tr("an OpenMetrics counter's samples are named '%1_total' (and '%1_created')").arg(name)
               : Tr::tr("'%1' is declared %2, whose samples are named with suffixes such as '_bucket', "
                        "'_sum' and '_count'")
                     .arg(name, metricTypeName(declared.type)));
    return false;
}

// Exemplars belong to counts: a counter's _total or a histogram's buckets.
bool TextParser::Private::exemplarAllowed(const SampleLine &sample, const FamilyState &family, SampleRole role)
{
    if (exemplarAt == std::string_view::npos)
        return true;
    const bool counts = (family.type == MetricType::Counter && role == SampleRole::Value)
        || ((family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram)
            && role == SampleRole::Bucket);
    if (!counts) {
        report(Severity::Error, "invalid-exemplar", lineNumber, sample.text, exemplarAt,
               Tr::tr("only a counter's _total and a histogram's buckets may carry an exemplar"));
    }
    return counts;
}

// Splits a bucket's `le` or a quantile's `quantile` off into `bound` and checks it; the other
// labels go to `eventLabels`, sorted.
bool TextParser::Private::splitBound(const SampleLine &sample, const FamilyState &family, SampleRole role,
                                     double &bound)
{
    const char *boundName = role == SampleRole::Bucket ? "le" : role == SampleRole::Quantile ? "quantile" : nullptr;
    eventLabels.clear();
    respelledBoundLabel = -1;
    bool foundBound = false;
    for (const std::uint32_t i : labelOrder) {
        const LabelView &label = lineLabels[i];
        if (!boundName || label.name != boundName) {
            eventLabels.push_back(label);
            continue;
        }
        foundBound = true;
        if (!readBound(sample, role, label, labels[i].valueOffset + 1, bound))
            return false;
        if (!spelledAsFormatted(label.value, bound)) {
            respelledBoundLabel = int(i);
            respelledBound = formatNumber(bound).toStdString();
        }
    }
    if (boundName && !foundBound) {
        // Text 0.0.4 readers drop such a line without a word; OpenMetrics parsers refuse it.
        report(aggregateRule(), role == SampleRole::Bucket ? "histogram-missing-le" : "summary-missing-quantile",
               lineNumber, sample.text, sample.nameAt,
               role == SampleRole::Bucket
                   ? (openMetrics ? Tr::tr("a histogram bucket needs an 'le' label with its upper bound")
                                  : Tr::tr("a histogram bucket needs an 'le' label with its upper bound; without "
                                           "it, the Pushgateway drops this sample"))
                   : (openMetrics ? Tr::tr("a summary sample named after its family needs a 'quantile' label; "
                                           "the total goes in '%1_sum' and '%1_count'")
                                  : Tr::tr("a summary sample named after its family needs a 'quantile' label; "
                                           "the total goes in '%1_sum' and '%1_count'; without it, the "
                                           "Pushgateway drops this sample"))
                         .arg(q(family.declaredName)));
        return false;
    }
    return true;
}

bool TextParser::Private::readBound(const SampleLine &sample, SampleRole role, const LabelView &label, size_t valueAt,
                                    double &bound)
{
    const QString boundName = QString::fromLatin1(role == SampleRole::Bucket ? "le" : "quantile");
    const std::optional<ParsedNumber> parsed = parseNumber(label.value);
    if (!parsed) {
        report(Severity::Error, "invalid-number", lineNumber, sample.text, valueAt,
               Tr::tr("the '%1' label must be a number, not %2").arg(boundName, quoted(label.value)));
        return false;
    }
    if (parsed->spelling == NumberSpelling::Hexadecimal) {
        report(Severity::Error, "hex-number", lineNumber, sample.text, valueAt,
               Tr::tr("the '%1' label's value %2 is hexadecimal, which the Pushgateway refuses (400 "
                      "\"expected float as value for '%1' label\"); write it in decimal: '%3'")
                   .arg(boundName, quoted(label.value), QString::fromLatin1(numberBytes(parsed->value))));
        return false;
    }
    bound = parsed->value;
    if (boundQuiet(role, *parsed, label.value))
        return true;
    // OpenMetrics spells an infinite bound only "+Inf", and a bound is never NaN.
    if (openMetrics && (std::isnan(bound) || (std::isinf(bound) && label.value != "+Inf"))) {
        report(Severity::Error, "noncanonical-number", lineNumber, sample.text, valueAt,
               std::isnan(bound)
                   ? Tr::tr("the '%1' label cannot be NaN").arg(boundName)
                   : Tr::tr("OpenMetrics spells this bound only '+Inf', not %1").arg(quoted(label.value)));
        return false;
    }
    if (role == SampleRole::Quantile && !(bound >= 0 && bound <= 1)) {
        report(aggregateRule(), "summary-quantile-out-of-range", lineNumber, sample.text, valueAt,
               Tr::tr("quantile %1 is outside [0, 1]; quantiles are fractions such as 0.5 or 0.99")
                   .arg(quoted(label.value)));
        return !openMetrics;
    }
    return true;
}

// Counters and histogram counts only go up from 0 (OpenMetrics: omRules checks them).
void TextParser::Private::checkCountSign(const SampleLine &sample, const FamilyState &family, SampleRole role)
{
    if (!countsUp(family, role) || countQuiet(sample.value))
        return;
    const bool counting = family.type == MetricType::Counter && role == SampleRole::Value;
    report(aggregateRule(), "negative-counter", lineNumber, sample.text, sample.valueAt,
           counting ? Tr::tr("counter '%1' is negative; counters only go up from 0 (use a gauge for values "
                             "that can fall)")
                          .arg(q(sample.name))
                    : Tr::tr("histogram counts cannot be negative"));
}

// The key of repeats: the series in canonical form, name{a="x",b="y"} with labels sorted and
// values still escaped; most lines are written that way already and are keyed in place.
// OpenMetrics keeps unknown escapes, so "\z" and "\\z" spell one value: such lines are keyed by
// their values escaped again. Remote write drops a label whose value is empty, so a{x=""} is the
// series a. A bound is a number to Go and to the model: le="1.0" is keyed as le="1".
std::string_view TextParser::Private::seriesKey(const SampleLine &sample)
{
    const bool keptEscapes
        = std::any_of(labels.begin(), labels.end(), [](const LabelToken &token) { return token.keptUnknownEscape; });
    const bool dropsEmpty = remoteWrite
        && std::any_of(labels.begin(), labels.end(), [](const LabelToken &token) { return token.raw.empty(); });
    if (labels.empty())
        return sample.name;
    if (labelsSorted && sample.compact && !keptEscapes && !dropsEmpty && respelledBoundLabel < 0)
        return slice(sample.text, sample.nameAt, sample.seriesEnd - sample.nameAt);
    canonicalKey.assign(sample.name);
    char separator = '{';
    for (const std::uint32_t i : labelOrder) {
        const LabelToken &token = labels[i];
        if (dropsEmpty && token.raw.empty())
            continue;
        canonicalKey += separator;
        canonicalKey += token.name;
        canonicalKey += "=\"";
        if (int(i) == respelledBoundLabel)
            canonicalKey += respelledBound;
        else if (keptEscapes && token.escaped)
            appendEscapedLabelValue(canonicalKey, std::string_view(arena).substr(token.arenaOffset, token.arenaLength));
        else
            canonicalKey += token.raw;
        canonicalKey += '"';
        separator = ',';
    }
    if (separator == ',') // no braces when every label was dropped: the series has none
        canonicalKey += '}';
    return canonicalKey;
}

} // namespace promdesk
