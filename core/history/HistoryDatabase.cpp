#include "history/HistoryDatabase.h"

#include "history/StoredForm.h"
#include "net/Redactor.h"
#include "util/BoundedSnappy.h"

#include <QCoreApplication>
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

#include <sqlite3.h>

namespace promdesk {

using namespace detail;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HistoryDatabase)
};

// A child's URL, request headers or grouping key that are its parent's are stored as this
// marker (no URL, header list or grouping key is written so): a live job's thousands of ticks
// repeat them.
const QString kAsParent = QStringLiteral("=");

HistoryEntry readEntry(const QSqlQuery &q, bool withBodies, const HistoryDatabase::ParentLookup &parent)
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
    const QString url = q.value(QStringLiteral("url")).toString();
    const QString headers = q.value(QStringLiteral("request_headers")).toString();
    const bool inherits
        = e.tag.parentId > 0 && (url == kAsParent || headers == kAsParent || e.tag.groupingKey == kAsParent);
    const HistoryDatabase::ParentColumns columns
        = inherits ? parent.columns(e.tag.parentId) : HistoryDatabase::ParentColumns();
    if (e.tag.groupingKey == kAsParent)
        e.tag.groupingKey = columns.groupingKey;
    e.tag.attempt = q.value(QStringLiteral("attempt")).toInt();
    e.method = q.value(QStringLiteral("method")).toString().toLatin1();
    e.url = url == kAsParent ? columns.url : url;
    e.requestHeaders = headersFromJson(headers == kAsParent ? columns.requestHeadersJson : headers);
    e.requestBodySize = q.value(QStringLiteral("request_body_size")).toLongLong();
    e.requestBodyTruncated = q.value(QStringLiteral("request_body_truncated")).toBool();
    const QString auth = q.value(QStringLiteral("auth_kind")).toString();
    e.authKind = auth == u"basic" ? Credentials::Kind::Basic
        : auth == u"bearer"       ? Credentials::Kind::Bearer
                                  : Credentials::Kind::None;
    e.authUser = q.value(QStringLiteral("auth_user")).toString();
    e.outcome = q.value(QStringLiteral("outcome")).toString();
    e.status = q.value(QStringLiteral("status")).toInt();
    e.responseHeaders = headersFromJson(q.value(QStringLiteral("response_headers")).toString());
    e.durationMs = q.value(QStringLiteral("duration_ms")).toLongLong();
    e.errorText = q.value(QStringLiteral("error_text")).toString();
    if (!q.value(QStringLiteral("samples_written")).isNull())
        e.samplesWritten = q.value(QStringLiteral("samples_written")).toLongLong();
    e.responseBodySize = q.value(QStringLiteral("response_body_size")).toLongLong();
    e.responseBodyTruncated = q.value(QStringLiteral("response_body_truncated")).toBool();
    e.redacted = q.value(QStringLiteral("redacted")).toBool();
    if (!q.value(QStringLiteral("arrival_ms")).isNull())
        e.arrivalMs = q.value(QStringLiteral("arrival_ms")).toLongLong();
    e.arrival = q.value(QStringLiteral("arrival")).toString();
    if (withBodies) {
        const QByteArray stored = q.value(QStringLiteral("request_body")).toByteArray();
        e.requestBody = parent.body(stored, e);
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
    " request_headers, request_body_size, request_body_truncated, auth_kind, auth_user, outcome, status, "
    "response_headers, duration_ms,"
    " error_text, samples_written, response_body_size, response_body_truncated, redacted, arrival_ms, arrival");

const QString kRequestBodyColumn
    = QStringLiteral("(SELECT body FROM request_bodies WHERE request_bodies.request_id = requests.id) AS request_body");

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
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("promdesk/history.sqlite"));
}

namespace {

// Moves a damaged file (and its WAL) aside for inspection, under a name no earlier one has;
// empty when it cannot be moved.
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(path, aside))
        return {};
    QFile::rename(path + QStringLiteral("-wal"), aside + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return aside;
}

} // namespace

