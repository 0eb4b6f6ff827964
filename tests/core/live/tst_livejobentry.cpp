// A repeating job's own history entry, as both front ends keep it: written when the job starts,
// its ticks tagged under it, completed with how the job ended and its counters, or as not sent
// when it is dropped open; without a recorder the ticks are only tagged. Against a scripted
// server (the real ones are in tst_cli_live and the console's tst_jobs).
#include "FaultServer.h"
#include "TagRecorder.h"
#include "exposition/TextParser.h"
#include "live/LiveJobEntry.h"

#include <QSignalSpy>
#include <QTest>

using namespace promdesk;
using promdesk::test::FaultServer;
using promdesk::test::TagRecorder;
using Answer = FaultServer::Answer;

namespace {

LiveJobSpec twoTicks(LiveJobSpec::Destination destination, QStringList machines, qint64 ticks = 2)
{
    LiveJobSpec spec;
    spec.destination = destination;
    spec.key = GroupingKey(QStringLiteral("db_backup"));
    spec.draft = parseText(QByteArray("# TYPE backup_seconds gauge\nbackup_seconds 3\n"), ParseOptions{}).metrics;
    spec.machines = std::move(machines);
    spec.intervalMs = LiveJobSpec::kMinimumIntervalMs;
    spec.count = ticks;
    return spec;
}

RequestTag profileTag()
{
    RequestTag tag;
    tag.profile = QStringLiteral("tmp-sh");
    return tag;
}

} // namespace

