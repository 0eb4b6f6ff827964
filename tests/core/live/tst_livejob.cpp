// A live job's schedule and failures, against a scripted server: it never piles requests up,
// never drifts, backs off and recovers, honours Retry-After and stops on a refusal.
#include "FaultServer.h"
#include "exposition/TextParser.h"
#include "live/LiveJob.h"

#include <QSignalSpy>
#include <QTest>

using namespace promdesk;
using promdesk::test::FaultServer;

namespace {

MetricSet draft()
{
    return parseText(QByteArray("# TYPE backup_seconds gauge\nbackup_seconds 0\n"), ParseOptions{}).metrics;
}

struct Harness
{
    FaultServer server;
    HttpClient http;
    std::unique_ptr<PushgatewayClient> gateway;
    std::unique_ptr<LiveJob> job;

    explicit Harness(LiveJobSpec spec, int timeoutMs = 30000)
    {
        GatewayEndpoint endpoint;
        endpoint.baseUrl = QUrl(server.baseUrl());
        endpoint.timeoutMs = timeoutMs;
        gateway = std::make_unique<PushgatewayClient>(endpoint, &http);
        LiveJobProblem problem;
        spec.draft = draft();
        job = LiveJob::create(std::move(spec), gateway.get(), nullptr, &problem, 1);
        if (!job)
            qFatal("%s", qPrintable(problem.message));
    }

    bool runToTheEnd(int deadlineMs = 20000)
    {
        QSignalSpy finished(job.get(), &LiveJob::finished);
        job->start();
        return job->state() == LiveJob::State::Finished || finished.wait(deadlineMs);
    }
};

LiveJobSpec every(qint64 intervalMs, qint64 count)
{
    LiveJobSpec spec;
    spec.key = GroupingKey(QStringLiteral("db_backup"));
    spec.intervalMs = intervalMs;
    spec.count = count;
    return spec;
}

} // namespace

class TestLiveJob : public QObject
{
    Q_OBJECT

private slots:
    void nTicksMakeNRequests()
    {
        // A second apart: a local answer takes far less. On a loaded CI machine a tick was skipped,
        // correctly, as its previous answer had not come yet, at 100 ms and once at 300 ms.
        LiveJobSpec spec = every(1000, 5);
        spec.generators = {*parseGeneratorAssignment(u"backup_seconds=inc:1", nullptr)};
        Harness h(spec);
        h.server.script({FaultServer::Answer::reply(200)});
        QVERIFY(h.runToTheEnd());
        QCOMPARE(h.job->stats().skipped(), 0);
        QCOMPARE(h.server.received().size(), 5);
        QCOMPARE(h.job->stats().ok, 5);
        QCOMPARE(h.job->endReason(), LiveJob::EndReason::CountReached);
        QVERIFY(h.server.received().constLast().body.contains("backup_seconds 4\n"));
    }

    void ticksDoNotDriftWhenAnswersAreSlow()
    {
        // Each answer takes 60 of the 100 ms: a scheduler that waits for the answer and then the
        // interval would take 1.6 s for 10 ticks; on schedule they take 0.9 s.
        Harness h(every(100, 10));
        h.server.script({FaultServer::Answer::delayed(200, 60)});
        QVERIFY(h.runToTheEnd());
        const auto &received = h.server.received();
        QCOMPARE(received.size(), 10);
        const qint64 span = received.constLast().atMs - received.constFirst().atMs;
        QVERIFY2(span >= 850 && span < 1100, qPrintable(QString::number(span)));
        QCOMPARE(h.job->stats().skipped(), 0);
    }

    void aHangingServerMakesTicksSkippedNeverPiledUp()
    {
        Harness h(every(100, 10), 1500);
        h.server.script({FaultServer::Answer::hangs()});
        QVERIFY(h.runToTheEnd());
        QCOMPARE(h.server.received().size(), 1);
        QCOMPARE(h.job->stats().sent, 1);
        QCOMPARE(h.job->stats().skippedBusy, 9);
        QCOMPARE(h.job->stats().failed, 1); // its timeout
    }

    void backsOffOn503AndRecovers()
    {
        Harness h(every(100, 30));
        h.server.script(
            {FaultServer::Answer::reply(503), FaultServer::Answer::reply(503), FaultServer::Answer::reply(200)});
        QVERIFY(h.runToTheEnd());
        const auto &received = h.server.received();
        QVERIFY(received.size() >= 4);
        QCOMPARE(h.job->stats().failed, 2);
        QVERIFY(h.job->stats().ok >= 2);
        QVERIFY(h.job->stats().skippedBackoff >= 4);
        QCOMPARE(h.job->endReason(), LiveJob::EndReason::CountReached);
        // Twice the interval after the first failure, four times after the second.
        QVERIFY2(received.at(1).atMs - received.at(0).atMs >= 190,
                 qPrintable(QString::number(received.at(1).atMs - received.at(0).atMs)));
        QVERIFY2(received.at(2).atMs - received.at(1).atMs >= 390,
                 qPrintable(QString::number(received.at(2).atMs - received.at(1).atMs)));
        QVERIFY(received.at(3).atMs - received.at(2).atMs < 150); // recovered: back to the interval
    }