std::unique_ptr<HistoryDatabase> HistoryDatabase::open(const QString &path, QString *note, Check check)
{
    // The history holds URLs, grouping keys and answers: for this user only. Its folder is made
    // 0700 when PromDesk makes it, or when it is PromDesk's own (never a folder it was pointed at).
    const QString directory = QFileInfo(path).absolutePath();
    const bool ownFolder = !QFileInfo::exists(directory) || QFileInfo(directory).fileName() == u"promdesk";
    QDir().mkpath(directory);
    if (ownFolder)
        QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    bool movedAside = false;
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::unique_ptr<HistoryDatabase> db(new HistoryDatabase);
        db->m_path = path;
        db->m_connection = QStringLiteral("promdesk-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        HistoryError error;
        if (db->initialise(&error, check))
            return db;
        db.reset();
        if (error.fault == HistoryFault::Locked) {
            // Another process is creating or changing the file: wait for it, never treat it as damage.
            QThread::msleep(50);
            continue;
        }
        if (error.fault != HistoryFault::Corrupt || movedAside) {
            if (note)
                *note = Tr::tr("%1; requests are not recorded").arg(error.describe());
            return nullptr;
        }
        // A damaged file: keep it for inspection and start afresh.
        const QString aside = moveAside(path);
        if (aside.isEmpty()) {
            if (note)
                *note = Tr::tr("%1, and it cannot be moved aside; requests are not recorded").arg(error.describe());
            return nullptr;
        }
        movedAside = true;
        if (note)
            *note = Tr::tr("%1; it was moved to %2 and a new one started").arg(error.describe(), aside);
    }
    if (note)
        *note = Tr::tr("the history stayed locked by another process; requests are not recorded");
    return nullptr;
}

namespace {

// The connection's last result code, for the few QtSql errors that do not carry one.
int lastSqliteCode(const QSqlDatabase &db)
{
    const QVariant handle = db.isValid() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return 0;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    return connection ? sqlite3_extended_errcode(connection) : 0;
}

} // namespace

bool HistoryDatabase::failed(const QSqlError &error, const char *doing) const
{
    bool hasCode = false;
    int code = error.nativeErrorCode().toInt(&hasCode);
    if (!hasCode || code <= 0)
        code = lastSqliteCode(QSqlDatabase::database(m_connection, false));
    m_lastError
        = {code > 0 ? historyFaultFromSqliteCode(code) : HistoryFault::Other,
           //: %1 is what the history was doing (e.g. "recording a request"), %2 is SQLite's message
           Tr::tr("%1: %2").arg(Tr::tr(doing), error.databaseText().isEmpty() ? error.text() : error.databaseText())};
    if (m_lastError.fault == HistoryFault::Corrupt) {
        // Say which pages: the same check a reading path makes when it opens the file.
        QSqlQuery check(QSqlDatabase::database(m_connection));
        if (check.exec(QStringLiteral("PRAGMA quick_check(3)"))) {
            QStringList damage;
            while (check.next())
                damage << check.value(0).toString();
            m_lastError.detail += QStringLiteral("; quick_check: ") + damage.join(QStringLiteral("; "));
        }
    }
    return false;
}

bool HistoryDatabase::exec(QSqlQuery &query, const char *doing) const
{
    return query.exec() || failed(query.lastError(), doing);
}

bool HistoryDatabase::exec(QSqlQuery &query, const QString &sql, const char *doing) const
{
    return query.exec(sql) || failed(query.lastError(), doing);
}

