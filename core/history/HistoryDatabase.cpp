#include "history/HistoryDatabase.h"

#include "net/Redactor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <snappy.h>

#include <sqlite3.h>
namespace promdesk {

namespace {

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
    " request_body BLOB, request_body_size INTEGER NOT NULL DEFAULT 0, request_body_truncated INTEGER NOT NULL DEFAULT 0,"
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
// overflow pages included, so completing an entry rewrote its (often 100 KB+) body every time.
const char *const kSchema2[] = {
    "CREATE TABLE request_bodies (request_id INTEGER PRIMARY KEY, body BLOB NOT NULL)",
    "INSERT INTO request_bodies (request_id, body) SELECT id, request_body FROM requests WHERE request_body IS NOT NULL",
    "ALTER TABLE requests DROP COLUMN request_body",
    "CREATE TRIGGER requests_drop_body AFTER DELETE ON requests BEGIN"
    " DELETE FROM request_bodies WHERE request_id = old.id; END",
};

QString headersToJson(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &header : headers)
        array.append(QJsonArray{QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

HttpHeaders headersFromJson(const QString &json)
{
    HttpHeaders headers;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray pair = value.toArray();
        headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    return headers;
}

// Bodies are stored compressed; the first byte says how (0 raw, 1 zlib, 2 snappy) so small or
// incompressible bodies are not made bigger. New entries use snappy: it is several times faster
// than zlib, and recording sits on the push path.
QByteArray pack(const QByteArray &body, bool alreadyCompressed = false)
{
    if (body.isEmpty())
        return {};
    if (alreadyCompressed)
        return QByteArray(1, '\0') + body;
    // Straight into the stored form: snappy's std::string overload zero-fills its worst case and
    // the result would be copied twice more.
    QByteArray packed(1 + qsizetype(snappy::MaxCompressedLength(size_t(body.size()))), Qt::Uninitialized);
    packed[0] = '\2';
    size_t compressedSize = 0;
    snappy::RawCompress(body.constData(), size_t(body.size()), packed.data() + 1, &compressedSize);
    if (qsizetype(compressedSize) + 1 >= body.size())
        return QByteArray(1, '\0') + body;
    packed.truncate(1 + qsizetype(compressedSize));
    return packed;
}

QByteArray unpack(const QByteArray &stored)
{
    if (stored.isEmpty())
        return {};
    if (stored.at(0) == '\2') {
        size_t length = 0;
        if (!snappy::GetUncompressedLength(stored.constData() + 1, size_t(stored.size() - 1), &length))
            return {};
        QByteArray raw(qsizetype(length), Qt::Uninitialized);
        if (!snappy::RawUncompress(stored.constData() + 1, size_t(stored.size() - 1), raw.data()))
            return {};
        return raw;
    }
    return stored.at(0) == '\1' ? qUncompress(stored.mid(1)) : stored.mid(1);
}

HistoryEntry readEntry(const QSqlQuery &q, bool withBodies)
{
    HistoryEntry e;
    e.id = q.value(QStringLiteral("id")).toLongLong();
    e.tag.parentId = q.value(QStringLiteral("parent_id")).toLongLong();
    e.tag.resendOf = q.value(QStringLiteral("resend_of")).toLongLong();
    e.startedAtMs = q.value(QStringLiteral("started_at")).toLongLong();
    e.finishedAtMs = q.value(QStringLiteral("finished_at")).toLongLong();
    e.tag.profile = q.value(QStringLiteral("profile")).toString();
    e.tag.target = q.value(QStringLiteral("target")).toString();
    e.tag.operation = q.value(QStringLiteral("operation")).toString();
    e.tag.groupingKey = q.value(QStringLiteral("grouping_key")).toString();
    e.tag.attempt = q.value(QStringLiteral("attempt")).toInt();
    e.method = q.value(QStringLiteral("method")).toString().toLatin1();
    e.url = q.value(QStringLiteral("url")).toString();
    e.requestHeaders = headersFromJson(q.value(QStringLiteral("request_headers")).toString());
    e.requestBodySize = q.value(QStringLiteral("request_body_size")).toLongLong();
    e.requestBodyTruncated = q.value(QStringLiteral("request_body_truncated")).toBool();
    const QString auth = q.value(QStringLiteral("auth_kind")).toString();
    e.authKind = auth == u"basic" ? Credentials::Kind::Basic : auth == u"bearer" ? Credentials::Kind::Bearer : Credentials::Kind::None;
    e.authUser = q.value(QStringLiteral("auth_user")).toString();
    e.outcome = q.value(QStringLiteral("outcome")).toString();
    e.status = q.value(QStringLiteral("status")).toInt();
    e.responseHeaders = headersFromJson(q.value(QStringLiteral("response_headers")).toString());
    e.durationMs = q.value(QStringLiteral("duration_ms")).toLongLong();
    e.errorText = q.value(QStringLiteral("error_text")).toString();
    if (!q.value(QStringLiteral("samples_written")).isNull())
        e.samplesWritten = q.value(QStringLiteral("samples_written")).toLongLong();
    if (withBodies) {
        e.requestBody = unpack(q.value(QStringLiteral("request_body")).toByteArray());
        e.responseBody = unpack(q.value(QStringLiteral("response_body")).toByteArray());
    }
    return e;
}

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL, so send "" instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

const QString kListColumns = QStringLiteral(
    "id, parent_id, resend_of, started_at, finished_at, profile, target, operation, grouping_key, attempt, method, url,"
    " request_headers, request_body_size, request_body_truncated, auth_kind, auth_user, outcome, status, response_headers, duration_ms,"
    " error_text, samples_written");

const QString kRequestBodyColumn =
    QStringLiteral("(SELECT body FROM request_bodies WHERE request_bodies.request_id = requests.id) AS request_body");

} // namespace

QByteArray HistoryEntry::requestHeader(const QByteArray &name) const
{
    for (const auto &header : requestHeaders) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString HistoryDatabase::defaultPath()
{
    const QString dir = qEnvironmentVariable("PROMDESK_DATA_DIR");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("history.sqlite"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("promdesk/history.sqlite"));
}

std::unique_ptr<HistoryDatabase> HistoryDatabase::open(const QString &path, QString *note)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    bool movedAside = false;
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::unique_ptr<HistoryDatabase> db(new HistoryDatabase);
        db->m_path = path;
        db->m_connection = QStringLiteral("promdesk-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString error;
        if (db->initialise(&error))
            return db;
        db.reset();
        const QString lower = error.toLower();
        if (lower.contains(QLatin1String("locked")) || lower.contains(QLatin1String("busy"))) {
            // Another process is creating or changing the file: wait for it, never treat it as damage.
            QThread::msleep(50);
            continue;
        }
        const bool damaged = lower.contains(QLatin1String("not a database")) || lower.contains(QLatin1String("malformed"))
            || lower.contains(QLatin1String("corrupt"));
        if (!damaged || movedAside) {
            if (note)
                *note = QStringLiteral("the history cannot be opened (%1); requests are not recorded").arg(error);
            return nullptr;
        }
        // A damaged file: keep it for inspection and start afresh.
        const QString aside = path + QStringLiteral(".corrupt-") + QString::number(QDateTime::currentSecsSinceEpoch());
        QFile::rename(path, aside);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        movedAside = true;
        if (note)
            *note = QStringLiteral("the history file was damaged (%1); it was moved to %2 and a new one started").arg(error, aside);
    }
    if (note)
        *note = QStringLiteral("the history stayed locked by another process; requests are not recorded");
    return nullptr;
}

namespace {

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

bool HistoryDatabase::initialise(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    auto exec = [&](const QString &sql) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    };
    // Not a full integrity check (that reads the whole file on every start); a file that is not
    // a database, or whose header is damaged, fails right here.
    if (!exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")))
        return false;
    // WAL lets the GUI and a CLI write at once; NORMAL sync is safe with WAL and keeps writes cheap.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return false;
    keepWalAcrossProcesses(db);
    if (!exec(QStringLiteral("PRAGMA user_version")))
        return false;
    const int version = q.next() ? q.value(0).toInt() : 0;
    if (version > kSchemaVersion) {
        *error = QStringLiteral("the history was written by a newer PromDesk (schema %1)").arg(version);
        return false;
    }
    if (version < kSchemaVersion) {
        // One transaction, so a migration interrupted halfway leaves the old schema, not a mix.
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        auto apply = [&](const auto &statements) {
            for (const char *statement : statements) {
                if (!exec(QString::fromLatin1(statement)))
                    return false;
            }
            return true;
        };
        const bool migrated = (version >= 1 || apply(kSchema1)) && (version >= 2 || apply(kSchema2))
            && exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
        if (!migrated) {
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

HistoryDatabase::~HistoryDatabase()
{
    m_insertEntry.reset();
    m_insertBody.reset();
    m_completeEntry.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlQuery &HistoryDatabase::statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql)
{
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection));
        slot->prepare(sql);
    }
    return *slot;
}

qint64 HistoryDatabase::begin(const HistoryEntry &e, qint64 bodyCap)
{
    QSqlQuery &q = statement(m_insertEntry, QStringLiteral(
        "INSERT INTO requests (parent_id, resend_of, started_at, profile, target, operation, grouping_key, attempt, method,"
        " url, request_headers, request_body_size, request_body_truncated, auth_kind, auth_user)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const bool truncated = e.requestBody.size() > bodyCap;
    q.addBindValue(e.tag.parentId ? QVariant(e.tag.parentId) : QVariant());
    q.addBindValue(e.tag.resendOf ? QVariant(e.tag.resendOf) : QVariant());
    q.addBindValue(e.startedAtMs ? e.startedAtMs : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(text(e.tag.profile));
    q.addBindValue(text(e.tag.target));
    q.addBindValue(text(e.tag.operation));
    q.addBindValue(text(e.tag.groupingKey));
    q.addBindValue(e.tag.attempt);
    q.addBindValue(QString::fromLatin1(e.method));
    q.addBindValue(text(e.url));
    q.addBindValue(headersToJson(e.requestHeaders));
    q.addBindValue(e.requestBodySize ? e.requestBodySize : qint64(e.requestBody.size()));
    q.addBindValue(truncated ? 1 : 0);
    q.addBindValue(e.authKind == Credentials::Kind::Basic ? QStringLiteral("basic")
                   : e.authKind == Credentials::Kind::Bearer ? QStringLiteral("bearer")
                                                              : QStringLiteral("none"));
    q.addBindValue(text(e.authUser));
    // The entry and its body land together or not at all: a savepoint, which also works inside
    // a group's transaction.
    const bool withBody = !e.requestBody.isEmpty();
    QSqlQuery savepoint(QSqlDatabase::database(m_connection));
    const auto undo = [&] {
        if (withBody) {
            savepoint.exec(QStringLiteral("ROLLBACK TO entry"));
            savepoint.exec(QStringLiteral("RELEASE entry"));
        }
        return qint64(0);
    };
    if (withBody)
        savepoint.exec(QStringLiteral("SAVEPOINT entry"));
    if (!q.exec()) {
        qWarning("history: cannot record a request: %s", qPrintable(q.lastError().text()));
        return undo();
    }
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    if (withBody) {
        if (!storeRequestBody(id, e, bodyCap))
            return undo();
        savepoint.exec(QStringLiteral("RELEASE entry"));
    }
    return id;
}

void HistoryDatabase::beginGroup()
{
    QSqlDatabase::database(m_connection).transaction();
}

void HistoryDatabase::commitGroup()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.commit()) {
        qWarning("history: cannot commit recorded requests: %s", qPrintable(db.lastError().text()));
        db.rollback();
    }
}

bool HistoryDatabase::storeRequestBody(qint64 id, const HistoryEntry &e, qint64 bodyCap)
{
    const bool truncated = e.requestBody.size() > bodyCap;
    QSqlQuery &q = statement(m_insertBody, QStringLiteral("INSERT OR REPLACE INTO request_bodies (request_id, body) VALUES (?, ?)"));
    q.addBindValue(id);
    q.addBindValue(pack(truncated ? e.requestBody.left(bodyCap) : e.requestBody, !e.requestHeader("Content-Encoding").isEmpty()));
    const bool stored = q.exec();
    if (!stored)
        qWarning("history: cannot record a request body: %s", qPrintable(q.lastError().text()));
    q.finish();
    return stored;
}

void HistoryDatabase::attachRequestBody(qint64 id, const HistoryEntry &e, qint64 bodyCap)
{
    if (id <= 0 || e.requestBody.isEmpty())
        return;
    if (!storeRequestBody(id, e, bodyCap) || e.requestBody.size() <= bodyCap)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE requests SET request_body_truncated = 1 WHERE id = ?"));
    q.addBindValue(id);
    q.exec();
}

void HistoryDatabase::complete(qint64 id, const HttpResult &result, std::optional<qint64> samplesWritten)
{
    if (id <= 0)
        return;
    QSqlQuery &q = statement(m_completeEntry,
                             QStringLiteral("UPDATE requests SET finished_at = ?, outcome = ?, status = ?, response_headers = ?,"
                                            " response_body = ?, duration_ms = ?, error_text = ?, samples_written = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(errorCategoryName(result.category));
    q.addBindValue(result.status);
    q.addBindValue(headersToJson(result.headers));
    q.addBindValue(pack(result.body));
    q.addBindValue(result.durationMs);
    q.addBindValue(text(result.errorText));
    q.addBindValue(samplesWritten ? QVariant(*samplesWritten) : QVariant());
    q.addBindValue(id);
    q.exec();
    q.finish();
}

QList<HistoryEntry> HistoryDatabase::list(const HistoryFilter &filter) const
{
    QString sql = QStringLiteral("SELECT ") + kListColumns
        + (filter.withBodies ? QStringLiteral(", response_body, ") + kRequestBodyColumn : QString())
        + QStringLiteral(" FROM requests WHERE 1=1");
    QVariantList values;
    if (filter.failedOnly)
        sql += QStringLiteral(" AND outcome <> 'ok'");
    if (!filter.profile.isEmpty()) {
        sql += QStringLiteral(" AND profile = ?");
        values << filter.profile;
    }
    if (!filter.operation.isEmpty()) {
        sql += QStringLiteral(" AND operation = ?");
        values << filter.operation;
    }
    if (!filter.text.isEmpty()) {
        sql += QStringLiteral(" AND (instr(url, ?) > 0 OR instr(grouping_key, ?) > 0)");
        values << filter.text << filter.text;
    }
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT ?");
    values << filter.limit;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    QList<HistoryEntry> entries;
    if (q.exec()) {
        while (q.next())
            entries.append(readEntry(q, filter.withBodies));
    }
    return entries;
}

std::optional<HistoryEntry> HistoryDatabase::get(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + kListColumns + QStringLiteral(", response_body, ") + kRequestBodyColumn + QStringLiteral(" FROM requests WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readEntry(q, true);
}

QList<HistoryEntry> HistoryDatabase::children(qint64 parentId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + kListColumns + QStringLiteral(" FROM requests WHERE parent_id = ? ORDER BY id"));
    q.addBindValue(parentId);
    QList<HistoryEntry> entries;
    if (q.exec()) {
        while (q.next())
            entries.append(readEntry(q, false));
    }
    return entries;
}

qint64 HistoryDatabase::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT count(*) FROM requests")) && q.next() ? q.value(0).toLongLong() : 0;
}

HistoryDatabase::PruneResult HistoryDatabase::prune(const RetentionPolicy &policy, qint64 nowMs)
{
    PruneResult result;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    auto size = [&] {
        QSqlQuery s(db);
        return s.exec(QStringLiteral("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) && s.next()
            ? s.value(0).toLongLong()
            : 0;
    };
    result.bytesBefore = size();
    const qint64 before = count();
    q.prepare(QStringLiteral("DELETE FROM requests WHERE started_at < ?"));
    q.addBindValue(nowMs - policy.maxAgeMs);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM requests WHERE id NOT IN (SELECT id FROM requests ORDER BY started_at DESC, id DESC LIMIT ?)"));
    q.addBindValue(policy.maxEntries);
    q.exec();
    // Over the size limit: drop the oldest tenth at a time until it fits.
    for (int round = 0; round < 10 && size() > policy.maxBytes && count() > 0; ++round) {
        q.prepare(QStringLiteral("DELETE FROM requests WHERE id IN (SELECT id FROM requests ORDER BY started_at ASC LIMIT ?)"));
        q.addBindValue(std::max<qint64>(1, count() / 10));
        q.exec();
        q.exec(QStringLiteral("VACUUM"));
    }
    q.exec(QStringLiteral("VACUUM"));
    result.removed = before - count();
    result.bytesAfter = size();
    return result;
}

HistoryEntry entryFor(const HttpRequest &request, const RequestTag &tag)
{
    HistoryEntry e;
    e.tag = tag;
    e.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    e.method = request.method;
    e.url = redactUrl(request.url);
    HttpHeaders headers = request.headers;
    if (request.credentials.kind == Credentials::Kind::Basic)
        headers.append({QByteArray("Authorization"), QByteArray("Basic ") + QByteArray(kRedacted)});
    else if (request.credentials.kind == Credentials::Kind::Bearer)
        headers.append({QByteArray("Authorization"), QByteArray("Bearer ") + QByteArray(kRedacted)});
    e.requestHeaders = redactHeaders(headers);
    e.authKind = request.credentials.kind;
    e.authUser = request.credentials.kind == Credentials::Kind::Basic ? request.credentials.user : QString();
    e.requestBody = request.body;
    e.requestBodySize = request.body.size();
    return e;
}

} // namespace promdesk
