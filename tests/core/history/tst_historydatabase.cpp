#include "history/HistoryDatabase.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;

namespace {

HistoryEntry entry(const QString &operation, const QString &profile = {}, QByteArray body = "a 1\n")
{
    HttpRequest request;
    request.method = "PUT";
    request.url = QUrl(QStringLiteral("https://appid:t0ken@gw.example/metrics/job/a?access_token=xyz"));
    request.headers = {{"Content-Type", "text/plain"}};
    request.credentials = Credentials{Credentials::Kind::Basic, QStringLiteral("1250000000"), QStringLiteral("t0ken")};
    request.body = std::move(body);
    RequestTag tag;
    tag.operation = operation;
    tag.profile = profile;
    tag.groupingKey = QStringLiteral("{job=\"a\"}");
    return entryFor(request, tag);
}

HttpResult answer(int status, ErrorCategory category, QByteArray body = {})
{
    HttpResult result;
    result.status = status;
    result.category = category;
    result.body = std::move(body);
    result.durationMs = 12;
    result.headers = {{"Content-Type", "text/plain"}};
    return result;
}

} // namespace

class TestHistoryDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void recordsBeforeAndCompletesAfter();
    void neverKeepsTheSecret();
    void filters_data();
    void filters();
    void searchesEveryEntryInSql_data();
    void searchesEveryEntryInSql();
    void pagesNewestFirstWithTopLevelOnly();
    void capsAndCompressesBodies();
    void keepsBatchesUnderTheirBackfill();
    void storesATicksBodyRelativeToItsJob_data();
    void storesATicksBodyRelativeToItsJob();
    void keepsATicksArrival();
    void aChildRepeatsItsParentsColumnsOnce();
    void movesACorruptFileAside();
    void prunes();
    void pruneTakesBatchesWithTheirBackfill();
    void pruneByAgeKeepsAJobWithRecentTicks();
    void prunesToASizeWithOneVacuum();
    void faultsComeFromSqliteCodes_data();
    void faultsComeFromSqliteCodes();
    void damagedPagesAreFoundAtOpen();
    void readingADamagedFileSaysSo();
    void migratesSchemaOne();
    void twoProcessesLoseNothing();

private:
    std::unique_ptr<HistoryDatabase> open(const QString &name = QStringLiteral("h.sqlite"));
    // Runs one statement on the file through a connection of the test's own; the first column
    // of the first row.
    QVariant sql(const QString &statement, const QString &name = QStringLiteral("h.sqlite"));
    QTemporaryDir m_dir;
};

std::unique_ptr<HistoryDatabase> TestHistoryDatabase::open(const QString &name)
{
    QString note;
    auto db = HistoryDatabase::open(m_dir.filePath(name), &note);
    return db;
}

QVariant TestHistoryDatabase::sql(const QString &statement, const QString &name)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test"));
        db.setDatabaseName(m_dir.filePath(name));
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(statement))
                qWarning("%s", qPrintable(q.lastError().text()));
            else if (q.next())
                value = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test"));
    return value;
}

void TestHistoryDatabase::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("h.sqlite")));
    QFile::remove(m_dir.filePath(QStringLiteral("h.sqlite-wal")));
    QFile::remove(m_dir.filePath(QStringLiteral("h.sqlite-shm")));
}

void TestHistoryDatabase::recordsBeforeAndCompletesAfter()
{
    auto db = open();
    QVERIFY(db);
    const qint64 id = db->begin(entry(QStringLiteral("replace")));
    QVERIFY(id > 0);
    // Between the two, a crash would leave exactly this: an entry with an unknown outcome.
    std::optional<HistoryEntry> pending = db->get(id);
    QVERIFY(pending);
    QCOMPARE(pending->outcome, QStringLiteral("unknown"));
    QCOMPARE(pending->finishedAtMs, 0);
    QCOMPARE(pending->requestBody, QByteArray("a 1\n"));
    db->complete(id, answer(400, ErrorCategory::Rejected, "text format parsing error in line 1: bad\n"));
    const std::optional<HistoryEntry> done = db->get(id);
    QCOMPARE(done->outcome, QStringLiteral("rejected"));
    QCOMPARE(done->status, 400);
    QCOMPARE(done->responseBody, QByteArray("text format parsing error in line 1: bad\n")); // verbatim
    QCOMPARE(done->durationMs, 12);
    QVERIFY(done->finishedAtMs >= done->startedAtMs);
}

