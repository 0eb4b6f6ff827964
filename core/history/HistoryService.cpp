#include "history/HistoryService.h"

#include "history/HistoryRecorder.h"

#include <QThread>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace promdesk {

namespace {

// The history is background work: when its thread and the server PromDesk is talking to want
// the same core, the server should win. Nice 10, not SCHED_IDLE: on a saturated machine an
// idle-class thread gets almost nothing, and the CLI waits for the entry it writes before each
// request. (Linux keeps a nice value per thread; elsewhere Qt's own low priority does.)
void lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace

// The history's own thread: a queue of operations under one mutex, drained by a std::thread.
// Not a QThread with an event loop: every hand-over is a std::mutex and a condition variable,
// which ThreadSanitizer sees (Qt's queued calls go through code not built with it).
class HistoryService::Worker final
{
public:
    struct Operation
    {
        enum class Kind { Begin, AttachBody, Complete, Arrival, Run } kind;
        quint64 ticket = 0;
        HistoryEntry entry;
        HttpResult result;
        std::function<void()> run;             // Kind::Run: work on the history thread
        std::promise<void> *written = nullptr; // set once the operation is committed
        std::optional<qint64> arrivalMs;       // Kind::Arrival
        QString verdict;                       // Kind::Arrival
    };

    Worker(QString path, HistoryDatabase::Check check, std::function<void()> problemNoted)
        : m_path(std::move(path))
        , m_check(check)
        , m_problemNoted(std::move(problemNoted))
        , m_thread([this] { loop(); })
    {}

    // Writes what is queued, closes the database and ends the thread.
    ~Worker()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    // Posts the operation and returns once it is committed (or has run).
    void postAndWait(Operation operation)
    {
        std::promise<void> written;
        std::future<void> committed = written.get_future();
        operation.written = &written;
        post(std::move(operation));
        committed.wait();
    }

    // Thread-safe. Operations that pile up while the thread is busy are committed together.
    void post(Operation operation)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(operation));
        }
        m_wake.notify_one();
    }

    qint64 idOf(quint64 ticket)
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_ids.find(ticket);
        return found == m_ids.end() ? 0 : found->second;
    }

    QString takeWriteProblem()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_problem, {});
    }

    // Only on the history thread (Kind::Run): what opening the file found.
    [[nodiscard]] const QString &note() const { return m_note; }

private:
    void loop()
    {
        setThreadName();
        lowerCurrentThreadPriority();
        m_database = HistoryDatabase::open(m_path, &m_note, m_check);
        if (!m_note.isEmpty())
            noteProblem(m_note);
        while (true) {
            std::vector<Operation> operations;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty())
                    break; // stopping, and everything written
                operations.swap(m_queue);
            }
            drain(operations);
        }
        m_database.reset(); // its connection closes on the thread that opened it
    }

    static void setThreadName()
    {
#ifdef Q_OS_LINUX
        pthread_setname_np(pthread_self(), "PromDesk histor"); // at most 15 characters
#endif
    }

    void drain(std::vector<Operation> &operations)
    {
        const bool group = m_database && operations.size() > 1;
        if (group && !m_database->beginGroup())
            noteFailure();
        for (Operation &operation : operations) {
            run(operation);
            noteFailure();
        }
        if (group && !m_database->commitGroup()) {
            noteFailure();
            forgetEntriesOf(operations); // rolled back: their ids may be given to other entries
        }
        for (const Operation &operation : operations) {
            if (operation.written)
                operation.written->set_value();
        }
    }

    void run(Operation &operation)
    {
        switch (operation.kind) {
        case Operation::Kind::Begin: {
            if (operation.entry.tag.parentTicket != 0 && operation.entry.tag.parentId == 0)
                operation.entry.tag.parentId = idOf(operation.entry.tag.parentTicket); // written before this one
            const qint64 id = m_database ? m_database->begin(operation.entry) : 0;
            std::lock_guard lock(m_mutex);
            m_ids[operation.ticket] = id;
            break;
        }
        case Operation::Kind::AttachBody:
            if (operation.entry.tag.parentTicket != 0 && operation.entry.tag.parentId == 0)
                operation.entry.tag.parentId = idOf(operation.entry.tag.parentTicket);
            if (m_database)
                m_database->attachRequestBody(idOf(operation.ticket), operation.entry);
            break;
        case Operation::Kind::Complete:
            // Forgetting the ticket keeps the map as small as the requests in flight; the last few
            // completed stay findable for an arrival check that reports after the answer.
            if (const qint64 id = forget(operation.ticket); m_database && id > 0) {
                m_database->complete(id, operation.result, samplesWrittenHeader(operation.result));
                m_completed.push_back({operation.ticket, id});
                if (m_completed.size() > kCompletedKept)
                    m_completed.pop_front();
            }
            break;
        case Operation::Kind::Arrival:
            for (const auto &[ticket, id] : m_completed) {
                if (ticket == operation.ticket && m_database)
                    m_database->noteArrival(id, operation.arrivalMs, operation.verdict);
            }
            break;
        case Operation::Kind::Run:
            operation.run();
            break;
        }
    }

    void forgetEntriesOf(const std::vector<Operation> &operations)
    {
        std::lock_guard lock(m_mutex);
        for (const Operation &operation : operations) {
            if (operation.kind == Operation::Kind::Begin)
                m_ids[operation.ticket] = 0;
        }
    }

    qint64 forget(quint64 ticket)
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_ids.find(ticket);
        if (found == m_ids.end())
            return 0;
        const qint64 id = found->second;
        m_ids.erase(found);
        return id;
    }

    // Keeps the first failure until it is taken, and tells the service's listeners about it.
    void noteFailure()
    {
        if (!m_database || !m_database->lastError().failed())
            return;
        const QString problem = m_database->lastError().describe();
        m_database->clearError();
        noteProblem(problem);
    }

    void noteProblem(const QString &problem)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_problem.isEmpty())
                return; // not taken yet: one is enough
            m_problem = problem;
        }
        m_problemNoted();
    }

    const QString m_path;
    const HistoryDatabase::Check m_check;
    const std::function<void()> m_problemNoted;  // from this thread: queues the service's signal
    QString m_note;                              // this thread only
    std::unique_ptr<HistoryDatabase> m_database; // this thread only
    std::mutex m_mutex;                          // guards what follows
    std::condition_variable m_wake;
    std::vector<Operation> m_queue;
    std::unordered_map<quint64, qint64> m_ids;
    // Tickets completed lately, with their ids (this thread only): an arrival check reports up
    // to its timeout (30 s) after the answer. 65,536 is 50 machines at 10 ticks/s for two
    // minutes, in 1 MB.
    static constexpr size_t kCompletedKept = 65536;
    std::deque<std::pair<quint64, qint64>> m_completed;
    QString m_problem;
    bool m_stopping = false;
    std::thread m_thread; // last: it starts once everything it uses is there
};

