// promdesk-cli under faults and ordinary mistakes, run as an operator would: against a real
// Pushgateway and Prometheus where they can show the fault, and a scripted server where they
// cannot. Nothing is lost, nothing is sent twice, and the history says what happened.
#include "CliRunner.h"
#include "FaultServer.h"
#include "ServerFixture.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

using namespace promdesk::test;

namespace {

using Answer = FaultServer::Answer;

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list << QString::fromUtf8(word);
    return list;
}

} // namespace

class TestCliFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    // 1. an empty draft never empties a group
    void emptyInputIsRefused_data();
    void emptyInputIsRefused();
    void allowEmptyEmptiesTheGroupOnPurpose();
    void emptyInputIsRefusedForRemoteWrite_data();
    void emptyInputIsRefusedForRemoteWrite();

    // 2. nothing is sent more often than the history says
    void closedAfterRequestIsSentOnceAndSaidSo_data();
    void closedAfterRequestIsSentOnceAndSaidSo();
    void closedAfterRequestRemoteWriteIsRetriedAsANewAttempt();

    // 3. a far-future sample never reaches a receiver by accident
    void farFutureSampleIsRefusedAndTheReceiverStaysUsable_data();
    void farFutureSampleIsRefusedAndTheReceiverStaysUsable();
    void allowFutureSaysWhatItWillDo();

    // 4. the history says when it cannot be written, and the requests still go
    void fullDiskIsSaidOnceAndThePushStillGoes();
    void pruneOnAFullDiskRemovesNothingAndSaysWhy();
    void damagedPagesAreNoticedAndMovedAside();
    void aDamagedFileMovedAsideIsSaidOnce();
    void readOnlyHistoryIsSaidAndThePushStillGoes();
    void fourProcessesPushingAtOnceLoseNothing();

    // 5. Ctrl+C and SIGTERM stop sending, let the answers come, and say where to resume
    void interruptLetsTheRequestsOnTheWireAnswer_data();
    void interruptLetsTheRequestsOnTheWireAnswer();
    void secondInterruptStopsWaiting();
    void interruptedPushStillShowsItsAnswer();
    void pushInterruptedTwiceSaysItMayHaveBeenApplied();

    // 6. a resumed backfill counts what it sent, apart from what an earlier run sent
    void resumedBackfillCountsItsOwnRequests();

    // 10. credentials never sit in a URL
    void urlsWithCredentialsAreRefused_data();
    void urlsWithCredentialsAreRefused();
    void anEmptySecretOnStandardInputIsRefused_data();
    void anEmptySecretOnStandardInputIsRefused();
    void profilesSavedWithCredentialsInUrlsNeverShowThem();

    // 13. a profile's credentials go only to its own servers
    void profileCredentialsStayWithTheProfilesHosts_data();
    void profileCredentialsStayWithTheProfilesHosts();

    // 14. what PromDesk writes about requests is for its user only
    void filesAreForTheUserOnly();

    // 15. exit codes say what happened
    void unreadableInputIsExitTwo_data();
    void unreadableInputIsExitTwo();
    void brokenCaFileIsExitTwoNamingIt_data();
    void brokenCaFileIsExitTwoNamingIt();

    // 16. a redirect is said, and not followed
    void redirectIsSaidAndNotFollowed_data();
    void redirectIsSaidAndNotFollowed();

    // 17. protobuf that is not metrics is refused
    void garbageProtobufIsRefusedWithItsOffset_data();
    void garbageProtobufIsRefusedWithItsOffset();

    // 11. what a server echoes back is masked before it is stored
    void echoedSecretsAreMaskedInTheHistory_data();
    void echoedSecretsAreMaskedInTheHistory();

    // 7. a huge answer is read within bounds, printed once and cut, stored cut
    void hugeErrorBodyStaysBounded();
    void largeGroupsAreReadWholeAndTheLimitIsSettable();

    // 9. bytes from outside never reach the terminal raw
    void serverEscapeSequencesAreShownEscaped();
    void binaryInputIsQuotedEscapedAndShort_data();
    void binaryInputIsQuotedEscapedAndShort();

private:
    QString gateway() const { return m_gateway->baseUrl().toString(); }
    QString file(const QByteArray &content, const QString &suffix = QStringLiteral(".prom"));
    QJsonArray history();
    QByteArray groupMetrics(const QString &job);

    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
    std::unique_ptr<QTemporaryDir> m_data;
    QTemporaryDir m_work;
    int m_files = 0;
};

void TestCliFaults::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

void TestCliFaults::init()
{
    // A history of its own per test function: each counts its own entries.
    m_data = std::make_unique<QTemporaryDir>();
    qputenv("PROMDESK_DATA_DIR", m_data->path().toLocal8Bit());
    qputenv("PROMDESK_CONFIG_DIR", m_data->path().toLocal8Bit());
}

QString TestCliFaults::file(const QByteArray &content, const QString &suffix)
{
    QFile f(m_work.filePath(QStringLiteral("input%1%2").arg(++m_files).arg(suffix)));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

QJsonArray TestCliFaults::history()
{
    const CliRun run = runCli(args({"history", "list", "--json"}));
    return QJsonDocument::fromJson(run.out).array();
}

QByteArray TestCliFaults::groupMetrics(const QString &job)
{
    return runCli(
               QStringList{QStringLiteral("groups"), QStringLiteral("--url"), gateway(), QStringLiteral("--job"), job})
        .out;
}

void TestCliFaults::emptyInputIsRefused_data()
{
    QTest::addColumn<QString>("source"); // "stdin" or "file"
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("method");
    QTest::newRow("failed producer on stdin, PUT")
        << QStringLiteral("stdin") << QByteArray() << QStringLiteral("--replace");
    QTest::newRow("failed producer on stdin, POST")
        << QStringLiteral("stdin") << QByteArray() << QStringLiteral("--merge");
    QTest::newRow("empty file") << QStringLiteral("file") << QByteArray() << QStringLiteral("--replace");
    QTest::newRow("only comments and blank lines")
        << QStringLiteral("file") << QByteArray("# nothing today\n\n# TYPE x gauge\n") << QStringLiteral("--replace");
}

void TestCliFaults::emptyInputIsRefused()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, content);
    QFETCH(QString, method);
    const QString job = QStringLiteral("backup_%1").arg(QTest::currentDataTag()[0] == 'o' ? 9 : ++m_files);
    CliRun run = runCli(
        {QStringLiteral("push"), QStringLiteral("--url"), gateway(), QStringLiteral("--job"), job, QStringLiteral("-")},
        "# TYPE backup_ok gauge\nbackup_ok 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const int entriesBefore = int(history().size());

    const QString input = source == u"stdin" ? QStringLiteral("-") : file(content);
    run = runCli(
        {QStringLiteral("push"), QStringLiteral("--url"), gateway(), QStringLiteral("--job"), job, method, input},
        content);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no samples") && run.err.contains("--allow-empty") && run.err.contains("nothing sent"),
             run.err.constData());
    QCOMPARE(int(history().size()), entriesBefore);
    QVERIFY2(groupMetrics(job).contains("backup_ok"), "the group lost its metrics");
}