void TestHistoryDatabase::neverKeepsTheSecret()
{
    auto db = open();
    const qint64 id = db->begin(entry(QStringLiteral("replace")));
    db->complete(id, answer(200, ErrorCategory::None));
    const HistoryEntry e = *db->get(id);
    QCOMPARE(e.url, QStringLiteral("https://gw.example/metrics/job/a?access_token=••••••"));
    QCOMPARE(e.requestHeader("Authorization"), QByteArray("Basic ••••••"));
    QCOMPARE(e.authUser, QStringLiteral("1250000000"));
    db.reset();
    QFile file(m_dir.filePath(QStringLiteral("h.sqlite")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("t0ken"));
}

void TestHistoryDatabase::filters_data()
{
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expected");
    QTest::newRow("everything") << false << QString() << QString() << 100 << 4;
    QTest::newRow("failed-includes-unknown") << true << QString() << QString() << 100 << 2;
    QTest::newRow("by-profile") << false << QStringLiteral("prod") << QString() << 100 << 2;
    QTest::newRow("by-operation") << false << QString() << QStringLiteral("write") << 100 << 1;
    QTest::newRow("limit") << false << QString() << QString() << 3 << 3;
}

void TestHistoryDatabase::filters()
{
    QFETCH(bool, failed);
    QFETCH(QString, profile);
    QFETCH(QString, operation);
    QFETCH(int, limit);
    QFETCH(int, expected);
    auto db = open();
    db->complete(db->begin(entry(QStringLiteral("replace"), QStringLiteral("prod"))), answer(200, ErrorCategory::None));
    db->complete(db->begin(entry(QStringLiteral("write"), QStringLiteral("prod"))),
                 answer(400, ErrorCategory::Rejected));
    db->complete(db->begin(entry(QStringLiteral("delete"))), answer(202, ErrorCategory::None));
    db->begin(entry(QStringLiteral("merge"))); // never completed
    HistoryFilter filter;
    filter.failedOnly = failed;
    filter.profile = profile;
    filter.operation = operation;
    filter.limit = limit;
    const QList<HistoryEntry> entries = db->list(filter);
    QCOMPARE(entries.size(), expected);
    for (qsizetype i = 1; i < entries.size(); ++i)
        QVERIFY(entries.at(i - 1).id > entries.at(i).id); // newest first
}

void TestHistoryDatabase::searchesEveryEntryInSql_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");
    QTest::newRow("profile any case") << "PROD" << 2;
    QTest::newRow("status") << "400" << 1;
    QTest::newRow("outcome") << "rejected" << 1;
    QTest::newRow("error text") << "slow down" << 1;
    QTest::newRow("grouping key") << "job=\"a\"" << 4;
    QTest::newRow("percent is literal") << "%" << 0;
    QTest::newRow("underscore is literal") << "p_od" << 0;
    QTest::newRow("nothing") << "no-such-thing" << 0;
}

void TestHistoryDatabase::searchesEveryEntryInSql()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    auto db = open();
    db->complete(db->begin(entry(QStringLiteral("replace"), QStringLiteral("prod"))), answer(200, ErrorCategory::None));
    db->complete(db->begin(entry(QStringLiteral("write"), QStringLiteral("prod"))),
                 answer(400, ErrorCategory::Rejected));
    HttpResult throttled = answer(429, ErrorCategory::Rejected);
    throttled.errorText = QStringLiteral("Slow down, please");
    db->complete(db->begin(entry(QStringLiteral("delete"))), answer(202, ErrorCategory::None));
    db->begin(entry(QStringLiteral("merge")));                   // never completed
    if (QByteArrayView(QTest::currentDataTag()) == "error text") // the one entry with words of its own
        db->complete(db->begin(entry(QStringLiteral("write"), QStringLiteral("staging"))), throttled);
    HistoryFilter filter;
    filter.text = text;
    filter.limit = 100;
    QCOMPARE(db->list(filter).size(), expected);
}

