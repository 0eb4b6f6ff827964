#include "remotewrite/BackfillPlan.h"
#include "remotewrite/SeriesCollector.h"

#include <QTest>

using namespace promdesk;

namespace {

SeriesSet collect(const QByteArray &text, ExpositionFormat format = ExpositionFormat::Text, Labels extra = {})
{
    ParseOptions options;
    options.format = format;
    options.target = ValidationTarget::RemoteWrite;
    options.nowMs = 1800000000000;
    SeriesCollector collector(1799999999000, std::move(extra));
    TextParser parser(options, &collector);
    parser.feed(text);
    parser.finish();
    return collector.take();
}

QStringList names(const SeriesSet &set)
{
    QStringList out;
    for (const WriteSeries &series : set.series)
        out << series.labels.toString() + QStringLiteral(" x%1").arg(series.samples.size());
    return out;
}

} // namespace

class TestSeriesCollector : public QObject
{
    Q_OBJECT

private slots:
    void flattensHistogramsAndSummaries();
    void groupsSamplesOverTime();
    void addsExtraLabelsAndDefaultTime();
    void oneSeriesHoweverItIsWritten_data();
    void oneSeriesHoweverItIsWritten();
    void keysOfOneHashStayApart();
    void joinsPieces_data();
    void joinsPieces();
    void normalizeSortsDropsRepeatsAndFlagsConflicts();
    void planWarnsAboutTheAgeWindow();
    void planRefusesTheFarFuture_data();
    void planRefusesTheFarFuture();
    void planShardsOnlyWhenBatchesAreShort_data();
    void planShardsOnlyWhenBatchesAreShort();
};

void TestSeriesCollector::flattensHistogramsAndSummaries()
{
    const SeriesSet set = collect(
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1 1700000000000\nh_bucket{le=\"+Inf\"} 2 1700000000000\n"
        "h_sum 3 1700000000000\nh_count 2 1700000000000\n# TYPE s summary\ns{quantile=\"0.5\"} 1 1700000000000\n");
    QCOMPARE(names(set),
             QStringList({QStringLiteral("{__name__=\"h_bucket\",le=\"1\"} x1"),
                          QStringLiteral("{__name__=\"h_bucket\",le=\"+Inf\"} x1"),
                          QStringLiteral("{__name__=\"h_sum\"} x1"), QStringLiteral("{__name__=\"h_count\"} x1"),
                          QStringLiteral("{__name__=\"s\",quantile=\"0.5\"} x1")}));
    QCOMPARE(set.series.at(0).type, MetricType::Histogram);
}

void TestSeriesCollector::groupsSamplesOverTime()
{
    const SeriesSet set
        = collect("# TYPE jobs counter\njobs_total{q=\"a\"} 1 1700000000.5\njobs_total{q=\"a\"} 2 1700000060\n# EOF\n",
                  ExpositionFormat::OpenMetrics);
    QCOMPARE(names(set), QStringList({QStringLiteral("{__name__=\"jobs_total\",q=\"a\"} x2")}));
    QCOMPARE(set.series.at(0).samples.at(0).timestampMs, 1700000000500);
}

void TestSeriesCollector::addsExtraLabelsAndDefaultTime()
{
    const SeriesSet set = collect(
        "a{env=\"prod\"} 1\n", ExpositionFormat::Text,
        Labels{{QStringLiteral("env"), QStringLiteral("test")}, {QStringLiteral("source"), QStringLiteral("csv")}});
    QCOMPARE(set.series.at(0).labels.toString(), QStringLiteral("{__name__=\"a\",env=\"prod\",source=\"csv\"}"));
    QCOMPARE(set.series.at(0).samples.at(0).timestampMs, 1799999999000);
}

void TestSeriesCollector::oneSeriesHoweverItIsWritten_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("series");
    QTest::newRow("labels-in-another-order")
        << QByteArray("a{y=\"1\",x=\"2\"} 1 1700000000000\na{x=\"2\",y=\"1\"} 2 1700000060000\n")
        << QStringList{QStringLiteral("{__name__=\"a\",x=\"2\",y=\"1\"} x2")};
    QTest::newRow("blanks-and-trailing-comma")
        << QByteArray("a{ x=\"2\", } 1 1700000000000\na{x=\"2\"} 2 1700000060000\n")
        << QStringList{QStringLiteral("{__name__=\"a\",x=\"2\"} x2")};
    QTest::newRow("empty-braces-are-no-labels")
        << QByteArray("a{} 1 1700000000000\na 2 1700000060000\n") << QStringList{QStringLiteral("{__name__=\"a\"} x2")};
    QTest::newRow("bucket-bound-spelled-two-ways")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1 1700000000000\nh_bucket{le=\"+Inf\"} 1 1700000000000\n"
                      "h_bucket{le=\"1.0\"} 2 1700000060000\nh_bucket{le=\"+Inf\"} 2 1700000060000\n")
        << QStringList{QStringLiteral("{__name__=\"h_bucket\",le=\"1\"} x2"),
                       QStringLiteral("{__name__=\"h_bucket\",le=\"+Inf\"} x2")};
    QTest::newRow("bucket-labels-in-another-order")
        << QByteArray("# TYPE h histogram\nh_bucket{a=\"1\",le=\"1\",b=\"2\"} 1 1700000000000\n"
                      "h_bucket{b=\"2\",le=\"1.0\",a=\"1\"} 2 1700000060000\n")
        << QStringList{QStringLiteral("{__name__=\"h_bucket\",a=\"1\",b=\"2\",le=\"1\"} x2")};
    QTest::newRow("quantile-spelled-two-ways")
        << QByteArray("# TYPE s summary\ns{quantile=\"0.5\"} 1 1700000000000\ns{quantile=\"5e-1\"} 2 1700000060000\n")
        << QStringList{QStringLiteral("{__name__=\"s\",quantile=\"0.5\"} x2")};
    QTest::newRow("bound-spelled-otherwise-from-the-first")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1.00\"} 1 1700000000000\nh_bucket{le=\"1\"} 2 1700000060000\n")
        << QStringList{QStringLiteral("{__name__=\"h_bucket\",le=\"1\"} x2")};
    QTest::newRow("escaped-quote-is-another-value")
        << QByteArray("a{x=\"q\\\"\"} 1 1700000000000\na{x=\"q\"} 2 1700000000000\n")
        << QStringList{QStringLiteral("{__name__=\"a\",x=\"q\\\"\"} x1"),
                       QStringLiteral("{__name__=\"a\",x=\"q\"} x1")};
}