bool HistoryDatabase::exec(const QString &sql, const char *doing) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    return exec(query, sql, doing);
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
    QSqlQuery &q = statement(
        m_insertEntry,
        QStringLiteral("INSERT INTO requests (parent_id, resend_of, started_at, profile, target, operation, "
                       "grouping_key, attempt, method,"
                       " url, request_headers, request_body_size, request_body_truncated, auth_kind, auth_user)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const bool truncated = e.requestBody.size() > bodyCap;
    q.addBindValue(e.tag.parentId ? QVariant(e.tag.parentId) : QVariant());
    q.addBindValue(e.tag.resendOf ? QVariant(e.tag.resendOf) : QVariant());
    q.addBindValue(e.startedAtMs ? e.startedAtMs : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(text(e.tag.profile));
    q.addBindValue(text(e.tag.target));
    q.addBindValue(text(e.tag.operation));
    // A child repeats its parent's URL, headers and grouping key: stored once, in the parent.
    const QString headers = headersToJson(e.requestHeaders);
    const ParentColumns parent = e.tag.parentId > 0 ? parentColumns(e.tag.parentId) : ParentColumns();
    const auto asParent = [&](const QString &value, const QString &parentValue) {
        return e.tag.parentId > 0 && !value.isEmpty() && value == parentValue ? kAsParent : text(value);
    };
    q.addBindValue(asParent(e.tag.groupingKey, parent.groupingKey));
    q.addBindValue(e.tag.attempt);
    q.addBindValue(QString::fromLatin1(e.method));
    q.addBindValue(asParent(e.url, parent.url));
    q.addBindValue(asParent(headers, parent.requestHeadersJson));
    q.addBindValue(e.requestBodySize ? e.requestBodySize : qint64(e.requestBody.size()));
    q.addBindValue(truncated ? 1 : 0);
    q.addBindValue(e.authKind == Credentials::Kind::Basic        ? QStringLiteral("basic")
                       : e.authKind == Credentials::Kind::Bearer ? QStringLiteral("bearer")
                                                                 : QStringLiteral("none"));
    q.addBindValue(text(e.authUser));
    // The entry and its body land together or not at all: a savepoint, which also works inside
    // a group's transaction.
    const bool withBody = !e.requestBody.isEmpty();
    const auto undo = [&] {
        if (withBody) {
            // The failure that brought us here is the one to report, not a failed rollback's.
            const HistoryError cause = m_lastError;
            exec(QStringLiteral("ROLLBACK TO entry"),
                 QT_TRANSLATE_NOOP("HistoryDatabase", "undoing a half-written entry"));
            exec(QStringLiteral("RELEASE entry"), QT_TRANSLATE_NOOP("HistoryDatabase", "undoing a half-written entry"));
            m_lastError = cause;
        }
        return qint64(0);
    };
    if (withBody
        && !exec(QStringLiteral("SAVEPOINT entry"), QT_TRANSLATE_NOOP("HistoryDatabase", "recording a request")))
        return 0;
    if (!exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "recording a request")))
        return undo();
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    if (withBody) {
        if (!storeRequestBody(id, e, bodyCap))
            return undo();
        if (!exec(QStringLiteral("RELEASE entry"), QT_TRANSLATE_NOOP("HistoryDatabase", "recording a request")))
            return undo();
    }
    return id;
}

// Transactions as statements, not QSqlDatabase::transaction(): its errors carry no SQLite code,
// and a full disk must be told from a damaged file.
bool HistoryDatabase::beginGroup()
{
    return exec(QStringLiteral("BEGIN"), QT_TRANSLATE_NOOP("HistoryDatabase", "starting a transaction"));
}

bool HistoryDatabase::commitGroup()
{
    if (exec(QStringLiteral("COMMIT"), QT_TRANSLATE_NOOP("HistoryDatabase", "committing recorded requests")))
        return true;
    rollBackKeepingError();
    return false;
}

void HistoryDatabase::rollBackKeepingError()
{
    const HistoryError cause = m_lastError;
    QSqlQuery(QSqlDatabase::database(m_connection)).exec(QStringLiteral("ROLLBACK"));
    m_lastError = cause;
}

