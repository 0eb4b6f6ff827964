#pragma once

#include "remotewrite/BackfillPlan.h"
#include "remotewrite/RemoteWriteClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <future>
#include <optional>
#include <unordered_map>

namespace promdesk {

/// How far a backfill is: samples and requests delivered, by this run and earlier ones.
struct BackfillProgress
{
    qint64 samplesSent = 0; // delivered, by this run and earlier ones
    qint64 samplesTotal = 0;
    int requestsSent = 0; // delivered, by this run and earlier ones
    int requestsTotal = 0;
    int requestsSentBefore = 0; // by earlier runs of a resumed backfill (or earlier starts of this one)
    qint64 samplesSentBefore = 0;
    int retries = 0;
    double samplesPerSecond = 0;
    qint64 etaMs = -1; // unknown until something was sent
};

/// How a backfill run ended: what it delivered, what was refused, and where to resume.
struct BackfillSummary
{
    int sent = 0;       // requests delivered by this run
    int sentBefore = 0; // requests an earlier run had delivered (resumed from)
    int refused = 0;
    bool cancelled = false;
    int firstUnsent = -1; // where a resumed run starts; -1 when all were sent
    // With parallel shards another shard may have delivered batches after firstUnsent: where each
    // shard stopped (-1: it sent everything), which startFrom() takes back.
    QList<int> firstUnsentPerShard;
    QString stopReason; // the refusal in plain words, with the server's text verbatim
    qint64 durationMs = 0;
};

/// Sends a plan's batches: one request in flight per shard, a refusal stops the run (the batches
/// after it stay unsent), and start(firstUnsent) resumes without resending anything that succeeded.
class BackfillRun final : public QObject
{
    Q_OBJECT

public:
    /// Where one batch of the run is.
    enum class BatchState { Pending, Sending, Sent, Refused };

    BackfillRun(RemoteWriteClient *client, SeriesSet set, QList<Batch> batches, QObject *parent = nullptr);
    // A run still going is aborted (see abort()): no history entry it began stays "unknown".
    ~BackfillRun() override;

    void start(int fromBatch = 0);
    // Resumes a run that stopped in another process: each shard from its own first unsent batch.
    void startFrom(const QList<int> &firstUnsentPerShard);
    [[nodiscard]] int shards() const { return m_shards; }
    // Stops sending: the requests on the wire are let finish, so that what the receiver applied is
    // known and a resumed run does not meet it again as "out of order". A second cancel aborts them.
    void cancel();
    // Stops at once: the requests on the wire are aborted (their entries say "cancelled") and the
    // batches prepared ahead are recorded as not sent. For quitting; the run can still be resumed.
    void abort();
    [[nodiscard]] bool stopping() const { return m_running && m_stopping; }
    [[nodiscard]] bool running() const { return m_running; }
    // See BatchLimits::maxShardLeadMs.
    void setMaxShardLead(qint64 ms) { m_maxShardLeadMs = ms; }

    [[nodiscard]] BatchState state(int batch) const { return m_states.at(batch); }
    [[nodiscard]] int firstUnsent() const;
    [[nodiscard]] const BackfillProgress &progress() const { return m_progress; }

signals:
    void progressChanged(const promdesk::BackfillProgress &progress);
    void batchFinished(int batch, const promdesk::WriteOutcome &outcome);
    void finished(const promdesk::BackfillSummary &summary);

private:
    void pump();
    // A batch an earlier run delivered (the caller says so): counted, never sent again.
    void countAsSentBefore(int batch);
    // The shard's oldest batch still to deliver (on the wire or pending), or -1 when it is done.
    // Found from a cursor per shard that only moves forward: a batch it passes (sent, refused,
    // another shard's) is not pending again during this run. Scanning from the start instead
    // made a run of n batches cost n² steps (50,000 batches: seconds of a stalled GUI thread).
    [[nodiscard]] int nextOfShard(int shard) const;
    // The oldest sample time a shard still has to deliver: its batch on the wire, else its next
    // pending one; none when the shard is done.
    [[nodiscard]] std::optional<qint64> frontierOf(int shard) const;
    // Encodes the shard's next pending batches on other threads while this one is on the wire,
    // and writes their history entries there too, so the next request waits for neither.
    void prepareAfter(int batch);
    static constexpr int kPreparedAhead = 2;
    // Drops what was made ahead for batches that will not go out now: their entries are
    // completed as not sent, saying why.
    void dropPrepared(const QString &why);
    [[nodiscard]] WriteCall *sendBatch(int batch);
    void onBatchFinished(int batch, const WriteOutcome &outcome);
    void updateRate();
    void finishIfIdle();

    RemoteWriteClient *m_client;
    SeriesSet m_set;
    std::shared_ptr<const WriteRequestEncoder> m_encoder;
    QList<Batch> m_batches;
    QList<BatchState> m_states;
    QList<QPointer<WriteCall>> m_inFlight;
    struct Prepared
    {
        QByteArray body;
        RecordTicket ticket; // its history entry, written ahead; empty without a recorder
    };
    struct PreparedBatch
    {
        std::future<Prepared> ready;
        // Its entry is written: the shard's next batch waits for it, so the history lists a
        // shard's batches in order.
        std::shared_future<void> recorded;
        RemoteWriteVersion version;
    };
    std::unordered_map<int, PreparedBatch> m_prepared; // batch → its body and entry, being made ahead
    int m_shards = 1;
    qint64 m_maxShardLeadMs = BatchLimits{}.maxShardLeadMs;
    bool m_stopping = false;
    bool m_cancelled = false;
    bool m_running = false;
    QString m_stopReason;
    BackfillProgress m_progress;
    QElapsedTimer m_clock;
    int m_fromBatch = 0;
    mutable QList<int> m_cursors; // per shard, see nextOfShard()
    // Threads kept for the whole run: a thread per batch would cost a thread's start and its own
    // malloc arena each time (docs/performance.md). Last member, so that it waits
    // for its tasks before anything they use is gone.
    QThreadPool m_preparers;
};

} // namespace promdesk
