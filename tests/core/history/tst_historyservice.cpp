// HistoryService: the history written on its own thread, with what piles up committed together.
#include "history/HistoryRecorder.h"
#include "history/HistoryService.h"

#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace promdesk;

namespace {

HttpRequest request(int n)
{
    HttpRequest r;
    r.method = "POST";
    r.url = QUrl(QStringLiteral("http://127.0.0.1:9/api/v1/write"));
    r.headers = {{"Content-Encoding", "snappy"}};
    r.body = QByteArray(2000 + n, char('a' + n % 26));
    r.tag.operation = QStringLiteral("backfill-batch");
    r.tag.attempt = 1;
    return r;
}

HttpResult answer(int n)
{
    HttpResult result;
    result.status = n % 7 == 0 ? 400 : 204;
    result.category = n % 7 == 0 ? ErrorCategory::Rejected : ErrorCategory::None;
    result.body = n % 7 == 0 ? "out of bounds " + QByteArray::number(n) : QByteArray();
    result.durationMs = n;
    return result;
}

} // namespace

class TestHistoryService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesEveryOperationOfABurst_data();
    void writesEveryOperationOfABurst();
    void aWaitedEntryIsCommittedWhenBeginReturns_data();
    void aWaitedEntryIsCommittedWhenBeginReturns();
    void ticketsAreForgottenOnceComplete();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }
    QTemporaryDir m_dir;
};

void TestHistoryService::init()
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path() + suffix);
}

void TestHistoryService::writesEveryOperationOfABurst_data()
{
    QTest::addColumn<bool>("waitForEntries");
    QTest::newRow("console-never-waits") << false;
    QTest::newRow("cli-waits-for-each-entry") << true;
}

void TestHistoryService::writesEveryOperationOfABurst()
{
    // Hundreds of entries and answers posted faster than they can be written one by one: they
    // are committed in groups, and each still lands whole, with its body and its own answer.
    QFETCH(bool, waitForEntries);
    constexpr int kRequests = 300;
    {
        HistoryService service(path());
        ServiceRecorder recorder(&service, waitForEntries);
        std::vector<RecordTicket> tickets;
        for (int n = 0; n < kRequests; ++n) {
            tickets.push_back(n % 3 == 0 ? recorder.recordAhead(request(n)) : recorder.record(request(n)));
            if (n >= 2)
                tickets.at(n - 2).complete(answer(n - 2));
        }
        tickets.at(kRequests - 2).complete(answer(kRequests - 2));
        tickets.at(kRequests - 1).complete(answer(kRequests - 1));
        QVERIFY(service.flush().isEmpty());
    } // written out and closed
    QString note;
    const auto database = HistoryDatabase::open(path(), &note);
    QVERIFY2(database, qPrintable(note));
    QCOMPARE(database->count(), qint64(kRequests));
    for (int n = 0; n < kRequests; ++n) {
        const std::optional<HistoryEntry> entry = database->get(n + 1);
        QVERIFY(entry);
        QCOMPARE(entry->requestBody, request(n).body);
        QCOMPARE(entry->status, answer(n).status);
        QCOMPARE(entry->responseBody, answer(n).body);
        QCOMPARE(entry->durationMs, qint64(n));
    }
}

void TestHistoryService::aWaitedEntryIsCommittedWhenBeginReturns_data()
{
    QTest::addColumn<bool>("ahead");
    QTest::newRow("entry-then-body") << false;
    QTest::newRow("written-ahead-with-body") << true;
}

void TestHistoryService::aWaitedEntryIsCommittedWhenBeginReturns()
{
    // What a killed process leaves: the entry of a request about to go out must already be in
    // the file, as another connection (another process) sees it.
    QFETCH(bool, ahead);
    HistoryService service(path());
    ServiceRecorder recorder(&service, true);
    for (int n = 0; n < 5; ++n)
        recorder.record(request(n)).complete(answer(n)); // traffic before, still queued
    RecordTicket ticket = ahead ? recorder.recordAhead(request(42)) : recorder.record(request(42));
    const qint64 id = service.idOf(quint64(ticket.id()));
    QVERIFY(id > 0);
    QString note;
    const auto other = HistoryDatabase::open(path(), &note);
    QVERIFY2(other, qPrintable(note));
    const std::optional<HistoryEntry> seen = other->get(id);
    QVERIFY(seen);
    QCOMPARE(seen->outcome, QStringLiteral("unknown"));
    if (ahead)
        QCOMPARE(seen->requestBody, request(42).body); // in the same transaction as its entry
}

void TestHistoryService::ticketsAreForgottenOnceComplete()
{
    HistoryService service(path());
    ServiceRecorder recorder(&service, true);
    QList<qint64> tickets;
    for (int n = 0; n < 50; ++n) {
        RecordTicket ticket = recorder.record(request(n));
        tickets << ticket.id();
        QVERIFY(service.idOf(quint64(ticket.id())) > 0);
        ticket.complete(answer(n));
    }
    QVERIFY(service.flush().isEmpty());
    for (const qint64 ticket : std::as_const(tickets))
        QCOMPARE(service.idOf(quint64(ticket)), qint64(0));
    QString note;
    const auto db = HistoryDatabase::open(path(), &note);
    QCOMPARE(db->count(), qint64(50));
    for (const HistoryEntry &entry : db->list({})) // each completed before its ticket was forgotten
        QVERIFY(entry.outcome != u"unknown");
}

QTEST_GUILESS_MAIN(TestHistoryService)
#include "tst_historyservice.moc"