bool HistoryDatabase::storeRequestBody(qint64 id, const HistoryEntry &e, qint64 bodyCap)
{
    const bool truncated = e.requestBody.size() > bodyCap;
    QSqlQuery &q = statement(m_insertBody,
                             QStringLiteral("INSERT OR REPLACE INTO request_bodies (request_id, body) VALUES (?, ?)"));
    q.addBindValue(id);
    const QByteArray body = truncated ? e.requestBody.left(bodyCap) : e.requestBody;
    q.addBindValue(packRelative(body, e.tag.parentId, !e.requestHeader("Content-Encoding").isEmpty()));
    const bool stored = exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "recording a request body"));
    q.finish();
    return stored;
}

QByteArray HistoryDatabase::packRelative(const QByteArray &body, qint64 parentId, bool alreadyCompressed)
{
    QByteArray packed = pack(body, alreadyCompressed);
    if (parentId <= 0 || alreadyCompressed || body.isEmpty())
        return packed;
    // Read each time (a primary-key lookup): a prune in another process may have removed the
    // parent, and a body stored against one that is gone could not be read back.
    const QByteArray parent = storedBody(parentId);
    if (parent.isEmpty())
        return packed;
    if (body == parent)
        return QByteArray(1, kSameAsParent);
    const QByteArray relative = deflateAgainst(body, parent);
    return !relative.isEmpty() && relative.size() < packed.size() ? relative : packed;
}

HistoryDatabase::ParentLookup HistoryDatabase::parentLookup() const
{
    return ParentLookup{
        [this](const QByteArray &stored, const HistoryEntry &entry) { return resolveBody(stored, entry); },
        [this](qint64 parentId) { return parentColumns(parentId); }};
}

HistoryDatabase::ParentColumns HistoryDatabase::parentColumns(qint64 parentId) const
{
    // Read each time, as the parent's body is (see packRelative).
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT url, request_headers, grouping_key FROM requests WHERE id = ?"));
    q.addBindValue(parentId);
    if (!exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "reading a request's parent")) || !q.next())
        return {};
    return ParentColumns{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

QByteArray HistoryDatabase::storedBody(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT body FROM request_bodies WHERE request_id = ?"));
    q.addBindValue(id);
    if (!exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "reading a request body")) || !q.next())
        return {};
    const QByteArray stored = q.value(0).toByteArray();
    return relativeToParent(stored) ? QByteArray() : unpack(stored); // one level: a parent is stored whole
}

QByteArray HistoryDatabase::resolveBody(const QByteArray &stored, const HistoryEntry &entry) const
{
    if (!relativeToParent(stored))
        return unpack(stored);
    const QByteArray parent = storedBody(entry.tag.parentId);
    if (stored.at(0) == kSameAsParent)
        return parent;
    const qint64 size
        = entry.requestBodyTruncated ? std::min(entry.requestBodySize, kDefaultBodyCap) : entry.requestBodySize;
    return inflateAgainst(stored, parent, size);
}

bool HistoryDatabase::noteArrival(qint64 id, std::optional<qint64> latencyMs, const QString &verdict)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE requests SET arrival_ms = ?, arrival = ? WHERE id = ?"));
    q.addBindValue(latencyMs ? QVariant(*latencyMs) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(text(verdict));
    q.addBindValue(id);
    return exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "recording an arrival check"));
}

bool HistoryDatabase::attachRequestBody(qint64 id, const HistoryEntry &e, qint64 bodyCap)
{
    if (id <= 0 || e.requestBody.isEmpty())
        return true;
    if (!storeRequestBody(id, e, bodyCap))
        return false;
    if (e.requestBody.size() <= bodyCap)
        return true;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE requests SET request_body_truncated = 1 WHERE id = ?"));
    q.addBindValue(id);
    return exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "marking a request body as cut"));
}

