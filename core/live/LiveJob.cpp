#include "live/LiveJob.h"

#include "remotewrite/SeriesCollector.h"
#include "util/Printable.h"

#include <QCoreApplication>
#include <QDateTime>

#include <limits>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LiveJob)
};

// The lateness of this many ticks is kept, the oldest dropped first: a job left running for days
// stays bounded.
constexpr qsizetype kLatenessKept = 100'000;

bool passes(const HttpResult &result)
{
    // No connection, a timeout, a closed connection or a 5xx may pass by itself.
    switch (result.category) {
    case ErrorCategory::CannotConnect:
    case ErrorCategory::Timeout:
    case ErrorCategory::ClosedAfterRequest:
    case ErrorCategory::Server:
    case ErrorCategory::Other:
        return true;
    default:
        return result.status == 429;
    }
}

QString wordsOf(const HttpResult &result)
{
    if (result.status == 0)
        return result.errorText;
    const QString body = printable(result.body.trimmed(), 300);
    return body.isEmpty() ? QStringLiteral("HTTP %1").arg(result.status)
                          : QStringLiteral("HTTP %1: %2").arg(result.status).arg(body);
}

} // namespace

namespace {

QStringList specProblems(const LiveJobSpec &spec)
{
    QStringList problems;
    if (spec.intervalMs < LiveJobSpec::kMinimumIntervalMs)
        problems << Tr::tr("the interval must be at least %1 ms").arg(LiveJobSpec::kMinimumIntervalMs);
    if (spec.count && *spec.count <= 0)
        problems << Tr::tr("the count of ticks must be at least 1");
    if (spec.durationMs && *spec.durationMs <= 0)
        problems << Tr::tr("the duration must be above 0");
    if (spec.destination == LiveJobSpec::Destination::Pushgateway)
        problems << spec.key.validate();
    for (const QString &machine : spec.machines) {
        if (machine.isEmpty())
            problems << Tr::tr("a machine's name is empty");
    }
    if (spec.machines.size() != QSet<QString>(spec.machines.cbegin(), spec.machines.cend()).size())
        problems << Tr::tr("a machine is named twice");
    if (!spec.machines.isEmpty() && !spec.machinesOverwrite && spec.key.hasLabel(QStringLiteral("instance")))
        problems << Tr::tr("the grouping key already has an instance; machines add their own");
    return problems;
}

} // namespace

std::optional<LiveJobProblem> checkLiveJob(const LiveJobSpec &spec)
{
    if (const QStringList problems = specProblems(spec); !problems.isEmpty())
        return LiveJobProblem{LiveJobProblem::Source::Spec, problems.join(QStringLiteral("; "))};
    QString error;
    if (!GeneratedDraft::make(spec.draft, spec.generators, &error))
        return LiveJobProblem{LiveJobProblem::Source::Generators, error};
    return std::nullopt;
}

GroupingKey machineKey(const LiveJobSpec &spec, const QString &machine)
{
    GroupingKey key = spec.key;
    if (!machine.isEmpty() && !spec.machinesOverwrite)
        key.addLabel(QStringLiteral("instance"), machine);
    return key;
}

SeriesSet liveWriteSeries(const LiveJobSpec &spec, const QString &machine, const MetricSet &metrics, qint64 stampMs)
{
    SeriesSet set = seriesFromMetrics(metrics, stampMs);
    for (WriteSeries &series : set.series) {
        if (!spec.key.job().isEmpty() && series.labels.value(QStringLiteral("job")).isEmpty())
            series.labels.set(QStringLiteral("job"), spec.key.job());
        if (!machine.isEmpty() && !spec.machinesOverwrite)
            series.labels.set(QStringLiteral("instance"), machine);
    }
    return set;
}

std::unique_ptr<LiveJob> LiveJob::create(LiveJobSpec spec, PushgatewayClient *gateway, RemoteWriteClient *writer,
                                         LiveJobProblem *problem, quint32 seed)
{
    if (const QStringList problems = specProblems(spec); !problems.isEmpty()) {
        *problem = LiveJobProblem{LiveJobProblem::Source::Spec, problems.join(QStringLiteral("; "))};
        return nullptr;
    }
    const bool toGateway = spec.destination == LiveJobSpec::Destination::Pushgateway;
    if ((toGateway && !gateway) || (!toGateway && !writer)) {
        *problem = LiveJobProblem{LiveJobProblem::Source::Destination, Tr::tr("no client for the job's destination")};
        return nullptr;
    }
    std::unique_ptr<LiveJob> job(new LiveJob(std::move(spec), gateway, writer));
    const QStringList names = job->m_spec.machines.isEmpty() ? QStringList{QString()} : job->m_spec.machines;
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto *machine = new Machine;
        machine->name = names.at(i);
        // Each machine has generators of its own: simulated machines do not report the same walk.
        QString error;
        machine->draft
            = GeneratedDraft::make(job->m_spec.draft, job->m_spec.generators, &error, seed ? seed + quint32(i) : 0);
        job->m_machines.append(machine);
        if (!machine->draft) {
            *problem = LiveJobProblem{LiveJobProblem::Source::Generators, error};
            return nullptr;
        }
    }
    return job;
}