void TestHistoryDatabase::pagesNewestFirstWithTopLevelOnly()
{
    // 100,000 entries: the one searched for is the oldest, far past any first page.
    auto db = open();
    db->beginGroup();
    HistoryEntry needle = entry(QStringLiteral("replace"), QStringLiteral("needle-profile"));
    needle.startedAtMs = 1'000;
    db->begin(needle);
    for (int i = 0; i < 100'000; ++i) {
        HistoryEntry hay = entry(QStringLiteral("replace"), QStringLiteral("prod"), {});
        hay.startedAtMs = 2'000 + i;
        db->begin(hay);
    }
    HistoryEntry backfill = entry(QStringLiteral("backfill"), QStringLiteral("prod"), {});
    backfill.startedAtMs = 200'000;
    const qint64 parent = db->begin(backfill);
    HistoryEntry batch = entry(QStringLiteral("backfill-batch"), QStringLiteral("prod"), {});
    batch.startedAtMs = 200'001;
    batch.tag.parentId = parent;
    db->begin(batch);
    QVERIFY(db->commitGroup());

    HistoryFilter search;
    search.text = QStringLiteral("NEEDLE");
    const QList<HistoryEntry> found = db->list(search);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().tag.profile, QStringLiteral("needle-profile"));

    // Top level only: the backfill, not its batch; pages follow each other with no gap or repeat.
    HistoryFilter page;
    page.topLevelOnly = true;
    page.limit = 500;
    QList<HistoryEntry> first = db->list(page);
    QCOMPARE(first.size(), 500);
    QCOMPARE(first.constFirst().tag.operation, QStringLiteral("backfill"));
    page.before = std::pair{first.constLast().startedAtMs, first.constLast().id};
    const QList<HistoryEntry> second = db->list(page);
    QCOMPARE(second.size(), 500);
    QCOMPARE(second.constFirst().startedAtMs, first.constLast().startedAtMs - 1);
    QCOMPARE(db->children(parent).size(), 1);
}

void TestHistoryDatabase::capsAndCompressesBodies()
{
    auto db = open();
    const QByteArray big(100000, 'x');
    const qint64 capped = db->begin(entry(QStringLiteral("write"), {}, big), 1000);
    const HistoryEntry e = *db->get(capped);
    QVERIFY(e.requestBodyTruncated);
    QCOMPARE(e.requestBody.size(), 1000);
    QCOMPARE(e.requestBodySize, 100000);
    const qint64 whole = db->begin(entry(QStringLiteral("write"), {}, big));
    QCOMPARE(db->get(whole)->requestBody, big);
}

void TestHistoryDatabase::keepsBatchesUnderTheirBackfill()
{
    auto db = open();
    const qint64 parent = db->begin(entry(QStringLiteral("backfill")));
    HistoryEntry batch = entry(QStringLiteral("backfill-batch"));
    batch.tag.parentId = parent;
    batch.tag.attempt = 2;
    db->begin(batch);
    db->begin(batch);
    const QList<HistoryEntry> children = db->children(parent);
    QCOMPARE(children.size(), 2);
    QCOMPARE(children.at(0).tag.attempt, 2);
    QCOMPARE(children.at(0).tag.parentId, parent);
}

void TestHistoryDatabase::storesATicksBodyRelativeToItsJob_data()
{
    QTest::addColumn<QByteArray>("tickBody");
    QTest::addColumn<int>("maxStoredBytes");
    const QByteArray draft = QByteArray("# HELP m A metric.\n# TYPE m gauge\nm{db=\"customers\"} 1234\n").repeated(12);
    QTest::newRow("identical-to-the-draft") << draft << 1;
    QByteArray changed = draft;
    changed.replace("1234", "1764652000.125");
    QTest::newRow("generated-values") << changed << 120;
    QTest::newRow("nothing-like-the-draft") << QByteArray("other 1\n") << 64;
}

