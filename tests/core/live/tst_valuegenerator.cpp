#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"
#include "live/ValueGenerator.h"

#include <QLocale>
#include <QTest>

using namespace promdesk;

namespace {

MetricSet draftOf(const char *text)
{
    return parseText(QByteArray(text), ParseOptions{}).metrics;
}

double valueOf(const MetricSet &set, const QString &family, qsizetype metric = 0)
{
    return set.family(family)->metrics.at(metric).value;
}

} // namespace

class TestValueGenerator : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryKind_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("now") << "now"
                             << "now";
        QTest::newRow("inc") << "inc:1"
                             << "inc:1";
        QTest::newRow("inc-fraction") << "inc:0.5"
                                      << "inc:0.5";
        QTest::newRow("random-negative") << "random:-5:5"
                                         << "random:-5:5";
        QTest::newRow("walk") << "walk:0:100:2.5"
                              << "walk:0:100:2.5";
        QTest::newRow("sine-period-duration") << "sine:0:1:1m"
                                              << "sine:0:1:60000ms";
        QTest::newRow("spaces-around") << " now "
                                       << "now";
    }
    void parsesEveryKind()
    {
        QFETCH(QString, spec);
        QFETCH(QString, canonical);
        QString error;
        const std::optional<ValueGenerator> generator = parseValueGenerator(spec, &error);
        QVERIFY2(generator, qPrintable(error));
        QCOMPARE(generator->toString(), canonical);
    }

    void refusesWithTheReason_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown-kind") << "saw:1"
                                      << "not a generator; a generator is now";
        QTest::newRow("now-with-argument") << "now:1"
                                           << "write it as now";
        QTest::newRow("inc-without-step") << "inc"
                                          << "write it as inc:STEP";
        QTest::newRow("random-one-bound") << "random:1"
                                          << "write it as random:MIN:MAX";
        QTest::newRow("min-above-max") << "random:5:1"
                                       << "MIN (5) is above MAX (1)";
        QTest::newRow("not-a-number") << "inc:one"
                                      << "\"one\" is not a finite number";
        QTest::newRow("infinite") << "random:-Inf:1"
                                  << "is not a finite number";
        QTest::newRow("comma-decimal") << "inc:1,5"
                                       << "is not a finite number";
        QTest::newRow("walk-zero-step") << "walk:0:1:0"
                                        << "STEP must be above 0";
        QTest::newRow("sine-bad-period") << "sine:0:1:fast"
                                         << "PERIOD:";
        QTest::newRow("control-character-escaped") << "x\x1b[2J"
                                                   << "x\\x1b[2J";
    }
    void refusesWithTheReason()
    {
        QFETCH(QString, spec);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!parseValueGenerator(spec, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!error.contains(QChar(0x1b)));
    }

    void nowIsUnixSecondsWithMilliseconds()
    {
        GeneratorState state({ValueGenerator::Kind::Now}, 0);
        QRandomGenerator random(1);
        QCOMPARE(state.next(1'700'000'000'123, random), 1'700'000'000.123);
    }

    void incrementStartsAtTheDraftValue()
    {
        ValueGenerator inc;
        inc.kind = ValueGenerator::Kind::Increment;
        inc.step = 2;
        GeneratorState state(inc, 10);
        QRandomGenerator random(1);
        QCOMPARE(state.next(0, random), 10.0);
        QCOMPARE(state.next(1, random), 12.0);
        QCOMPARE(state.next(2, random), 14.0);
    }

    void boundedKindsStayInsideTheirBounds_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("start");
        QTest::newRow("random") << "random:-1:1" << 0.0;
        QTest::newRow("walk-from-inside") << "walk:0:10:3" << 5.0;
        QTest::newRow("walk-from-outside-starts-mid") << "walk:0:10:3" << 1000.0;
        QTest::newRow("walk-step-wider-than-range") << "walk:0:1:7" << 0.5;
        QTest::newRow("sine") << "sine:2:4:10s" << 0.0;
    }
    void boundedKindsStayInsideTheirBounds()
    {
        QFETCH(QString, spec);
        QFETCH(double, start);
        QString error;
        const ValueGenerator generator = *parseValueGenerator(spec, &error);
        GeneratorState state(generator, start);
        QRandomGenerator random(42);
        bool moved = false;
        double previous = state.next(0, random);
        for (int tick = 1; tick < 2000; ++tick) {
            const double value = state.next(tick * 700, random);
            QVERIFY2(value >= generator.min && value <= generator.max, qPrintable(QString::number(value)));
            moved = moved || value != previous;
            previous = value;
        }
        QVERIFY(moved);
    }

    void seriesWithoutGeneratorKeepsItsValue()
    {
        const MetricSet draft = draftOf("a 1\nb{x=\"1\"} 2\nb{x=\"2\"} 3\n");
        QString error;
        std::optional<GeneratedDraft> generated
            = GeneratedDraft::make(draft, {*parseGeneratorAssignment(u"b{x=\"2\"}=inc:1", &error)}, &error, 7);
        QVERIFY2(generated, qPrintable(error));
        const MetricSet first = generated->at(1000);
        const MetricSet second = generated->at(2000);
        QCOMPARE(valueOf(second, QStringLiteral("a")), 1.0);
        QCOMPARE(valueOf(second, QStringLiteral("b"), 0), 2.0);
        QCOMPARE(valueOf(first, QStringLiteral("b"), 1), 3.0);
        QCOMPARE(valueOf(second, QStringLiteral("b"), 1), 4.0);
    }

    void aNameSelectsEverySeriesOfTheFamily()
    {
        const MetricSet draft = draftOf("b{x=\"1\"} 2\nb{x=\"2\"} 3\n");
        QString error;
        std::optional<GeneratedDraft> generated
            = GeneratedDraft::make(draft, {*parseGeneratorAssignment(u"b=now", &error)}, &error);
        QVERIFY(generated);
        const MetricSet set = generated->at(5000);
        QCOMPARE(valueOf(set, QStringLiteral("b"), 0), 5.0);
        QCOMPARE(valueOf(set, QStringLiteral("b"), 1), 5.0);
    }

    void labelsMatchInAnyOrder()
    {
        const MetricSet draft = draftOf("b{x=\"1\",y=\"2\"} 2\n");
        QString error;
        QVERIFY(GeneratedDraft::make(draft, {*parseGeneratorAssignment(u"b{y=\"2\",x=\"1\"}=now", &error)}, &error));
    }

    void aLabelValueMayHoldAnEqualsSign()
    {
        QString error;
        const std::optional<GeneratorAssignment> assignment = parseGeneratorAssignment(u"b{q=\"a=b\"}=inc:1", &error);
        QVERIFY2(assignment, qPrintable(error));
        QCOMPARE(assignment->series.labels->value(QStringLiteral("q")), QStringLiteral("a=b"));
    }

    void refusesWhatTheDraftCannotTake_data()
    {
        QTest::addColumn<QByteArray>("draft");
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("reason");
        QTest::newRow("names-nothing") << QByteArray("a 1\n") << "b=now"
                                       << "\"b\" names no series of the draft";
        QTest::newRow("labels-match-nothing") << QByteArray("a{x=\"1\"} 1\n") << "a{x=\"2\"}=now"
                                              << "names no series";
        QTest::newRow("histogram") << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")
                                   << "h=now"
                                   << "h is a histogram";
        QTest::newRow("summary") << QByteArray("# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum 1\ns_count 1\n")
                                 << "s=inc:1"
                                 << "s is a summary";
    }
    void refusesWhatTheDraftCannotTake()
    {
        QFETCH(QByteArray, draft);
        QFETCH(QString, assignment);
        QFETCH(QString, reason);
        QString error;
        const std::optional<GeneratorAssignment> parsed = parseGeneratorAssignment(assignment, &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(!GeneratedDraft::make(draftOf(draft.constData()), {*parsed}, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void refusesMalformedAssignments_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::newRow("no-equals") << "backup_time";
        QTest::newRow("empty-series") << "=now";
        QTest::newRow("bad-series") << "1abc=now";
        QTest::newRow("unclosed-labels") << "a{x=\"1\"=now";
    }
    void refusesMalformedAssignments()
    {
        QFETCH(QString, assignment);
        QString error;
        QVERIFY(!parseGeneratorAssignment(assignment, &error));
        QVERIFY(!error.isEmpty());
    }

    void valuesAreWrittenWithoutTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const MetricSet draft = draftOf("g 0\n");
        QString error;
        std::optional<GeneratedDraft> generated
            = GeneratedDraft::make(draft, {*parseGeneratorAssignment(u"g=now", &error)}, &error);
        const QByteArray text = writeText(generated->at(1'700'000'000'500));
        QLocale::setDefault(QLocale::c());
        QVERIFY2(text.contains("g 1.7000000005e+09\n"), text.constData());
    }

    void remoteWriteStampsEverySeries()
    {
        const MetricSet draft = draftOf("a 1\nb 2 1000\n");
        QString error;
        std::optional<GeneratedDraft> generated = GeneratedDraft::make(draft, {}, &error);
        const MetricSet stamped = generated->at(5000, 5000);
        QCOMPARE(stamped.family(QStringLiteral("a"))->metrics.constFirst().timestampMs, 5000);
        QCOMPARE(stamped.family(QStringLiteral("b"))->metrics.constFirst().timestampMs, 5000);
        QCOMPARE(generated->at(6000).family(QStringLiteral("b"))->metrics.constFirst().timestampMs, 1000);
    }
};

QTEST_GUILESS_MAIN(TestValueGenerator)
#include "tst_valuegenerator.moc"