void TestCliFaults::allowEmptyEmptiesTheGroupOnPurpose()
{
    CliRun run = runCli(args({"push", "--url"}) + QStringList{gateway()} + args({"--job", "on_purpose", "-"}),
                        "# TYPE backup_ok gauge\nbackup_ok 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(args({"push", "--url"}) + QStringList{gateway()} + args({"--job", "on_purpose", "--allow-empty", "-"}),
                 {});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("empty"), run.err.constData());
    QVERIFY(!groupMetrics(QStringLiteral("on_purpose")).contains("backup_ok"));
}

void TestCliFaults::emptyInputIsRefusedForRemoteWrite_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("write") << QStringLiteral("write");
    QTest::newRow("backfill") << QStringLiteral("backfill");
}

void TestCliFaults::emptyInputIsRefusedForRemoteWrite()
{
    QFETCH(QString, command);
    const CliRun run = runCli({command, QStringLiteral("--url"), m_prometheus->baseUrl().toString(), file({})});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no samples"), run.err.constData());
    QCOMPARE(int(history().size()), 0);
}

void TestCliFaults::closedAfterRequestIsSentOnceAndSaidSo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("operation");
    QTest::newRow("push PUT") << args({"push", "--job", "a", "-"}) << QByteArray("up 1\n") << QStringLiteral("replace");
    QTest::newRow("push POST") << args({"push", "--merge", "--job", "a", "-"}) << QByteArray("up 1\n")
                               << QStringLiteral("merge");
    QTest::newRow("delete") << args({"delete", "--job", "a"}) << QByteArray() << QStringLiteral("delete");
    QTest::newRow("remote write with one attempt")
        << args({"write", "--max-attempts", "1", "-"}) << QByteArray("up 1\n") << QStringLiteral("write");
}

void TestCliFaults::closedAfterRequestIsSentOnceAndSaidSo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, operation);
    FaultServer server;
    server.script({Answer::closesAfterRequest()});
    arguments.insert(1, QStringLiteral("--url"));
    arguments.insert(2, server.baseUrl());
    const CliRun run = runCli(arguments, input);
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(server.received().size(), 1);
    QVERIFY2(run.err.contains("closed the connection after receiving the request")
                 && run.err.contains("may have been applied"),
             run.err.constData());
    QVERIFY2(!run.err.contains("Cannot connect"), run.err.constData());
    const QJsonArray entries = history();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0)[QStringLiteral("operation")].toString(), operation);
    QCOMPARE(entries.at(0)[QStringLiteral("outcome")].toString(), QStringLiteral("closed-after-request"));
}

void TestCliFaults::closedAfterRequestRemoteWriteIsRetriedAsANewAttempt()
{
    FaultServer server;
    server.script({Answer::closesAfterRequest(), Answer::reply(204)});
    const CliRun run
        = runCli({QStringLiteral("write"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("-")}, "up 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(server.received().at(1).header("Retry-Attempt"), QByteArray("1"));
    const QJsonArray entries = history();
    QCOMPARE(entries.size(), 2);
    QStringList outcomes;
    for (const QJsonValue &entry : entries)
        outcomes << entry[QStringLiteral("outcome")].toString();
    outcomes.sort();
    QCOMPARE(outcomes, (QStringList{QStringLiteral("closed-after-request"), QStringLiteral("ok")}));
}

void TestCliFaults::farFutureSampleIsRefusedAndTheReceiverStaysUsable_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("code");
    const qint64 yearAhead = QDateTime::currentMSecsSinceEpoch() + qint64(365) * 86400000;
    QTest::newRow("write, a year ahead") << QStringLiteral("write")
                                         << QByteArray("future_probe 1 " + QByteArray::number(yearAhead) + "\n")
                                         << QStringLiteral(".prom") << QByteArray("timestamp-in-future");
    QTest::newRow("write, ts=1e17") << QStringLiteral("write") << QByteArray("future_probe 1 100000000000000000\n")
                                    << QStringLiteral(".prom") << QByteArray("timestamp-in-future");
    QTest::newRow("backfill, a day ahead in CSV")
        << QStringLiteral("backfill")
        << QByteArray("timestamp,metric,value\n"
                      + QByteArray::number((QDateTime::currentMSecsSinceEpoch() + 86400000) / 1000)
                      + ",future_probe,1\n")
        << QStringLiteral(".csv") << QByteArray("timestamp-in-future");
    QTest::newRow("write, OpenMetrics 1e16 seconds")
        << QStringLiteral("write") << QByteArray("future_probe 1 1e16\n# EOF\n") << QStringLiteral(".prom")
        << QByteArray("timestamp-out-of-range");
}

void TestCliFaults::farFutureSampleIsRefusedAndTheReceiverStaysUsable()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, content);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, code);
    const QString url = m_prometheus->baseUrl().toString();
    CliRun run = runCli({command, QStringLiteral("--url"), url, file(content, suffix)});
    QCOMPARE(run.exitCode, 1);
    const QByteArray said = run.err + run.out;
    QVERIFY2(said.contains(QByteArray("[" + code + "]")), said.constData());
    QCOMPARE(int(history().size()), 0);
    // The receiver still takes current samples.
    run = runCli({QStringLiteral("write"), QStringLiteral("--url"), url, QStringLiteral("-")}, "future_probe_now 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliFaults::allowFutureSaysWhatItWillDo()
{
    const qint64 dayAhead = QDateTime::currentMSecsSinceEpoch() + 86400000;
    const CliRun run = runCli({QStringLiteral("backfill"), QStringLiteral("--url"), m_prometheus->baseUrl().toString(),
                               QStringLiteral("--dry-run"), QStringLiteral("--allow-future"),
                               file("future_probe 1 " + QByteArray::number(dayAhead) + "\n")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("refuses every current sample") && run.out.contains("[in-the-future]"),
             run.out.constData());
    QVERIFY(run.out.contains("Dry run: nothing was sent."));
}

namespace {

// Runs a bash script in a mount namespace of its own, where it may mount a small tmpfs on $DIR:
// a disk that really fills up. $CLI is the binary and $GW the test's Pushgateway.
CliRun inMountNamespace(const QString &script, const QString &dir, const QString &gateway)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CLI"), QStringLiteral(PROMDESK_CLI));
    environment.insert(QStringLiteral("DIR"), dir);
    environment.insert(QStringLiteral("GW"), gateway);
    environment.insert(QStringLiteral("PROMDESK_DATA_DIR"), dir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("unshare"),
                  {QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--mount"),
                   QStringLiteral("bash"), QStringLiteral("-c"), QStringLiteral("set -u\n") + script});
    process.waitForFinished(60000);
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  process.readAllStandardOutput(), process.readAllStandardError()};
}

// A tmpfs of 512 KiB on $DIR with a history in it, then filled to the last byte.
const QString kFullDisk
    = QStringLiteral("mount -t tmpfs -o size=512k none \"$DIR\" || { echo 'cannot mount a tmpfs' >&2; exit 77; }\n"
                     "\"$CLI\" push --url \"$GW\" --job fills_up - <<< 'before_full 1' >/dev/null 2>&1\n"
                     "dd if=/dev/zero of=\"$DIR/filler\" bs=4k >/dev/null 2>&1 || true\n");

} // namespace