void TestSeriesCollector::oneSeriesHoweverItIsWritten()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, series);
    QCOMPARE(names(collect(text)), series);
}

void TestSeriesCollector::keysOfOneHashStayApart()
{
    // Series are found by hash, then by key: two keys that share a hash (forged here; XXH3 makes
    // it rare) must stay two series, in one collector and when pieces are joined.
    const LabelView labelA[] = {{"k", "a"}};
    const LabelView labelB[] = {{"k", "b"}};
    auto event = [](std::span<const LabelView> labels, std::string_view key, qint64 time, int line) {
        SampleEvent sample;
        sample.familyName = "m";
        sample.labels = labels;
        sample.value = double(line);
        sample.timestampMs = time;
        sample.line = line;
        sample.seriesKey = key;
        sample.seriesHash = 42;
        return sample;
    };
    SeriesCollector first(0);
    first.onSample(event(labelA, "m{k=\"a\"}", 1000, 1));
    first.onSample(event(labelB, "m{k=\"b\"}", 1000, 2));
    first.onSample(event(labelB, "m{k=\"b\"}", 2000, 3));
    SeriesCollector second(0);
    second.onSample(event(labelB, "m{k=\"b\"}", 3000, 1));
    second.onSample(event(labelA, "m{k=\"a\"}", 3000, 2));
    QVERIFY(first.absorb(std::move(second), 3));
    QCOMPARE(
        names(first.take()),
        QStringList({QStringLiteral("{__name__=\"m\",k=\"a\"} x2"), QStringLiteral("{__name__=\"m\",k=\"b\"} x3")}));
}

void TestSeriesCollector::joinsPieces_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");
    QTest::addColumn<QStringList>("joined"); // empty: the join is refused

    // clang-format off
    QTest::newRow("series-in-every-piece") << QList<QByteArray>{"a 1 1000\nb 1 1000\n", "a 2 2000\nb 2 2000\n", "b 3 3000\na 3 3000\n"}
        << QStringList{QStringLiteral("{__name__=\"a\"} line 1 at 1000,2000,3000"), QStringLiteral("{__name__=\"b\"} line 2 at 1000,2000,3000")};
    QTest::newRow("new-in-a-later-piece-then-again") << QList<QByteArray>{"a 1 1000\n", "a 2 2000\nb 2 2000\n", "b 3 3000\na 3 3000\n"}
        << QStringList{QStringLiteral("{__name__=\"a\"} line 1 at 1000,2000,3000"), QStringLiteral("{__name__=\"b\"} line 3 at 2000,3000")};
    QTest::newRow("refused-going-back") << QList<QByteArray>{"a 1 5000\n", "a 2 3000\n"} << QStringList();
    QTest::newRow("refused-same-time") << QList<QByteArray>{"a 1 5000\n", "a 2 5000\n"} << QStringList();
    QTest::newRow("refused-back-in-a-series-new-in-a-piece") << QList<QByteArray>{"a 1 1000\n", "b 1 5000\n", "b 2 4000\n"} << QStringList();
    // clang-format on
}

