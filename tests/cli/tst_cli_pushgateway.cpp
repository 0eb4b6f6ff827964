// promdesk-cli push, delete, groups, preview and demo, run as a user would, against a real Pushgateway.
#include "CliRunner.h"
#include "FaultServer.h"
#include "ServerFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk::test;

class TestCliPushgateway : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pushThenListThenDelete();
    void pushReadsSecretThenBodyFromStandardInput();
    void pushRefusesInvalidMetricsWithoutSending();
    void noCheckSendsAnywayForTheGatewaysVerdict_data();
    void noCheckSendsAnywayForTheGatewaysVerdict();
    void serverRejectionIsExplainedWithItsText();
    void pruneDeletesOnlyStaleMatchingGroups();
    void pruneExitCodes();
    void previewShowsWhatWouldBeReplaced();
    void exitCodes_data();
    void exitCodes();
    void demoOverwrite();
    void demoLeavesGroupsItDidNotMake();
    void everyTemplatePushesAsSuggested();

private:
    QString url() const { return m_gateway->baseUrl().toString(); }
    QString file(const QByteArray &content);

    std::unique_ptr<ServerFixture> m_gateway;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCliPushgateway::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
}

QString TestCliPushgateway::file(const QByteArray &content)
{
    QFile f(m_dir.filePath(QStringLiteral("m%1.prom").arg(++m_files)));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

void TestCliPushgateway::pushThenListThenDelete()
{
    const QString metrics = file("# TYPE backup_size_bytes gauge\nbackup_size_bytes{db=\"customers\"} 1.2e9\n");
    CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                         QStringLiteral("db_backup"), QStringLiteral("--group"), QStringLiteral("instance=host 17"),
                         QStringLiteral("--group"), QStringLiteral("path=/var/lib"), metrics});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("PUT ")
                 && run.err.contains("/metrics/job/db_backup/instance@base64/aG9zdCAxNw/path@base64/L3Zhci9saWI"),
             run.err.constData());
    QVERIFY(run.err.contains("HTTP 200"));

    run = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                  QStringLiteral("db_backup")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("{instance=\"host 17\",job=\"db_backup\",path=\"/var/lib\"}"), run.out.constData());
    QVERIFY(run.out.contains(
        "backup_size_bytes{db=\"customers\",instance=\"host 17\",job=\"db_backup\",path=\"/var/lib\"} 1.2e+09"));

    // --json: the gateway's answer byte for byte, as a line; with --job, the same document holding that
    // job's groups.
    run = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const HttpResponse answer = httpRequest("GET", QUrl(url() + QStringLiteral("/api/v1/metrics")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(run.out, answer.body.endsWith('\n') ? answer.body : answer.body + '\n'); // the gateway ends it without one
    run = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--json"),
                  QStringLiteral("--job"), QStringLiteral("db_backup")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject filtered = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(filtered.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    const QJsonArray kept = filtered.value(QStringLiteral("data")).toArray();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().toObject().value(QStringLiteral("labels")).toObject().value(QStringLiteral("instance")),
             QJsonValue(QStringLiteral("host 17")));

    run = runCli({QStringLiteral("delete"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                  QStringLiteral("db_backup"), QStringLiteral("--group"), QStringLiteral("instance=host 17"),
                  QStringLiteral("--group"), QStringLiteral("path=/var/lib")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("HTTP 202"));
    run = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                  QStringLiteral("db_backup")});
    QCOMPARE(run.out, QByteArray("(no groups)\n"));
}

void TestCliPushgateway::pushReadsSecretThenBodyFromStandardInput()
{
    // An unprotected gateway ignores the credentials; what matters is that the secret line is
    // taken off standard input and the rest is the body.
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                               QStringLiteral("stdin_job"), QStringLiteral("--user"), QStringLiteral("1250000000"),
                               QStringLiteral("--password-stdin"), QStringLiteral("-")},
                              "tok3n-value\nfrom_stdin 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!run.err.contains("tok3n-value"));
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                  QStringLiteral("stdin_job")});
    QVERIFY(groups.out.contains("from_stdin{instance=\"\",job=\"stdin_job\"} 1"));
}