void TestCliFaults::fullDiskIsSaidOnceAndThePushStillGoes()
{
    const CliRun run = inMountNamespace(
        kFullDisk + QStringLiteral("\"$CLI\" push --url \"$GW\" --job full_disk - <<< 'after_full 1'\n"),
        m_data->path(), gateway());
    if (run.exitCode == 77)
        QSKIP(qPrintable(QStringLiteral("no mount namespace here: ") + QString::fromUtf8(run.err)));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("HTTP 200"), run.err.constData());
    QCOMPARE(run.err.count("the history could not record this run: the disk is full"), 1);
    QVERIFY(groupMetrics(QStringLiteral("full_disk")).contains("after_full"));
}

void TestCliFaults::pruneOnAFullDiskRemovesNothingAndSaysWhy()
{
    const CliRun run
        = inMountNamespace(kFullDisk
                               + QStringLiteral("\"$CLI\" history prune --max-entries 0; echo \"exit=$?\"\n"
                                                "rm \"$DIR/filler\"\n"
                                                "\"$CLI\" history list --json\n"),
                           m_data->path(), gateway());
    if (run.exitCode == 77)
        QSKIP(qPrintable(QStringLiteral("no mount namespace here: ") + QString::fromUtf8(run.err)));
    QVERIFY2(run.out.contains("exit=2"), run.out.constData());
    QVERIFY2(run.err.contains("nothing was removed: the disk is full"), run.err.constData());
    QVERIFY2(!run.err.contains("Removed 0 entries"), run.err.constData());
    const QByteArray json = run.out.mid(run.out.indexOf('['));
    QCOMPARE(QJsonDocument::fromJson(json).array().size(), 1); // the push before the disk filled up
}

void TestCliFaults::aDamagedFileMovedAsideIsSaidOnce()
{
    QFile garbage(m_data->filePath(QStringLiteral("history.sqlite")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'Z'));
    garbage.close();
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), gateway(), QStringLiteral("--job"),
                               QStringLiteral("after_damage"), QStringLiteral("-")},
                              "after_damage 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err.count("moved to"), 1);
    QVERIFY2(!run.err.contains("could not record"), run.err.constData()); // the new file did record it
    QCOMPARE(history().size(), 1);
}

void TestCliFaults::readOnlyHistoryIsSaidAndThePushStillGoes()
{
    const CliRun run = inMountNamespace(
        QStringLiteral("mount -t tmpfs -o size=4m none \"$DIR\" || { echo 'cannot mount a tmpfs' >&2; exit 77; }\n"
                       "\"$CLI\" push --url \"$GW\" --job before_ro - <<< 'before_ro 1' >/dev/null 2>&1\n"
                       "mount -o remount,ro \"$DIR\" || exit 77\n"
                       "\"$CLI\" push --url \"$GW\" --job read_only - <<< 'read_only 1'\n"),
        m_data->path(), gateway());
    if (run.exitCode == 77)
        QSKIP(qPrintable(QStringLiteral("no mount namespace here: ") + QString::fromUtf8(run.err)));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("HTTP 200"), run.err.constData());
    QVERIFY2(run.err.contains("requests are not recorded") || run.err.contains("could not record this run"),
             run.err.constData());
    QVERIFY2(run.err.contains("read-only") || run.err.contains("cannot be opened"), run.err.constData());
    QVERIFY(groupMetrics(QStringLiteral("read_only")).contains("read_only"));
}

