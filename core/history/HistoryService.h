#pragma once

#include "history/HistoryDatabase.h"
#include "net/HttpClient.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace promdesk {

/// The history on its own thread and database connection: the GUI thread never waits for SQLite,
/// and a CLI opens the database (loading the SQLite driver) while it parses its input.
/// Entries are identified by tickets handed out at once; the worker writes them in order.
class HistoryService final : public QObject
{
    Q_OBJECT

public:
    explicit HistoryService(QString path, HistoryDatabase::Check check = HistoryDatabase::Check::Header,
                            QObject *parent = nullptr);
    ~HistoryService() override; // writes what is queued, then stops the thread

    // Queues the entry; with waitUntilWritten the call returns once it is in the database (the
    // CLI's "written before the request goes out"); the GUI does not wait.
    quint64 begin(const HistoryEntry &entry, bool waitUntilWritten);
    // Writes the entry with its body in one transaction and returns once both are in.
    quint64 beginWhole(const HistoryEntry &entry);
    void complete(quint64 ticket, const HttpResult &result);
    // A live job's arrival check for a request completed lately (see RequestRecorder::arrivalChecked).
    void noteArrival(quint64 ticket, std::optional<qint64> latencyMs, const QString &verdict);
    // Waits until everything queued is written; returns the open note ("" when all was well).
    QString flush();
    // The database id of an entry begun and not completed yet (0 before it is written and after
    // it is completed: the service forgets a ticket once its request is done).
    [[nodiscard]] qint64 idOf(quint64 ticket);
    // What the history could not do since the last call, once: the file was damaged and moved
    // aside (at open), or a write failed ("the disk is full (…)"); "" when nothing. Requests are
    // still sent when the history cannot record them: the operator is told instead.
    QString takeWriteProblem();

signals:
    // Emitted from the history thread (so queued to this object's thread) when takeWriteProblem()
    // has something new: the first problem since it was last called.
    void problemNoted();

private:
    class Worker;
    std::atomic<quint64> m_nextTicket{1};
    std::unique_ptr<Worker> m_worker; // last: its thread stops before anything else goes
};

/// RequestRecorder over a HistoryService: a ticket's id is the service's ticket for the entry.
class ServiceRecorder : public RequestRecorder
{
public:
    ServiceRecorder(HistoryService *service, bool waitUntilWritten)
        : m_service(service)
        , m_wait(waitUntilWritten)
    {}
    void arrivalChecked(qint64 id, std::optional<qint64> latencyMs, const QString &verdict) override;
    // By the service's ticket: the parent's id is known only once its entry is written.
    void pointAtParent(RequestTag &tag, const RecordTicket &parent) const override;
    // The database id of the last request started, when the recorder waits for its entry (the
    // CLI, to point at `history show ID`); 0 otherwise or when it could not be written.
    [[nodiscard]] qint64 lastEntryId() const { return m_lastEntryId; }

protected:
    qint64 started(const HttpRequest &request) override;
    qint64 startedAhead(const HttpRequest &request) override;
    void finished(qint64 id, const HttpResult &result) override;

private:
    HistoryService *m_service;
    bool m_wait;
    std::atomic<qint64> m_lastEntryId{0};
};

} // namespace promdesk
