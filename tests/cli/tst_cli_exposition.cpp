// Runs the real promdesk-cli binary: exit codes, output format, --fix and convert.
#include "CliRunner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = promdesk::test::CliRun;

Run cli(const QStringList &arguments, const QByteArray &input = {})
{
    return promdesk::test::runCli(arguments, input);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return file.fileName();
}

} // namespace

class TestCliExposition : public QObject
{
    Q_OBJECT

private slots:
    void validateExitCodes_data();
    void validateExitCodes();
    void validatePrintsCompilerStyleLines();
    void validateReadsStandardInput();
    void validateJson();
    void validateFixWritesFixedFile();
    void validateFixRefusesWhenErrorsRemain();
    void convertBetweenFormats_data();
    void convertBetweenFormats();
    void convertRefusesBrokenInput();
    void convertSaysWhatOpenMetricsLeavesOut();
    void convertSaysWhichFamiliesOpenMetricsRetypes();
    void readsLargeFilesWhole_data();
    void readsLargeFilesWhole();
    void everyCommandHasHelp_data();
    void everyCommandHasHelp();

private:
    QTemporaryDir m_dir;
};

void TestCliExposition::validateExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    // clang-format off
    QTest::newRow("clean-file")            << QStringList{QStringLiteral("validate")} << QByteArray("a 1\n") << 0;
    QTest::newRow("warnings-only")         << QStringList{QStringLiteral("validate")} << QByteArray("a Nan\n") << 0;
    QTest::newRow("error")                 << QStringList{QStringLiteral("validate")} << QByteArray("a 1,5\n") << 1;
    QTest::newRow("error-only-for-target") << QStringList{QStringLiteral("validate"), QStringLiteral("--target"), QStringLiteral("pushgateway")} << QByteArray("a 1 1699999999000\n") << 1;
    QTest::newRow("unknown-target")        << QStringList{QStringLiteral("validate"), QStringLiteral("--target"), QStringLiteral("mars")} << QByteArray("a 1\n") << 2;
    QTest::newRow("unknown-option")        << QStringList{QStringLiteral("validate"), QStringLiteral("--frobnicate")} << QByteArray("a 1\n") << 2;
    // clang-format on
}

void TestCliExposition::validateExitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    const QString path = writeFile(m_dir, QStringLiteral("in.prom"), content);
    const Run run = cli(arguments << path);
    QCOMPARE(run.exitCode, exitCode);
}

void TestCliExposition::validatePrintsCompilerStyleLines()
{
    const QString path = writeFile(m_dir, QStringLiteral("two.prom"), "ok 1\nbad-name 1\nx{a=\"b} 1\n");
    const Run run = cli({QStringLiteral("validate"), path, m_dir.filePath(QStringLiteral("missing.prom"))});
    QCOMPARE(run.exitCode, 2); // an unreadable file outranks validation errors
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QByteArray(path.toUtf8() + ":2:4: error: ")), lines.at(0).constData());
    QVERIFY(lines.at(0).endsWith("[invalid-metric-name]"));
    QVERIFY(lines.at(1).startsWith(QByteArray(path.toUtf8() + ":3:5: error: ")));
    QVERIFY2(run.err.contains("missing.prom"), run.err.constData());
    QVERIFY(run.err.contains("2 error(s), 0 warning(s)"));
}

