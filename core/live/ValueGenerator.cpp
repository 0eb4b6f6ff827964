#include "live/ValueGenerator.h"

#include "exposition/TextParser.h"
#include "model/NumberFormat.h"
#include "pushgateway/GroupPruning.h"
#include "util/Printable.h"

#include <QCoreApplication>

#include <cmath>
#include <numbers>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ValueGenerator)
};

//: keep the generator forms (now, inc:STEP, random:MIN:MAX…) as they are
constexpr const char *kGeneratorHelp = QT_TRANSLATE_NOOP(
    "ValueGenerator", "a generator is now, inc:STEP, random:MIN:MAX, walk:MIN:MAX:STEP or sine:MIN:MAX:PERIOD");

std::optional<double> finiteNumber(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    const std::optional<ParsedNumber> number = parseNumber(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (!number || !std::isfinite(number->value))
        return std::nullopt;
    return number->value;
}

QString quoted(QStringView text)
{
    return QStringLiteral("\"%1\"").arg(printable(text, PrintableOptions{40, false}));
}

} // namespace

QString ValueGenerator::toString() const
{
    switch (kind) {
    case Kind::Now:
        return QStringLiteral("now");
    case Kind::Increment:
        return QStringLiteral("inc:") + formatNumber(step);
    case Kind::Random:
        return QStringLiteral("random:%1:%2").arg(formatNumber(min), formatNumber(max));
    case Kind::Walk:
        return QStringLiteral("walk:%1:%2:%3").arg(formatNumber(min), formatNumber(max), formatNumber(step));
    case Kind::Sine:
        return QStringLiteral("sine:%1:%2:%3ms").arg(formatNumber(min), formatNumber(max)).arg(periodMs);
    }
    return {};
}

std::optional<ValueGenerator> parseValueGenerator(QStringView spec, QString *error)
{
    const QList<QStringView> parts = spec.trimmed().split(u':');
    const QStringView kind = parts.constFirst();
    const auto fail = [&](const QString &why) -> std::optional<ValueGenerator> {
        *error = QStringLiteral("%1: %2").arg(quoted(spec), why);
        return std::nullopt;
    };
    const auto arity = [&](qsizetype count, const char *form) {
        //: %1 is a generator form such as random:MIN:MAX
        return parts.size() == count + 1 ? QString() : Tr::tr("write it as %1").arg(QLatin1StringView(form));
    };
    QString wrongArity = kind == u"now" ? arity(0, "now")
        : kind == u"inc"                ? arity(1, "inc:STEP")
        : kind == u"random"             ? arity(2, "random:MIN:MAX")
        : kind == u"walk"               ? arity(3, "walk:MIN:MAX:STEP")
        : kind == u"sine"               ? arity(3, "sine:MIN:MAX:PERIOD")
                                        : Tr::tr("not a generator; %1").arg(Tr::tr(kGeneratorHelp));
    if (!wrongArity.isEmpty())
        return fail(wrongArity);
    ValueGenerator generator;
    QList<double> numbers;
    const qsizetype numericParts = kind == u"sine" ? 2 : parts.size() - 1;
    for (qsizetype i = 1; i <= numericParts; ++i) {
        const std::optional<double> number = finiteNumber(parts.at(i));
        if (!number)
            return fail(Tr::tr("%1 is not a finite number").arg(quoted(parts.at(i))));
        numbers.append(*number);
    }
    if (kind == u"now") {
        generator.kind = ValueGenerator::Kind::Now;
    } else if (kind == u"inc") {
        generator.kind = ValueGenerator::Kind::Increment;
        generator.step = numbers.at(0);
    } else {
        generator.kind = kind == u"random" ? ValueGenerator::Kind::Random
            : kind == u"walk"              ? ValueGenerator::Kind::Walk
                                           : ValueGenerator::Kind::Sine;
        generator.min = numbers.at(0);
        generator.max = numbers.at(1);
        if (generator.min > generator.max)
            //: keep MIN and MAX: they name the parts of the generator
            return fail(
                Tr::tr("MIN (%1) is above MAX (%2)").arg(formatNumber(generator.min), formatNumber(generator.max)));
    }
    if (generator.kind == ValueGenerator::Kind::Walk) {
        generator.step = numbers.at(2);
        if (generator.step <= 0)
            return fail(Tr::tr("the walk's STEP must be above 0"));
    }
    if (generator.kind == ValueGenerator::Kind::Sine) {
        QString durationError;
        const std::optional<qint64> period = parseDurationMs(parts.at(3), &durationError);
        if (!period)
            return fail(QStringLiteral("PERIOD: %1").arg(durationError));
        generator.periodMs = *period;
    }
    return generator;
}

QString generatorRefusal(const MetricFamily &family)
{
    switch (family.type) {
    case MetricType::Histogram:
    case MetricType::GaugeHistogram:
        return Tr::tr("%1 is a histogram: its buckets, sum and count must agree with each other, and one generated "
                      "value cannot keep them so; push it as it is")
            .arg(family.name);
    case MetricType::Summary:
        return Tr::tr("%1 is a summary: its quantiles, sum and count must agree with each other, and one generated "
                      "value cannot keep them so; push it as it is")
            .arg(family.name);
    default:
        return {};
    }
}

GeneratorState::GeneratorState(ValueGenerator generator, double start)
    : m_generator(generator)
    , m_current(start)
{}

