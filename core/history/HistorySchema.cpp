// The history file's tables and how a file of any earlier schema is brought up to this one.
#include "history/HistoryDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HistorySchema)
};

// Schema 1, the first; a new database is made by it and the migrations after it, so every
// history file ends up with the same tables whatever version first created it.
const char *const kSchema1[] = {
    "CREATE TABLE IF NOT EXISTS requests ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " parent_id INTEGER, resend_of INTEGER,"
    " started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL DEFAULT 0,"
    " profile TEXT NOT NULL DEFAULT '', target TEXT NOT NULL DEFAULT '', operation TEXT NOT NULL,"
    " grouping_key TEXT NOT NULL DEFAULT '', attempt INTEGER NOT NULL DEFAULT 1,"
    " method TEXT NOT NULL, url TEXT NOT NULL, request_headers TEXT NOT NULL DEFAULT '[]',"
    " request_body BLOB, request_body_size INTEGER NOT NULL DEFAULT 0, request_body_truncated INTEGER NOT NULL DEFAULT "
    "0,"
    " auth_kind TEXT NOT NULL DEFAULT 'none', auth_user TEXT NOT NULL DEFAULT '',"
    " outcome TEXT NOT NULL DEFAULT 'unknown', status INTEGER NOT NULL DEFAULT 0,"
    " response_headers TEXT NOT NULL DEFAULT '[]', response_body BLOB, duration_ms INTEGER NOT NULL DEFAULT 0,"
    " error_text TEXT NOT NULL DEFAULT '', samples_written INTEGER)",
    "CREATE INDEX IF NOT EXISTS requests_by_time ON requests(started_at DESC)",
    "CREATE INDEX IF NOT EXISTS requests_by_profile ON requests(profile, started_at DESC)",
    "CREATE INDEX IF NOT EXISTS requests_by_outcome ON requests(outcome, started_at DESC)",
    "CREATE INDEX IF NOT EXISTS requests_by_parent ON requests(parent_id)",
};

// Schema 2: request bodies in a table of their own. SQLite rewrites a whole row on UPDATE,
// overflow pages included, so completing an entry would rewrite its body (often 100 KB or more).
const char *const kSchema2[] = {
    "CREATE TABLE request_bodies (request_id INTEGER PRIMARY KEY, body BLOB NOT NULL)",
    "INSERT INTO request_bodies (request_id, body) SELECT id, request_body FROM requests WHERE request_body IS NOT "
    "NULL",
    "ALTER TABLE requests DROP COLUMN request_body",
    ("CREATE TRIGGER requests_drop_body AFTER DELETE ON requests BEGIN"
     " DELETE FROM request_bodies WHERE request_id = old.id; END"),
};

// Schema 3: how big an answer's body was and whether only its start is kept (a 200 MB error
// page is cut to the body cap), and whether secrets were masked in what was stored.
const char *const kSchema3[] = {
    "ALTER TABLE requests ADD COLUMN response_body_size INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE requests ADD COLUMN response_body_truncated INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE requests ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0",
};

// Schema 4: a live job's ticks. Each tick keeps how long its data took to show through the query
// URL and the check's verdict; a tick's body is stored relative to its job's (see packRelative).
const char *const kSchema4[] = {
    "ALTER TABLE requests ADD COLUMN arrival_ms INTEGER",
    "ALTER TABLE requests ADD COLUMN arrival TEXT NOT NULL DEFAULT ''",
};

// Each CLI run is a short process. By default the last connection to close checkpoints the WAL
// into the database, syncs both files and deletes the WAL, and the next run's first commit syncs
// a new WAL header: several disk flushes per push, most of a push's recording cost. Keeping the
// WAL between processes leaves checkpoints to SQLite's automatic ones (every 256 pages), which
// is as safe: a killed process or a crash still finds every committed entry in the WAL.
void keepWalAcrossProcesses(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        return;
    sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    int persist = 1;
    sqlite3_file_control(connection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    // The next process to open the file reads the whole WAL to rebuild its index: keep it short.
    sqlite3_wal_autocheckpoint(connection, 256);
}

} // namespace

