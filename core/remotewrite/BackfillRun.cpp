#include "remotewrite/BackfillRun.h"

#include "util/ThreadHandOff.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackfillRun)
};

const char kPreparerHandOff = 0; // the token of the tasks handed to the preparers' pool

} // namespace

BackfillRun::BackfillRun(RemoteWriteClient *client, SeriesSet set, QList<Batch> batches, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_set(std::move(set))
    , m_encoder(std::make_shared<const WriteRequestEncoder>(m_set))
    , m_batches(std::move(batches))
    , m_states(m_batches.size(), BatchState::Pending)
{
    // Tasks start in the order given, so one that waits for its shard's previous batch waits
    // for a task that runs already or is done.
    m_preparers.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    for (const Batch &batch : std::as_const(m_batches)) {
        m_shards = std::max(m_shards, batch.shard + 1);
        m_progress.samplesTotal += batch.sampleCount;
    }
    m_progress.requestsTotal = int(m_batches.size());
}

BackfillRun::~BackfillRun()
{
    abort();
}

int BackfillRun::firstUnsent() const
{
    for (int i = 0; i < m_states.size(); ++i) {
        if (m_states.at(i) != BatchState::Sent)
            return i;
    }
    return -1;
}

void BackfillRun::start(int fromBatch)
{
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_cancelled = false;
    m_stopReason.clear();
    // Resuming: a refused batch is tried again, a sent one never is. Batches before `fromBatch`
    // were sent by an earlier run (the caller says so), and count as sent.
    for (int i = 0; i < m_states.size(); ++i) {
        if (i < fromBatch && m_states.at(i) == BatchState::Pending) {
            countAsSentBefore(i);
        } else if (i >= fromBatch && m_states.at(i) == BatchState::Refused) {
            m_states[i] = BatchState::Pending;
        }
    }
    m_inFlight = QList<QPointer<WriteCall>>(m_shards);
    m_clock.start();
    m_progress.requestsSentBefore = m_progress.requestsSent;
    m_progress.samplesSentBefore = m_progress.samplesSent;
    m_fromBatch = std::max(0, fromBatch);
    m_cursors = QList<int>(m_shards, m_fromBatch);
    emit progressChanged(m_progress);
    pump();
    finishIfIdle();
}

void BackfillRun::countAsSentBefore(int batch)
{
    m_states[batch] = BatchState::Sent;
    m_progress.samplesSent += m_batches.at(batch).sampleCount;
    ++m_progress.requestsSent;
}

void BackfillRun::startFrom(const QList<int> &firstUnsentPerShard)
{
    int from = int(m_batches.size());
    for (int shard = 0; shard < m_shards; ++shard) {
        const int first = firstUnsentPerShard.value(shard, 0);
        const int shardFrom = first < 0 ? int(m_batches.size()) : first;
        for (int i = 0; i < shardFrom && i < m_batches.size(); ++i) {
            if (m_batches.at(i).shard == shard && m_states.at(i) == BatchState::Pending)
                countAsSentBefore(i);
        }
        from = std::min(from, shardFrom);
    }
    start(from);
}

void BackfillRun::abort()
{
    if (!m_running)
        return;
    if (!m_cancelled)
        cancel(); // what is idle stops; the second cancel aborts what is on the wire
    cancel();
}

void BackfillRun::cancel()
{
    if (!m_running)
        return;
    const bool abort = m_cancelled; // asked twice: do not wait for the requests on the wire
    m_cancelled = true;
    m_stopping = true;
    for (const QPointer<WriteCall> &call : std::as_const(m_inFlight)) {
        if (call && (abort || call->idle()))
            call->cancel();
    }
    finishIfIdle();
}

WriteCall *BackfillRun::sendBatch(int batch)
{
    auto node = m_prepared.extract(batch);
    if (node.empty())
        return m_client->send(m_encoder, m_batches.at(batch));
    const RemoteWriteVersion version = node.mapped().version;
    Prepared ready = node.mapped().ready.get();
    WriteCall *call = m_client->send(
        [body = ready.body, version, encoder = m_encoder, plan = m_batches.at(batch)](RemoteWriteVersion wanted) {
            return wanted == version ? body : encoder->encode(plan, wanted);
        });
    if (version == m_client->nextVersion())
        call->setFirstAttemptTicket(std::move(ready.ticket));
    else // the receiver turned out to need 1.0: the entry written ahead describes a 2.0 body
        ready.ticket.completeUnsent(Tr::tr("the receiver needs remote write 1.0; sent again as 1.0"));
    return call;
}

void BackfillRun::dropPrepared(const QString &why)
{
    // Waits for each: an entry still being written would otherwise be completed on its thread.
    for (auto &entry : m_prepared)
        entry.second.ready.get().ticket.completeUnsent(why);
    m_prepared.clear();
}

void BackfillRun::prepareAfter(int batch)
{
    if (!m_running || m_stopping)
        return; // an entry written ahead now would never be completed
    // The shard's next batches: two ahead, so that a history entry that waits for its database
    // (busy checkpointing, or short of CPU beside the receiver) does not hold up the request.
    const int shard = m_batches.at(batch).shard;
    int ahead = 0;
    std::shared_future<void> previous;
    for (int next = batch + 1; next < m_batches.size() && ahead < kPreparedAhead; ++next) {
        if (m_batches.at(next).shard != shard || m_states.at(next) != BatchState::Pending)
            continue;
        ++ahead;
        if (const auto known = m_prepared.find(next); known != m_prepared.end()) {
            previous = known->second.recorded;
            continue;
        }
        const RemoteWriteVersion version = m_client->nextVersion();
        RequestRecorder *recorder = m_client->http()->recorder();
        // Built here, on the client's thread; only the body is added over there.
        HttpRequest request = m_client->request({}, version);
        request.tag.attempt = 1;
        auto recorded = std::make_shared<std::promise<void>>();
        std::shared_future<void> recordedSignal = recorded->get_future().share();
        auto prepare = [encoder = m_encoder, plan = m_batches.at(next), version, recorder, request, previous,
                        recorded]() mutable {
            Prepared prepared;
            prepared.body = encoder->encode(plan, version);
            if (recorder) {
                if (previous.valid())
                    previous.wait();
                request.body = prepared.body;
                prepared.ticket = recorder->recordAhead(request);
            }
            recorded->set_value();
            return prepared;
        };
        auto task = std::make_shared<std::packaged_task<Prepared()>>(std::move(prepare));
        std::future<Prepared> ready = task->get_future();
        previous = recordedSignal;
        std::function<void()> job = [task] {
            handOffAcquire(&kPreparerHandOff);
            (*task)();
        };
        handOffRelease(&kPreparerHandOff);
        m_preparers.start(std::move(job));
        m_prepared.emplace(next, PreparedBatch{std::move(ready), std::move(recordedSignal), version});
    }
}

int BackfillRun::nextOfShard(int shard) const
{
    int &cursor = m_cursors[shard];
    while (cursor < m_batches.size()
           && (m_batches.at(cursor).shard != shard
               || (m_states.at(cursor) != BatchState::Pending && m_states.at(cursor) != BatchState::Sending)))
        ++cursor;
    return cursor < m_batches.size() ? cursor : -1;
}

std::optional<qint64> BackfillRun::frontierOf(int shard) const
{
    const int next = nextOfShard(shard);
    return next < 0 ? std::nullopt : std::optional<qint64>(m_batches.at(next).minTimestampMs);
}

void BackfillRun::pump()
{
    if (m_stopping)
        return;
    // The oldest sample any shard still has to deliver: no shard may send a batch that starts
    // further than the allowed lead beyond it, or the receiver's window, pushed forward by that
    // batch, could leave the older samples behind it. (A waiting shard is pumped again when any
    // batch finishes; the shard that holds the oldest sample is never held back, so all move.)
    std::optional<qint64> oldest;
    for (int shard = 0; shard < m_shards; ++shard) {
        if (const std::optional<qint64> frontier = frontierOf(shard); frontier && (!oldest || *frontier < *oldest))
            oldest = frontier;
    }
    for (int shard = 0; shard < m_shards; ++shard) {
        if (m_inFlight.at(shard))
            continue;
        // The next pending batch of this shard, in plan order (which is time order).
        const int i = nextOfShard(shard);
        if (i < 0 || m_states.at(i) != BatchState::Pending)
            continue;
        if (oldest && m_batches.at(i).minTimestampMs > addSaturated(*oldest, m_maxShardLeadMs))
            continue; // too far ahead of another shard: wait for it
        m_states[i] = BatchState::Sending;
        WriteCall *call = sendBatch(i);
        m_inFlight[shard] = call;
        // After the call's first attempt, which is queued already: its history entry comes
        // before the next batch's, so the batches of a backfill are listed in order.
        QTimer::singleShot(0, this, [this, i] { prepareAfter(i); });
        connect(call, &WriteCall::retrying, this, [this](int, int, const QString &) {
            ++m_progress.retries;
            emit progressChanged(m_progress);
        });
        connect(call, &WriteCall::finished, this,
                [this, i](const WriteOutcome &outcome) { onBatchFinished(i, outcome); });
    }
}

void BackfillRun::onBatchFinished(int batch, const WriteOutcome &outcome)
{
    m_inFlight[m_batches.at(batch).shard] = nullptr;
    if (outcome.ok()) {
        m_states[batch] = BatchState::Sent;
        m_progress.samplesSent += m_batches.at(batch).sampleCount;
        ++m_progress.requestsSent;
    } else if (outcome.result.category == ErrorCategory::Cancelled) {
        m_states[batch] = BatchState::Pending;
    } else {
        m_states[batch] = BatchState::Refused;
        if (!m_stopping) {
            m_stopping = true;
            const QString number = QString::number(batch + 1);
            const QString described = describeBatch(m_set, m_batches.at(batch));
            const QString answer = outcome.result.status ? QStringLiteral("HTTP %1").arg(outcome.result.status)
                                                         : outcome.result.errorText;
            const QString said = QString::fromUtf8(outcome.result.body).trimmed();
            //: %2 describes the batch, %3 is "HTTP 400" or an error, %4 the server's answer
            m_stopReason = outcome.note.isEmpty()
                ? Tr::tr("batch %1 (%2) was refused: %3. Server said: %4").arg(number, described, answer, said)
                //: %2 describes the batch, %3 is "HTTP 400" or an error, %4 the server's answer, %5 a note
                : Tr::tr("batch %1 (%2) was refused: %3. Server said: %4 (%5)")
                      .arg(number, described, answer, said, outcome.note);
        }
    }
    updateRate();
    emit batchFinished(batch, outcome);
    emit progressChanged(m_progress);
    pump();
    finishIfIdle();
}

void BackfillRun::updateRate()
{
    const qint64 elapsed = std::max<qint64>(1, m_clock.elapsed());
    const qint64 sentThisRun = m_progress.samplesSent - m_progress.samplesSentBefore;
    m_progress.samplesPerSecond = double(sentThisRun) * 1000.0 / double(elapsed);
    m_progress.etaMs = m_progress.samplesPerSecond > 0
        ? qint64(double(m_progress.samplesTotal - m_progress.samplesSent) * 1000.0 / m_progress.samplesPerSecond)
        : -1;
}

void BackfillRun::finishIfIdle()
{
    if (!m_running)
        return;
    const bool busy
        = std::any_of(m_inFlight.cbegin(), m_inFlight.cend(), [](const QPointer<WriteCall> &c) { return !c.isNull(); });
    if (busy)
        return;
    bool pending = false; // nothing is on the wire, so a shard's next batch is a pending one
    for (int shard = 0; shard < m_shards && !pending; ++shard)
        pending = nextOfShard(shard) >= 0;
    if (pending && !m_stopping)
        return;
    m_running = false;
    dropPrepared(m_cancelled ? Tr::tr("the backfill was cancelled before this batch")
                             : Tr::tr("the backfill stopped before this batch"));
    BackfillSummary summary;
    summary.sentBefore = m_progress.requestsSentBefore;
    summary.sent = int(std::count(m_states.cbegin(), m_states.cend(), BatchState::Sent)) - summary.sentBefore;
    summary.refused = int(std::count(m_states.cbegin(), m_states.cend(), BatchState::Refused));
    summary.cancelled = m_cancelled;
    summary.firstUnsent = firstUnsent();
    for (int shard = 0; shard < m_shards; ++shard) {
        int first = -1;
        for (int i = 0; i < m_batches.size() && first < 0; ++i) {
            if (m_batches.at(i).shard == shard && m_states.at(i) != BatchState::Sent)
                first = i;
        }
        summary.firstUnsentPerShard.append(first);
    }
    summary.stopReason = m_cancelled ? QStringLiteral("cancelled") : m_stopReason;
    summary.durationMs = m_clock.elapsed();
    emit finished(summary);
}

} // namespace promdesk