void TestHistoryDatabase::storesATicksBodyRelativeToItsJob()
{
    QFETCH(QByteArray, tickBody);
    QFETCH(int, maxStoredBytes);
    auto db = open();
    const QByteArray draft = QByteArray("# HELP m A metric.\n# TYPE m gauge\nm{db=\"customers\"} 1234\n").repeated(12);
    const qint64 job = db->begin(entry(QStringLiteral("job"), {}, draft));
    HistoryEntry tick = entry(QStringLiteral("replace"), {}, tickBody);
    tick.tag.parentId = job;
    const qint64 id = db->begin(tick);
    QCOMPARE(db->get(id)->requestBody, tickBody);
    QCOMPARE(db->children(job).size(), 1);
    const QVariant stored
        = sql(QStringLiteral("SELECT length(body) FROM request_bodies WHERE request_id = %1").arg(id));
    QVERIFY2(stored.toInt() <= maxStoredBytes, qPrintable(stored.toString()));
    QCOMPARE(db->get(job)->requestBody, draft);
}

void TestHistoryDatabase::aChildRepeatsItsParentsColumnsOnce()
{
    auto db = open();
    const qint64 job = db->begin(entry(QStringLiteral("job")));
    HistoryEntry same = entry(QStringLiteral("replace"));
    same.tag.parentId = job;
    HistoryEntry other = same;
    other.url = QStringLiteral("http://other.example/metrics/job/b");
    other.tag.groupingKey = QStringLiteral("{job=\"b\"}");
    other.requestHeaders = {{"Content-Type", "application/x-protobuf"}};
    const qint64 sameId = db->begin(same);
    const qint64 otherId = db->begin(other);
    QCOMPARE(
        sql(QStringLiteral("SELECT url || request_headers || grouping_key FROM requests WHERE id = %1").arg(sameId))
            .toString(),
        QStringLiteral("==="));
    for (const HistoryEntry &read : {*db->get(sameId), db->children(job).at(0)}) {
        QCOMPARE(read.url, same.url);
        QCOMPARE(read.requestHeaders, same.requestHeaders);
        QCOMPARE(read.tag.groupingKey, same.tag.groupingKey);
    }
    QCOMPARE(db->get(otherId)->url, other.url);
    QCOMPARE(db->get(otherId)->requestHeaders, other.requestHeaders);
    QCOMPARE(db->get(otherId)->tag.groupingKey, other.tag.groupingKey);
    // A search finds the child by the URL it keeps in its parent.
    HistoryFilter search;
    search.text = QStringLiteral("gw.example");
    QSet<qint64> found;
    for (const HistoryEntry &e : db->list(search))
        found.insert(e.id);
    QCOMPARE(found, (QSet<qint64>{job, sameId}));
}

void TestHistoryDatabase::keepsATicksArrival()
{
    auto db = open();
    const qint64 id = db->begin(entry(QStringLiteral("replace")));
    db->complete(id, answer(200, ErrorCategory::None));
    QVERIFY(db->noteArrival(id, 1800, QStringLiteral("arrived after 1.8 s (4 queries)")));
    QCOMPARE(db->get(id)->arrivalMs, 1800);
    QCOMPARE(db->get(id)->arrival, QStringLiteral("arrived after 1.8 s (4 queries)"));
    const qint64 missing = db->begin(entry(QStringLiteral("replace")));
    QVERIFY(db->noteArrival(missing, std::nullopt, QStringLiteral("not visible after 30 s: honor_labels is off")));
    QVERIFY(!db->get(missing)->arrivalMs);
}