void TestCliFaults::fourProcessesPushingAtOnceLoseNothing()
{
    // Four shells, each pushing 25 times in a row, all at once: every push arrives and is recorded.
    QList<QProcess *> loops;
    for (int machine = 0; machine < 4; ++machine) {
        auto *loop = new QProcess(this);
        loop->start(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "for i in $(seq 1 25); do echo \"concurrent_push $i\" | \"$0\" push --url \"$1\" --job concurrent "
                 "--group instance=machine-%1 - 2>/dev/null || exit 1; done")
                 .arg(machine),
             QStringLiteral(PROMDESK_CLI), gateway()});
        loops.append(loop);
    }
    for (QProcess *loop : std::as_const(loops)) {
        QVERIFY(QTest::qWaitFor([loop] { return loop->state() == QProcess::NotRunning; }, 120000));
        QCOMPARE(loop->exitCode(), 0);
    }
    const CliRun run = runCli(args({"history", "list", "--json", "--limit", "1000"}));
    const QJsonArray entries = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(entries.size(), 100);
    for (const QJsonValue &entry : entries)
        QCOMPARE(entry[QStringLiteral("outcome")].toString(), QStringLiteral("ok"));
    const QByteArray groups = groupMetrics(QStringLiteral("concurrent"));
    for (int machine = 0; machine < 4; ++machine)
        QVERIFY(groups.contains(QByteArray("concurrent_push{instance=\"machine-" + QByteArray::number(machine)
                                           + "\",job=\"concurrent\"} 25")));
}

void TestCliFaults::damagedPagesAreNoticedAndMovedAside()
{
    QByteArray samples;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() - 600000;
    for (int i = 0; i < 3000; ++i)
        samples += "damage_probe{n=\"" + QByteArray::number(i % 30) + "\"} " + QByteArray::number(i) + " "
            + QByteArray::number(now + i / 30 * 1000) + "\n";
    CliRun run = runCli({QStringLiteral("backfill"), QStringLiteral("--url"), m_prometheus->baseUrl().toString(),
                         QStringLiteral("--batch-size"), QStringLiteral("10"), file(samples)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(args({"history", "prune"})); // compacts and checkpoints: everything is in the main file
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString path = m_data->filePath(QStringLiteral("history.sqlite"));
    {
        QFile database(path);
        QVERIFY(database.open(QIODevice::ReadWrite));
        QVERIFY2(database.size() > 32 * 4096, qPrintable(QString::number(database.size())));
        database.seek(database.size() / 2 / 4096 * 4096);
        database.write(QByteArray(4 * 4096, '\xA5'));
    }
    run = runCli(args({"history", "show", "2"}));
    QVERIFY2(run.err.contains("the history file is damaged (quick_check:") && run.err.contains("moved to"),
             run.err.constData());
    const QString aside
        = QString::fromUtf8(run.err).section(QStringLiteral("moved to "), 1).section(QLatin1Char(' '), 0, 0);
    QVERIFY2(QFile::exists(aside), qPrintable(aside));
}

void TestCliFaults::resumedBackfillCountsItsOwnRequests()
{
    QByteArray samples;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 600000;
    for (int i = 0; i < 10; ++i)
        samples += "resume_probe " + QByteArray::number(i) + " " + QByteArray::number(start + i * 1000) + "\n";
    const QString input = file(samples);
    FaultServer first;
    first.script({Answer::reply(204), Answer::reply(204), Answer::reply(204), Answer::reply(400, "out of bounds\n")});
    CliRun run
        = runCli({QStringLiteral("backfill"), QStringLiteral("--url"), first.baseUrl(), QStringLiteral("--batch-size"),
                  QStringLiteral("1"), QStringLiteral("--shards"), QStringLiteral("1"), input});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("Sent 3 of 10 requests (3 of 10 samples)"), run.err.constData());
    QVERIFY2(run.err.contains("Resume with --resume-from 4"), run.err.constData());

    FaultServer second;
    run = runCli({QStringLiteral("backfill"), QStringLiteral("--url"), second.baseUrl(), QStringLiteral("--batch-size"),
                  QStringLiteral("1"), QStringLiteral("--shards"), QStringLiteral("1"), QStringLiteral("--resume-from"),
                  QStringLiteral("4"), input});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(second.received().size(), 7);
    QVERIFY2(run.err.contains("Sent 7 requests (7 samples)")
                 && run.err.contains("an earlier run had sent 3 (3 samples)")
                 && run.err.contains("10 of 10 requests (10 of 10 samples) are delivered"),
             run.err.constData());
}

namespace {

// A CLI run the test can signal while it goes on; the test's event loop serves the scripted server.
struct RunningCli
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();

    explicit RunningCli(const QStringList &arguments, const QByteArray &input = {})
    {
        process->start(QStringLiteral(PROMDESK_CLI), arguments);
        process->waitForStarted();
        process->write(input);
        process->closeWriteChannel();
    }
    void signal(int number) const { ::kill(pid_t(process->processId()), number); }
    CliRun finish() const
    {
        if (!QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 30000))
            return {};
        return CliRun{process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1,
                      process->readAllStandardOutput(), process->readAllStandardError()};
    }
};

QByteArray tenSamples()
{
    QByteArray samples;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 600000;
    for (int i = 0; i < 10; ++i)
        samples += "interrupt_probe " + QByteArray::number(i) + " " + QByteArray::number(start + i * 1000) + "\n";
    return samples;
}

} // namespace

void TestCliFaults::interruptLetsTheRequestsOnTheWireAnswer_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("Ctrl+C") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestCliFaults::interruptLetsTheRequestsOnTheWireAnswer()
{
    QFETCH(int, signalNumber);
    FaultServer server; // the fourth request is on the wire for 1.5 s when the signal comes
    server.script(
        {Answer::reply(204), Answer::reply(204), Answer::reply(204), Answer::delayed(204, 1500), Answer::reply(204)});
    const RunningCli cli({QStringLiteral("backfill"), QStringLiteral("--url"), server.baseUrl(),
                          QStringLiteral("--batch-size"), QStringLiteral("1"), QStringLiteral("--shards"),
                          QStringLiteral("1"), file(tenSamples())});
    QTRY_VERIFY_WITH_TIMEOUT(server.received().size() == 4, 20000);
    cli.signal(signalNumber);
    const CliRun run = cli.finish();
    QCOMPARE(run.exitCode, 128 + signalNumber);
    QCOMPARE(server.received().size(), 4);
    QVERIFY2(run.err.contains("interrupted; no more requests are sent") && run.err.contains("Sent 4 of 10 requests")
                 && run.err.contains("Stopped: interrupted") && run.err.contains("Resume with --resume-from 5"),
             run.err.constData());
    // The history is complete: four answers, the backfill's own entry, and the batches prepared
    // ahead say they were not sent; none is left "unknown".
    int ok = 0;
    for (const QJsonValue &entry : history()) {
        QVERIFY2(entry[QStringLiteral("outcome")].toString() != u"unknown",
                 QJsonDocument(entry.toObject()).toJson().constData());
        ok += entry[QStringLiteral("outcome")].toString() == u"ok"
            && entry[QStringLiteral("operation")].toString() == u"backfill-batch";
    }
    QCOMPARE(ok, 4);
}

