#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"

#include <QTest>

#include <clocale>
#include <limits>

using namespace promdesk;

namespace {

MetricSet sampleSet()
{
    MetricSet set;
    MetricFamily counter{
        QStringLiteral("jobs_total"), MetricType::Counter, QStringLiteral("Jobs \\ done\nso far."), {}, {}};
    Metric a;
    a.labels.set(QStringLiteral("queue"), QStringLiteral("say \"hi\""));
    a.value = 1234567.5;
    a.timestampMs = 1699999999250;
    a.created = 1699990000;
    counter.metrics.append(a);
    MetricFamily histogram{QStringLiteral("latency_seconds"), MetricType::Histogram, {}, QStringLiteral("seconds"), {}};
    Metric h;
    h.labels.set(QStringLiteral("path"), QStringLiteral("/a"));
    h.buckets = {{0.5, 1}, {std::numeric_limits<double>::infinity(), 2}};
    h.sum = 0.75;
    h.count = 2;
    histogram.metrics.append(h);
    set.families = {counter, histogram};
    return set;
}

} // namespace

class TestTextWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesText();
    void writesTextWithoutTimestamps();
    void writesOpenMetrics();
    void writesNumbersInCommaLocale();
    void leavesOutTheSumOfAHistogramBelowZero();
};

void TestTextWriter::writesText()
{
    QCOMPARE(writeText(sampleSet()),
             QByteArray("# HELP jobs_total Jobs \\\\ done\\nso far.\n"
                        "# TYPE jobs_total counter\n"
                        "jobs_total{queue=\"say \\\"hi\\\"\"} 1.2345675e+06 1699999999250\n"
                        "# TYPE latency_seconds histogram\n"
                        "latency_seconds_bucket{le=\"0.5\",path=\"/a\"} 1\n"
                        "latency_seconds_bucket{le=\"+Inf\",path=\"/a\"} 2\n"
                        "latency_seconds_sum{path=\"/a\"} 0.75\n"
                        "latency_seconds_count{path=\"/a\"} 2\n"));
}

void TestTextWriter::writesTextWithoutTimestamps()
{
    WriteOptions options;
    options.includeTimestamps = false;
    const QByteArray text = writeText(sampleSet(), options);
    QVERIFY(!text.contains("1699999999250"));
    ParseOptions parse;
    parse.target = ValidationTarget::Pushgateway;
    QVERIFY(parseText(text, parse).problems.isEmpty());
}

void TestTextWriter::writesOpenMetrics()
{
    QCOMPARE(writeOpenMetrics(sampleSet()),
             QByteArray("# TYPE jobs counter\n"
                        "# HELP jobs Jobs \\\\ done\\nso far.\n"
                        "jobs_total{queue=\"say \\\"hi\\\"\"} 1.2345675e+06 1699999999.25\n"
                        "jobs_created{queue=\"say \\\"hi\\\"\"} 1.69999e+09 1699999999.25\n"
                        "# TYPE latency_seconds histogram\n"
                        "# UNIT latency_seconds seconds\n"
                        "latency_seconds_bucket{le=\"0.5\",path=\"/a\"} 1\n"
                        "latency_seconds_bucket{le=\"+Inf\",path=\"/a\"} 2\n"
                        "latency_seconds_sum{path=\"/a\"} 0.75\n"
                        "latency_seconds_count{path=\"/a\"} 2\n"
                        "# EOF\n"));
}

void TestTextWriter::writesNumbersInCommaLocale()
{
    std::setlocale(LC_ALL, "de_DE.UTF-8");
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(QLocale().toString(0.75), QStringLiteral("0,75"));
    const QByteArray text = writeText(sampleSet());
    QVERIFY(text.contains("latency_seconds_sum{path=\"/a\"} 0.75\n"));
    QVERIFY(!text.contains("0,75"));
    QLocale::setDefault(QLocale::c());
    std::setlocale(LC_ALL, "C");
}

// OpenMetrics: a histogram with buckets below 0 has no _sum (it would not be a counter), and
// _count goes with it; the +Inf bucket still holds the count. A gauge histogram keeps its _gsum.
void TestTextWriter::leavesOutTheSumOfAHistogramBelowZero()
{
    MetricSet set;
    for (const MetricType type : {MetricType::Histogram, MetricType::GaugeHistogram}) {
        MetricFamily family{
            type == MetricType::Histogram ? QStringLiteral("drift") : QStringLiteral("drift_now"), type, {}, {}, {}};
        Metric metric;
        metric.buckets = {{-1, 1}, {std::numeric_limits<double>::infinity(), 3}};
        metric.sum = -0.5;
        metric.count = 3;
        family.metrics.append(metric);
        set.families.append(family);
    }
    QCOMPARE(histogramsLosingTheirSum(set), 1);
    const QByteArray written = writeOpenMetrics(set);
    QVERIFY2(!written.contains("drift_sum") && !written.contains("drift_count"), written.constData());
    QVERIFY2(written.contains("drift_now_gsum -0.5\n") && written.contains("drift_now_gcount 3\n"),
             written.constData());
    ParseOptions options;
    options.format = ExpositionFormat::OpenMetrics;
    const ParseResult reread = parseText(written, options);
    QVERIFY2(reread.problems.isEmpty(), qPrintable(formatProblem(reread.problems.value(0))));
}

QTEST_GUILESS_MAIN(TestTextWriter)
#include "tst_textwriter.moc"