bool HistoryDatabase::complete(qint64 id, const HttpResult &result, std::optional<qint64> samplesWritten,
                               qint64 bodyCap)
{
    if (id <= 0)
        return true;
    QSqlQuery &q
        = statement(m_completeEntry,
                    QStringLiteral("UPDATE requests SET finished_at = ?, outcome = ?, status = ?, response_headers = ?,"
                                   " response_body = ?, duration_ms = ?, error_text = ?, samples_written = ?,"
                                   " response_body_size = ?, response_body_truncated = ?, redacted = ? WHERE id = ?"));
    const qint64 bodySize = std::max<qint64>(result.bodyBytes, result.body.size());
    const bool cut = bodySize > std::min<qint64>(result.body.size(), bodyCap);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(errorCategoryName(result.category));
    q.addBindValue(result.status);
    q.addBindValue(headersToJson(result.headers));
    q.addBindValue(pack(result.body.size() > bodyCap ? result.body.left(bodyCap) : result.body));
    q.addBindValue(result.durationMs);
    q.addBindValue(text(result.errorText));
    q.addBindValue(samplesWritten ? QVariant(*samplesWritten) : QVariant());
    q.addBindValue(bodySize);
    q.addBindValue(cut ? 1 : 0);
    q.addBindValue(result.redacted ? 1 : 0);
    q.addBindValue(id);
    const bool stored = exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "recording an answer"));
    q.finish();
    return stored;
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
        // Case-insensitive (LIKE, for ASCII) over every column a person would search by; the
        // text is matched literally, its % and _ escaped.
        QString pattern = filter.text;
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        static const QStringList searched{QStringLiteral("url"),       QStringLiteral("grouping_key"),
                                          QStringLiteral("profile"),   QStringLiteral("operation"),
                                          QStringLiteral("outcome"),   QStringLiteral("CAST(status AS TEXT)"),
                                          QStringLiteral("error_text")};
        QStringList likes;
        for (const QString &column : searched) {
            likes << column + QStringLiteral(" LIKE ? ESCAPE '\\'");
            values << pattern;
        }
        // A child that keeps its parent's URL or grouping key (stored as "=") matches by its parent's.
        for (const QString &column : {QStringLiteral("url"), QStringLiteral("grouping_key")}) {
            likes << QStringLiteral("(%1 = '=' AND parent_id IN (SELECT id FROM requests WHERE %1 LIKE ? ESCAPE '\\'))")
                         .arg(column);
            values << pattern;
        }
        sql += QStringLiteral(" AND (") + likes.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (filter.topLevelOnly)
        sql += QStringLiteral(" AND parent_id IS NULL");
    if (filter.before) {
        sql += QStringLiteral(" AND (started_at < ? OR (started_at = ? AND id < ?))");
        values << filter.before->first << filter.before->first << filter.before->second;
    }
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT ?");
    values << filter.limit;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    QList<HistoryEntry> entries;
    if (exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "listing requests"))) {
        while (q.next())
            entries.append(readEntry(q, filter.withBodies, parentLookup()));
        if (q.lastError().isValid())
            failed(q.lastError(), QT_TRANSLATE_NOOP("HistoryDatabase", "listing requests"));
    }
    return entries;
}

std::optional<HistoryEntry> HistoryDatabase::get(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + kListColumns + QStringLiteral(", response_body, ") + kRequestBodyColumn
              + QStringLiteral(" FROM requests WHERE id = ?"));
    q.addBindValue(id);
    if (!exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "reading a request")))
        return std::nullopt;
    if (!q.next()) {
        if (q.lastError().isValid())
            failed(q.lastError(), QT_TRANSLATE_NOOP("HistoryDatabase", "reading a request"));
        return std::nullopt;
    }
    return readEntry(q, true, parentLookup());
}

QList<HistoryEntry> HistoryDatabase::children(qint64 parentId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + kListColumns
              + QStringLiteral(" FROM requests WHERE parent_id = ? ORDER BY id"));
    q.addBindValue(parentId);
    QList<HistoryEntry> entries;
    if (exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "listing a backfill's batches"))) {
        while (q.next())
            entries.append(readEntry(q, false, parentLookup()));
        if (q.lastError().isValid())
            failed(q.lastError(), QT_TRANSLATE_NOOP("HistoryDatabase", "listing a backfill's batches"));
    }
    return entries;
}

qint64 HistoryDatabase::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return exec(q, QStringLiteral("SELECT count(*) FROM requests"),
                QT_TRANSLATE_NOOP("HistoryDatabase", "counting requests"))
            && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

