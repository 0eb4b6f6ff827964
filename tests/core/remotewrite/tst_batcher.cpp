#include "remotewrite/BackfillPlan.h"
#include "remotewrite/Batcher.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <functional>
#include <limits>
#include <vector>

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
    void whatFitsOneRequestIsNotSharded();
    void shardsAreListedInterleavedByTime_data();
    void shardsAreListedInterleavedByTime();
    void batchesHoldTheOldestSamples_data();
    void batchesHoldTheOldestSamples();
    void tooOldSamplesAreLeftOut_data();
    void tooOldSamplesAreLeftOut();
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

void TestBatcher::whatFitsOneRequestIsNotSharded()
{
    // Three series, three samples: with four shards asked for, still one request.
    SeriesSet set;
    for (int s = 0; s < 3; ++s)
        set.series.append(WriteSeries{
            Labels{{QStringLiteral("__name__"), QStringLiteral("m")}, {QStringLiteral("s"), QString::number(s)}},
            {{1700000000000, 1}},
            0,
            MetricType::Gauge,
            {},
            {}});
    const QList<Batch> plan = planBatches(set, BatchLimits{2000, 1 << 30, 4});
    QCOMPARE(plan.size(), 1);
    QCOMPARE(plan.at(0).sampleCount, 3);
    QCOMPARE(plan.at(0).shard, 0);
}

void TestBatcher::shardsAreListedInterleavedByTime_data()
{
    QTest::addColumn<SeriesSet>("set");
    QTest::addColumn<int>("shards");
    QTest::newRow("two-shards-even") << grid(10, 40) << 2;
    QTest::newRow("three-shards-odd-series") << grid(7, 33) << 3;
    // Shard 0 holds the one series that goes on for longest: its last batches come last.
    SeriesSet longFirst = grid(4, 10);
    for (int p = 10; p < 60; ++p)
        longFirst.series[0].samples.append(WriteSample{1700000000000 + qint64(p) * 60000, double(p)});
    QTest::newRow("one-shard-runs-longer") << longFirst << 2;
    // Enough samples that the shards are planned on separate threads.
    QTest::newRow("shards-planned-at-once") << grid(200, 600) << 3;
}

void TestBatcher::shardsAreListedInterleavedByTime()
{
    QFETCH(SeriesSet, set);
    QFETCH(int, shards);
    const QList<Batch> plan = planBatches(set, BatchLimits{6, 1 << 30, shards});
    QSet<int> shardsSeen;
    QHash<int, qint64> lastSent; // series → newest timestamp sent when replayed in list order
    for (qsizetype k = 0; k < plan.size(); ++k) {
        const Batch &batch = plan.at(k);
        shardsSeen.insert(batch.shard);
        if (k > 0)
            QVERIFY2(batch.minTimestampMs >= plan.at(k - 1).minTimestampMs, qPrintable(QString::number(k)));
        for (const BatchSlice &slice : batch.slices) {
            for (qsizetype i = slice.begin; i < slice.end; ++i) {
                const qint64 time = set.series.at(slice.series).samples.at(i).timestampMs;
                QVERIFY(time > lastSent.value(slice.series, std::numeric_limits<qint64>::min()));
                lastSent[slice.series] = time;
            }
        }
    }
    QCOMPARE(shardsSeen.size(), shards);
    QCOMPARE(lastSent.size(), set.series.size());
}

