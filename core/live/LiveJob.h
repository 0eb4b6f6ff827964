#pragma once

#include "live/ValueGenerator.h"
#include "pushgateway/PushgatewayClient.h"
#include "remotewrite/RemoteWriteClient.h"
#include "remotewrite/WriteSeries.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace promdesk {

/// What a live push sends, where, how often and until when.
struct LiveJobSpec
{
    /// Where the job sends its samples.
    enum class Destination { Pushgateway, RemoteWrite };
    Destination destination = Destination::Pushgateway;
    GroupingKey key;  // Pushgateway: the group (each machine adds its `instance`); remote write: `job`
    PushOptions push; // Pushgateway: PUT or POST, format
    MetricSet draft;
    QList<GeneratorAssignment> generators;
    // One request per machine per tick. Each adds instance=<machine> to the grouping key (remote
    // write: to every series), unless `machinesOverwrite`: then they leave it out on purpose and
    // replace each other's group, as TMP's page warns. Empty: one request, as `key` says.
    QStringList machines;
    bool machinesOverwrite = false;
    qint64 intervalMs = 2000;
    std::optional<qint64> count;      // ticks, then it stops
    std::optional<qint64> durationMs; // no tick is due after start + duration

    static constexpr qint64 kMinimumIntervalMs = 100;
};

/// Why no job can be made of a spec, in plain words: its own settings (timing, grouping key,
/// machines), one of its generators (the CLI's --set, the console's generator table), or a
/// missing client for its destination.
struct LiveJobProblem
{
    /// Which part of the job the problem is in.
    enum class Source { Spec, Generators, Destination };
    Source source = Source::Spec;
    QString message;
};

// What LiveJob::create checks of a spec, without making a job: the console says it before it
// asks the keychain for the secret.
std::optional<LiveJobProblem> checkLiveJob(const LiveJobSpec &spec);

// The grouping key one machine pushes to.
GroupingKey machineKey(const LiveJobSpec &spec, const QString &machine);

// What a machine sends through remote write: the series of `metrics`, each stamped at `stampMs`,
// with the job's `job` (when a series has none) and the machine's `instance`.
SeriesSet liveWriteSeries(const LiveJobSpec &spec, const QString &machine, const MetricSet &metrics, qint64 stampMs);

/// One request of one tick: due, sent, answered.
struct TickReport
{
    qint64 tick = 0;
    QString machine;       // empty for a job without machines
    qint64 dueMs = 0;      // Unix ms the tick was due at
    qint64 startedMs = 0;  // Unix ms it was sent
    qint64 latenessMs = 0; // how late after its due time it was sent (monotonic clock)
    MetricSet sent;        // what it carried (values of this tick)
    GroupingKey key;       // Pushgateway: the group it went to
    HttpResult result;     // set once answered
    qint64 recordId = 0;   // the history's id for it (0: not recorded)
    // The series whose arrival proves this tick's data came: the first with a generator (its
    // value changes each tick); none when no series has one.
    std::optional<QPair<qsizetype, qsizetype>> probeSeries;
};

/// A live job's counts: ticks, requests sent, answered and skipped.
struct LiveJobStats
{
    qint64 ticks = 0;          // ticks whose time came
    qint64 sent = 0;           // requests sent
    qint64 ok = 0;             // answered 2xx
    qint64 failed = 0;         // answered otherwise, or no answer
    qint64 skippedBusy = 0;    // a machine's previous request still in flight at the tick
    qint64 skippedBackoff = 0; // held back after failures, or as a 429's Retry-After asked
    int lastStatus = 0;
    QString lastMessage;  // the last answer's words, or the transport's
    qint64 nextDueMs = 0; // Unix ms of the next tick (0: none)
    qint64 maxLatenessMs = 0;

    [[nodiscard]] qint64 skipped() const { return skippedBusy + skippedBackoff; }
};