qint64 HistoryDatabase::usedBytes() const
{
    // Pages in use, not the file: deleted rows leave free pages that only VACUUM gives back.
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return exec(q,
                QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), "
                               "pragma_freelist_count(), pragma_page_size()"),
                QT_TRANSLATE_NOOP("HistoryDatabase", "measuring the history"))
            && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

HistoryDatabase::PruneResult HistoryDatabase::prune(const RetentionPolicy &policy, qint64 nowMs)
{
    PruneResult result;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const auto fileBytes = [&] {
        QSqlQuery q(db);
        return exec(q, QStringLiteral("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"),
                    QT_TRANSLATE_NOOP("HistoryDatabase", "measuring the history"))
                && q.next()
            ? q.value(0).toLongLong()
            : 0;
    };
    const auto stop = [&] {
        rollBackKeepingError();
        result.ok = false;
        result.removed = 0;
        result.bytesAfter = result.bytesBefore;
        return result;
    };
    result.bytesBefore = fileBytes();
    // One transaction: a prune that fails halfway removes nothing.
    if (!exec(QStringLiteral("BEGIN"), QT_TRANSLATE_NOOP("HistoryDatabase", "starting to prune")))
        return stop();
    const qint64 before = count();
    QSqlQuery q(db);
    // An entry with children (a job, a backfill) stays while any of them does: a long job's
    // newest ticks are not taken with its first entry.
    q.prepare(QStringLiteral("DELETE FROM requests WHERE started_at < ? AND id NOT IN"
                             " (SELECT parent_id FROM requests WHERE parent_id IS NOT NULL AND started_at >= ?)"));
    q.addBindValue(nowMs - policy.maxAgeMs);
    q.addBindValue(nowMs - policy.maxAgeMs);
    if (m_lastError.failed() || !exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "removing old requests")))
        return stop();
    q.prepare(QStringLiteral(
        "DELETE FROM requests WHERE id NOT IN (SELECT id FROM requests ORDER BY started_at DESC, id DESC LIMIT ?)"));
    q.addBindValue(policy.maxEntries);
    if (!exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "removing the oldest requests")))
        return stop();
    // Over the size limit: drop the oldest tenth at a time until the pages in use fit; the file
    // itself shrinks once, by the VACUUM after the commit.
    for (int round = 0; round < 50 && usedBytes() > policy.maxBytes && count() > 0; ++round) {
        q.prepare(QStringLiteral(
            "DELETE FROM requests WHERE id IN (SELECT id FROM requests ORDER BY started_at ASC, id ASC LIMIT ?)"));
        q.addBindValue(std::max<qint64>(1, count() / 10));
        if (!exec(q, QT_TRANSLATE_NOOP("HistoryDatabase", "removing requests over the size limit")))
            return stop();
    }
    // A backfill's batches go with their backfill: no entry is left pointing at nothing.
    if (!exec(QStringLiteral(
                  "DELETE FROM requests WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM requests)"),
              QT_TRANSLATE_NOOP("HistoryDatabase", "removing the batches of removed backfills")))
        return stop();
    if (m_lastError.failed())
        return stop();
    const qint64 after = count();
    if (m_lastError.failed())
        return stop();
    if (!exec(QStringLiteral("COMMIT"), QT_TRANSLATE_NOOP("HistoryDatabase", "committing the prune")))
        return stop();
    result.removed = before - after;
    if (!exec(QStringLiteral("VACUUM"), QT_TRANSLATE_NOOP("HistoryDatabase", "compacting the file"))) {
        result.bytesAfter = fileBytes();
        return result; // the entries are gone; only the file did not shrink (lastError says why)
    }
    // In WAL mode the compacted pages sit in the WAL until a checkpoint: write them back, so the
    // file itself shrinks now.
    exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"),
         QT_TRANSLATE_NOOP("HistoryDatabase", "compacting the file"));
    result.bytesAfter = fileBytes();
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
