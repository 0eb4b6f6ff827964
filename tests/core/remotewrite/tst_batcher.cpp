#include "remotewrite/Batcher.h"

#include <QTest>

using namespace promdesk;

namespace {

// `series` series of `points` samples each, one minute apart, series i starting i seconds later.
SeriesSet grid(int series, int points)
{
    SeriesSet set;
    for (int s = 0; s < series; ++s) {
        WriteSeries w;
        w.labels.set(QStringLiteral("__name__"), QStringLiteral("m"));
        w.labels.set(QStringLiteral("id"), QString::number(s));
        for (int p = 0; p < points; ++p)
            w.samples.append(WriteSample{1700000000000 + qint64(p) * 60000 + s * 1000, double(p)});
        set.series.append(w);
    }
    return set;
}

} // namespace

class TestBatcher : public QObject
{
    Q_OBJECT

private slots:
    void cutsByTimeAcrossSeries_data();
    void cutsByTimeAcrossSeries();
    void respectsTheByteLimit();
    void shardsNeverSplitASeries();
};

void TestBatcher::cutsByTimeAcrossSeries_data()
{
    QTest::addColumn<int>("series");
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("maxSamples");
    QTest::addColumn<int>("batches");
    QTest::newRow("fits-in-one") << 3 << 10 << 2000 << 1;
    QTest::newRow("exact-multiple") << 10 << 100 << 100 << 10;
    QTest::newRow("remainder") << 7 << 13 << 10 << 10;
    QTest::newRow("one-sample-per-batch") << 2 << 3 << 1 << 6;
    QTest::newRow("empty") << 0 << 0 << 10 << 0;
}

void TestBatcher::cutsByTimeAcrossSeries()
{
    QFETCH(int, series);
    QFETCH(int, points);
    QFETCH(int, maxSamples);
    QFETCH(int, batches);
    const SeriesSet set = grid(series, points);
    const QList<Batch> plan = planBatches(set, BatchLimits{maxSamples, 1 << 30, 1});
    QCOMPARE(plan.size(), batches);
    qint64 total = 0;
    qint64 previousMax = std::numeric_limits<qint64>::min();
    QList<qsizetype> nextOfSeries(series, 0);
    for (const Batch &batch : plan) {
        QVERIFY(batch.sampleCount <= maxSamples);
        // Time-major: no batch holds anything older than the previous batch's newest sample.
        QVERIFY(batch.minTimestampMs >= previousMax);
        previousMax = batch.maxTimestampMs;
        for (const BatchSlice &slice : batch.slices) {
            // Each series continues exactly where its previous batch stopped.
            QCOMPARE(slice.begin, nextOfSeries[slice.series]);
            nextOfSeries[slice.series] = slice.end;
            total += slice.end - slice.begin;
        }
    }
    QCOMPARE(total, qint64(series) * points);
}

void TestBatcher::respectsTheByteLimit()
{
    const SeriesSet set = grid(50, 20);
    const QList<Batch> plan = planBatches(set, BatchLimits{1000000, 2000, 1});
    QVERIFY(plan.size() > 1);
    for (const Batch &batch : plan)
        QVERIFY(batch.sampleCount >= 1);
}

void TestBatcher::shardsNeverSplitASeries()
{
    const SeriesSet set = grid(9, 50);
    const QList<Batch> plan = planBatches(set, BatchLimits{40, 1 << 30, 3});
    QHash<int, int> shardOf;
    for (const Batch &batch : plan) {
        for (const BatchSlice &slice : batch.slices) {
            QCOMPARE(shardOf.value(slice.series, batch.shard), batch.shard);
            shardOf.insert(slice.series, batch.shard);
        }
    }
    QCOMPARE(shardOf.size(), 9);
    QCOMPARE(QSet<int>(shardOf.cbegin(), shardOf.cend()).size(), 3);
}

QTEST_GUILESS_MAIN(TestBatcher)
#include "tst_batcher.moc"
