#pragma once

#include "history/HistoryEntry.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QSqlError;
class QSqlQuery;

namespace promdesk {

/// Which entries HistoryDatabase::list returns, newest first.
struct HistoryFilter
{
    bool failedOnly = false; // anything but ok (unknown included)
    QString profile;
    QString operation;
    QString text; // in the URL, grouping key, profile, operation, outcome, status or error
    int limit = 100;
    bool withBodies = false;   // list views leave the bodies out
    bool topLevelOnly = false; // a backfill's batches stay under their backfill
    // Paging, newest first: only entries older than this one (its start time, then its id).
    std::optional<std::pair<qint64, qint64>> before;
};

/// Why the history could not be read or written, from SQLite's own result codes (never its words).
enum class HistoryFault {
    None,
    Locked,   // another process holds the file longer than the busy timeout
    Full,     // the disk (or the file's size limit) is full
    ReadOnly, // the file or its directory cannot be written
    Corrupt,  // the file, or pages in it, are damaged
    CannotOpen,
    Other,
};

/// Why the history could not be read or written, in words an operator acts on.
struct HistoryError
{
    HistoryFault fault = HistoryFault::None;
    QString detail; // SQLite's message, for the curious

    [[nodiscard]] bool failed() const { return fault != HistoryFault::None; }
    // "the disk is full (database or disk is full)": what went wrong, in words an operator acts on.
    [[nodiscard]] QString describe() const;
};

HistoryFault historyFaultFromSqliteCode(int code);

/// How much history HistoryDatabase::prune keeps: entries, age and file size.
struct RetentionPolicy
{
    int maxEntries = 100000;
    qint64 maxAgeMs = qint64(90) * 24 * 3600 * 1000;
    qint64 maxBytes = qint64(512) << 20;
};

/// The request history in SQLite (through QtSql): WAL, a versioned schema, safe to share between
/// the GUI and CLI processes. Each entry is written before its request goes out and completed when
/// the answer comes, so a crash leaves an entry whose outcome is "unknown", never nothing. One
/// object per thread: it owns its database connection.
class HistoryDatabase
{
public:
    /// What a child entry may take from its parent (see begin()): stored once, in the parent.
    struct ParentColumns
    {
        QString url;
        QString requestHeadersJson;
        QString groupingKey;
    };
    /// How to read what a child entry shares with its parent.
    struct ParentLookup
    {
        std::function<QByteArray(const QByteArray &stored, const HistoryEntry &entry)> body;
        std::function<ParentColumns(qint64 parentId)> columns;
    };

    static constexpr int kSchemaVersion = 4;
    static constexpr qint64 kDefaultBodyCap = qint64(4) << 20;

    /// How thoroughly open() checks an existing file.
    enum class Check {
        Header, // a file whose header is not a database's is found at once
        Pages,  // PRAGMA quick_check too: damaged pages in the middle. It reads the whole file,
                // so the paths that read the history do it, not every push.
    };
    // Opens or creates the file. A file that is not a sound database is moved aside (the note
    // says where) and a fresh one is created: history problems never stop a push.
    static std::unique_ptr<HistoryDatabase> open(const QString &path, QString *note, Check check = Check::Header);
    // $PROMDESK_DATA_DIR/history.sqlite, or the platform's data location.
    static QString defaultPath();
    ~HistoryDatabase();

    // Every call below says whether it worked; lastError() says why not. 0: not recorded.
    qint64 begin(const HistoryEntry &entry, qint64 bodyCap = kDefaultBodyCap);
    // Stores the request body of an entry begun without one (see HistoryService).
    bool attachRequestBody(qint64 id, const HistoryEntry &entry, qint64 bodyCap = kDefaultBodyCap);
    bool complete(qint64 id, const HttpResult &result, std::optional<qint64> samplesWritten = std::nullopt,
                  qint64 bodyCap = kDefaultBodyCap);
    // Everything between the two is committed at once: a writer with several entries waiting
    // writes the pages they share (the table's last leaf, its indexes) once, not once per entry.
    // What a live job's arrival check found for the tick `id`: how long until its data showed
    // (nothing: it never did) and the verdict in words.
    bool noteArrival(qint64 id, std::optional<qint64> latencyMs, const QString &verdict);
    bool beginGroup();
    bool commitGroup();

    // Reads: on failure empty, and lastError() is set (a missing entry is not a failure).
    [[nodiscard]] QList<HistoryEntry> list(const HistoryFilter &filter) const;
    [[nodiscard]] std::optional<HistoryEntry> get(qint64 id) const;
    [[nodiscard]] QList<HistoryEntry> children(qint64 parentId) const;
    [[nodiscard]] qint64 count() const;

    // The last failure; cleared by clearError(). A failure that says "corrupt" runs quick_check
    // to tell what is damaged.
    [[nodiscard]] const HistoryError &lastError() const { return m_lastError; }
    void clearError() { m_lastError = {}; }

    /// What prune() removed, and the file's size before and after.
    struct PruneResult
    {
        qint64 removed = 0;
        qint64 bytesBefore = 0;
        qint64 bytesAfter = 0;
        bool ok = true; // false: see lastError(); nothing was removed (one transaction)
    };
    PruneResult prune(const RetentionPolicy &policy, qint64 nowMs);

    [[nodiscard]] QString path() const { return m_path; }

private:
    HistoryDatabase() = default;
    bool initialise(HistoryError *error, Check check);
    // Records a failed statement (and, for a damaged file, what quick_check finds); returns false.
    bool failed(const QSqlError &error, const char *doing) const;
    bool exec(QSqlQuery &query, const char *doing) const;                     // prepared
    bool exec(QSqlQuery &query, const QString &sql, const char *doing) const; // its rows are read after
    bool exec(const QString &sql, const char *doing) const;
    [[nodiscard]] qint64 usedBytes() const;
    void rollBackKeepingError();
    bool storeRequestBody(qint64 id, const HistoryEntry &entry, qint64 bodyCap);
    // A child's body as stored: relative to its parent's where that is smaller.
    QByteArray packRelative(const QByteArray &body, qint64 parentId, bool alreadyCompressed);
    [[nodiscard]] QByteArray storedBody(qint64 id) const; // unpacked; empty when none
    [[nodiscard]] ParentLookup parentLookup() const;
    [[nodiscard]] ParentColumns parentColumns(qint64 parentId) const;
    [[nodiscard]] QByteArray resolveBody(const QByteArray &stored, const HistoryEntry &entry) const;
    // The statements every request runs, prepared once: parsing them again each time was a
    // visible part of what the push path waits for.
    QSqlQuery &statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql);

    QString m_path;
    QString m_connection;
    std::unique_ptr<QSqlQuery> m_insertEntry;
    std::unique_ptr<QSqlQuery> m_insertBody;
    std::unique_ptr<QSqlQuery> m_completeEntry;
    mutable HistoryError m_lastError;
};

HistoryEntry entryFor(const HttpRequest &request, const RequestTag &tag);

} // namespace promdesk