void TestCliFaults::secondInterruptStopsWaiting()
{
    FaultServer server;
    server.script({Answer::reply(204), Answer::reply(204), Answer::reply(204), Answer::hangs()});
    const RunningCli cli({QStringLiteral("backfill"), QStringLiteral("--url"), server.baseUrl(),
                          QStringLiteral("--batch-size"), QStringLiteral("1"), QStringLiteral("--shards"),
                          QStringLiteral("1"), file(tenSamples())});
    QTRY_VERIFY_WITH_TIMEOUT(server.received().size() == 4, 20000);
    cli.signal(SIGINT);
    QTest::qWait(300);
    cli.signal(SIGINT);
    const CliRun run = cli.finish();
    QCOMPARE(run.exitCode, 130);
    QCOMPARE(server.received().size(), 4);
    QVERIFY2(run.err.contains("Sent 3 of 10 requests") && run.err.contains("Resume with --resume-from 4"),
             run.err.constData());
    bool toldMayBeApplied = false;
    for (const QJsonValue &entry : history()) {
        QVERIFY(entry[QStringLiteral("outcome")].toString() != u"unknown");
        toldMayBeApplied = toldMayBeApplied
            || entry[QStringLiteral("error")].toString().contains(QLatin1String("may have been applied"));
    }
    QVERIFY(toldMayBeApplied); // the fourth request went out whole: it may have been applied
}

void TestCliFaults::interruptedPushStillShowsItsAnswer()
{
    FaultServer server;
    server.script({Answer::delayed(200, 1500)});
    const RunningCli cli({QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--job"),
                          QStringLiteral("slow"), QStringLiteral("-")},
                         "up 1\n");
    QTRY_VERIFY_WITH_TIMEOUT(server.received().size() == 1, 20000);
    cli.signal(SIGINT);
    const CliRun run = cli.finish();
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("waiting up to 5 s for its answer") && run.err.contains("HTTP 200"), run.err.constData());
    QCOMPARE(history().at(0)[QStringLiteral("outcome")].toString(), QStringLiteral("ok"));
}

void TestCliFaults::pushInterruptedTwiceSaysItMayHaveBeenApplied()
{
    FaultServer server;
    server.script({Answer::hangs()});
    const RunningCli cli({QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--job"),
                          QStringLiteral("hung"), QStringLiteral("-")},
                         "up 1\n");
    QTRY_VERIFY_WITH_TIMEOUT(server.received().size() == 1, 20000);
    cli.signal(SIGINT);
    QTest::qWait(200);
    cli.signal(SIGINT);
    const CliRun run = cli.finish();
    QCOMPARE(run.exitCode, 130);
    QVERIFY2(run.err.contains("Cancelled: cancelled while waiting for the answer")
                 && run.err.contains("may have been applied"),
             run.err.constData());
}

void TestCliFaults::urlsWithCredentialsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("profile add, Pushgateway URL") << args({"profile", "add", "leaky", "--kind", "pushgateway",
                                                           "--pushgateway-url", "http://1250000000:SECRET@127.0.0.1:1"})
                                                  << QByteArray();
    QTest::newRow("profile add, remote write URL")
        << args({"profile", "add", "leaky", "--kind", "remote-write", "--remote-write-url",
                 "http://u:SECRET@127.0.0.1:1/api/v1/write"})
        << QByteArray();
    QTest::newRow("scrape") << args({"scrape", "http://user:SECRET@127.0.0.1:1/metrics"}) << QByteArray();
    QTest::newRow("push") << args({"push", "--url", "http://user:SECRET@127.0.0.1:1", "--job", "x", "-"})
                          << QByteArray("up 1\n");
}

void TestCliFaults::urlsWithCredentialsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    const CliRun run = runCli(arguments, input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--user") && run.err.contains("--password-stdin"), run.err.constData());
    QVERIFY(!run.err.contains("SECRET"));
    QCOMPARE(int(history().size()), 0); // nothing was sent
    QFile ini(m_data->filePath(QStringLiteral("profiles.ini")));
    QVERIFY(!ini.exists() || (ini.open(QIODevice::ReadOnly) && !ini.readAll().contains("SECRET")));
    QVERIFY(!runCli(args({"profile", "list"})).out.contains("leaky"));
}

// --password-stdin or --bearer-stdin with nothing on the first line: an empty secret would go out
// as "bob:" or "Bearer " and fail at the server, or pass an open one as if it were checked.
void TestCliFaults::anEmptySecretOnStandardInputIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("password-no-input") << args({"push", "--user", "bob", "--password-stdin", "--job", "x", "FILE"})
                                       << QByteArray();
    QTest::newRow("password-empty-line") << args({"push", "--user", "bob", "--password-stdin", "--job", "x", "FILE"})
                                         << QByteArray("\n");
    QTest::newRow("password-crlf-only") << args({"push", "--user", "bob", "--password-stdin", "--job", "x", "FILE"})
                                        << QByteArray("\r\n");
    QTest::newRow("bearer-empty-line") << args({"write", "--bearer-stdin", "FILE"}) << QByteArray("\nup 1\n");
}

void TestCliFaults::anEmptySecretOnStandardInputIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    FaultServer server;
    server.script({Answer::reply(200)});
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("m.prom"));
    QFile metrics(file);
    QVERIFY(metrics.open(QIODevice::WriteOnly) && metrics.write("up 1\n") == 5);
    metrics.close();
    arguments.replace(arguments.indexOf(QStringLiteral("FILE")), file);
    arguments << QStringLiteral("--url") << server.baseUrl();
    const CliRun run = runCli(arguments, input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("the secret on standard input is empty"), run.err.constData());
    QCOMPARE(server.received().size(), 0);
    QCOMPARE(int(history().size()), 0);
}

