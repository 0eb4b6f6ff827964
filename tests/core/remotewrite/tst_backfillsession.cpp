// One backfill as both front ends run it: each part (a start, a resume) is a history entry with
// its batches under it, completed from how the part ended; a session closed mid-part completes
// its entry too. Against a scripted receiver (the real one is in tst_cli_remotewrite and the
// console's tst_mainwindow).
#include "FaultServer.h"
#include "TagRecorder.h"
#include "remotewrite/BackfillSession.h"

#include <QSignalSpy>
#include <QTest>

using namespace promdesk;
using promdesk::test::FaultServer;
using promdesk::test::TagRecorder;
using Answer = FaultServer::Answer;

namespace {

// Four one-minute samples, two per batch: two batches.
SeriesSet fourSamples()
{
    SeriesSet set;
    WriteSeries series;
    series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("session_test")}};
    for (int m = 0; m < 4; ++m)
        series.samples.append(WriteSample{1795600000000 + m * 60000, double(m)});
    set.series.append(series);
    return set;
}

} // namespace

class TestBackfillSession : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        m_recorder = std::make_unique<TagRecorder>();
        m_http = std::make_unique<HttpClient>();
        m_http->setRecorder(m_recorder.get());
        WriteEndpoint endpoint;
        endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/write").arg(m_server->port()));
        endpoint.timeoutMs = 30000;
        m_client = std::make_unique<RemoteWriteClient>(endpoint, m_http.get());
        m_batches = planBatches(fourSamples(), BatchLimits{2, 1 << 20, 1});
        QCOMPARE(m_batches.size(), 2);
    }
    void cleanup()
    {
        m_client.reset();
        m_http.reset();
        m_recorder.reset();
        m_server.reset();
    }

    void deliveredPartIsTheParentOfItsBatches()
    {
        m_server->script({Answer::reply(204)});
        RequestTag tag;
        tag.profile = QStringLiteral("tmp-sh");
        BackfillSession session(m_client.get(), fourSamples(), m_batches, tag);
        const BackfillEnd end = runPart(session);
        QVERIFY(end.delivered());
        QVERIFY(end.resumePoints().isEmpty());
        const QList<TagRecorder::Entry> entries = m_recorder->entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).tag.operation, QStringLiteral("backfill"));
        QCOMPARE(entries.at(0).tag.profile, QStringLiteral("tmp-sh"));
        QVERIFY(entries.at(0).result.has_value());
        QCOMPARE(entries.at(0).result->status, 204);
        QVERIFY2(entries.at(0).result->body.startsWith("Sent 2 of 2 requests"), entries.at(0).result->body.constData());
        for (int batch = 1; batch <= 2; ++batch) {
            QCOMPARE(entries.at(batch).tag.operation, QStringLiteral("backfill-batch"));
            QCOMPARE(entries.at(batch).tag.parentId, qint64(1));
            QCOMPARE(entries.at(batch).tag.profile, QStringLiteral("tmp-sh"));
        }
    }

    void refusalEndsThePartWithItsStatusAndAResumeGetsAnEntryOfItsOwn()
    {
        m_server->script({Answer::reply(204), Answer::reply(400, "out of bounds\n"), Answer::reply(204)});
        BackfillSession session(m_client.get(), fourSamples(), m_batches, RequestTag{});
        const BackfillEnd refused = runPart(session);
        QVERIFY(!refused.delivered());
        QCOMPARE(refused.resumePoints(), QList<int>{2});
        QVERIFY(refused.firstRefusal.has_value());
        QCOMPARE(refused.firstRefusal->result.status, 400);
        QList<TagRecorder::Entry> parts = m_recorder->withOperation(QStringLiteral("backfill"));
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts.at(0).result->status, 400);
        QCOMPARE(parts.at(0).result->category, ErrorCategory::Rejected);

        const BackfillEnd resumed = runPart(session, {1});
        QVERIFY(resumed.delivered());
        QCOMPARE(resumed.summary.sentBefore, 1);
        parts = m_recorder->withOperation(QStringLiteral("backfill"));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(1).result->status, 204);
        const QList<TagRecorder::Entry> entries = m_recorder->entries();
        QCOMPARE(entries.constLast().tag.parentId, qint64(4)); // the resumed batch, under the second part
        QCOMPARE(m_server->received().size(), 3);              // the delivered batch is not sent again
    }

    void closingMidPartCompletesItsEntry()
    {
        // The first batch is delivered, the second waits for its answer when the session closes:
        // the part's entry says what was delivered, not a made-up nothing.
        m_server->script({Answer::reply(204), Answer::hangs()});
        {
            BackfillSession session(m_client.get(), fourSamples(), m_batches, RequestTag{});
            session.setClosingReason(QStringLiteral("the console was closed"));
            QSignalSpy finished(&session, &BackfillSession::finished);
            session.start();
            QTRY_COMPARE(m_server->received().size(), 2);
            QVERIFY(finished.isEmpty());
        }
        const QList<TagRecorder::Entry> entries = m_recorder->entries();
        QVERIFY(!entries.isEmpty());
        for (const TagRecorder::Entry &entry : entries)
            QVERIFY2(entry.result.has_value(), qPrintable(entry.tag.operation)); // none left "unknown"
        const TagRecorder::Entry part = m_recorder->withOperation(QStringLiteral("backfill")).constFirst();
        QCOMPARE(part.result->category, ErrorCategory::Cancelled);
        QCOMPARE(part.result->errorText, QStringLiteral("the console was closed"));
        QVERIFY2(part.result->body.startsWith("Sent 1 of 2 requests (2 of 4 samples)"), part.result->body.constData());
    }

    void withoutPartEntriesEachBatchStandsAlone()
    {
        m_server->script({Answer::reply(204)});
        BackfillSession session(m_client.get(), fourSamples(), m_batches, RequestTag{});
        session.setPartEntries(false);
        QVERIFY(runPart(session).delivered());
        const QList<TagRecorder::Entry> entries = m_recorder->entries();
        QCOMPARE(entries.size(), 2);
        for (const TagRecorder::Entry &entry : entries)
            QCOMPARE(entry.tag.parentId, qint64(0));
    }

private:
    static BackfillEnd runPart(BackfillSession &session, const QList<int> &resumeFrom = {})
    {
        QSignalSpy finished(&session, &BackfillSession::finished);
        session.start(resumeFrom);
        if (!finished.wait(10000))
            return {};
        return finished.constFirst().constFirst().value<BackfillEnd>();
    }

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<TagRecorder> m_recorder;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<RemoteWriteClient> m_client;
    QList<Batch> m_batches;
};

QTEST_GUILESS_MAIN(TestBackfillSession)
#include "tst_backfillsession.moc"
