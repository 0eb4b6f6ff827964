#include "history/HistoryService.h"

#include "history/HistoryRecorder.h"

#include <QHash>
#include <QMutex>

#include <future>
#include <vector>

#ifdef Q_OS_LINUX
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

class HistoryService::Worker final : public QObject
{
public:
    Worker(QString path, HistoryDatabase::Check check, HistoryService *service)
        : m_path(std::move(path))
        , m_check(check)
        , m_service(service)
    {
    }

    struct Operation
    {
        enum class Kind { Begin, AttachBody, Complete } kind;
        quint64 ticket = 0;
        HistoryEntry entry;
        HttpResult result;
        std::promise<void> *written = nullptr; // set once the operation is committed
    };

    void open()
    {
        lowerCurrentThreadPriority();
        m_database = HistoryDatabase::open(m_path, &m_note, m_check);
        if (!m_note.isEmpty())
            tell(m_note);
    }

    // Posts the operation and returns once it is committed.
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
        bool schedule = false;
        {
            QMutexLocker lock(&m_mutex);
            m_queue.push_back(std::move(operation));
            schedule = !m_drainScheduled;
            m_drainScheduled = true;
        }
        if (schedule)
            QMetaObject::invokeMethod(this, [this] { drain(); }, Qt::QueuedConnection);
    }

    void close() { m_database.reset(); }

    qint64 idOf(quint64 ticket)
    {
        QMutexLocker lock(&m_mutex);
        return m_ids.value(ticket);
    }

    qint64 forget(quint64 ticket)
    {
        QMutexLocker lock(&m_mutex);
        return m_ids.take(ticket);
    }

    QString note() const { return m_note; }

    QString takeWriteProblem()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_writeProblem, {});
    }

private:
    void drain()
    {
        std::vector<Operation> operations;
        {
            QMutexLocker lock(&m_mutex);
            operations.swap(m_queue);
            m_drainScheduled = false;
        }
        const bool group = m_database && operations.size() > 1;
        if (group && !m_database->beginGroup())
            noteFailure();
        for (const Operation &operation : operations) {
            run(operation);
            noteFailure();
        }
        if (group && !m_database->commitGroup())
            noteFailure();
        for (const Operation &operation : operations) {
            if (operation.written)
                operation.written->set_value();
        }
    }

    void run(const Operation &operation)
    {
        switch (operation.kind) {
        case Operation::Kind::Begin: {
            const qint64 id = m_database ? m_database->begin(operation.entry) : 0;
            QMutexLocker lock(&m_mutex);
            m_ids.insert(operation.ticket, id);
            break;
        }
        case Operation::Kind::AttachBody:
            if (m_database)
                m_database->attachRequestBody(idOf(operation.ticket), operation.entry);
            break;
        case Operation::Kind::Complete:
            // The ticket's last use: forgetting it keeps the map as small as the requests in flight.
            if (const qint64 id = forget(operation.ticket); m_database && id > 0)
                m_database->complete(id, operation.result, samplesWrittenHeader(operation.result));
            break;
        }
    }

    // Keeps the first failure until it is taken, and tells the service's listeners about it.
    void noteFailure()
    {
        if (!m_database || !m_database->lastError().failed())
            return;
        const QString problem = m_database->lastError().describe();
        m_database->clearError();
        {
            QMutexLocker lock(&m_mutex);
            if (!m_writeProblem.isEmpty())
                return; // not taken yet: one is enough
            m_writeProblem = problem;
        }
        tell(problem);
    }

    // Queued to the service's thread: a listener connected right after the service was made
    // still hears what the history thread found at once.
    void tell(const QString &problem)
    {
        QMetaObject::invokeMethod(m_service, [service = m_service, problem] { emit service->problemNoted(problem); },
                                  Qt::QueuedConnection);
    }

    QString m_path;
    HistoryDatabase::Check m_check;
    HistoryService *m_service;
    QString m_note;
    std::unique_ptr<HistoryDatabase> m_database;
    QMutex m_mutex; // guards what follows
    QString m_writeProblem;
    QHash<quint64, qint64> m_ids;
    std::vector<Operation> m_queue;
    bool m_drainScheduled = false;
};

HistoryService::HistoryService(QString path, HistoryDatabase::Check check, QObject *parent)
    : QObject(parent)
    , m_worker(new Worker(std::move(path), check, this))
{
    m_thread.setObjectName(QStringLiteral("PromDesk history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->open(); }, Qt::QueuedConnection);
}

HistoryService::~HistoryService()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 HistoryService::begin(const HistoryEntry &entry, bool waitUntilWritten)
{
    using Kind = Worker::Operation::Kind;
    const quint64 ticket = m_nextTicket++;
    if (!waitUntilWritten) {
        m_worker->post({Kind::Begin, ticket, entry, {}, nullptr});
        return ticket;
    }
    // The entry itself is committed before the caller goes on; its (possibly large) body follows
    // while the request is on its way, so recording costs a push almost nothing.
    HistoryEntry head = entry;
    head.requestBody.clear();
    head.requestBodySize = entry.requestBody.size();
    m_worker->postAndWait({Kind::Begin, ticket, std::move(head), {}, nullptr});
    if (!entry.requestBody.isEmpty())
        m_worker->post({Kind::AttachBody, ticket, entry, {}, nullptr});
    return ticket;
}

quint64 HistoryService::beginWhole(const HistoryEntry &entry)
{
    const quint64 ticket = m_nextTicket++;
    m_worker->postAndWait({Worker::Operation::Kind::Begin, ticket, entry, {}, nullptr});
    return ticket;
}

void HistoryService::complete(quint64 ticket, const HttpResult &result)
{
    m_worker->post({Worker::Operation::Kind::Complete, ticket, {}, result, nullptr});
}

QString HistoryService::flush()
{
    QString note;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, &note] { note = worker->note(); }, Qt::BlockingQueuedConnection);
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

} // namespace promdesk