void TestCliPushgateway::pushRefusesInvalidMetricsWithoutSending()
{
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                               QStringLiteral("never_sent"), file("a 1 1700000000000\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("[timestamp-present]") && run.err.contains("nothing sent"), run.err.constData());
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                  QStringLiteral("never_sent")});
    QCOMPARE(groups.out, QByteArray("(no groups)\n"));
}

void TestCliPushgateway::noCheckSendsAnywayForTheGatewaysVerdict_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("gatewaySays");
    // The gateway refuses a sample with a timestamp, and a value it cannot read as a float.
    QTest::newRow("timestamp the gateway refuses") << QByteArray("a 1 1700000000000\n") << 1 << QByteArray("timestamp");
    QTest::newRow("value that is not a number") << QByteArray("a one\n") << 1 << QByteArray("expected float as value");
}

void TestCliPushgateway::noCheckSendsAnywayForTheGatewaysVerdict()
{
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, gatewaySays);
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                               QStringLiteral("unchecked"), QStringLiteral("--no-check"), file(input)});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains("--no-check") && run.err.contains("HTTP 400") && run.err.contains(gatewaySays),
             run.err.constData());
    const CliRun history
        = runCli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
    QVERIFY2(history.out.contains("400"), history.out.constData()); // kept as any other request
}

void TestCliPushgateway::pruneDeletesOnlyStaleMatchingGroups()
{
    const auto push = [&](const char *job, const char *instance) {
        const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                   QLatin1String(job), QStringLiteral("--group"),
                                   QStringLiteral("instance=") + QLatin1String(instance), file("prune_me 1\n")});
        QCOMPARE(run.exitCode, 0);
    };
    push("prune_batch", "a");
    push("prune_batch", "b");
    push("prune_keep", "a");
    const QStringList base{QStringLiteral("groups"), QStringLiteral("prune"), QStringLiteral("--url"), url()};
    const QString batchOnly = QStringLiteral("job=~\"prune_b.*\"");

    // Just pushed: not older than an hour, so nothing goes (exit 0 all the same).
    CliRun run = runCli(
        base + QStringList{QStringLiteral("--older-than"), QStringLiteral("1h"), QStringLiteral("--match"), batchOnly});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("nothing deleted") && run.out.isEmpty(), run.err.constData());

    QTest::qWait(20); // older than 10 ms from here on
    run = runCli(base
                 + QStringList{QStringLiteral("--older-than"), QStringLiteral("10ms"), QStringLiteral("--match"),
                               batchOnly, QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count("would delete "), 2);
    QVERIFY2(run.out.contains("{instance=\"a\",job=\"prune_batch\"}  last pushed ") && run.out.contains(" ago"),
             run.out.constData());
    QVERIFY(!run.out.contains("prune_keep"));
    QVERIFY(runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                    QStringLiteral("prune_batch")})
                .out.contains("instance=\"b\""));

    run = runCli(
        base
        + QStringList{QStringLiteral("--older-than"), QStringLiteral("10ms"), QStringLiteral("--match"), batchOnly});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(",job=\"prune_batch\"}  last pushed"), 2);
    QCOMPARE(run.out.count("deleted {"), 2);
    QCOMPARE(runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                     QStringLiteral("prune_batch")})
                 .out,
             QByteArray("(no groups)\n"));
    QVERIFY(runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                    QStringLiteral("prune_keep")})
                .out.contains("prune_keep"));
}