HistoryService::HistoryService(QString path, HistoryDatabase::Check check, QObject *parent)
    : QObject(parent)
    // The signal carries nothing: a listener asks takeWriteProblem(), under the worker's mutex.
    , m_worker(std::make_unique<Worker>(std::move(path), check, [this] { emit problemNoted(); }))
{}

HistoryService::~HistoryService() = default; // the worker writes what is queued, then stops

quint64 HistoryService::begin(const HistoryEntry &entry, bool waitUntilWritten)
{
    using Kind = Worker::Operation::Kind;
    const quint64 ticket = m_nextTicket++;
    if (!waitUntilWritten) {
        m_worker->post({Kind::Begin, ticket, entry, {}, {}, nullptr, {}, {}});
        return ticket;
    }
    // The entry itself is committed before the caller goes on; its (possibly large) body follows
    // while the request is on its way, so recording costs a push almost nothing.
    HistoryEntry head = entry;
    head.requestBody.clear();
    head.requestBodySize = entry.requestBody.size();
    m_worker->postAndWait({Kind::Begin, ticket, std::move(head), {}, {}, nullptr, {}, {}});
    if (!entry.requestBody.isEmpty())
        m_worker->post({Kind::AttachBody, ticket, entry, {}, {}, nullptr, {}, {}});
    return ticket;
}

quint64 HistoryService::beginWhole(const HistoryEntry &entry)
{
    const quint64 ticket = m_nextTicket++;
    m_worker->postAndWait({Worker::Operation::Kind::Begin, ticket, entry, {}, {}, nullptr, {}, {}});
    return ticket;
}

void HistoryService::complete(quint64 ticket, const HttpResult &result)
{
    m_worker->post({Worker::Operation::Kind::Complete, ticket, {}, result, {}, nullptr, {}, {}});
}

void HistoryService::noteArrival(quint64 ticket, std::optional<qint64> latencyMs, const QString &verdict)
{
    m_worker->post({Worker::Operation::Kind::Arrival, ticket, {}, {}, {}, nullptr, latencyMs, verdict});
}

QString HistoryService::flush()
{
    QString note;
    Worker *worker = m_worker.get();
    m_worker->postAndWait(
        {Worker::Operation::Kind::Run, 0, {}, {}, [worker, &note] { note = worker->note(); }, nullptr, {}, {}});
    return note;
}

qint64 HistoryService::idOf(quint64 ticket)
{
    return m_worker->idOf(ticket);
}

QString HistoryService::takeWriteProblem()
{
    return m_worker->takeWriteProblem();
}

qint64 ServiceRecorder::started(const HttpRequest &request)
{
    const quint64 ticket = m_service->begin(entryFor(request, request.tag), m_wait);
    if (m_wait)
        m_lastEntryId = m_service->idOf(ticket);
    return qint64(ticket);
}

qint64 ServiceRecorder::startedAhead(const HttpRequest &request)
{
    // One transaction instead of two: nobody waits for this entry but the thread preparing it.
    return m_wait ? qint64(m_service->beginWhole(entryFor(request, request.tag))) : started(request);
}

void ServiceRecorder::finished(qint64 id, const HttpResult &result)
{
    m_service->complete(quint64(id), result);
}

void ServiceRecorder::pointAtParent(RequestTag &tag, const RecordTicket &parent) const
{
    tag.parentTicket = quint64(parent.id());
}

void ServiceRecorder::arrivalChecked(qint64 id, std::optional<qint64> latencyMs, const QString &verdict)
{
    m_service->noteArrival(quint64(id), latencyMs, verdict);
}

} // namespace promdesk