void TestSeriesCollector::joinsPieces()
{
    QFETCH(QList<QByteArray>, pieces);
    QFETCH(QStringList, joined);
    ParseOptions options;
    options.target = ValidationTarget::RemoteWrite;
    options.nowMs = 1800000000000;
    std::vector<std::unique_ptr<SeriesCollector>> collectors;
    std::vector<SeriesCollector *> rest;
    std::vector<int> linesBefore;
    int lines = 0;
    for (const QByteArray &piece : pieces) {
        collectors.push_back(std::make_unique<SeriesCollector>(0));
        TextParser parser(options, collectors.back().get());
        parser.feed(piece);
        parser.finish();
        if (collectors.size() > 1) {
            rest.push_back(collectors.back().get());
            linesBefore.push_back(lines);
        }
        lines += int(parser.stats().lines);
    }
    const QStringList before = names(collectors.front()->take());
    // take() emptied it: read the first piece again
    collectors.front() = std::make_unique<SeriesCollector>(0);
    TextParser again(options, collectors.front().get());
    again.feed(pieces.front());
    again.finish();
    const bool accepted = collectors.front()->absorb(rest, linesBefore);
    QCOMPARE(accepted, !joined.isEmpty());
    const SeriesSet set = collectors.front()->take();
    if (!accepted) {
        QCOMPARE(names(set), before); // nothing changed
        return;
    }
    QStringList described;
    for (const WriteSeries &series : set.series) {
        QStringList times;
        for (const WriteSample &sample : series.samples)
            times << QString::number(sample.timestampMs);
        described << QStringLiteral("%1 line %2 at %3")
                         .arg(series.labels.toString())
                         .arg(series.firstLine)
                         .arg(times.join(QLatin1Char(',')));
    }
    QCOMPARE(described, joined);
}

void TestSeriesCollector::normalizeSortsDropsRepeatsAndFlagsConflicts()
{
    SeriesSet set;
    WriteSeries series;
    series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("m")}, {QStringLiteral("empty"), QString()}};
    series.firstLine = 4;
    series.samples = {{300, 3}, {100, 1}, {200, 2}, {200, 2}, {100, 9}};
    set.series = {series};
    const NormalizeReport report = normalize(set, QStringLiteral("in.prom"));
    QCOMPARE(report.reordered, 2);
    QCOMPARE(report.exactDuplicates, 1);
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.at(0).code, QStringLiteral("conflicting-samples"));
    QCOMPARE(report.problems.at(0).line, 4);
    QCOMPARE(set.series.at(0).samples.size(), 3);
    QCOMPARE(set.series.at(0).labels.toString(), QStringLiteral("{__name__=\"m\"}")); // the empty label is gone
}

void TestSeriesCollector::planWarnsAboutTheAgeWindow()
{
    const qint64 now = 1800000000000;
    SeriesSet set;
    WriteSeries series;
    series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("m")}};
    for (int i = 0; i < 10; ++i)
        series.samples.append(WriteSample{now - 3 * 3600000 + qint64(i) * 60000, double(i)});
    series.samples.append(WriteSample{now + 3600000, 99});
    set.series = {series};
    const BackfillPlan plan = makeBackfillPlan(set, BatchLimits{4, 1 << 20, 1}, now, QStringLiteral("in.prom"),
                                               FuturePolicy{10 * 60000, true});
    QVERIFY(plan.canSend());
    QCOMPARE(plan.batches.size(), 3);
    QStringList codes;
    for (const PlanWarning &warning : plan.warnings)
        codes << warning.code;
    QCOMPARE(codes, QStringList({QStringLiteral("older-than-age-window"), QStringLiteral("in-the-future")}));
    QVERIFY(plan.warnings.at(0).message.startsWith(QLatin1String("10 of 11 samples")));
    QVERIFY(renderPlan(plan).contains(QLatin1String("in 3 request(s)")));
    QVERIFY2(plan.warnings.at(1).message.contains(QLatin1String("refuses every current sample")),
             qPrintable(plan.warnings.at(1).message));
}