void TestCliFaults::profilesSavedWithCredentialsInUrlsNeverShowThem()
{
    // A profiles.ini written before URLs with credentials were refused, and an export made then.
    const QString ini = m_data->filePath(QStringLiteral("profiles.ini"));
    {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[General]\nschemaVersion=2\n\n[profiles]\n3f1c\\name=old\n3f1c\\kind=pushgateway\n"
                   "3f1c\\pushgatewayUrl=http://1250000000:SECRET@127.0.0.1:9\n");
    }
    const QString exported = m_work.filePath(QStringLiteral("exported.json"));
    for (const QStringList &command : {args({"profile", "list"}), args({"profile", "show", "old"}),
                                       QStringList{QStringLiteral("profile"), QStringLiteral("export"), exported}}) {
        const CliRun run = runCli(command);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(!run.out.contains("SECRET") && !run.err.contains("SECRET"), run.out.constData());
        QVERIFY2(command.at(1) == u"export" || run.out.contains("127.0.0.1:9"), run.out.constData()); // it was read
    }
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY2(json.contains("127.0.0.1:9") && !json.contains("SECRET"), json.constData());
    // Sending with it is refused, not done with the password from the URL.
    const CliRun push = runCli(args({"push", "--profile", "old", "--job", "x", "-"}), "up 1\n");
    QCOMPARE(push.exitCode, 2);
    // An export that carries them is not imported.
    QFile leaky(m_work.filePath(QStringLiteral("leaky.json")));
    QVERIFY(leaky.open(QIODevice::WriteOnly));
    leaky.write(QByteArray(json).replace("127.0.0.1:9", "u:SECRET@127.0.0.1:9").replace("\"old\"", "\"leaky\""));
    leaky.close();
    const CliRun imported = runCli({QStringLiteral("profile"), QStringLiteral("import"), leaky.fileName()});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains("has a user or password in it; nothing was imported"), imported.err.constData());
    QVERIFY(!runCli(args({"profile", "list"})).out.contains("leaky"));
}

void TestCliFaults::profileCredentialsStayWithTheProfilesHosts_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("credentials"); // what the profile carries, as profiles.ini lines
    const QByteArray basic = "9a7b\\auth=basic\n9a7b\\user=1250000000\n";
    // Saved before secret headers went to the keychain: a key in clear among the extra headers.
    const QByteArray oldHeader = "9a7b\\extraHeaders=X-Api-Key: k-123456\n";
    QTest::newRow("push") << QStringLiteral("push") << basic;
    QTest::newRow("delete") << QStringLiteral("delete") << basic;
    QTest::newRow("groups") << QStringLiteral("groups") << basic;
    QTest::newRow("write") << QStringLiteral("write") << basic;
    QTest::newRow("push, an old profile's secret header") << QStringLiteral("push") << oldHeader;
}

void TestCliFaults::profileCredentialsStayWithTheProfilesHosts()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, credentials);
    FaultServer other;
    {
        QFile ini(m_data->filePath(QStringLiteral("profiles.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[General]\nschemaVersion=2\n\n[profiles]\n9a7b\\name=tmp-prod\n9a7b\\kind=tmp\n"
                  "9a7b\\pushgatewayUrl=http://127.0.0.1:9\n9a7b\\remoteWriteUrl=http://127.0.0.1:9/api/v1/prom/write\n"
                  + credentials);
    }
    QStringList arguments{command, QStringLiteral("--profile"), QStringLiteral("tmp-prod"), QStringLiteral("--url"),
                          other.baseUrl()};
    if (command == u"push" || command == u"delete")
        arguments << QStringLiteral("--job") << QStringLiteral("x");
    if (command == u"push" || command == u"write")
        arguments << QStringLiteral("-");
    const CliRun run = runCli(arguments, "up 1\n");
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("which is not a server of profile 'tmp-prod' (http://127.0.0.1:9)"), run.err.constData());
    QTest::qWait(100);
    QCOMPARE(other.received().size(), 0);
}

void TestCliFaults::filesAreForTheUserOnly()
{
    const QString data = m_data->filePath(QStringLiteral("made-by-promdesk"));
    qputenv("PROMDESK_DATA_DIR", data.toLocal8Bit());
    FaultServer server;
    CliRun run
        = runCli({QStringLiteral("write"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("-")}, "up 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString bodies = m_work.filePath(QStringLiteral("bodies"));
    run = runCli(
        {QStringLiteral("history"), QStringLiteral("curl"), QStringLiteral("1"), QStringLiteral("--output"), bodies});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString exported = m_work.filePath(QStringLiteral("profiles-export.json"));
    run = runCli({QStringLiteral("profile"), QStringLiteral("export"), exported});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    // User, group, other: rw------- and rwx------.
    const auto mode = [](const QString &path) { return int(QFileInfo(path).permissions() & 0x0777); };
    const int owner = QFileDevice::ReadUser | QFileDevice::WriteUser;
    QCOMPARE(mode(data), owner | QFileDevice::ExeUser);
    for (const QString &name : QDir(data).entryList(QDir::Files))
        QCOMPARE(mode(QDir(data).filePath(name)), owner); // history.sqlite, its -wal and -shm
    QVERIFY(QFileInfo::exists(QDir(data).filePath(QStringLiteral("history.sqlite-wal"))));
    const QStringList bodyFiles = QDir(bodies).entryList(QDir::Files);
    QCOMPARE(bodyFiles.size(), 1);
    QCOMPARE(mode(QDir(bodies).filePath(bodyFiles.constFirst())), owner);
    QCOMPARE(mode(exported), owner);
}

void TestCliFaults::unreadableInputIsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString url = QStringLiteral("http://127.0.0.1:9");
    QTest::newRow("push") << (args({"push", "--job", "x", "--url"}) << url);
    QTest::newRow("preview") << (args({"preview", "--job", "x", "--url"}) << url);
    QTest::newRow("write") << (args({"write", "--url"}) << url);
    QTest::newRow("backfill") << (args({"backfill", "--url"}) << url);
    QTest::newRow("validate") << args({"validate"});
    QTest::newRow("convert") << args({"convert", "--to", "text"});
}

void TestCliFaults::unreadableInputIsExitTwo()
{
    QFETCH(QStringList, arguments);
    for (const QString &input :
         {m_work.filePath(QStringLiteral("no-such-file.prom")), m_work.path()}) { // missing; a folder
        const CliRun run = runCli(arguments + QStringList{input});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("cannot read") || run.err.contains("cannot"), run.err.constData());
    }
}

