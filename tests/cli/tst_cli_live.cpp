// promdesk-cli push/write as live jobs (--every, --set, --instances, --verify), run as a user
// would, against a real Pushgateway and a real Prometheus that scrapes it every second.
#include "CliRunner.h"
#include "FaultServer.h"
#include "ServerFixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace promdesk::test;

class TestCliLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aJobOfNTicksMakesNPushesAndTheValuesArrive();
    void remoteWriteTicksArriveWithTheirTimestamps();
    void aSingleWriteIsVerifiedWithoutAGenerator_data();
    void aSingleWriteIsVerifiedWithoutAGenerator();
    void instancesMakeOneGroupPerMachine();
    void sameGroupMakesTheMachinesOverwriteOneGroup();
    void aRefusalStopsTheJobWithTheServersText();
    void interruptLeavesNoRequestWithoutItsEntry();
    void aJobGoesOnWhenTheHistoryCannotBeWritten();
    void aJobThatCannotBeMadeLeavesNoHistoryEntry();
    void aTerminalGetsOneStatusLineUpdatedInPlace();
    void notScrapedGatewayIsNamedAsTheReason();
    void honorLabelsOffIsNamedAsTheReason();
    void theQueriesGoWithoutThePushsCredentialsToAnotherServer();
    void badInputNamesTheFlag_data();
    void badInputNamesTheFlag();

private:
    QString file(const QByteArray &content);
    QStringList push(const QString &job) const
    {
        return {QStringLiteral("push"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                QStringLiteral("--job"), job};
    }
    QJsonArray history(const QString &id) const;

    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCliLive::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = startScrapingPrometheus(m_gateway->baseUrl(), true, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

QString TestCliLive::file(const QByteArray &content)
{
    QFile f(m_dir.filePath(QStringLiteral("m%1.prom").arg(++m_files)));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

QJsonArray TestCliLive::history(const QString &id) const
{
    const CliRun run = runCli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json"),
                               QStringLiteral("--limit"), QStringLiteral("1000")});
    QJsonArray children;
    for (const QJsonValue &entry : QJsonDocument::fromJson(run.out).array()) {
        if (id.isEmpty() || QString::number(entry[QStringLiteral("parentId")].toInteger()) == id)
            children.append(entry);
    }
    return children;
}

void TestCliLive::aJobOfNTicksMakesNPushesAndTheValuesArrive()
{
    const QString draft
        = file("# TYPE db_backup_last_completion_timestamp_seconds gauge\n"
               "db_backup_last_completion_timestamp_seconds 0\n# TYPE backups_total counter\nbackups_total 10\n");
    QStringList arguments = push(QStringLiteral("seed_loop"));
    // Every 1.5 s against a scrape every second: no value is replaced before a scrape takes it.
    arguments << QStringLiteral("--group") << QStringLiteral("db=customers") << QStringLiteral("--every")
              << QStringLiteral("1500ms") << QStringLiteral("--count") << QStringLiteral("4") << QStringLiteral("--set")
              << QStringLiteral("db_backup_last_completion_timestamp_seconds=now") << QStringLiteral("--set")
              << QStringLiteral("backups_total=inc:1") << QStringLiteral("--verify") << QStringLiteral("--query-url")
              << m_prometheus->baseUrl().toString() << draft;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(
        run.err.contains("all 4 ticks done: sent 4, ok 4, failed 0, skipped 0; arrived 4 of 4 checked, arrival p50"),
        run.err.constData());
    // Four pushes under one job entry, each with its arrival.
    const QByteArray idText = run.err.mid(run.err.indexOf("(history #") + 10);
    const QString id = QString::fromLatin1(idText.left(idText.indexOf(')')));
    const QJsonArray ticks = history(id);
    QCOMPARE(ticks.size(), 4);
    for (const QJsonValue &tick : ticks) {
        QCOMPARE(tick[QStringLiteral("operation")].toString(), QStringLiteral("replace"));
        QVERIFY2(tick[QStringLiteral("arrival")].toString().startsWith(QLatin1String("arrived after")),
                 qPrintable(tick[QStringLiteral("arrival")].toString()));
    }
    // What Prometheus scraped: the counter's last value, and a timestamp gauge of this run.
    QTRY_VERIFY_WITH_TIMEOUT(!queryPrometheus(m_prometheus->baseUrl(),
                                              QStringLiteral("backups_total{job=\"seed_loop\",db=\"customers\"} == 13"))
                                  .isEmpty(),
                             10000);
    const QJsonArray stamp = queryPrometheus(
        m_prometheus->baseUrl(), QStringLiteral("db_backup_last_completion_timestamp_seconds{job=\"seed_loop\"}"));
    QCOMPARE(stamp.size(), 1);
    QVERIFY(stamp.at(0)[QStringLiteral("value")][1].toString().toDouble() * 1000 >= double(before - 1000));
}

void TestCliLive::remoteWriteTicksArriveWithTheirTimestamps()
{
    const QString draft = file("# TYPE live_room_temperature gauge\nlive_room_temperature{room=\"a\"} 20\n");
    QUrl write = m_prometheus->baseUrl();
    write.setPath(QStringLiteral("/api/v1/write"));
    const CliRun run
        = runCli({QStringLiteral("write"), QStringLiteral("--url"), write.toString(), QStringLiteral("--every"),
                  QStringLiteral("300ms"), QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--set"),
                  QStringLiteral("live_room_temperature=inc:0.5"), QStringLiteral("--verify"),
                  QStringLiteral("--query-url"), m_prometheus->baseUrl().toString(), draft});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("arrived 3 of 3 checked"), run.err.constData());
    // Three samples, 300 ms apart, with the values the ticks generated.
    const QJsonArray series
        = queryPrometheus(m_prometheus->baseUrl(), QStringLiteral("live_room_temperature{room=\"a\"}[5m]"));
    QCOMPARE(series.size(), 1);
    const QJsonArray values = series.at(0)[QStringLiteral("values")].toArray();
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.at(2)[1].toString(), QStringLiteral("21"));
    const qint64 first = qRound64(values.at(0)[0].toDouble() * 1000);
    const qint64 last = qRound64(values.at(2)[0].toDouble() * 1000);
    QCOMPARE(last - first, 600);
}

