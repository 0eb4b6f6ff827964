#include "importers/CsvImporter.h"

#include <QTest>

using namespace promdesk;

namespace {

QString describe(const CsvImport &import)
{
    QStringList out;
    for (const WriteSeries &series : import.series.series) {
        QStringList samples;
        for (const WriteSample &sample : series.samples)
            samples << QStringLiteral("%1@%2").arg(sample.value).arg(sample.timestampMs);
        out << series.labels.toString() + QLatin1Char(' ') + samples.join(QLatin1Char(' '));
    }
    for (const Problem &problem : import.problems)
        out << formatProblem(problem);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestCsvImporter : public QObject
{
    Q_OBJECT

private slots:
    void imports_data();
    void imports();
    void refuses_data();
    void refuses();
};

void TestCsvImporter::imports_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("long-seconds-with-metric-option") << QByteArray("timestamp,host,value\n1700000000,a,1\n1700000060,a,2.5\n") << "cpu"
        << "unix-seconds" << "{__name__=\"cpu\",host=\"a\"} 1@1700000000000 2.5@1700000060000";
    QTest::newRow("long-metric-column-ms") << QByteArray("timestamp,metric,value\n1700000000123,up,1\n") << ""
        << "unix-milliseconds" << "{__name__=\"up\"} 1@1700000000123";
    QTest::newRow("long-rfc3339-quoted-label") << QByteArray("timestamp,metric,path,value\n2023-11-14T22:13:20Z,disk,\"/a,b \"\"x\"\"\",3\n") << ""
        << "rfc3339" << "{__name__=\"disk\",path=\"/a,b \\\"x\\\"\"} 3@1700000000000";
    QTest::newRow("long-fractional-seconds") << QByteArray("timestamp,value\n1700000000.5,1\n") << "m"
        << "unix-seconds" << "{__name__=\"m\"} 1@1700000000500";
    QTest::newRow("long-semicolon-crlf") << QByteArray("timestamp;host;value\r\n1700000000;a;1\r\n") << "m"
        << "unix-seconds" << "{__name__=\"m\",host=\"a\"} 1@1700000000000";
    QTest::newRow("wide-selectors-and-gaps") << QByteArray("timestamp,cpu_temp{host=\"a\"},cpu_temp{host=\"b\"}\n1700000000,40,\n1700000060,41,39\n") << ""
        << "unix-seconds" << "{__name__=\"cpu_temp\",host=\"a\"} 40@1700000000000 41@1700000060000\n{__name__=\"cpu_temp\",host=\"b\"} 39@1700000060000";
    QTest::newRow("wide-special-values") << QByteArray("timestamp,x\n1700000000,NaN\n1700000060,+Inf\n") << ""
        << "unix-seconds" << "{__name__=\"x\"} nan@1700000000000 inf@1700000060000";
    // clang-format on
}

void TestCsvImporter::imports()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, metric);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    CsvImportOptions options;
    options.metricName = metric;
    const CsvImport import = importCsv(csv, options);
    QCOMPARE(describe(import), expected);
    QCOMPARE(import.timestampFormat, format);
    QVERIFY(!import.description.isEmpty());
}

void TestCsvImporter::refuses_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // clang-format off
    QTest::newRow("no-timestamp-column")   << QByteArray("time,value\n1,2\n") << "csv-no-timestamp-column" << 1 << 1;
    QTest::newRow("unit-cannot-be-told")   << QByteArray("timestamp,value\n12345,1\n") << "csv-timestamp-unit" << 2 << 1;
    QTest::newRow("mixed-timestamps")      << QByteArray("timestamp,value\n1700000000,1\nyesterday,2\n") << "csv-timestamp-unit" << 2 << 1;
    QTest::newRow("no-metric")             << QByteArray("timestamp,host,value\n1700000000,a,1\n") << "csv-no-metric" << 1 << 1;
    QTest::newRow("decimal-comma")         << QByteArray("timestamp,metric,value\n1700000000,m,\"1,5\"\n") << "invalid-number" << 2 << 14;
    QTest::newRow("bad-label-column")      << QByteArray("timestamp,metric,my-host,value\n1700000000,m,a,1\n") << "invalid-label-name" << 1 << 18;
    QTest::newRow("bad-wide-header")       << QByteArray("timestamp,cpu temp\n1700000000,1\n") << "csv-bad-series-column" << 1 << 11;
    QTest::newRow("short-row")             << QByteArray("timestamp,metric,value\n1700000000,m\n") << "csv-column-count" << 2 << 1;
    QTest::newRow("unterminated-quote")    << QByteArray("timestamp,metric,value\n1700000000,\"m,1\n") << "csv-unterminated-quote" << 2 << 1;
    // clang-format on
}

void TestCsvImporter::refuses()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    CsvImportOptions options;
    options.fileName = QStringLiteral("in.csv");
    const CsvImport import = importCsv(csv, options);
    QVERIFY2(!import.problems.isEmpty(), qPrintable(describe(import)));
    const Problem &problem = import.problems.constFirst();
    QCOMPARE(problem.code, code);
    QCOMPARE(problem.line, line);
    QCOMPARE(problem.column, column);
    QCOMPARE(problem.file, QStringLiteral("in.csv"));
}

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "tst_csvimporter.moc"