double GeneratorState::next(qint64 tickMs, QRandomGenerator &random)
{
    const ValueGenerator &g = m_generator;
    const bool first = std::exchange(m_first, false);
    switch (g.kind) {
    case ValueGenerator::Kind::Now:
        return double(tickMs) / 1000.0;
    case ValueGenerator::Kind::Increment:
        // The first tick sends the draft's value, as a counter's first scrape shows where it starts.
        if (!first)
            m_current += g.step;
        return m_current;
    case ValueGenerator::Kind::Random:
        return g.min + random.generateDouble() * (g.max - g.min);
    case ValueGenerator::Kind::Walk:
        if (first) {
            if (!(m_current >= g.min && m_current <= g.max))
                m_current = g.min + (g.max - g.min) / 2;
            return m_current;
        }
        m_current += random.bounded(2) == 0 ? -g.step : g.step;
        // A step past a bound turns back from it: the walk stays inside whatever its step.
        if (m_current > g.max)
            m_current = std::max(g.min, g.max - (m_current - g.max));
        if (m_current < g.min)
            m_current = std::min(g.max, g.min + (g.min - m_current));
        return m_current;
    case ValueGenerator::Kind::Sine: {
        const double phase = double(tickMs % g.periodMs) / double(g.periodMs);
        return g.min + (g.max - g.min) * (1.0 + std::sin(2.0 * std::numbers::pi * phase)) / 2.0;
    }
    }
    return m_current;
}

bool SeriesSelector::matches(const QString &familyName, const Labels &seriesLabels) const
{
    return familyName == name && (!labels || *labels == seriesLabels);
}

std::optional<SeriesSelector> parseSeriesSelector(QStringView text, QString *error)
{
    const QString trimmed = text.trimmed().toString();
    ParseOptions options;
    const ParseResult parsed = parseText(QString(trimmed + QStringLiteral(" 0\n")).toUtf8(), options);
    const bool oneSeries
        = parsed.metrics.families.size() == 1 && parsed.metrics.families.constFirst().metrics.size() == 1;
    bool hasError = false;
    for (const Problem &problem : parsed.problems)
        hasError = hasError || problem.severity == Severity::Error;
    if (trimmed.isEmpty() || hasError || !oneSeries) {
        *error = Tr::tr("%1 is not a series: give a metric name, or one series as the draft writes it, "
                        "such as name{instance=\"a\"}")
                     .arg(quoted(text));
        return std::nullopt;
    }
    SeriesSelector selector;
    const MetricFamily &family = parsed.metrics.families.constFirst();
    selector.name = family.name;
    if (trimmed.contains(u'{'))
        selector.labels = family.metrics.constFirst().labels;
    return selector;
}

std::optional<GeneratorAssignment> parseGeneratorAssignment(QStringView text, QString *error)
{
    const qsizetype equals = text.lastIndexOf(u'=');
    if (equals <= 0) {
        //: keep SERIES=GENERATOR and backup_time=now as they are
        *error = Tr::tr("%1: write it as SERIES=GENERATOR, such as backup_time=now").arg(quoted(text));
        return std::nullopt;
    }
    std::optional<SeriesSelector> series = parseSeriesSelector(text.left(equals), error);
    if (!series)
        return std::nullopt;
    std::optional<ValueGenerator> generator = parseValueGenerator(text.mid(equals + 1), error);
    if (!generator)
        return std::nullopt;
    return GeneratorAssignment{*series, *generator};
}

std::optional<GeneratedDraft> GeneratedDraft::make(const MetricSet &draft,
                                                   const QList<GeneratorAssignment> &assignments, QString *error,
                                                   quint32 seed)
{
    GeneratedDraft generated;
    generated.m_draft = draft;
    generated.m_random = seed ? QRandomGenerator(seed) : QRandomGenerator::securelySeeded();
    // The last assignment that names a series wins, as a later --set overrides an earlier one.
    QHash<QPair<qsizetype, qsizetype>, ValueGenerator> chosen;
    for (const GeneratorAssignment &assignment : assignments) {
        bool named = false;
        for (qsizetype f = 0; f < draft.families.size(); ++f) {
            const MetricFamily &family = draft.families.at(f);
            for (qsizetype m = 0; m < family.metrics.size(); ++m) {
                if (!assignment.series.matches(family.name, family.metrics.at(m).labels))
                    continue;
                if (const QString refusal = generatorRefusal(family); !refusal.isEmpty()) {
                    *error = refusal;
                    return std::nullopt;
                }
                chosen.insert({f, m}, assignment.generator);
                named = true;
            }
        }
        if (!named) {
            const QString series = assignment.series.name
                + (assignment.series.labels ? assignment.series.labels->toString() : QString());
            *error = Tr::tr("%1 names no series of the draft").arg(quoted(series));
            return std::nullopt;
        }
    }
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        const Metric &metric = draft.families.at(it.key().first).metrics.at(it.key().second);
        generated.m_states.append({it.key().first, it.key().second, GeneratorState(it.value(), metric.value)});
    }
    std::sort(generated.m_states.begin(), generated.m_states.end(), [](const Generated &a, const Generated &b) {
        return std::pair(a.family, a.metric) < std::pair(b.family, b.metric);
    });
    return generated;
}

std::optional<QPair<qsizetype, qsizetype>> GeneratedDraft::firstGenerated() const
{
    if (m_states.isEmpty())
        return std::nullopt;
    return QPair<qsizetype, qsizetype>(m_states.constFirst().family, m_states.constFirst().metric);
}

MetricSet GeneratedDraft::at(qint64 tickMs, std::optional<qint64> stampMs)
{
    MetricSet set = m_draft;
    for (Generated &generated : m_states)
        set.families[generated.family].metrics[generated.metric].value = generated.state.next(tickMs, m_random);
    if (stampMs) {
        for (MetricFamily &family : set.families) {
            for (Metric &metric : family.metrics)
                metric.timestampMs = stampMs;
        }
    }
    return set;
}

} // namespace promdesk