LiveJob::LiveJob(LiveJobSpec spec, PushgatewayClient *gateway, RemoteWriteClient *writer)
    : m_spec(std::move(spec))
    , m_gateway(gateway)
    , m_writer(writer)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LiveJob::onTick);
}

LiveJob::~LiveJob()
{
    for (Machine *machine : std::as_const(m_machines)) {
        if (machine->inFlight)
            machine->inFlight->disconnect(this);
        delete machine;
    }
}

void LiveJob::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    m_clock.start();
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    m_nextTick = 0;
    onTick();
}

void LiveJob::pause()
{
    if (m_state != State::Running)
        return;
    m_state = State::Paused;
    m_timer.stop();
    m_stats.nextDueMs = 0;
    emit changed();
}

void LiveJob::resume()
{
    if (m_state != State::Paused)
        return;
    m_state = State::Running;
    // Back on the original grid: the ticks that fell in the pause are not sent, nor counted.
    const qint64 elapsed = m_clock.elapsed();
    m_nextTick = std::max(m_nextTick, elapsed / m_spec.intervalMs + (elapsed % m_spec.intervalMs ? 1 : 0));
    scheduleNext();
    emit changed();
}

void LiveJob::stop()
{
    if (m_state == State::Finished || m_state == State::Stopping)
        return;
    m_endReason = EndReason::Stopped;
    m_state = State::Stopping;
    m_timer.stop();
    m_stats.nextDueMs = 0;
    emit changed();
    finishIfDone();
}

void LiveJob::abort()
{
    stop();
    for (Machine *machine : std::as_const(m_machines)) {
        if (auto *call = qobject_cast<HttpCall *>(machine->inFlight))
            call->cancel();
        else if (auto *write = qobject_cast<WriteCall *>(machine->inFlight))
            write->cancel();
    }
}

qint64 LiveJob::inFlight() const
{
    qint64 count = 0;
    for (const Machine *machine : m_machines)
        count += machine->inFlight ? 1 : 0;
    return count;
}

bool LiveJob::pastTheEnd(qint64 tick) const
{
    return (m_spec.count && tick >= *m_spec.count) || (m_spec.durationMs && dueElapsedMs(tick) >= *m_spec.durationMs);
}

void LiveJob::scheduleNext()
{
    if (m_state != State::Running)
        return;
    if (pastTheEnd(m_nextTick)) {
        m_endReason
            = m_spec.count && m_nextTick >= *m_spec.count ? EndReason::CountReached : EndReason::DurationReached;
        m_state = State::Stopping;
        m_stats.nextDueMs = 0;
        finishIfDone();
        return;
    }
    m_stats.nextDueMs = m_startMs + dueElapsedMs(m_nextTick);
    // A QTimer takes an int: a tick more than 24 days away is reached in steps (onTick waits).
    const qint64 wait
        = std::clamp<qint64>(dueElapsedMs(m_nextTick) - m_clock.elapsed(), 0, std::numeric_limits<int>::max());
    m_timer.start(int(wait));
}

void LiveJob::onTick()
{
    if (m_state != State::Running)
        return;
    const qint64 elapsed = m_clock.elapsed();
    if (elapsed < dueElapsedMs(m_nextTick)) // a step towards a far tick
        return scheduleNext();
    // A timer that fired late (a busy event loop) catches up by skipping, never by sending twice.
    const qint64 tick = m_nextTick;
    const qint64 latenessMs = std::max<qint64>(0, elapsed - dueElapsedMs(tick));
    m_nextTick = std::max(tick + 1, elapsed / m_spec.intervalMs + 1);
    ++m_stats.ticks;
    m_stats.maxLatenessMs = std::max(m_stats.maxLatenessMs, latenessMs);
    if (m_lateness.size() >= kLatenessKept)
        m_lateness.remove(0, kLatenessKept / 2);
    m_lateness.append(latenessMs);
    const qint64 dueMs = m_startMs + dueElapsedMs(tick);
    for (Machine *machine : std::as_const(m_machines)) {
        if (elapsed < m_backoffUntilElapsed) {
            ++m_stats.skippedBackoff;
            emit tickSkipped(tick, machine->name, Tr::tr("backing off after failures"));
        } else if (machine->inFlight) {
            ++m_stats.skippedBusy;
            emit tickSkipped(tick, machine->name, Tr::tr("the previous request is still waiting for its answer"));
        } else {
            send(*machine, tick, dueMs, latenessMs);
        }
        if (m_state != State::Running)
            break; // a refusal answered at once (a TLS file problem) stopped the job
    }
    scheduleNext();
    emit changed();
}

