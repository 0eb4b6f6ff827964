#include "history/HistoryService.h"

#include "history/HistoryRecorder.h"

#include <QHash>
#include <QMutex>

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
    explicit Worker(QString path) : m_path(std::move(path)) {}

    void open()
    {
        lowerCurrentThreadPriority();
        m_database = HistoryDatabase::open(m_path, &m_note);
    }

    void begin(quint64 ticket, const HistoryEntry &entry)
    {
        const qint64 id = m_database ? m_database->begin(entry) : 0;
        QMutexLocker lock(&m_mutex);
        m_ids.insert(ticket, id);
    }

    void attachBody(quint64 ticket, const HistoryEntry &entry)
    {
        if (m_database)
            m_database->attachRequestBody(idOf(ticket), entry);
    }

    void complete(quint64 ticket, const HttpResult &result)
    {
        qint64 id = 0;
        {
            QMutexLocker lock(&m_mutex);
            id = m_ids.value(ticket);
        }
        if (m_database && id > 0)
            m_database->complete(id, result, samplesWrittenHeader(result));
    }

    void close() { m_database.reset(); }

    qint64 idOf(quint64 ticket)
    {
        QMutexLocker lock(&m_mutex);
        return m_ids.value(ticket);
    }

    QString note() const { return m_note; }

private:
    QString m_path;
    QString m_note;
    std::unique_ptr<HistoryDatabase> m_database;
    QMutex m_mutex;
    QHash<quint64, qint64> m_ids;
};

HistoryService::HistoryService(QString path, QObject *parent)
    : QObject(parent)
    , m_worker(new Worker(std::move(path)))
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
    const quint64 ticket = m_nextTicket++;
    if (!waitUntilWritten) {
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, ticket, entry] { worker->begin(ticket, entry); }, Qt::QueuedConnection);
        return ticket;
    }
    // The entry itself is written before the caller goes on; its (possibly large) body follows
    // while the request is on its way, so recording costs a push almost nothing.
    HistoryEntry head = entry;
    head.requestBody.clear();
    head.requestBodySize = entry.requestBody.size();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, ticket, head] { worker->begin(ticket, head); }, Qt::BlockingQueuedConnection);
    if (!entry.requestBody.isEmpty())
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, ticket, entry] { worker->attachBody(ticket, entry); }, Qt::QueuedConnection);
    return ticket;
}

void HistoryService::complete(quint64 ticket, const HttpResult &result)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, ticket, result] { worker->complete(ticket, result); }, Qt::QueuedConnection);
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

qint64 ServiceRecorder::started(const HttpRequest &request)
{
    return qint64(m_service->begin(entryFor(request, request.tag), m_wait));
}

void ServiceRecorder::finished(qint64 id, const HttpResult &result)
{
    m_service->complete(quint64(id), result);
}

} // namespace promdesk