/// A job that pushes a draft every interval, as TMP's example does with its 2 s ticker, from one
/// machine or many. Its schedule never drifts (tick N is due at start + N × interval, whatever
/// earlier ticks took) and never piles up (a tick whose machine still waits for an answer is
/// skipped and counted). Failures that may pass (no connection, 5xx) back off exponentially up to
/// 8 intervals or 60 s, counted once a tick however many machines failed in it, and recover by
/// themselves once a tick goes through; a 429 waits as its Retry-After says; any other
/// refusal stops the job with the server's words, since the next tick would be refused too.
class LiveJob final : public QObject
{
    Q_OBJECT

public:
    /// Where the job is in its life.
    enum class State { Idle, Running, Paused, Stopping, Finished };
    /// Why a finished job ended.
    enum class EndReason { None, CountReached, DurationReached, Stopped, Refused };

    // Fails, saying why in `problem`, when the spec or its generators cannot run. `gateway` or
    // `writer` must be given for the spec's destination; both outlive the job. `seed` 0: random
    // generators.
    static std::unique_ptr<LiveJob> create(LiveJobSpec spec, PushgatewayClient *gateway, RemoteWriteClient *writer,
                                           LiveJobProblem *problem, quint32 seed = 0);
    ~LiveJob() override;

    void start();
    void pause();
    void resume();
    // No further tick; finished() once the requests on the wire have their answers (or their timeout).
    void stop();
    // Cancels what is in flight (their entries say so) and finishes now.
    void abort();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] EndReason endReason() const { return m_endReason; }
    [[nodiscard]] const LiveJobStats &stats() const { return m_stats; }
    [[nodiscard]] const LiveJobSpec &spec() const { return m_spec; }
    [[nodiscard]] qint64 inFlight() const;
    // How late each tick started after its due time, in order (for the benchmark and the panel).
    [[nodiscard]] const QList<qint64> &lateness() const { return m_lateness; }
    // The server's words when a refusal stopped it.
    [[nodiscard]] QString refusal() const { return m_refusal; }

    static qint64 backoffCapMs(qint64 intervalMs) { return std::min<qint64>(8 * intervalMs, 60'000); }

signals:
    void tickSent(const promdesk::TickReport &report);
    void tickAnswered(const promdesk::TickReport &report);
    void tickSkipped(qint64 tick, const QString &machine, const QString &why);
    void changed();
    void finished();

private:
    LiveJob(LiveJobSpec spec, PushgatewayClient *gateway, RemoteWriteClient *writer);
    struct Machine
    {
        QString name;
        std::optional<GeneratedDraft> draft;
        QPointer<QObject> inFlight; // HttpCall or WriteCall
        TickReport report;
    };

    void scheduleNext();
    void onTick();
    void send(Machine &machine, qint64 tick, qint64 dueMs, qint64 latenessMs);
    void answered(Machine &machine, const HttpResult &result);
    void noteFailure(qint64 tick, const HttpResult &result);
    void finish(EndReason reason);
    void finishIfDone();
    [[nodiscard]] qint64 dueElapsedMs(qint64 tick) const { return tick * m_spec.intervalMs; }
    [[nodiscard]] bool pastTheEnd(qint64 tick) const;

    LiveJobSpec m_spec;
    PushgatewayClient *m_gateway;
    RemoteWriteClient *m_writer;
    QList<Machine *> m_machines;
    QTimer m_timer;
    QElapsedTimer m_clock; // monotonic: the schedule is immune to wall-clock steps
    qint64 m_startMs = 0;  // Unix ms of tick 0
    qint64 m_nextTick = 0;
    qint64 m_backoffUntilElapsed = 0;
    int m_consecutiveFailures = 0; // ticks in a row with a failure that may pass
    qint64 m_lastFailedTick = -1;
    State m_state = State::Idle;
    EndReason m_endReason = EndReason::None;
    LiveJobStats m_stats;
    QList<qint64> m_lateness;
    QString m_refusal;
};

QString liveJobStateName(LiveJob::State state);
QString describeEnd(const LiveJob &job); // "count reached", "stopped", "refused: …"
// "running: sent 20, ok 19, failed 1, skipped 0": `state` (or how the job ended) and its counters,
// as the CLI's status line and a job's own history entry say them.
QString countersLine(const QString &state, const LiveJobStats &stats);

} // namespace promdesk