void TestCliLive::aSingleWriteIsVerifiedWithoutAGenerator_data()
{
    QTest::addColumn<QByteArray>("draft");
    QTest::newRow("plain-series") << QByteArray("plain_written_once 7\n");
    // No series is named after a histogram or a summary: the probe is one of their own series.
    QTest::newRow("histogram-only") << QByteArray(
        "# TYPE written_seconds histogram\nwritten_seconds_bucket{le=\"1\"} 2\n"
        "written_seconds_bucket{le=\"+Inf\"} 3\nwritten_seconds_sum 2.5\n"
        "written_seconds_count 3\n");
    QTest::newRow("summary-only") << QByteArray(
        "# TYPE written_quantiles summary\nwritten_quantiles{quantile=\"0.5\"} 4\n"
        "written_quantiles_sum 9\nwritten_quantiles_count 2\n");
}

void TestCliLive::aSingleWriteIsVerifiedWithoutAGenerator()
{
    QFETCH(QByteArray, draft);
    // Every sample of a write carries its time: the first series proves it came.
    QUrl write = m_prometheus->baseUrl();
    write.setPath(QStringLiteral("/api/v1/write"));
    const CliRun run
        = runCli({QStringLiteral("write"), QStringLiteral("--url"), write.toString(), QStringLiteral("--verify"),
                  QStringLiteral("--query-url"), m_prometheus->baseUrl().toString(), file(draft)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("arrived 1 of 1 checked"), run.err.constData());
}

void TestCliLive::instancesMakeOneGroupPerMachine()
{
    QStringList arguments = push(QStringLiteral("machines_demo"));
    arguments << QStringLiteral("--instances") << QStringLiteral("db-1,db-2,db-3") << file("backup_ok 1\n");
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), m_gateway->baseUrl().toString()});
    QCOMPARE(groups.out.count("job=\"machines_demo\"}  last push"), 3); // one header line per group
    QVERIFY(groups.out.contains("instance=\"db-2\""));
}

void TestCliLive::sameGroupMakesTheMachinesOverwriteOneGroup()
{
    QStringList arguments = push(QStringLiteral("overwrite_live"));
    arguments << QStringLiteral("--instances") << QStringLiteral("a,b") << QStringLiteral("--same-group")
              << QStringLiteral("--every") << QStringLiteral("200ms") << QStringLiteral("--count")
              << QStringLiteral("2") << file("backup_ok 1\n");
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("sent 4, ok 4"), run.err.constData());
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), m_gateway->baseUrl().toString()});
    QCOMPARE(groups.out.count("{job=\"overwrite_live\"}  last push"), 1);
}