void TestHistoryDatabase::movesACorruptFileAside()
{
    QFile garbage(m_dir.filePath(QStringLiteral("h.sqlite")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'Z'));
    garbage.close();
    QString note;
    auto db = HistoryDatabase::open(m_dir.filePath(QStringLiteral("h.sqlite")), &note);
    QVERIFY2(db, qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("moved to")), qPrintable(note));
    QVERIFY(db->begin(entry(QStringLiteral("replace"))) > 0);
    const QString aside = note.section(QStringLiteral("moved to "), 1).section(QLatin1Char(' '), 0, 0);
    QVERIFY2(QFile::exists(aside), qPrintable(aside)); // kept for inspection, not deleted
}

void TestHistoryDatabase::prunes()
{
    auto db = open();
    for (int i = 0; i < 30; ++i)
        db->begin(entry(QStringLiteral("replace")));
    RetentionPolicy policy;
    policy.maxEntries = 10;
    const HistoryDatabase::PruneResult result = db->prune(policy, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(result.removed, 20);
    QCOMPARE(db->count(), 10);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM request_bodies")).toInt(), 10); // their bodies went with them
    policy.maxAgeMs = 0;
    db->prune(policy, QDateTime::currentMSecsSinceEpoch() + 1000);
    QCOMPARE(db->count(), 0);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM request_bodies")).toInt(), 0);
}

void TestHistoryDatabase::pruneTakesBatchesWithTheirBackfill()
{
    auto db = open();
    HistoryEntry backfill = entry(QStringLiteral("backfill"));
    backfill.startedAtMs = QDateTime::currentMSecsSinceEpoch() - 10000;
    const qint64 parent = db->begin(backfill);
    HistoryEntry batch = entry(QStringLiteral("backfill-batch"));
    batch.tag.parentId = parent;
    for (int i = 0; i < 5; ++i)
        db->begin(batch);
    db->begin(entry(QStringLiteral("replace")));
    RetentionPolicy policy;
    policy.maxEntries = 3; // keeps two batches and the push; their backfill goes
    const HistoryDatabase::PruneResult result = db->prune(policy, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(result.ok);
    QCOMPARE(db->count(), 1);
    QCOMPARE(result.removed, 6);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM requests WHERE parent_id IS NOT NULL")).toInt(), 0);
}

void TestHistoryDatabase::pruneByAgeKeepsAJobWithRecentTicks()
{
    auto db = open();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    HistoryEntry job = entry(QStringLiteral("job"));
    job.startedAtMs = now - 3 * 86'400'000LL; // a job started three days ago, still ticking
    const qint64 parent = db->begin(job);
    HistoryEntry oldTick = entry(QStringLiteral("replace"));
    oldTick.tag.parentId = parent;
    oldTick.startedAtMs = now - 2 * 86'400'000LL;
    db->begin(oldTick);
    HistoryEntry newTick = oldTick;
    newTick.startedAtMs = now - 1000;
    const qint64 recent = db->begin(newTick);
    RetentionPolicy policy;
    policy.maxAgeMs = 86'400'000LL; // one day
    QVERIFY(db->prune(policy, now).ok);
    // The job and its recent tick stay (readable, with the job's URL); the old tick goes.
    QVERIFY(db->get(parent));
    QCOMPARE(db->get(recent)->url, newTick.url);
    QCOMPARE(db->children(parent).size(), 1);
}

void TestHistoryDatabase::prunesToASizeWithOneVacuum()
{
    auto db = open();
    QByteArray body;
    for (int i = 0; i < 4000; ++i)
        body += "noise_" + QByteArray::number(i * 7919 % 10007) + " " + QByteArray::number(i * 31) + "\n";
    for (int i = 0; i < 60; ++i)
        db->begin(entry(QStringLiteral("replace"), {}, body + QByteArray::number(i)));
    RetentionPolicy policy;
    policy.maxBytes = 1 << 20;
    const HistoryDatabase::PruneResult result = db->prune(policy, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(result.ok);
    QVERIFY2(result.bytesBefore > policy.maxBytes, qPrintable(QString::number(result.bytesBefore)));
    QVERIFY2(result.bytesAfter <= policy.maxBytes, qPrintable(QString::number(result.bytesAfter)));
    QVERIFY(result.removed > 0 && db->count() > 0);
    QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("h.sqlite"))).size(), result.bytesAfter);
}

