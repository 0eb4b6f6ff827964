#pragma once

#include "exposition/Problem.h"
#include "model/MetricFamily.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace promdesk {

namespace detail {
struct ParseInternals; // exposition/detail/ParseInternals.h
}

enum class ExpositionFormat { Text, OpenMetrics };
// Whom the metrics are for: each target adds the rules its receiver enforces.
enum class ValidationTarget { Generic, Pushgateway, RemoteWrite, Tmp };

QString formatName(ExpositionFormat format);
std::optional<ExpositionFormat> formatFromName(QStringView name);
QString targetName(ValidationTarget target);
std::optional<ValidationTarget> targetFromName(QStringView name);

// OpenMetrics when the text ends in `# EOF` or declares a `# UNIT` in its first
// kFormatHeadBytes; text 0.0.4 otherwise. (An OpenMetrics text must end in `# EOF` anyway; the
// head only decides for a text cut short, so reading further would slow every large file for no
// other verdict.)
inline constexpr qsizetype kFormatHeadBytes = qsizetype(64) * 1024;
ExpositionFormat detectFormat(QByteArrayView head, QByteArrayView tail);
// The same for a whole text in memory: its start as the head, its last bytes as the tail.
ExpositionFormat detectFormat(QByteArrayView text);

inline constexpr qint64 kDefaultFutureToleranceMs = qint64(10) * 60 * 1000; // Prometheus' own grace for clock skew

/// How to read a text: its format, whose rules apply (the target) and what counts as the future.
struct ParseOptions
{
    ExpositionFormat format = ExpositionFormat::Text;
    ValidationTarget target = ValidationTarget::Generic;
    QString fileName = QStringLiteral("-");
    std::optional<qint64> nowMs; // "the future" starts futureToleranceMs after this; default: the clock
    // Remote write and TMP: a sample further ahead than this is an error, since a receiver that
    // takes it refuses every current sample afterwards; for other targets a warning.
    qint64 futureToleranceMs = kDefaultFutureToleranceMs;
    bool allowFuture = false;      // --allow-future: a warning for every target
    int maxProblemsPerCode = 1000; // the rest are counted in one summary line per code
};

/// What a parse counted: bytes, lines, samples, families, errors and warnings.
struct ParseStats
{
    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 samples = 0;
    qint64 families = 0;
    qint64 errors = 0;
    qint64 warnings = 0;
    qint64 simpleLines = 0; // samples read in one pass
};

enum class SampleRole { Value, Bucket, Sum, Count, Quantile, Created };

// What a sample of this role adds to its family's model name: "_bucket", "_sum" or "_gsum", ...;
// nothing for a value or a quantile.
const char *roleSuffix(SampleRole role, MetricType type);

/// A label of the sample being read, as views into the input (valid during the callback only).
struct LabelView
{
    std::string_view name;
    std::string_view value; // unescaped
};

/// A sample as the parser understood it, valid only during SampleSink::onSample.
struct SampleEvent
{
    std::string_view familyName; // the model's name (see MetricFamily)
    MetricType type = MetricType::Untyped;
    std::string_view help;
    std::string_view unit;
    SampleRole role = SampleRole::Value;
    std::span<const LabelView> labels; // sorted; without `le` / `quantile`
    double bound = 0;                  // `le` for buckets, `quantile` for quantiles
    double value = 0;
    std::optional<qint64> timestampMs;
    int line = 0;
    // The series as written, in one canonical form: the sample's name, then its labels sorted by
    // name with their values still escaped (name{a="x",b="y"}), a bucket's or quantile's bound
    // spelt as formatNumber writes it (le="1.0" as le="1"), and that text's XXH3 hash. Two samples
    // are of one series exactly when their keys are equal.
    std::string_view seriesKey;
    std::uint64_t seriesHash = 0;
};

/// A family as the parser knows it when a sample of it arrives: name, type, help, unit.
struct FamilyDescriptor
{
    std::string_view familyName;
    MetricType type = MetricType::Untyped;
    std::string_view help;
    std::string_view unit;
};

/// Receives what the parser reads. Lines with errors never reach it.
class SampleSink
{
public:
    virtual ~SampleSink() = default;
    virtual void onFamily(const FamilyDescriptor &family) = 0;
    virtual void onSample(const SampleEvent &sample) = 0;
};

/// Streams text exposition 0.0.4 or OpenMetrics 1.0, in chunks of any size, in one pass, and
/// collects every problem it finds rather than stopping at the first.
class TextParser
{
public:
    explicit TextParser(ParseOptions options, SampleSink *sink = nullptr);
    // The core's own uses: a piece of a larger input, or the full checks on every line.
    TextParser(ParseOptions options, const detail::ParseInternals &internals, SampleSink *sink = nullptr);
    ~TextParser();
    TextParser(const TextParser &) = delete;
    TextParser &operator=(const TextParser &) = delete;

    void feed(QByteArrayView chunk);
    // Feeds the input's last chunk, whose bytes stay valid until finish(): a last line without a
    // newline is read where it is instead of being copied, so a file of one long line is held
    // once.
    void feedLast(QByteArrayView chunk);
    // Ends the input: runs the whole-file checks. Problems are sorted by line afterwards.
    void finish();

    [[nodiscard]] const QList<Problem> &problems() const;
    [[nodiscard]] const ParseStats &stats() const;
    // What a piece's parser tells the one who joins the pieces (see validateInPieces).
    [[nodiscard]] std::vector<std::string> familyNames() const;
    [[nodiscard]] const std::string &lastFamilyName() const; // after finish(): the family the input ended in
    [[nodiscard]] bool sawEofMarker() const;
    [[nodiscard]] bool leftProblemsUnlisted() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

/// A whole text read by parseText: the model, every problem, and the counts.
struct ParseResult
{
    MetricSet metrics;
    QList<Problem> problems;
    ParseStats stats;

    [[nodiscard]] bool hasErrors() const { return stats.errors > 0; }
};

// Parses a whole text and builds the model: split families are merged, and histogram and
// summary lines come together as one Metric per label set.
ParseResult parseText(QByteArrayView text, const ParseOptions &options);

} // namespace promdesk