void TestCliLive::aRefusalStopsTheJobWithTheServersText()
{
    FaultServer server;
    server.script({FaultServer::Answer::reply(400, "text format parsing error in line 1: expected float as value\n")});
    const CliRun run
        = runCli({QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--job"),
                  QStringLiteral("refused"), QStringLiteral("--every"), QStringLiteral("100ms"), file("a 1\n")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(server.received().size(), 1);
    QVERIFY2(run.err.contains(
                 "the server refused it (HTTP 400: text format parsing error in line 1: expected float as value)"),
             run.err.constData());
}

void TestCliLive::interruptLeavesNoRequestWithoutItsEntry()
{
    QProcess cli;
    QStringList arguments = push(QStringLiteral("interrupted_loop"));
    arguments << QStringLiteral("--every") << QStringLiteral("100ms") << file("a 1\n");
    cli.start(QStringLiteral(PROMDESK_CLI), arguments);
    QVERIFY(cli.waitForStarted());
    QTest::qWait(1200);
    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 30000));
    QCOMPARE(cli.exitCode(), 130);
    const QByteArray err = cli.readAllStandardError();
    QVERIFY2(err.contains("stopped: sent "), err.constData());
    const QByteArray sentText = err.mid(err.indexOf("stopped: sent ") + 14);
    const int sent = sentText.left(sentText.indexOf(',')).toInt();
    QVERIFY(sent >= 5);
    const QByteArray idText = err.mid(err.indexOf("(history #") + 10);
    const QJsonArray ticks = history(QString::fromLatin1(idText.left(idText.indexOf(')'))));
    QCOMPARE(ticks.size(), sent);
    for (const QJsonValue &tick : ticks)
        QCOMPARE(tick[QStringLiteral("outcome")].toString(), QStringLiteral("ok"));
}

void TestCliLive::aJobGoesOnWhenTheHistoryCannotBeWritten()
{
    QTemporaryDir home;
    QFile blocker(home.filePath(QStringLiteral("data")));
    QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the history's directory should be
    blocker.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROMDESK_DATA_DIR"), home.filePath(QStringLiteral("data/history")));
    QStringList arguments = push(QStringLiteral("no_history"));
    arguments << QStringLiteral("--every") << QStringLiteral("100ms") << QStringLiteral("--count")
              << QStringLiteral("5") << file("a 1\n");
    const CliRun run = runCli(arguments, {}, environment);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("sent 5, ok 5") && run.err.contains("history"), run.err.constData());
}

void TestCliLive::aTerminalGetsOneStatusLineUpdatedInPlace()
{
    QStringList arguments{QStringLiteral(PROMDESK_CLI)};
    arguments << push(QStringLiteral("on_a_terminal")) << QStringLiteral("--every") << QStringLiteral("200ms")
              << QStringLiteral("--count") << QStringLiteral("5") << file("a 1\n");
    const CliRun terminal = onATerminal(arguments);
    QVERIFY2(terminal.exitCode == 0, terminal.out.constData());
    // The line is rewritten in place (a carriage return), never a line per tick.
    QVERIFY2(terminal.out.count("\rrunning: sent ") >= 2 && !terminal.out.contains("tick 1:")
                 && !terminal.out.contains("\\x1b"),
             terminal.out.constData());
    QVERIFY2(terminal.out.contains("sent 5, ok 5"), terminal.out.constData());
    // Without a terminal: one line per tick.
    arguments.removeFirst();
    const CliRun piped = runCli(arguments);
    QCOMPARE(piped.out.count("HTTP 200"), 5);
    QVERIFY(!piped.out.contains('\r'));
}

void TestCliLive::notScrapedGatewayIsNamedAsTheReason()
{
    QString error;
    const std::unique_ptr<ServerFixture> lonely = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(lonely, qPrintable(error));
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), lonely->baseUrl().toString(),
                               QStringLiteral("--job"), QStringLiteral("lonely"), QStringLiteral("--verify"),
                               QStringLiteral("--verify-timeout"), QStringLiteral("3"), QStringLiteral("--query-url"),
                               m_prometheus->baseUrl().toString(), file("lonely_metric 1\n")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("this Prometheus does not scrape the gateway at 127.0.0.1:%1")
                                  .arg(lonely->baseUrl().port())
                                  .toUtf8()),
             run.err.constData());
}

