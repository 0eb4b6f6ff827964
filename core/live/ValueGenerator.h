#pragma once

#include "model/MetricFamily.h"

#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace promdesk {

/// How a series' value changes from one tick of a live push to the next. Written as the CLI's
/// --set and the Compose table take it:
///   now                  Unix seconds with milliseconds, as client_golang's SetToCurrentTime()
///   inc:STEP             grows by STEP each tick, from the draft's value (a counter)
///   random:MIN:MAX       uniform in [MIN, MAX]
///   walk:MIN:MAX:STEP    moves up or down by STEP each tick and never leaves [MIN, MAX]
///   sine:MIN:MAX:PERIOD  a sine wave between MIN and MAX, PERIOD a duration (30s, 5m)
struct ValueGenerator
{
    /// The shape of the values: the current time, a counter, random, a random walk or a sine.
    enum class Kind { Now, Increment, Random, Walk, Sine };
    Kind kind = Kind::Now;
    double min = 0;
    double max = 0;
    double step = 0;
    qint64 periodMs = 0;

    [[nodiscard]] QString toString() const; // as parsed: "walk:0:100:5"
    friend bool operator==(const ValueGenerator &, const ValueGenerator &) = default;
};

// Nothing, with `error` saying what is wrong and what is accepted, for anything else.
std::optional<ValueGenerator> parseValueGenerator(QStringView spec, QString *error);

// Why a family's series cannot take a generator (a histogram's buckets, sum and count must stay
// consistent with each other); empty when they can.
QString generatorRefusal(const MetricFamily &family);

/// One series' generator with what it remembers between ticks (the counter's total, the walk's
/// position). `start` is the draft's value: a counter grows from it, a walk starts there.
class GeneratorState
{
public:
    GeneratorState(ValueGenerator generator, double start);
    // The value for the tick at `tickMs` (Unix ms). Called once per tick, in order.
    double next(qint64 tickMs, QRandomGenerator &random);

private:
    ValueGenerator m_generator;
    double m_current;
    bool m_first = true;
};

/// Which series of a draft a --set names: a family's name (every series of it) or one series as
/// the draft writes it, `name{a="x"}` (labels in any order).
struct SeriesSelector
{
    QString name;
    std::optional<Labels> labels; // nothing: every series of the family

    [[nodiscard]] bool matches(const QString &familyName, const Labels &seriesLabels) const;
};
std::optional<SeriesSelector> parseSeriesSelector(QStringView text, QString *error);

/// A value generator for the series a selector picks ("SERIES=GENERATOR").
struct GeneratorAssignment
{
    SeriesSelector series;
    ValueGenerator generator;
};

// "SERIES=GENERATOR", split at the last '=' (a series' label values may hold '=' themselves).
std::optional<GeneratorAssignment> parseGeneratorAssignment(QStringView text, QString *error);

/// A draft whose values change at each tick. Each series takes the generator of the last
/// assignment that names it; a series without one keeps its value.
class GeneratedDraft
{
public:
    // Fails, saying which assignment and why, when one names no series of the draft or names a
    // histogram or summary.
    static std::optional<GeneratedDraft> make(const MetricSet &draft, const QList<GeneratorAssignment> &assignments,
                                              QString *error, quint32 seed = 0);

    // The draft with this tick's values. `stampMs` stamps every series with the tick's time
    // (remote write); without it each keeps the timestamp the draft gives it, or none.
    MetricSet at(qint64 tickMs, std::optional<qint64> stampMs = std::nullopt);
    [[nodiscard]] const MetricSet &draft() const { return m_draft; }
    [[nodiscard]] qsizetype generatedSeries() const { return m_states.size(); }
    // The first series with a generator, as (family, metric) indices: its value proves a tick's
    // data arrived, since it differs from the previous tick's.
    [[nodiscard]] std::optional<QPair<qsizetype, qsizetype>> firstGenerated() const;

private:
    struct Generated
    {
        qsizetype family;
        qsizetype metric;
        GeneratorState state;
    };
    MetricSet m_draft;
    QList<Generated> m_states;
    QRandomGenerator m_random;
};

} // namespace promdesk