class TestLiveJobEntry : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        m_recorder = std::make_unique<TagRecorder>();
        m_http = std::make_unique<HttpClient>();
        m_http->setRecorder(m_recorder.get());
        GatewayEndpoint gateway;
        gateway.baseUrl = QUrl(m_server->baseUrl());
        m_gateway = std::make_unique<PushgatewayClient>(gateway, m_http.get());
        WriteEndpoint write;
        write.url = QUrl(m_server->baseUrl() + QStringLiteral("/api/v1/write"));
        m_writer = std::make_unique<RemoteWriteClient>(write, m_http.get());
    }
    void cleanup()
    {
        m_job.reset();
        m_writer.reset();
        m_gateway.reset();
        m_http.reset();
        m_recorder.reset();
        m_server.reset();
    }

    void opensTheJobsEntryWithItsTicksUnderIt_data()
    {
        QTest::addColumn<LiveJobSpec::Destination>("destination");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("groupingKey"); // of the job's entry: the first machine's
        QTest::newRow("pushgateway-two-machines") << LiveJobSpec::Destination::Pushgateway << "pushgateway"
                                                  << "{instance=\"db-1\",job=\"db_backup\"}";
        QTest::newRow("remote-write") << LiveJobSpec::Destination::RemoteWrite << "remote-write" << QString();
    }
    void opensTheJobsEntryWithItsTicksUnderIt()
    {
        QFETCH(LiveJobSpec::Destination, destination);
        QFETCH(QString, target);
        QFETCH(QString, groupingKey);
        m_server->script({Answer::reply(200)});
        LiveJobEntry entry
            = start(twoTicks(destination, {QStringLiteral("db-1"), QStringLiteral("db-2")}), m_recorder.get());
        QVERIFY(entry.ticket().isOpen());
        QVERIFY(runToTheEnd());
        entry.complete(*m_job, jobOutcome(*m_job));

        const QList<TagRecorder::Entry> entries = m_recorder->entries();
        QCOMPARE(entries.size(), 5); // the job's, then two machines a tick
        const TagRecorder::Entry &job = entries.at(0);
        QCOMPARE(job.tag.operation, QStringLiteral("job"));
        QCOMPARE(job.tag.target, target);
        QCOMPARE(job.tag.groupingKey, groupingKey);
        QCOMPARE(job.tag.profile, QStringLiteral("tmp-sh"));
        QVERIFY(job.result.has_value());
        QCOMPARE(job.result->category, ErrorCategory::None);
        QCOMPARE(job.result->status, 200);
        QCOMPARE(job.result->errorText, QStringLiteral("all 2 ticks done: sent 4, ok 4, failed 0, skipped 0"));
        for (qsizetype tick = 1; tick < entries.size(); ++tick) {
            QCOMPARE(entries.at(tick).tag.parentId, qint64(1));
            QCOMPARE(entries.at(tick).tag.profile, QStringLiteral("tmp-sh"));
            QVERIFY(entries.at(tick).tag.operation != QStringLiteral("job"));
        }
    }

    void refusalOrFailureIsTheJobsOutcome_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("ticks"); // one: a failure would hold the next tick back
        QTest::addColumn<ErrorCategory>("outcome");
        QTest::addColumn<QString>("said");
        QTest::newRow("refused-stops-the-job")
            << 400 << qint64(2) << ErrorCategory::Rejected
            << "stopped: the server refused it (HTTP 400: bad metric); the next tick would be refused too: sent 1, "
               "ok 0, failed 1, skipped 0";
        QTest::newRow("failed-tick") << 503 << qint64(1) << ErrorCategory::Other
                                     << "all 1 ticks done: sent 1, ok 0, failed 1, skipped 0";
    }
    void refusalOrFailureIsTheJobsOutcome()
    {
        QFETCH(int, status);
        QFETCH(qint64, ticks);
        QFETCH(ErrorCategory, outcome);
        QFETCH(QString, said);
        m_server->script({Answer::reply(status, "bad metric\n"), Answer::reply(200)});
        LiveJobEntry entry = start(twoTicks(LiveJobSpec::Destination::Pushgateway, {}, ticks), m_recorder.get());
        QVERIFY(runToTheEnd());
        QCOMPARE(jobOutcome(*m_job), outcome);
        entry.complete(*m_job, jobOutcome(*m_job));
        const TagRecorder::Entry job = m_recorder->entries().at(0);
        QVERIFY(job.result.has_value());
        QCOMPARE(job.result->category, outcome);
        QCOMPARE(job.result->errorText, said);
    }

    // A front end that knows worse (an arrival check missed) says so in the entry.
    void frontEndsOutcomeStands()
    {
        m_server->script({Answer::reply(200)});
        LiveJobEntry entry = start(twoTicks(LiveJobSpec::Destination::Pushgateway, {}), m_recorder.get());
        QVERIFY(runToTheEnd());
        entry.complete(*m_job, ErrorCategory::Other);
        QCOMPARE(m_recorder->entries().at(0).result->category, ErrorCategory::Other);
    }

    void droppedOpenSaysThePushesWereNotSent()
    {
        {
            LiveJobEntry entry = start(twoTicks(LiveJobSpec::Destination::Pushgateway, {}), m_recorder.get());
            entry.setUnsentReason(QStringLiteral("the console quit while the job ran"));
        }
        const TagRecorder::Entry job = m_recorder->entries().at(0);
        QVERIFY(job.result.has_value());
        QCOMPARE(job.result->category, ErrorCategory::Cancelled);
        QCOMPARE(job.result->errorText, QStringLiteral("not sent: the console quit while the job ran"));
    }

    void withoutRecorderTheTicksAreOnlyTagged()
    {
        m_server->script({Answer::reply(200)});
        LiveJobEntry entry = start(twoTicks(LiveJobSpec::Destination::RemoteWrite, {}), nullptr);
        QVERIFY(!entry.ticket().isOpen());
        QVERIFY(runToTheEnd());
        entry.complete(*m_job, jobOutcome(*m_job)); // nothing to complete: no entry
        const QList<TagRecorder::Entry> entries = m_recorder->entries();
        QCOMPARE(entries.size(), 2); // the ticks, recorded by the client, with no job above them
        for (const TagRecorder::Entry &tick : entries) {
            QCOMPARE(tick.tag.parentId, qint64(0));
            QCOMPARE(tick.tag.profile, QStringLiteral("tmp-sh"));
        }
    }

private:
    LiveJobEntry start(LiveJobSpec spec, RequestRecorder *recorder)
    {
        const bool toGateway = spec.destination == LiveJobSpec::Destination::Pushgateway;
        PushgatewayClient *gateway = toGateway ? m_gateway.get() : nullptr;
        RemoteWriteClient *writer = toGateway ? nullptr : m_writer.get();
        LiveJobProblem problem;
        m_job = LiveJob::create(spec, gateway, writer, &problem);
        if (!m_job)
            qFatal("%s", qPrintable(problem.message));
        return LiveJobEntry::open(recorder, spec, gateway, writer, profileTag());
    }
    bool runToTheEnd()
    {
        QSignalSpy finished(m_job.get(), &LiveJob::finished);
        m_job->start();
        return m_job->state() == LiveJob::State::Finished || finished.wait(20000);
    }

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<TagRecorder> m_recorder;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<PushgatewayClient> m_gateway;
    std::unique_ptr<RemoteWriteClient> m_writer;
    std::unique_ptr<LiveJob> m_job;
};

QTEST_GUILESS_MAIN(TestLiveJobEntry)
#include "tst_livejobentry.moc"