void TestCliLive::honorLabelsOffIsNamedAsTheReason()
{
    QString error;
    const std::unique_ptr<ServerFixture> gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(gateway, qPrintable(error));
    const std::unique_ptr<ServerFixture> prometheus = startScrapingPrometheus(gateway->baseUrl(), false, &error);
    QVERIFY2(prometheus, qPrintable(error));
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), gateway->baseUrl().toString(),
                               QStringLiteral("--job"), QStringLiteral("renamed"), QStringLiteral("--verify"),
                               QStringLiteral("--verify-timeout"), QStringLiteral("4"), QStringLiteral("--query-url"),
                               prometheus->baseUrl().toString(), file("renamed_metric 1\n")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("honor_labels is off") && run.err.contains("exported_job=\"renamed\""),
             run.err.constData());
}

// The job is made before its history entry: a generator that names no series ends the run
// with the flag named, and the history holds nothing of it.
// --query-url on another server than the gateway: the verification's queries go there without
// the push's password, and the push's history entry names where they went.
void TestCliLive::theQueriesGoWithoutThePushsCredentialsToAnotherServer()
{
    FaultServer query;
    query.script({FaultServer::Answer::reply(200,
                                             "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                             "\"result\":[]}}")});
    QStringList arguments = push(QStringLiteral("verified_elsewhere"));
    arguments << QStringLiteral("--user") << QStringLiteral("bob") << QStringLiteral("--password-stdin")
              << QStringLiteral("--verify") << QStringLiteral("--verify-timeout") << QStringLiteral("1")
              << QStringLiteral("--query-url") << query.baseUrl() << QStringLiteral("-");
    const CliRun run = runCli(arguments, "S3cretPW\nverified_elsewhere_total 1\n");
    QCOMPARE(run.exitCode, 4); // the scripted query API never shows it
    QVERIFY(!query.received().isEmpty());
    for (const FaultServer::Received &request : query.received())
        QVERIFY2(request.header("Authorization").isEmpty(), request.header("Authorization").constData());
    const QJsonArray entries = history({});
    QVERIFY(!entries.isEmpty());
    const QString arrival = entries.first()[QStringLiteral("arrival")].toString();
    QVERIFY2(arrival.contains(QStringLiteral("queries to %1").arg(query.baseUrl())), qPrintable(arrival));
}

void TestCliLive::aJobThatCannotBeMadeLeavesNoHistoryEntry()
{
    const qsizetype before = history({}).size();
    QStringList arguments = push(QStringLiteral("never_made"));
    arguments << QStringLiteral("--every") << QStringLiteral("1s") << QStringLiteral("--count") << QStringLiteral("2")
              << QStringLiteral("--set") << QStringLiteral("b=now") << file("a 1\n");
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--set: \"b\" names no series"), run.err.constData());
    QCOMPARE(history({}).size(), before);
}

void TestCliLive::badInputNamesTheFlag_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown-generator") << QStringList{QStringLiteral("--set"), QStringLiteral("a=saw:1")}
                                       << "--set: \"saw:1\": not a generator";
    QTest::newRow("series-matches-nothing")
        << QStringList{QStringLiteral("--set"), QStringLiteral("b=now")} << "--set: \"b\" names no series";
    QTest::newRow("interval-under-100ms") << QStringList{QStringLiteral("--every"), QStringLiteral("50ms")}
                                          << "--every: the interval must be at least 100ms";
    QTest::newRow("count-zero") << QStringList{QStringLiteral("--every"), QStringLiteral("1s"),
                                               QStringLiteral("--count"), QStringLiteral("0")}
                                << "--count: a count of ticks is a whole number from 1 up";
    QTest::newRow("count-without-every") << QStringList{QStringLiteral("--count"), QStringLiteral("3")}
                                         << "--count: it needs --every";
    QTest::newRow("verify-without-query-url") << QStringList{QStringLiteral("--verify")} << "--verify: no query URL";
    QTest::newRow("bad-duration") << QStringList{QStringLiteral("--every"), QStringLiteral("soon")}
                                  << "--every: \"soon\" is not a duration";
    QTest::newRow("same-group-without-instances")
        << QStringList{QStringLiteral("--same-group")} << "--same-group: it needs --instances";
}

void TestCliLive::badInputNamesTheFlag()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    FaultServer server;
    const CliRun run = runCli(QStringList{QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(),
                                          QStringLiteral("--job"), QStringLiteral("x")}
                              + extra + QStringList{file("a 1\n")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QCOMPARE(server.received().size(), 0);
}

QTEST_GUILESS_MAIN(TestCliLive)
#include "tst_cli_live.moc"