void TestCliFaults::brokenCaFileIsExitTwoNamingIt_data()
{
    QTest::addColumn<QString>("ca");
    QTest::newRow("missing") << QStringLiteral("missing-ca.pem");
    QTest::newRow("garbage") << QStringLiteral("garbage-ca.pem");
}

void TestCliFaults::brokenCaFileIsExitTwoNamingIt()
{
    QFETCH(QString, ca);
    const QString path = m_work.filePath(ca);
    if (ca.startsWith(QLatin1String("garbage"))) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    }
    FaultServer server;
    const CliRun run
        = runCli({QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--job"),
                  QStringLiteral("x"), QStringLiteral("--ca"), path, QStringLiteral("-")},
                 "up 1\n");
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QByteArray("the CA file " + path.toUtf8())), run.err.constData());
    QTest::qWait(100);
    QCOMPARE(server.received().size(), 0);
}

void TestCliFaults::redirectIsSaidAndNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QByteArray>("said");
    QTest::newRow("307 elsewhere") << 307 << QByteArray("https://gw.other.example/metrics/job/x")
                                   << QByteArray("HTTP 307: it redirects to https://gw.other.example/metrics/job/x.");
    QTest::newRow("301 with credentials in it")
        << 301 << QByteArray("http://u:pw@gw.example/") << QByteArray("HTTP 301: it redirects to http://gw.example/.");
    QTest::newRow("302 nowhere") << 302 << QByteArray() << QByteArray("a redirect, without saying where to");
}

void TestCliFaults::redirectIsSaidAndNotFollowed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, location);
    QFETCH(QByteArray, said);
    FaultServer server;
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!location.isEmpty())
        headers.append({"Location", location});
    server.script({Answer::reply(status, {}, headers)});
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(),
                               QStringLiteral("--job"), QStringLiteral("x"), QStringLiteral("-")},
                              "up 1\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(said) && run.err.contains("does not follow redirects"), run.err.constData());
    QVERIFY(!run.err.contains(":pw@"));
    QTest::qWait(100);
    QCOMPARE(server.received().size(), 1);
}

void TestCliFaults::garbageProtobufIsRefusedWithItsOffset_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("twenty 0xFF bytes") << QByteArray(20, '\xff');
    QTest::newRow("a hundred NUL bytes") << QByteArray(100, '\0');
}

void TestCliFaults::garbageProtobufIsRefusedWithItsOffset()
{
    QFETCH(QByteArray, bytes);
    const CliRun run = runCli({QStringLiteral("convert"), QStringLiteral("--from"), QStringLiteral("protobuf"),
                               QStringLiteral("--to"), QStringLiteral("text"), file(bytes, QStringLiteral(".bin"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("at byte 0: "), run.err.constData());
}

void TestCliFaults::echoedSecretsAreMaskedInTheHistory_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("push, basic auth") << args(
        {"push", "--user", "1250000000", "--password-stdin", "--job", "echo", "-"})
                                      << QByteArray("tmp-token-9f8e7d");
    QTest::newRow("remote write, bearer")
        << args({"write", "--bearer-stdin", "-"}) << QByteArray("bearer-token-1a2b3c");
}

void TestCliFaults::echoedSecretsAreMaskedInTheHistory()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, secret);
    FaultServer server;
    server.script({Answer::echoes(401)});
    arguments.insert(1, QStringLiteral("--url"));
    arguments.insert(2, server.baseUrl());
    const CliRun run = runCli(arguments, secret + "\nup 1\n");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(server.received().size(), 1);
    const QByteArray basic = QByteArray("1250000000:" + secret).toBase64();
    QVERIFY(server.received()
                .constFirst()
                .header("Authorization")
                .contains(arguments.contains(QStringLiteral("--bearer-stdin")) ? secret : basic));
    QVERIFY2(!run.err.contains(secret) && !run.err.contains(basic), run.err.constData());
    const CliRun show = runCli(args({"history", "show", "1"}));
    QVERIFY2(show.out.contains("Authorization: ") && show.out.contains("••••••"), show.out.constData());
    QVERIFY2(!show.out.contains(secret) && !show.out.contains(basic), show.out.constData());
    QVERIFY2(show.out.contains("were masked before this answer was stored"), show.out.constData());
    QVERIFY(history().at(0)[QStringLiteral("redacted")].toBool());
    // Nothing under the data directory holds it either.
    for (const QString &name : QDir(m_data->path()).entryList(QDir::Files)) {
        QFile stored(m_data->filePath(name));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        const QByteArray bytes = stored.readAll();
        QVERIFY2(!bytes.contains(secret) && !bytes.contains(basic), qPrintable(name));
    }
}

namespace {

// Runs a push against a server answering 400 with a body of `bodyBytes`, under GNU time: the
// run, and its peak memory in KiB.
std::pair<CliRun, qint64> pushAgainstHugeBody(qint64 bodyBytes, qint64 *bytesSent)
{
    FaultServer server;
    server.script({FaultServer::Answer::huge(400, bodyBytes)});
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Under AddressSanitizer, freed memory waits in a quarantine of up to 256 MB: keep it small,
    // so that what is measured is what PromDesk holds.
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       environment.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":quarantine_size_mb=8"));
    process.setProcessEnvironment(environment);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    process.start(QStringLiteral("/usr/bin/time"),
                  {QStringLiteral("-f"), QStringLiteral("maxrss_kb=%M"), QStringLiteral(PROMDESK_CLI),
                   QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--job"),
                   QStringLiteral("huge"), QStringLiteral("-")});
    process.write("up 1\n");
    process.closeWriteChannel();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    *bytesSent = server.hugeBytesWritten();
    const QByteArray err = process.readAllStandardError();
    const qint64 maxRssKb = err.mid(err.lastIndexOf("maxrss_kb=") + 10).trimmed().toLongLong();
    return {CliRun{process.exitCode(), process.readAllStandardOutput(), err}, maxRssKb};
}

} // namespace