void LiveJob::send(Machine &machine, qint64 tick, qint64 dueMs, qint64 latenessMs)
{
    const bool toGateway = m_spec.destination == LiveJobSpec::Destination::Pushgateway;
    TickReport report;
    report.tick = tick;
    report.machine = machine.name;
    report.dueMs = dueMs;
    report.startedMs = QDateTime::currentMSecsSinceEpoch();
    report.latenessMs = latenessMs;
    // Remote write stamps every sample with the tick's time; a Pushgateway keeps none.
    report.sent = machine.draft->at(dueMs, toGateway ? std::nullopt : std::optional<qint64>(dueMs));
    report.probeSeries = machine.draft->firstGenerated();
    if (toGateway) {
        report.key = machineKey(m_spec, machine.name);
        HttpCall *call = m_gateway->push(report.key, report.sent, m_spec.push, this,
                                         [this, &machine](const HttpResult &result) { answered(machine, result); });
        report.recordId = call->recordId();
        machine.inFlight = call;
    } else {
        const SeriesSet set = liveWriteSeries(m_spec, machine.name, report.sent, dueMs);
        WriteCall *call = m_writer->send(set);
        connect(call, &WriteCall::finished, this, [this, &machine, call](const WriteOutcome &outcome) {
            machine.report.recordId = call->recordId(); // known once its attempt went out
            answered(machine, outcome.result);
        });
        machine.inFlight = call;
    }
    ++m_stats.sent;
    machine.report = report;
    emit tickSent(report);
}

void LiveJob::answered(Machine &machine, const HttpResult &result)
{
    machine.inFlight = nullptr;
    machine.report.result = result;
    m_stats.lastStatus = result.status;
    m_stats.lastMessage = wordsOf(result);
    if (result.ok()) {
        ++m_stats.ok;
        // Recovered once a whole tick went through: one machine's success does not cancel
        // another's failure in the same tick.
        if (machine.report.tick > m_lastFailedTick)
            m_consecutiveFailures = 0;
    } else {
        ++m_stats.failed;
        noteFailure(machine.report.tick, result);
    }
    emit tickAnswered(machine.report);
    emit changed();
    finishIfDone();
}

void LiveJob::noteFailure(qint64 tick, const HttpResult &result)
{
    if (result.category == ErrorCategory::Cancelled)
        return;
    if (!passes(result)) {
        // The next tick would be refused the same way: stop, with the server's own words.
        m_refusal = wordsOf(result);
        if (m_state == State::Running || m_state == State::Paused) {
            m_endReason = EndReason::Refused;
            m_state = State::Stopping;
            m_timer.stop();
            m_stats.nextDueMs = 0;
        }
        return;
    }
    // Counted once a tick: three machines failing together are one failure of the server.
    if (tick != m_lastFailedTick)
        ++m_consecutiveFailures;
    m_lastFailedTick = tick;
    qint64 waitMs = std::min(backoffCapMs(m_spec.intervalMs), m_spec.intervalMs << std::min(m_consecutiveFailures, 20));
    if (result.status == 429) {
        if (const std::optional<qint64> retryAfter
            = parseRetryAfter(result.header("Retry-After"), QDateTime::currentDateTimeUtc()))
            waitMs = std::max<qint64>(0, *retryAfter);
    }
    m_backoffUntilElapsed = std::max(m_backoffUntilElapsed, m_clock.elapsed() + waitMs);
}

void LiveJob::finishIfDone()
{
    if (m_state != State::Stopping || inFlight() > 0)
        return;
    finish(m_endReason);
}

void LiveJob::finish(EndReason reason)
{
    m_endReason = reason;
    m_state = State::Finished;
    m_timer.stop();
    m_stats.nextDueMs = 0;
    emit changed();
    emit finished();
}

QString liveJobStateName(LiveJob::State state)
{
    switch (state) {
    case LiveJob::State::Idle:
        //: the state of a live job
        return Tr::tr("not started");
    case LiveJob::State::Running:
        //: the state of a live job
        return Tr::tr("running");
    case LiveJob::State::Paused:
        //: the state of a live job
        return Tr::tr("paused");
    case LiveJob::State::Stopping:
        //: the state of a live job
        return Tr::tr("stopping");
    case LiveJob::State::Finished:
        //: the state of a live job
        return Tr::tr("finished");
    }
    return {};
}

QString describeEnd(const LiveJob &job)
{
    switch (job.endReason()) {
    case LiveJob::EndReason::None:
        return liveJobStateName(job.state());
    case LiveJob::EndReason::CountReached:
        return Tr::tr("all %1 ticks done").arg(*job.spec().count);
    case LiveJob::EndReason::DurationReached:
        return Tr::tr("its time is up");
    case LiveJob::EndReason::Stopped:
        //: how a live job ended
        return Tr::tr("stopped");
    case LiveJob::EndReason::Refused:
        //: %1 is the server's answer, such as "HTTP 400: …"
        return Tr::tr("stopped: the server refused it (%1); the next tick would be refused too").arg(job.refusal());
    }
    return {};
}

QString countersLine(const QString &state, const LiveJobStats &stats)
{
    //: %1 the job's state or how it ended, such as "running" or "all 10 ticks done"
    return Tr::tr("%1: sent %2, ok %3, failed %4, skipped %5")
        .arg(state, QString::number(stats.sent), QString::number(stats.ok), QString::number(stats.failed),
             QString::number(stats.skipped()));
}

} // namespace promdesk