bool HistoryDatabase::initialise(HistoryError *error, Check check)
{
    const bool created = !QFileInfo::exists(m_path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        const int code = db.lastError().nativeErrorCode().toInt();
        *error = {code > 0 ? historyFaultFromSqliteCode(code) : HistoryFault::CannotOpen, db.lastError().text()};
        return false;
    }
    // SQLite gives its -wal and -shm files the database's mode.
    if (created)
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    const auto fail = [&] {
        *error = m_lastError;
        return false;
    };
    // A file that is not a database, or whose header is damaged, fails right here.
    if (!exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"),
              QT_TRANSLATE_NOOP("HistoryDatabase", "reading the schema")))
        return fail();
    if (check == Check::Pages) {
        QSqlQuery q(db);
        if (!exec(q, QStringLiteral("PRAGMA quick_check(5)"),
                  QT_TRANSLATE_NOOP("HistoryDatabase", "checking the file")))
            return fail();
        QStringList damage;
        while (q.next()) {
            if (const QString line = q.value(0).toString(); line != u"ok")
                damage << line;
        }
        if (!damage.isEmpty()) {
            *error = {HistoryFault::Corrupt, QStringLiteral("quick_check: ") + damage.join(QStringLiteral("; "))};
            return false;
        }
    }
    // WAL lets the GUI and a CLI write at once; NORMAL sync is safe with WAL and keeps writes cheap.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL"), QT_TRANSLATE_NOOP("HistoryDatabase", "switching to WAL"))
        || !exec(QStringLiteral("PRAGMA synchronous=NORMAL"),
                 QT_TRANSLATE_NOOP("HistoryDatabase", "setting the sync mode")))
        return fail();
    keepWalAcrossProcesses(db);
    const auto schemaVersion = [&]() -> std::optional<int> {
        QSqlQuery version(db);
        if (!exec(version, QStringLiteral("PRAGMA user_version"),
                  QT_TRANSLATE_NOOP("HistoryDatabase", "reading the schema version")))
            return std::nullopt;
        return version.next() ? version.value(0).toInt() : 0;
    };
    std::optional<int> schema = schemaVersion();
    if (!schema)
        return fail();
    if (*schema < kSchemaVersion) {
        // Another process may be migrating the same file right now: take the write lock first
        // (IMMEDIATE waits for it), then look again. One transaction, so a migration interrupted
        // halfway leaves the old schema, not a mix.
        if (!exec(QStringLiteral("BEGIN IMMEDIATE"), QT_TRANSLATE_NOOP("HistoryDatabase", "starting the migration")))
            return fail();
        const auto abandon = [&] {
            rollBackKeepingError();
            return fail();
        };
        schema = schemaVersion();
        if (!schema)
            return abandon();
        auto apply = [&](const auto &statements) {
            for (const char *statement : statements) {
                if (!exec(QString::fromLatin1(statement), QT_TRANSLATE_NOOP("HistoryDatabase", "migrating the schema")))
                    return false;
            }
            return true;
        };
        const bool migrated = *schema >= kSchemaVersion
            || ((*schema >= 1 || apply(kSchema1)) && (*schema >= 2 || apply(kSchema2))
                && (*schema >= 3 || apply(kSchema3)) && (*schema >= 4 || apply(kSchema4))
                && exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion),
                        QT_TRANSLATE_NOOP("HistoryDatabase", "migrating the schema")));
        if (!migrated)
            return abandon();
        if (!exec(QStringLiteral("COMMIT"), QT_TRANSLATE_NOOP("HistoryDatabase", "committing the migration")))
            return abandon();
    }
    if (*schema > kSchemaVersion) {
        *error = {HistoryFault::Other, Tr::tr("the history was written by a newer PromDesk (schema %1)").arg(*schema)};
        return false;
    }
    return true;
}

} // namespace promdesk
