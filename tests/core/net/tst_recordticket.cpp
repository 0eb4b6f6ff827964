// A history entry written ahead is completed exactly once, whoever ends up holding its ticket:
// with the answer, as not sent with a reason, or, when the ticket is dropped, with the last
// reason it was given. Nothing stays "unknown".
#include "net/RequestRecorder.h"

#include <QTest>

#include <utility>

using namespace promdesk;

namespace {

class ListRecorder final : public RequestRecorder
{
public:
    QList<QPair<qint64, HttpResult>> completed;
    int startedCount = 0;

protected:
    qint64 started(const HttpRequest &) override { return ++startedCount; }
    void finished(qint64 id, const HttpResult &result) override { completed.append({id, result}); }
};

HttpRequest aRequest()
{
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(QStringLiteral("http://127.0.0.1:9/api/v1/write"));
    return request;
}

} // namespace

class TestRecordTicket : public QObject
{
    Q_OBJECT

private slots:
    void droppedOpenTicketIsCompletedAsNotSent_data()
    {
        QTest::addColumn<QString>("reason"); // empty: none given
        QTest::addColumn<QString>("said");
        QTest::newRow("no-reason-given") << QString() << "not sent: given up before it was sent";
        QTest::newRow("reason-given") << "the backfill stopped"
                                      << "not sent: the backfill stopped";
    }
    void droppedOpenTicketIsCompletedAsNotSent()
    {
        QFETCH(QString, reason);
        QFETCH(QString, said);
        ListRecorder recorder;
        {
            RecordTicket ticket = recorder.record(aRequest());
            QVERIFY(ticket.isOpen());
            if (!reason.isEmpty())
                ticket.setUnsentReason(reason);
        }
        QCOMPARE(recorder.completed.size(), 1);
        QCOMPARE(recorder.completed.constFirst().first, qint64(1));
        QCOMPARE(recorder.completed.constFirst().second.category, ErrorCategory::Cancelled);
        QCOMPARE(recorder.completed.constFirst().second.errorText, said);
    }

    void completedTicketIsNotCompletedAgain()
    {
        ListRecorder recorder;
        {
            RecordTicket ticket = recorder.recordAhead(aRequest());
            HttpResult answer;
            answer.status = 204;
            ticket.complete(answer);
            QVERIFY(!ticket.isOpen());
            QCOMPARE(ticket.id(), qint64(1)); // kept, for notes on the finished entry
            ticket.completeUnsent(QStringLiteral("too late"));
        }
        QCOMPARE(recorder.completed.size(), 1);
        QCOMPARE(recorder.completed.constFirst().second.status, 204);
    }

    void movedTicketHasOneOwner()
    {
        ListRecorder recorder;
        {
            RecordTicket first = recorder.record(aRequest());
            RecordTicket second = std::move(first);
            QVERIFY(second.isOpen());
            QCOMPARE(second.id(), qint64(1));
        } // both dropped: one completion
        QCOMPARE(recorder.completed.size(), 1);
    }

    void assigningOverAnOpenTicketCompletesIt()
    {
        ListRecorder recorder;
        RecordTicket held = recorder.record(aRequest());
        held.setUnsentReason(QStringLiteral("replaced"));
        held = recorder.record(aRequest());
        QCOMPARE(recorder.completed.size(), 1);
        QCOMPARE(recorder.completed.constFirst().first, qint64(1));
        QCOMPARE(recorder.completed.constFirst().second.errorText, QStringLiteral("not sent: replaced"));
        QCOMPARE(held.id(), qint64(2));
        QVERIFY(held.isOpen());
    }

    void emptyTicketRecordsNothing()
    {
        RecordTicket empty;
        QVERIFY(!empty.isOpen());
        QCOMPARE(empty.id(), qint64(0));
        empty.completeUnsent(QStringLiteral("nothing to say"));
    }
};

QTEST_GUILESS_MAIN(TestRecordTicket)
#include "tst_recordticket.moc"