void TestCliFaults::hugeErrorBodyStaysBounded()
{
    // Memory does not grow with the answer: a 200 MB body costs what a 20 MB one does. (Measured
    // as a difference, which holds in the sanitizer builds too; a plain build peaks near 33 MB.)
    constexpr qint64 kSmall = qint64(20) << 20;
    constexpr qint64 kBody = qint64(200) << 20;
    qint64 sent = 0;
    const auto [small, smallRssKb] = pushAgainstHugeBody(kSmall, &sent);
    QCOMPARE(small.exitCode, 1);
    const auto [run, maxRssKb] = pushAgainstHugeBody(kBody, &sent);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(sent, kBody); // read to the end (and counted), not kept
    QVERIFY2(smallRssKb > 0 && maxRssKb > 0 && maxRssKb - smallRssKb < 32 * 1024,
             qPrintable(QStringLiteral("peak RSS %1 KiB for 20 MB, %2 KiB for 200 MB").arg(smallRssKb).arg(maxRssKb)));
    QVERIFY2(run.err.size() < 8 * 1024, qPrintable(QStringLiteral("%1 bytes on stderr").arg(run.err.size())));
    QVERIFY2(run.err.contains("bytes in all)") && run.err.contains("promdesk-cli history show 2"),
             run.err.left(4000).constData());

    const CliRun show = runCli(args({"history", "show", "2"}));
    QVERIFY2(show.out.contains(QByteArray("body: " + QByteArray::number(kBody) + " bytes; the first 1048576 are kept")),
             show.out.left(2000).constData());
    QVERIFY(show.out.size() < 2 * 1024 * 1024);
}

void TestCliFaults::largeGroupsAreReadWholeAndTheLimitIsSettable()
{
    // The groups are the answer: a gateway holding megabytes of them is read whole (the 1 MiB
    // bound is for answers to pushes and writes), and --max-response sets the bound.
    QByteArray metrics = "# TYPE big_group_series gauge\n";
    for (int i = 0; i < 20000; ++i)
        metrics
            += "big_group_series{path=\"/var/lib/data/" + QByteArray::number(i) + "\"} " + QByteArray::number(i) + "\n";
    CliRun run = runCli(args({"push", "--url"}) + QStringList{gateway()} + args({"--job", "big_group", "-"}), metrics);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(args({"groups", "--json", "--job", "big_group", "--url"}) + QStringList{gateway()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.size() > 1024 * 1024, qPrintable(QString::number(run.out.size())));
    QCOMPARE(run.out.count("/var/lib/data/"), 20000);
    run = runCli(args({"preview", "--job", "big_group", "--url"}) + QStringList{gateway(), file(metrics)});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    run = runCli(args({"groups", "--job", "big_group", "--max-response", "1", "--url"}) + QStringList{gateway()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("more than the 1 MB read of an answer"), run.err.constData());

    FaultServer server;
    server.script({Answer::huge(400, qint64(5) << 20)});
    run = runCli({QStringLiteral("push"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--job"),
                  QStringLiteral("x"), QStringLiteral("--max-response"), QStringLiteral("0.5"), QStringLiteral("-")},
                 "up 1\n");
    QCOMPARE(run.exitCode, 1);
    const QJsonArray entries = history();
    const CliRun show = runCli({QStringLiteral("history"), QStringLiteral("show"),
                                QString::number(entries.at(0)[QStringLiteral("id")].toInt())});
    QVERIFY2(show.out.contains("body: 5242880 bytes; the first 524288 are kept"), show.out.left(2000).constData());
}

void TestCliFaults::serverEscapeSequencesAreShownEscaped()
{
    FaultServer server;
    const QByteArray hostile = "\x1b[2J\x1b]0;pwned\x07refused\n";
    server.script({Answer::reply(400, hostile)});
    const CliRun run = onATerminal({QStringLiteral(PROMDESK_CLI), QStringLiteral("push"), QStringLiteral("--url"),
                                    server.baseUrl(), QStringLiteral("--job"), QStringLiteral("esc"), file("up 1\n")});
    QVERIFY2(!run.out.contains('\x1b') && !run.out.contains('\x07'), run.out.toPercentEncoding().constData());
    QVERIFY2(run.out.contains("\\x1b[2J\\x1b]0;pwned\\x07refused"), run.out.constData());
    // The history keeps the answer as it came.
    const CliRun show = runCli(args({"history", "show", "1"}));
    QVERIFY(show.out.contains(hostile));
}

void TestCliFaults::binaryInputIsQuotedEscapedAndShort_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("escape sequence in a value") << QByteArray("up \x1b[2Jpwned\n");
    QTest::newRow("binary bytes") << QByteArray("up{a=\"\xff\xfe\"} \x01\x02\x03\n");
    QTest::newRow("a 10 MB token") << QByteArray("up " + QByteArray(10 << 20, '7') + "x\n");
    QTest::newRow("a 10 MB metric name") << QByteArray("a" + QByteArray(10 << 20, '-') + " 1\n");
}

void TestCliFaults::binaryInputIsQuotedEscapedAndShort()
{
    QFETCH(QByteArray, content);
    const CliRun run = runCli({QStringLiteral("validate"), file(content)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.size() < 4096, qPrintable(QStringLiteral("%1 bytes of messages").arg(run.err.size())));
    for (const char control : {'\x1b', '\x01', '\x02'})
        QVERIFY2(!run.err.contains(control), run.err.toPercentEncoding().constData());
    QVERIFY2(!run.err.contains("\xff"), run.err.toPercentEncoding().constData());
}

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