void TestCliPushgateway::pruneExitCodes()
{
    // A gateway that lists a stale group and refuses its DELETE: exit 1 with the refusal.
    QVERIFY(runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                    QStringLiteral("prune_refused"), file("prune_me 1\n")})
                .exitCode
            == 0);
    const CliRun listed = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--json"),
                                  QStringLiteral("--job"), QStringLiteral("prune_refused")});
    QCOMPARE(listed.exitCode, 0);
    FaultServer refusing;
    refusing.script(
        {FaultServer::Answer::reply(200, listed.out), FaultServer::Answer::reply(403, "deletion is disabled here")});
    QTest::qWait(20);
    CliRun run = runCli({QStringLiteral("groups"), QStringLiteral("prune"), QStringLiteral("--url"), refusing.baseUrl(),
                         QStringLiteral("--older-than"), QStringLiteral("10ms")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("deletion is disabled here"), run.err.constData());

    // No gateway: exit 3. A mistyped duration or selector: exit 2, nothing asked.
    run = runCli({QStringLiteral("groups"), QStringLiteral("prune"), QStringLiteral("--url"),
                  QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--older-than"), QStringLiteral("1h")});
    QCOMPARE(run.exitCode, 3);
    run = runCli({QStringLiteral("groups"), QStringLiteral("prune"), QStringLiteral("--url"), url(),
                  QStringLiteral("--older-than"), QStringLiteral("3 days")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("90s, 15m, 2h or 7d"), run.err.constData());
    run = runCli({QStringLiteral("groups"), QStringLiteral("prune"), QStringLiteral("--url"), url(),
                  QStringLiteral("--older-than"), QStringLiteral("1h"), QStringLiteral("--match"),
                  QStringLiteral("job=batch")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("double quotes"), run.err.constData());
    run = runCli({QStringLiteral("groups"), QStringLiteral("prune"), QStringLiteral("--url"), url()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--older-than"), run.err.constData());
}

void TestCliPushgateway::serverRejectionIsExplainedWithItsText()
{
    QCOMPARE(runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                     QStringLiteral("t1"), file("# TYPE conflicting gauge\nconflicting 1\n")})
                 .exitCode,
             0);
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                               QStringLiteral("t2"), file("# TYPE conflicting counter\nconflicting 1\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("HTTP 400"), run.err.constData());
    QVERIFY2(run.err.contains("'conflicting' would have two types"), run.err.constData());
    QVERIFY2(run.err.contains("Server said:\npushed metrics are invalid or inconsistent"), run.err.constData());
    QCOMPARE(run.err.count("pushed metrics are invalid or inconsistent"), 1); // the answer is printed once
}

void TestCliPushgateway::previewShowsWhatWouldBeReplaced()
{
    QCOMPARE(runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                     QStringLiteral("preview_job"), file("kept 1\nold 2\n")})
                 .exitCode,
             0);
    const CliRun run = runCli({QStringLiteral("preview"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                               QStringLiteral("preview_job"), file("kept 5\n")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("~ kept{instance=\"\",job=\"preview_job\"} 1 -> 5"), run.out.constData());
    QVERIFY(run.out.contains("- old{instance=\"\",job=\"preview_job\"} 2  (removed: PUT replaces the whole group)"));
    QVERIFY(run.out.contains("[no-instance-key]"));
    // Nothing was sent.
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                  QStringLiteral("preview_job")});
    QVERIFY(groups.out.contains("old{instance=\"\",job=\"preview_job\"} 2"));
}

void TestCliPushgateway::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString unused = QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort());
    // clang-format off
    QTest::newRow("network-error")     << QStringList{QStringLiteral("groups"), QStringLiteral("--url"), unused} << 3;
    QTest::newRow("missing-url")       << QStringList{QStringLiteral("groups")} << 2;
    QTest::newRow("bad-grouping-name") << QStringList{QStringLiteral("delete"), QStringLiteral("--url"), unused, QStringLiteral("--job"), QStringLiteral("j"), QStringLiteral("--group"), QStringLiteral("1x=y")} << 2;
    QTest::newRow("empty-job")         << QStringList{QStringLiteral("delete"), QStringLiteral("--url"), unused} << 2;
    QTest::newRow("password-on-command-line-refused") << QStringList{QStringLiteral("groups"), QStringLiteral("--url"), QStringLiteral("http://u:p@127.0.0.1:1")} << 2;
    QTest::newRow("user-without-secret") << QStringList{QStringLiteral("groups"), QStringLiteral("--url"), unused, QStringLiteral("--user"), QStringLiteral("x")} << 2;
    // clang-format on
}

void TestCliPushgateway::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
}