void TestSeriesCollector::planRefusesTheFarFuture_data()
{
    QTest::addColumn<qint64>("aheadOfNow"); // added to "now", saturating
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QString>("shownUntil");
    QTest::newRow("within-the-window") << qint64(9 * 60000) << false << QStringLiteral("2027-01-15T08:09:00.000Z");
    QTest::newRow("a-day-ahead") << qint64(86400000) << true << QStringLiteral("2027-01-16T08:00:00.000Z");
    QTest::newRow("a-year-ahead") << qint64(365) * 86400000 << true << QStringLiteral("2028-01-15T08:00:00.000Z");
    QTest::newRow("ts-1e17-ms") << qint64(100000000000000000) - qint64(1800000000000) << true
                                << QStringLiteral("+3170843-11-07T09:46:40.000Z");
    QTest::newRow("largest-timestamp") << std::numeric_limits<qint64>::max() << true
                                       << QStringLiteral("+292278994-08-17T07:12:55.807Z");
}

void TestSeriesCollector::planRefusesTheFarFuture()
{
    QFETCH(qint64, aheadOfNow);
    QFETCH(bool, refused);
    QFETCH(QString, shownUntil);
    const qint64 now = 1800000000000; // 2027-01-15T08:00:00Z
    SeriesSet set;
    WriteSeries series;
    series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("m")}};
    series.samples.append(WriteSample{std::numeric_limits<qint64>::min(), 1}); // the far past is valid, and printable
    series.samples.append(WriteSample{now, 2});
    series.samples.append(WriteSample{addSaturated(now, aheadOfNow), 3});
    series.firstLine = 7;
    set.series = {series};
    const BackfillPlan plan = makeBackfillPlan(set, BatchLimits{2, 1 << 20, 2}, now, QStringLiteral("in.prom"));
    QCOMPARE(plan.canSend(), !refused);
    const QString rendered = renderPlan(plan);
    QVERIFY2(rendered.contains(QStringLiteral("from -292275055-05-16T16:47:04.192Z to ") + shownUntil),
             qPrintable(rendered));
    if (refused) {
        QCOMPARE(plan.problems.size(), 1);
        QCOMPARE(plan.problems.constFirst().code, QStringLiteral("timestamp-in-future"));
        QCOMPARE(plan.problems.constFirst().line, 7);
        QVERIFY2(plan.problems.constFirst().message.contains(QLatin1String("--allow-future")), qPrintable(rendered));
        // Allowed on purpose: sent, and the plan says what it does to the receiver.
        SeriesSet again = set;
        const BackfillPlan allowed = makeBackfillPlan(again, BatchLimits{2, 1 << 20, 2}, now, QStringLiteral("in.prom"),
                                                      FuturePolicy{10 * 60000, true});
        QVERIFY(allowed.canSend());
        QVERIFY(renderPlan(allowed).contains(QLatin1String("current data stops for")));
    }
}

void TestSeriesCollector::planShardsOnlyWhenBatchesAreShort_data()
{
    QTest::addColumn<int>("seriesCount");
    QTest::addColumn<int>("points");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<int>("shardsUsed");
    // 75 minutes of 100 series: a batch of 500 holds 10 points of its shard's 50 series (2.5 min).
    QTest::newRow("dense-many-series") << 100 << 300 << qint64(15000) << 2;
    // Few sparse series: one batch covers days, more than the window allows between shards.
    QTest::newRow("sparse-few-series") << 4 << 500 << qint64(20 * 60000) << 1;
}

void TestSeriesCollector::planShardsOnlyWhenBatchesAreShort()
{
    QFETCH(int, seriesCount);
    QFETCH(int, points);
    QFETCH(qint64, stepMs);
    QFETCH(int, shardsUsed);
    const qint64 now = 1800000000000;
    SeriesSet set;
    for (int s = 0; s < seriesCount; ++s) {
        WriteSeries series;
        series.labels
            = Labels{{QStringLiteral("__name__"), QStringLiteral("m")}, {QStringLiteral("s"), QString::number(s)}};
        for (int i = 0; i < points; ++i)
            series.samples.append(WriteSample{now - points * stepMs + qint64(i) * stepMs, double(i)});
        set.series.append(series);
    }
    const BackfillPlan plan = makeBackfillPlan(set, BatchLimits{500, 1 << 20, 2}, now, QStringLiteral("in.prom"));
    int shards = 0;
    for (const Batch &batch : plan.batches)
        shards = std::max(shards, batch.shard + 1);
    QCOMPARE(shards, shardsUsed);
    QCOMPARE(plan.shardNote.isEmpty(), shardsUsed == 2);
    QCOMPARE(renderPlan(plan).contains(QLatin1String("over 2 parallel shards")), shardsUsed == 2);
}

QTEST_GUILESS_MAIN(TestSeriesCollector)
#include "tst_seriescollector.moc"
