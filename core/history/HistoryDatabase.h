#pragma once

#include "history/HistoryEntry.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

namespace promdesk {

struct HistoryFilter
{
    bool failedOnly = false;      // anything but ok (unknown included)
    QString profile;
    QString operation;
    QString text;                 // in the URL or the grouping key
    int limit = 100;
    bool withBodies = false;      // list views leave the bodies out
};

struct RetentionPolicy
{
    int maxEntries = 100000;
    qint64 maxAgeMs = qint64(90) * 24 * 3600 * 1000;
    qint64 maxBytes = qint64(512) << 20;
};

// The request history in SQLite (through QtSql): WAL, a versioned schema, safe to share between
// the GUI and CLI processes. Each entry is written before its request goes out and completed when
// the answer comes, so a crash leaves an entry whose outcome is "unknown", never nothing. One
// object per thread: it owns its database connection.
class HistoryDatabase
{
public:
    static constexpr int kSchemaVersion = 2;
    static constexpr qint64 kDefaultBodyCap = qint64(4) << 20;

    // Opens or creates the file. A file that is not a sound database is moved aside (the note
    // says where) and a fresh one is created: history problems never stop a push.
    static std::unique_ptr<HistoryDatabase> open(const QString &path, QString *note);
    // $PROMDESK_DATA_DIR/history.sqlite, or the platform's data location.
    static QString defaultPath();
    ~HistoryDatabase();

    qint64 begin(const HistoryEntry &entry, qint64 bodyCap = kDefaultBodyCap);
    // Stores the request body of an entry begun without one (see HistoryService).
    void attachRequestBody(qint64 id, const HistoryEntry &entry, qint64 bodyCap = kDefaultBodyCap);
    void complete(qint64 id, const HttpResult &result, std::optional<qint64> samplesWritten = std::nullopt);
    // Everything between the two is committed at once: a writer with several entries waiting
    // writes the pages they share (the table's last leaf, its indexes) once, not once per entry.
    void beginGroup();
    void commitGroup();

    [[nodiscard]] QList<HistoryEntry> list(const HistoryFilter &filter) const;
    [[nodiscard]] std::optional<HistoryEntry> get(qint64 id) const;
    [[nodiscard]] QList<HistoryEntry> children(qint64 parentId) const;
    [[nodiscard]] qint64 count() const;

    struct PruneResult
    {
        qint64 removed = 0;
        qint64 bytesBefore = 0;
        qint64 bytesAfter = 0;
    };
    PruneResult prune(const RetentionPolicy &policy, qint64 nowMs);

    [[nodiscard]] QString path() const { return m_path; }

private:
    HistoryDatabase() = default;
    bool initialise(QString *error);
    bool storeRequestBody(qint64 id, const HistoryEntry &entry, qint64 bodyCap);
    // The statements every request runs, prepared once: parsing them again each time was a
    // visible part of what the push path waits for.
    QSqlQuery &statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql);

    QString m_path;
    QString m_connection;
    std::unique_ptr<QSqlQuery> m_insertEntry;
    std::unique_ptr<QSqlQuery> m_insertBody;
    std::unique_ptr<QSqlQuery> m_completeEntry;
};

HistoryEntry entryFor(const HttpRequest &request, const RequestTag &tag);

} // namespace promdesk