void TestHistoryDatabase::faultsComeFromSqliteCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<HistoryFault>("fault");
    QTest::newRow("SQLITE_BUSY") << 5 << HistoryFault::Locked;
    QTest::newRow("SQLITE_LOCKED") << 6 << HistoryFault::Locked;
    QTest::newRow("SQLITE_READONLY") << 8 << HistoryFault::ReadOnly;
    QTest::newRow("SQLITE_READONLY_DBMOVED (extended)") << (8 | (4 << 8)) << HistoryFault::ReadOnly;
    QTest::newRow("SQLITE_CORRUPT") << 11 << HistoryFault::Corrupt;
    QTest::newRow("SQLITE_FULL") << 13 << HistoryFault::Full;
    QTest::newRow("SQLITE_CANTOPEN") << 14 << HistoryFault::CannotOpen;
    QTest::newRow("SQLITE_NOTADB") << 26 << HistoryFault::Corrupt;
    QTest::newRow("SQLITE_IOERR") << 10 << HistoryFault::Other;
    QTest::newRow("SQLITE_DONE") << 101 << HistoryFault::None;
}

void TestHistoryDatabase::faultsComeFromSqliteCodes()
{
    QFETCH(int, code);
    QFETCH(HistoryFault, fault);
    QCOMPARE(historyFaultFromSqliteCode(code), fault);
}

namespace {

// Overwrites the middle pages of a database file (not its header page) with garbage.
void damageMiddlePages(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY2(size >= 16 * 4096, qPrintable(QString::number(size)));
    file.seek(size / 2 / 4096 * 4096);
    file.write(QByteArray(3 * 4096, '\xA5'));
}

} // namespace

void TestHistoryDatabase::damagedPagesAreFoundAtOpen()
{
    {
        auto db = open();
        for (int i = 0; i < 400; ++i)
            db->complete(db->begin(entry(QStringLiteral("replace"), {}, QByteArray(300, char('a' + i % 26)))),
                         answer(200, ErrorCategory::None, "fine"));
        QCOMPARE(sql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).toInt(), 0);
    }
    damageMiddlePages(m_dir.filePath(QStringLiteral("h.sqlite")));
    QString note;
    auto db = HistoryDatabase::open(m_dir.filePath(QStringLiteral("h.sqlite")), &note, HistoryDatabase::Check::Pages);
    QVERIFY2(db, qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("damaged")) && note.contains(QLatin1String("quick_check"))
                 && note.contains(QLatin1String("moved to")),
             qPrintable(note));
    QCOMPARE(db->count(), 0); // a new file
}

void TestHistoryDatabase::readingADamagedFileSaysSo()
{
    {
        auto db = open();
        for (int i = 0; i < 400; ++i)
            db->begin(entry(QStringLiteral("replace"), {}, QByteArray(300, char('a' + i % 26))));
        QCOMPARE(sql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).toInt(), 0);
    }
    damageMiddlePages(m_dir.filePath(QStringLiteral("h.sqlite")));
    auto db = open(); // the header is sound: only reading finds the damage
    QVERIFY(db);
    HistoryFilter all;
    all.limit = 1000;
    all.withBodies = true;
    QVERIFY(db->list(all).size() < 400); // what is damaged cannot be listed
    QCOMPARE(db->lastError().fault, HistoryFault::Corrupt);
    QVERIFY2(db->lastError().describe().contains(QLatin1String("quick_check")), qPrintable(db->lastError().describe()));
}