void TestBatcher::batchesHoldTheOldestSamples_data()
{
    QTest::addColumn<SeriesSet>("set");
    auto make = [](int seriesCount, const std::function<qint64(int series, int point)> &time,
                   const std::function<int(int)> &points) {
        SeriesSet set;
        for (int s = 0; s < seriesCount; ++s) {
            WriteSeries series;
            series.labels.set(QStringLiteral("__name__"), QStringLiteral("m"));
            series.labels.set(QStringLiteral("s"), QString::number(s));
            for (int p = 0; p < points(s); ++p)
                series.samples.append(WriteSample{time(s, p), double(p)});
            set.series.append(series);
        }
        return set;
    };
    QTest::newRow("grid-with-ties") << make(
        20, [](int, int p) { return 1700000000000 + p * 15000; }, [](int) { return 30; });
    QTest::newRow("uneven-series-random-times") << make(
        37, [](int s, int p) { return 1700000000000 + p * 1000 + qint64((s * 7919 + p * 104729) % 997); },
        [](int s) { return 1 + (s * 13) % 41; });
    // A common step of 5 s (the sort counts in steps), and one that is only a millisecond.
    QTest::newRow("grid-step-shared-by-offsets") << make(
        9, [](int s, int p) { return 1700000000000 + s * 5000 + p * 15000; }, [](int) { return 25; });
    QTest::newRow("one-sample-a-millisecond-off") << make(
        9, [](int s, int p) { return 1700000000000 + p * 15000 + (s == 4 && p == 3 ? 1 : 0); }, [](int) { return 25; });
    // The span does not fit beside the series number: sorted the slow way, same answer.
    QTest::newRow("huge-time-range") << make(
        5, [](int s, int p) { return (p == 0 ? -4000000000000000000 : 4000000000000000000) + s * 10 + p; },
        [](int) { return 2; });
}

void TestBatcher::batchesHoldTheOldestSamples()
{
    QFETCH(SeriesSet, set);
    // The reference: every sample in (time, series) order, cut every 7.
    struct Ref
    {
        qint64 time;
        int series;
        int sample;
    };
    std::vector<Ref> order;
    for (int s = 0; s < set.series.size(); ++s) {
        for (int i = 0; i < set.series.at(s).samples.size(); ++i)
            order.push_back(Ref{set.series.at(s).samples.at(i).timestampMs, s, i});
    }
    std::sort(order.begin(), order.end(),
              [](const Ref &a, const Ref &b) { return a.time != b.time ? a.time < b.time : a.series < b.series; });
    const QList<Batch> plan = planBatches(set, BatchLimits{7, 1 << 30, 1});
    QCOMPARE(qsizetype(plan.size()), qsizetype((order.size() + 6) / 7));
    for (qsizetype k = 0; k < plan.size(); ++k) {
        QSet<QPair<int, int>> inBatch;
        for (const BatchSlice &slice : plan.at(k).slices) {
            for (int i = slice.begin; i < slice.end; ++i)
                inBatch.insert({slice.series, i});
        }
        QSet<QPair<int, int>> expected;
        const size_t last = std::min(order.size(), size_t(k) * 7 + 7) - 1;
        for (size_t r = size_t(k) * 7; r <= last; ++r)
            expected.insert({order[r].series, order[r].sample});
        QCOMPARE(inBatch, expected);
        QCOMPARE(plan.at(k).minTimestampMs, order[size_t(k) * 7].time);
        QCOMPARE(plan.at(k).maxTimestampMs, order[last].time);
    }
}

void TestBatcher::tooOldSamplesAreLeftOut_data()
{
    QTest::addColumn<int>("minutesAfterLastSample"); // where "now" is
    QTest::addColumn<int>("left");                   // samples kept of 2 series × 120 points
    QTest::addColumn<int>("seriesLeft");
    QTest::newRow("all recent") << 0 << 2 * 61 << 2; // the last hour (and the sample on its edge)
    QTest::newRow("half an hour on") << 30 << 2 * 31 << 2;
    QTest::newRow("all too old") << 200 << 0 << 0;
}

void TestBatcher::tooOldSamplesAreLeftOut()
{
    QFETCH(int, minutesAfterLastSample);
    QFETCH(int, left);
    QFETCH(int, seriesLeft);
    SeriesSet set;
    for (int s = 0; s < 2; ++s) {
        WriteSeries w;
        w.labels.set(QStringLiteral("__name__"), QStringLiteral("m"));
        w.labels.set(QStringLiteral("id"), QString::number(s));
        for (int p = 0; p < 120; ++p)
            w.samples.append(WriteSample{1700000000000 + qint64(p) * 60000, double(p)});
        set.series.append(w);
    }
    const qint64 now = 1700000000000 + 119 * 60000 + qint64(minutesAfterLastSample) * 60000;
    QCOMPARE(leaveOutTooOld(set, now), qint64(240 - left));
    QCOMPARE(set.sampleCount(), qint64(left));
    QCOMPARE(set.series.size(), seriesLeft);
}

QTEST_GUILESS_MAIN(TestBatcher)
#include "tst_batcher.moc"