void TestCliExposition::validateReadsStandardInput()
{
    const Run run = cli({QStringLiteral("validate"), QStringLiteral("-")}, "a 1\r\n# EOF\r\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("<stdin>:1:4: error:"), run.out.constData());
    QVERIFY(run.out.contains("[crlf-line-ending]"));
    QVERIFY(run.err.contains("(openmetrics)"));

    // `validate - < file`: standard input is then a file, not a pipe; the format is still detected.
    const QString path = writeFile(m_dir, QStringLiteral("redirected.om"), "# TYPE a gauge\na 1 1699999999.5\n# EOF\n");
    QProcess redirected;
    redirected.setStandardInputFile(path);
    redirected.start(QStringLiteral(PROMDESK_CLI), {QStringLiteral("validate"), QStringLiteral("-")});
    QVERIFY(redirected.waitForFinished(60000));
    const QByteArray err = redirected.readAllStandardError();
    QCOMPARE(redirected.exitCode(), 0);
    QVERIFY2(err.contains("<stdin>: 0 error(s), 0 warning(s) in 3 line(s), 1 sample(s) (openmetrics)"),
             err.constData());
    QVERIFY2(!err.contains("not open"), err.constData());
}

void TestCliExposition::validateJson()
{
    const QString path = writeFile(m_dir, QStringLiteral("json.prom"), "a 1 1699999999000\n");
    const Run run = cli({QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--target"),
                         QStringLiteral("pushgateway"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("\"code\": \"timestamp-present\""), run.out.constData());
    QVERIFY(run.out.contains("\"fix\": \"Remove the timestamp\""));
    QVERIFY(run.out.trimmed().startsWith('['));
}

void TestCliExposition::validateFixWritesFixedFile()
{
    const QString path = writeFile(m_dir, QStringLiteral("fix.prom"), "a 1 1699999999000\r\nb 2\r\na 1 1699999999000");
    const QString output = m_dir.filePath(QStringLiteral("fixed.prom"));
    const Run run = cli({QStringLiteral("validate"), QStringLiteral("--target"), QStringLiteral("pushgateway"),
                         QStringLiteral("--fix"), QStringLiteral("--output"), output, path});
    QCOMPARE(run.exitCode, 0);
    QFile fixed(output);
    QVERIFY(fixed.open(QIODevice::ReadOnly));
    QCOMPARE(fixed.readAll(), QByteArray("a 1\nb 2\n"));
    QCOMPARE(
        cli({QStringLiteral("validate"), QStringLiteral("--target"), QStringLiteral("pushgateway"), output}).exitCode,
        0);
}

void TestCliExposition::validateFixRefusesWhenErrorsRemain()
{
    const QString path = writeFile(m_dir, QStringLiteral("unfixable.prom"), "a 1,5\r\n");
    const QString output = m_dir.filePath(QStringLiteral("never.prom"));
    const Run run = cli({QStringLiteral("validate"), QStringLiteral("--fix"), QStringLiteral("-o"), output, path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!QFile::exists(output));
    QVERIFY2(run.err.contains("nothing was written"), run.err.constData());
    QVERIFY(run.err.contains("[invalid-number]"));
}

void TestCliExposition::convertBetweenFormats_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QByteArray>("expectedStart");
    QTest::newRow("text") << QStringLiteral("text")
                          << QByteArray("# HELP jobs_total Jobs.\n# TYPE jobs_total counter\njobs_total 3\n");
    QTest::newRow("openmetrics") << QStringLiteral("openmetrics")
                                 << QByteArray("# TYPE jobs counter\n# HELP jobs Jobs.\njobs_total 3\n# EOF\n");
    QTest::newRow("protobuf") << QStringLiteral("protobuf") << QByteArray();
}

void TestCliExposition::convertBetweenFormats()
{
    QFETCH(QString, to);
    QFETCH(QByteArray, expectedStart);
    const QString path = writeFile(m_dir, QStringLiteral("convert.prom"),
                                   "# HELP jobs_total Jobs.\n# TYPE jobs_total counter\njobs_total 3\n");
    const Run run = cli({QStringLiteral("convert"), QStringLiteral("--to"), to, path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(expectedStart), run.out.toHex().constData());
    if (to == u"protobuf") {
        // and back again, through standard input
        const Run back = cli({QStringLiteral("convert"), QStringLiteral("--from"), QStringLiteral("protobuf"),
                              QStringLiteral("--to"), QStringLiteral("text"), QStringLiteral("-")},
                             run.out);
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(back.out, QByteArray("# HELP jobs_total Jobs.\n# TYPE jobs_total counter\njobs_total 3\n"));
    }
}

// A histogram with buckets below 0 has no _sum in OpenMetrics: converting says so, and what it
// writes is OpenMetrics that validates.
void TestCliExposition::convertSaysWhatOpenMetricsLeavesOut()
{
    const QString path = writeFile(m_dir, QStringLiteral("drift.prom"),
                                   "# TYPE drift histogram\ndrift_bucket{le=\"-1\"} 1\ndrift_bucket{le=\"+Inf\"} 3\n"
                                   "drift_sum -0.5\ndrift_count 3\n");
    const Run run = cli({QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("openmetrics"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.out.contains("drift_sum"), run.out.constData());
    QVERIFY2(run.err.contains("1 histogram series") && run.err.contains("_sum"), run.err.constData());
    const QString converted = writeFile(m_dir, QStringLiteral("drift.om"), run.out);
    const Run check
        = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("openmetrics"), converted});
    QVERIFY2(check.exitCode == 0, check.out.constData());
}

// OpenMetrics names a counter's samples NAME_total and an info's NAME_info: a family named
// otherwise keeps its samples' names and is written as unknown or gauge, which the operator is told.
void TestCliExposition::convertSaysWhichFamiliesOpenMetricsRetypes()
{
    const QString path = writeFile(m_dir, QStringLiteral("retyped.prom"),
                                   "# TYPE jobs_done counter\njobs_done 5\n# TYPE restarts_total counter\n"
                                   "restarts_total 2\n");
    const Run run = cli({QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("openmetrics"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("# TYPE jobs_done unknown") && run.out.contains("# TYPE restarts counter"),
             run.out.constData());
    QVERIFY2(run.err.contains("jobs_done") && run.err.contains("unknown") && !run.err.contains("restarts"),
             run.err.constData());
    const Run toText = cli({QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("text"), path});
    QCOMPARE(toText.exitCode, 0);
    QVERIFY2(toText.err.isEmpty(), toText.err.constData());
}

void TestCliExposition::readsLargeFilesWhole_data()
{
    QTest::addColumn<bool>("redirected");
    QTest::newRow("named-file") << false;
    QTest::newRow("standard-input-from-a-file") << true;
}

// Files over 16 MB are read in parts, one per core: every byte must land where it belongs, after
// the head that format detection read already.
void TestCliExposition::readsLargeFilesWhole()
{
    QFETCH(bool, redirected);
    QByteArray text = "# TYPE big gauge\n";
    text.reserve(20 << 20);
    for (int i = 0; i < 800000; ++i)
        text += "big{i=\"" + QByteArray::number(i).rightJustified(7, '0') + "\"} " + QByteArray::number(i) + '\n';
    QVERIFY(text.size() > (16 << 20));
    const QString path = writeFile(m_dir, QStringLiteral("large.prom"), text);
    QProcess process;
    if (redirected)
        process.setStandardInputFile(path);
    process.start(QStringLiteral(PROMDESK_CLI),
                  {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("text"),
                   redirected ? QStringLiteral("-") : path});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray out = process.readAllStandardOutput();
    QCOMPARE(out.size(), text.size());
    QVERIFY(out == text);
}

void TestCliExposition::convertRefusesBrokenInput()
{
    const Run run
        = cli({QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("text"), QStringLiteral("-")},
              "a 1\nb 1,5\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("<stdin>:2:3: error:"), run.err.constData());
}

void TestCliExposition::everyCommandHasHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("top-level") << QStringList{QStringLiteral("--help")};
    QTest::newRow("validate") << QStringList{QStringLiteral("validate"), QStringLiteral("--help")};
    QTest::newRow("convert") << QStringList{QStringLiteral("convert"), QStringLiteral("--help")};
}

void TestCliExposition::everyCommandHasHelp()
{
    QFETCH(QStringList, arguments);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith("Usage: promdesk-cli"), run.out.constData());
    QVERIFY(run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliExposition)
#include "tst_cli_exposition.moc"