void TestHistoryDatabase::migratesSchemaOne()
{
    // A history written by a PromDesk with schema 1: bodies inside the requests table.
    const QStringList schemaOne{
        QStringLiteral(
            "CREATE TABLE requests (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER, resend_of INTEGER,"
            " started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL DEFAULT 0, profile TEXT NOT NULL DEFAULT '',"
            " target TEXT NOT NULL DEFAULT '', operation TEXT NOT NULL, grouping_key TEXT NOT NULL DEFAULT '',"
            " attempt INTEGER NOT NULL DEFAULT 1, method TEXT NOT NULL, url TEXT NOT NULL,"
            " request_headers TEXT NOT NULL DEFAULT '[]', request_body BLOB, request_body_size INTEGER NOT NULL "
            "DEFAULT 0,"
            " request_body_truncated INTEGER NOT NULL DEFAULT 0, auth_kind TEXT NOT NULL DEFAULT 'none',"
            " auth_user TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL DEFAULT 'unknown', status INTEGER NOT NULL "
            "DEFAULT 0,"
            " response_headers TEXT NOT NULL DEFAULT '[]', response_body BLOB, duration_ms INTEGER NOT NULL DEFAULT 0,"
            " error_text TEXT NOT NULL DEFAULT '', samples_written INTEGER)"),
        // 0x00 then the bytes: a stored body that was not compressed.
        QStringLiteral(
            "INSERT INTO requests (started_at, operation, method, url, request_body, request_body_size, outcome, "
            "status)"
            " VALUES (1700000000000, 'replace', 'PUT', 'http://gw/metrics/job/a', x'0061203120310a', 6, 'ok', 200)"),
        QStringLiteral("INSERT INTO requests (started_at, operation, method, url, outcome) VALUES (1700000000001, "
                       "'delete', 'DELETE', 'http://gw/metrics/job/a', 'ok')"),
        QStringLiteral("PRAGMA user_version = 1"),
    };
    for (const QString &statement : schemaOne)
        sql(statement);
    QCOMPARE(sql(QStringLiteral("PRAGMA user_version")).toInt(), 1);

    auto db = open();
    QVERIFY(db);
    QCOMPARE(sql(QStringLiteral("PRAGMA user_version")).toInt(), HistoryDatabase::kSchemaVersion);
    QCOMPARE(db->count(), 2);
    const QList<HistoryEntry> entries = db->list(HistoryFilter{});
    QCOMPARE(entries.size(), 2);
    QCOMPARE(db->get(entries.at(1).id)->requestBody, QByteArray("a 1 1\n"));
    QVERIFY(db->get(entries.at(0).id)->requestBody.isEmpty());
    QCOMPARE(
        sql(QStringLiteral("SELECT count(*) FROM pragma_table_info('requests') WHERE name = 'request_body'")).toInt(),
        0);
    // New entries go on being recorded next to the migrated ones.
    const qint64 id = db->begin(entry(QStringLiteral("replace")));
    QCOMPARE(db->get(id)->requestBody, QByteArray("a 1\n"));
}

void TestHistoryDatabase::twoProcessesLoseNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    QList<QProcess *> writers;
    for (int i = 0; i < 2; ++i) {
        auto *process = new QProcess(this);
        process->start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("-writer"), path, QStringLiteral("300")});
        writers.append(process);
    }
    for (QProcess *process : writers) {
        QVERIFY(process->waitForFinished(60000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    auto db = HistoryDatabase::open(path, nullptr);
    QCOMPARE(db->count(), 600);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "-writer") {
        QString note;
        auto db = HistoryDatabase::open(QString::fromLocal8Bit(argv[2]), &note);
        if (!db)
            std::fprintf(stderr, "%s\n", qPrintable(note));
        const int count = QByteArray(argv[3]).toInt();
        for (int i = 0; i < count; ++i) {
            const qint64 id = db ? db->begin(entry(QStringLiteral("replace"))) : 0;
            if (id <= 0) {
                std::fprintf(stderr, "entry %d was not recorded\n", i);
                return 1;
            }
            db->complete(id, answer(200, ErrorCategory::None));
        }
        return 0;
    }
    TestHistoryDatabase test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historydatabase.moc"