void TestCliPushgateway::demoOverwrite()
{
    const CliRun run = runCli({QStringLiteral("demo"), QStringLiteral("overwrite"), QStringLiteral("--url"), url()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Step 2: B's push without instance replaced A's values in the one shared group.
    QVERIFY2(run.out.contains(
                 "~ backup_size_bytes{db=\"customers\",instance=\"\",job=\"overwrite_demo\"} 1.2e+09 -> 3.4e+09"),
             run.out.constData());
    QVERIFY(run.out.contains("A's values are gone"));
    // Steps 3-4: with instance keys, separate groups.
    QVERIFY(run.out.contains("{instance=\"host-b\",job=\"overwrite_demo\"}"));
    // Step 6: PUT removed the family the push lacked.
    QVERIFY(run.out.contains("- backup_last_success_timestamp_seconds{instance=\"host-a\",job=\"overwrite_demo\"}"));
    QVERIFY(run.out.contains("Done: the demo's groups were deleted."));
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                  QStringLiteral("overwrite_demo")});
    QCOMPARE(groups.out, QByteArray("(no groups)\n"));
}

// Groups of job overwrite_demo that an operator (or a demo run with --keep) left: the demo
// deletes none of them unless told to, and sends nothing at all when it is not.
void TestCliPushgateway::demoLeavesGroupsItDidNotMake()
{
    const QStringList listDemoGroups{QStringLiteral("groups"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                     QStringLiteral("overwrite_demo")};
    const CliRun pushed = runCli({QStringLiteral("push"), QStringLiteral("--url"), url(), QStringLiteral("--job"),
                                  QStringLiteral("overwrite_demo"), QStringLiteral("--group"),
                                  QStringLiteral("instance=prod-db"), QStringLiteral("-")},
                                 "user_precious 43\n");
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
    const CliRun refused
        = runCli({QStringLiteral("demo"), QStringLiteral("overwrite"), QStringLiteral("--url"), url()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("{instance=\"prod-db\",job=\"overwrite_demo\"}")
                 && refused.err.contains("--replace-existing"),
             refused.err.constData());
    QVERIFY2(!refused.out.contains("=="), refused.out.constData()); // no step was run
    QVERIFY(runCli(listDemoGroups).out.contains("user_precious{instance=\"prod-db\",job=\"overwrite_demo\"} 43"));

    const CliRun replaced = runCli({QStringLiteral("demo"), QStringLiteral("overwrite"), QStringLiteral("--url"), url(),
                                    QStringLiteral("--replace-existing")});
    QVERIFY2(replaced.exitCode == 0, replaced.err.constData());
    QCOMPARE(runCli(listDemoGroups).out, QByteArray("(no groups)\n"));
}

void TestCliPushgateway::everyTemplatePushesAsSuggested()
{
    const CliRun list = runCli({QStringLiteral("template"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    const int count = int(list.out.count("push with: "));
    QVERIFY(count >= 5);
    QVERIFY(list.out.contains("--job db_backup --group instance=") && list.out.contains("--group db=customers"));
    for (int n = 1; n <= count; ++n) {
        const CliRun shown = runCli({QStringLiteral("template"), QStringLiteral("show"), QString::number(n)});
        QCOMPARE(shown.exitCode, 0);
        // The suggested command, as printed, with this gateway's URL and the template as the file.
        const QByteArray suggested = shown.err.mid(shown.err.indexOf("--job")).trimmed();
        QStringList arguments{QStringLiteral("push"), QStringLiteral("--url"), url()};
        arguments += QString::fromUtf8(suggested).split(QLatin1Char(' '));
        arguments.last() = file(shown.out);
        const CliRun pushed = runCli(arguments);
        QVERIFY2(pushed.exitCode == 0, QByteArray(QByteArray::number(n) + ": " + pushed.err).constData());
    }
    QCOMPARE(runCli({QStringLiteral("template"), QStringLiteral("show"), QString::number(count + 1)}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliPushgateway)
#include "tst_cli_pushgateway.moc"
