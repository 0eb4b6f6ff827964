// Timestamps over the whole qint64 range: printed for every one, and arithmetic that saturates;
// durations printed the same in every locale.
#include "util/Time.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace promdesk;

class TestTime : public QObject
{
    Q_OBJECT

private slots:
    void formatsEveryTimestamp_data();
    void formatsEveryTimestamp();
    void agreesWithQDateTimeWhereItCanPrint();
    void saturates();
    void convertsOnlyWhatFits_data();
    void convertsOnlyWhatFits();
    void formatsDurations_data();
    void formatsDurations();
};

void TestTime::formatsEveryTimestamp_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    // Expected values from Python's datetime, with 400-year cycles added for the far years.
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("a-millisecond-before-the-epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("ordinary") << qint64(1700000000123) << QStringLiteral("2023-11-14T22:13:20.123Z");
    QTest::newRow("leap-day") << qint64(951782400000) << QStringLiteral("2000-02-29T00:00:00.000Z");
    QTest::newRow("year-10000") << qint64(253402300800000) << QStringLiteral("+010000-01-01T00:00:00.000Z");
    QTest::newRow("ts-1e17") << qint64(100000000000000000) << QStringLiteral("+3170843-11-07T09:46:40.000Z");
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << QStringLiteral("+292278994-08-17T07:12:55.807Z");
    QTest::newRow("smallest") << std::numeric_limits<qint64>::min() << QStringLiteral("-292275055-05-16T16:47:04.192Z");
}

void TestTime::formatsEveryTimestamp()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(formatTimestamp(ms), text);
}

void TestTime::agreesWithQDateTimeWhereItCanPrint()
{
    QRandomGenerator random(42);
    const qint64 first = -62135596800000; // 0001-01-01
    const qint64 last = 253402300799999;  // 9999-12-31T23:59:59.999
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = first + qint64(random.bounded(quint64(last - first)));
        QCOMPARE(formatTimestamp(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }
}

void TestTime::saturates()
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    QCOMPARE(addSaturated(max, 1), max);
    QCOMPARE(addSaturated(min, -1), min);
    QCOMPARE(addSaturated(5, -7), qint64(-2));
    QCOMPARE(subtractSaturated(max, min), max);
    QCOMPARE(subtractSaturated(min, max), min);
    QCOMPARE(subtractSaturated(10, 3), qint64(7));
    QCOMPARE(formatSpan(subtractSaturated(max, 0)), QStringLiteral("292271023 years"));
}

void TestTime::convertsOnlyWhatFits_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<bool>("fits");
    QTest::newRow("ordinary") << 1.7e12 << true;
    QTest::newRow("1e16-seconds-in-ms") << 1e19 << false;
    QTest::newRow("just-below-2^63") << 9223372036854774784.0 << true;
    QTest::newRow("2^63") << 9223372036854775808.0 << false;
    QTest::newRow("-2^63") << -9223372036854775808.0 << true;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << false;
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << false;
}

void TestTime::convertsOnlyWhatFits()
{
    QFETCH(double, ms);
    QFETCH(bool, fits);
    QCOMPARE(millisecondsFromDouble(ms).has_value(), fits);
}

void TestTime::formatsDurations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("under-a-second") << qint64(800) << QStringLiteral("0.8 s");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.0 s");
    QTest::newRow("just-under-a-minute") << qint64(59940) << QStringLiteral("59.9 s");
    QTest::newRow("minutes") << qint64(192000) << QStringLiteral("3 min 12 s");
    QTest::newRow("unknown-eta") << qint64(-1) << QStringLiteral("?");
}

void TestTime::formatsDurations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(ms), text);
    // A comma-decimal locale does not change what is printed.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(formatDuration(ms), text);
    QLocale::setDefault(before);
}

QTEST_GUILESS_MAIN(TestTime)
#include "tst_time.moc"