    void machinesFailingTogetherAreOneFailure()
    {
        // Three machines refused by one 503 in the same tick: the server failed once, so the
        // next tick waits two intervals, not eight.
        LiveJobSpec spec = every(200, 8);
        spec.machines = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        Harness h(spec);
        h.server.script({FaultServer::Answer::reply(503), FaultServer::Answer::reply(503),
                         FaultServer::Answer::reply(503), FaultServer::Answer::reply(200)});
        QVERIFY(h.runToTheEnd());
        const auto &received = h.server.received();
        QVERIFY(received.size() >= 6);
        const qint64 gap = received.at(3).atMs - received.at(0).atMs;
        QVERIFY2(gap >= 390 && gap < 800, qPrintable(QString::number(gap)));
    }

    void backoffIsCappedAtEightIntervalsOrAMinute_data()
    {
        QTest::addColumn<qint64>("intervalMs");
        QTest::addColumn<qint64>("capMs");
        QTest::newRow("two-seconds") << qint64(2000) << qint64(16000);
        QTest::newRow("ten-seconds") << qint64(10000) << qint64(60000);
        QTest::newRow("tenth-of-a-second") << qint64(100) << qint64(800);
    }
    void backoffIsCappedAtEightIntervalsOrAMinute()
    {
        QFETCH(qint64, intervalMs);
        QFETCH(qint64, capMs);
        QCOMPARE(LiveJob::backoffCapMs(intervalMs), capMs);
    }

    void honoursRetryAfterOn429()
    {
        Harness h(every(100, 15));
        h.server.script(
            {FaultServer::Answer::reply(429, "slow down", {{"Retry-After", "1"}}), FaultServer::Answer::reply(200)});
        QVERIFY(h.runToTheEnd());
        const auto &received = h.server.received();
        QVERIFY(received.size() >= 2);
        QVERIFY2(received.at(1).atMs - received.at(0).atMs >= 950,
                 qPrintable(QString::number(received.at(1).atMs - received.at(0).atMs)));
        QCOMPARE(h.job->endReason(), LiveJob::EndReason::CountReached);
    }

    void aRefusalStopsTheJobWithTheServersWords()
    {
        Harness h(every(100, 20));
        h.server.script(
            {FaultServer::Answer::reply(400, "text format parsing error in line 1: expected float as value")});
        QVERIFY(h.runToTheEnd());
        QCOMPARE(h.server.received().size(), 1);
        QCOMPARE(h.job->endReason(), LiveJob::EndReason::Refused);
        QVERIFY2(describeEnd(*h.job).contains(QLatin1String("expected float as value")),
                 qPrintable(describeEnd(*h.job)));
    }

    void machinesPushEachToTheirOwnGroup()
    {
        LiveJobSpec spec = every(100, 2);
        spec.machines = {QStringLiteral("db-1"), QStringLiteral("db-2"), QStringLiteral("db-3")};
        Harness h(spec);
        h.server.script({FaultServer::Answer::reply(200)});
        QVERIFY(h.runToTheEnd());
        QSet<QByteArray> paths;
        for (const auto &request : h.server.received())
            paths.insert(request.path);
        QCOMPARE(h.server.received().size(), 6);
        QCOMPARE(paths,
                 (QSet<QByteArray>{"/metrics/job/db_backup/instance/db-1", "/metrics/job/db_backup/instance/db-2",
                                   "/metrics/job/db_backup/instance/db-3"}));
    }

    void machinesThatLeaveInstanceOutShareOneGroup()
    {
        LiveJobSpec spec = every(100, 2);
        spec.machines = {QStringLiteral("a"), QStringLiteral("b")};
        spec.machinesOverwrite = true;
        Harness h(spec);
        h.server.script({FaultServer::Answer::reply(200)});
        QVERIFY(h.runToTheEnd());
        QCOMPARE(h.server.received().size(), 4);
        for (const auto &request : h.server.received())
            QCOMPARE(request.path, QByteArray("/metrics/job/db_backup"));
    }

    void pausedJobsSendNothing()
    {
        Harness h(every(100, 1000));
        h.server.script({FaultServer::Answer::reply(200)});
        h.job->start();
        QTRY_VERIFY_WITH_TIMEOUT(h.server.received().size() >= 2, 5000);
        h.job->pause();
        QTest::qWait(150); // the answer on its way may still come
        const qsizetype paused = h.server.received().size();
        QTest::qWait(400);
        QCOMPARE(h.server.received().size(), paused);
        h.job->resume();
        QTRY_VERIFY_WITH_TIMEOUT(h.server.received().size() > paused, 5000);
        QSignalSpy finished(h.job.get(), &LiveJob::finished);
        h.job->stop();
        QVERIFY(h.job->state() == LiveJob::State::Finished || finished.wait(5000));
        QCOMPARE(h.job->endReason(), LiveJob::EndReason::Stopped);
    }

    void refusesWhatCannotRun_data()
    {
        QTest::addColumn<qint64>("intervalMs");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("reason");
        QTest::newRow("interval-under-100ms") << qint64(50) << qint64(1) << "at least 100 ms";
        QTest::newRow("count-zero") << qint64(1000) << qint64(0) << "at least 1";
    }
    void refusesWhatCannotRun()
    {
        QFETCH(qint64, intervalMs);
        QFETCH(qint64, count);
        QFETCH(QString, reason);
        HttpClient http;
        PushgatewayClient gateway(GatewayEndpoint{}, &http);
        LiveJobSpec spec = every(intervalMs, count);
        spec.draft = draft();
        LiveJobProblem problem;
        QVERIFY(!LiveJob::create(spec, &gateway, nullptr, &problem));
        QVERIFY2(problem.message.contains(reason), qPrintable(problem.message));
        QCOMPARE(problem.source, LiveJobProblem::Source::Spec);
    }
};

QTEST_GUILESS_MAIN(TestLiveJob)
#include "tst_livejob.moc"
