#include "LiveOptions.h"

#include "CliHistory.h"
#include "GatewayOptions.h"
#include "Interrupt.h"
#include "TerminalSafeDevice.h"
#include "live/ArrivalTracker.h"
#include "live/LiveJobEntry.h"
#include "model/NumberFormat.h"
#include "net/Redactor.h"
#include "net/RequestRecorder.h"
#include "pushgateway/GroupPruning.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

#include <cmath>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LiveCommand)
};

} // namespace

void LiveOptions::addTo(QCommandLineParser &parser, bool pushgateway)
{
    m_pushgateway = pushgateway;
    parser.addOptions({m_every, m_count, m_for, m_set, m_verify, m_verifyTimeout, m_queryUrl});
    parser.addOption(m_instances);
    if (pushgateway)
        parser.addOption(m_sameGroup);
}

bool LiveOptions::requested(const QCommandLineParser &parser) const
{
    return parser.isSet(m_every) || parser.isSet(m_count) || parser.isSet(m_for) || parser.isSet(m_set)
        || parser.isSet(m_verify) || parser.isSet(m_instances) || (m_pushgateway && parser.isSet(m_sameGroup))
        || parser.isSet(m_queryUrl);
}

std::optional<LiveOptions::Values> LiveOptions::values(const QCommandLineParser &parser, const QString &profileQueryUrl,
                                                       Io &io) const
{
    Values values;
    const auto fail = [&](const QString &flag, const QString &why) -> std::optional<Values> {
        io.err << "promdesk-cli: --" << flag << ": " << why << '\n';
        return std::nullopt;
    };
    QString error;
    if (parser.isSet(m_every)) {
        values.everyMs = parseDurationMs(parser.value(m_every), &error);
        if (!values.everyMs)
            return fail(QStringLiteral("every"), error);
        if (*values.everyMs < LiveJobSpec::kMinimumIntervalMs)
            return fail(QStringLiteral("every"), Tr::tr("the interval must be at least 100ms"));
    }
    if ((parser.isSet(m_count) || parser.isSet(m_for)) && !values.everyMs)
        return fail(parser.isSet(m_count) ? QStringLiteral("count") : QStringLiteral("for"),
                    Tr::tr("it needs --every"));
    if (parser.isSet(m_count) && parser.isSet(m_for))
        return fail(QStringLiteral("count"), Tr::tr("give --count or --for, not both"));
    if (parser.isSet(m_count)) {
        bool ok = false;
        values.count = parser.value(m_count).toLongLong(&ok);
        if (!ok || *values.count < 1)
            return fail(QStringLiteral("count"), Tr::tr("a count of ticks is a whole number from 1 up"));
    }
    if (parser.isSet(m_for)) {
        values.forMs = parseDurationMs(parser.value(m_for), &error);
        if (!values.forMs)
            return fail(QStringLiteral("for"), error);
    }
    for (const QString &assignment : parser.values(m_set)) {
        const std::optional<GeneratorAssignment> parsed = parseGeneratorAssignment(assignment, &error);
        if (!parsed)
            return fail(QStringLiteral("set"), error);
        values.generators.append(*parsed);
    }
    if (parser.isSet(m_instances)) {
        values.instances = parser.value(m_instances).split(u',');
        for (QString &name : values.instances)
            name = name.trimmed();
        if (values.instances.contains(QString()))
            return fail(QStringLiteral("instances"), Tr::tr("a machine's name is empty"));
    }
    values.sameGroup = m_pushgateway && parser.isSet(m_sameGroup);
    if (values.sameGroup && values.instances.isEmpty())
        return fail(QStringLiteral("same-group"), Tr::tr("it needs --instances"));
    values.verify = parser.isSet(m_verify);
    bool ok = false;
    const double seconds = parser.value(m_verifyTimeout).toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 3600)
        return fail(QStringLiteral("verify-timeout"), Tr::tr("give seconds, from above 0 to 3600"));
    values.verifyTimeoutMs = qint64(std::llround(seconds * 1000));
    values.queryUrl = parser.isSet(m_queryUrl) ? parser.value(m_queryUrl) : profileQueryUrl;
    if (values.verify && values.queryUrl.isEmpty())
        return fail(QStringLiteral("verify"),
                    Tr::tr("no query URL: give --query-url, or save one in the profile "
                           "(promdesk-cli profile add … --query-url URL)"));
    if (!values.queryUrl.isEmpty()) {
        const QUrl url(values.queryUrl);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            return fail(QStringLiteral("query-url"), Tr::tr("not an http or https URL"));
        if (!url.userInfo().isEmpty())
            return fail(QStringLiteral("query-url"),
                        Tr::tr("credentials never go in a URL; they come from the profile"));
    }
    return values;
}

namespace {

// How bad an exit code is, for a run that met several: a refusal outweighs a network failure,
// which outweighs data that did not show.
int severity(int code)
{
    switch (code) {
    case ExitRejected:
        return 3;
    case ExitNetwork:
        return 2;
    case ExitNotVisible:
        return 1;
    default:
        return 0;
    }
}

int worse(int a, int b)
{
    return severity(b) > severity(a) ? b : a;
}

QString seconds(qint64 ms)
{
    if (ms < 1000)
        //: A duration in milliseconds.
        return Tr::tr("%1 ms").arg(ms);
    //: A duration in seconds, e.g. "1.5 s".
    return Tr::tr("%1 s").arg(formatNumber(std::round(double(ms) / 100.0) / 10.0));
}

// "tick 3", or "tick 3 host-a" for a job with machines.
QString tickName(qint64 tick, const QString &machine)
{
    if (machine.isEmpty())
        return Tr::tr("tick %1").arg(tick + 1);
    //: %1 the tick's number, %2 the machine's name
    return Tr::tr("tick %1 %2").arg(QString::number(tick + 1), machine);
}

class StatusPrinter
{
public:
    StatusPrinter(const LiveJob &job, const ArrivalTracker *tracker, Io &io)
        : m_job(job)
        , m_tracker(tracker)
        , m_io(io)
        , m_terminal(isTerminal(1))
    {}

    void tick(const TickReport &report)
    {
        if (m_terminal)
            return line();
        //: %1 "tick N", %2 "HTTP 200" or the failure's message, %3 milliseconds
        m_io.out << Tr::tr("%1: %2 in %3 ms\n")
                        .arg(tickName(report.tick, report.machine),
                             report.result.ok() ? QStringLiteral("HTTP %1").arg(report.result.status)
                                                : m_job.stats().lastMessage,
                             QString::number(report.result.durationMs));
        m_io.out.flush();
    }
    void skipped(qint64 tick, const QString &machine, const QString &why)
    {
        if (m_terminal)
            return line();
        //: %1 "tick N", %2 why the tick was skipped
        m_io.out << Tr::tr("%1: skipped, %2\n").arg(tickName(tick, machine), why);
        m_io.out.flush();
    }
    void arrival(const TickReport &report, const ArrivalResult &result)
    {
        if (m_terminal)
            return line();
        m_io.out << tickName(report.tick, report.machine) << ": " << result.verdict() << '\n';
        m_io.out.flush();
    }
    void line()
    {
        if (!m_terminal)
            return;
        const LiveJobStats &s = m_job.stats();
        QString text = countersLine(liveJobStateName(m_job.state()), s);
        if (m_tracker && m_tracker->checked() > 0)
            text += Tr::tr(", arrived %1/%2")
                        .arg(QString::number(m_tracker->arrived()), QString::number(m_tracker->checked()));
        if (s.lastStatus)
            text += Tr::tr(", last HTTP %1").arg(s.lastStatus);
        // Back to the start of the line and over the last one (escape sequences would be shown
        // escaped: the terminal stream lets only \r, \n and \t through).
        m_io.out << '\r' << text << QString(std::max<qsizetype>(0, m_lastWidth - text.size()), u' ');
        m_io.out.flush();
        m_lastWidth = text.size();
        m_dirty = true;
    }
    void end()
    {
        if (m_dirty)
            m_io.out << '\n';
        m_dirty = false;
    }

private:
    const LiveJob &m_job;
    const ArrivalTracker *m_tracker;
    Io &m_io;
    bool m_terminal;
    bool m_dirty = false;
    qsizetype m_lastWidth = 0;
};

// The CLI's flags on top of the spec the draft and grouping key made.
void applyLiveOptions(LiveJobSpec &spec, const LiveOptions::Values &options)
{
    const bool repeated = options.everyMs.has_value();
    spec.intervalMs = options.everyMs.value_or(1000);
    spec.count = repeated ? options.count : std::optional<qint64>(1);
    spec.durationMs = options.forMs;
    spec.generators = options.generators;
    spec.machines = options.instances;
    spec.machinesOverwrite = options.sameGroup;
}

void announceJob(const LiveJobSpec &spec, bool toGateway, qint64 parent, Io &io)
{
    //: What a repeated job does, filled into "%1 every %2…"
    const QString verb = toGateway ? Tr::tr("pushing") : Tr::tr("writing");
    const QString interval = seconds(spec.intervalMs);
    QString repetition;
    if (spec.count)
        //: %1 "pushing" or "writing", %2 the interval, %3 how many times
        repetition = Tr::tr("%1 every %2, %3 times").arg(verb, interval, QString::number(*spec.count));
    else if (spec.durationMs)
        //: %1 "pushing" or "writing", %2 the interval, %3 for how long
        repetition = Tr::tr("%1 every %2 for %3").arg(verb, interval, seconds(*spec.durationMs));
    else
        //: %1 "pushing" or "writing", %2 the interval
        repetition = Tr::tr("%1 every %2 until interrupted").arg(verb, interval);
    io.err << "promdesk-cli: "
           << repetition
           //: Added to "pushing every 2 s, 10 times" when the job pushes as several machines.
           << (spec.machines.isEmpty() ? QString() : Tr::tr(" as %1 machine(s)").arg(spec.machines.size()))
           //: Added at the end of "pushing every 2 s, 10 times": the job's entry in the history.
           << (parent > 0 ? Tr::tr(" (history #%1)").arg(parent) : QString()) << '\n';
}

// Runs the job until it and the arrival checks are done; a first interrupt lets the requests on
// the wire have their answers, a second stops waiting.
void runUntilDone(LiveJob &job, ArrivalTracker *tracker, StatusPrinter &status, const InterruptWatch &watch, Io &io)
{
    QEventLoop loop;
    QObject::connect(&watch, &InterruptWatch::interrupted, &loop, [&](int count) {
        if (count == 1) {
            io.err << "\npromdesk-cli: "
                   << Tr::tr("interrupted; letting the requests on the wire have their answers (interrupt again "
                             "to stop waiting)\n");
            job.stop();
        } else {
            job.abort();
        }
        if (tracker)
            tracker->cancelAll();
    });
    QObject::connect(&job, &LiveJob::finished, &loop, [&] {
        if (!tracker || tracker->pending() == 0)
            loop.quit();
    });
    if (tracker) {
        QObject::connect(tracker, &ArrivalTracker::idle, &loop, [&] {
            if (job.state() == LiveJob::State::Finished)
                loop.quit();
        });
    }
    QTimer statusTimer;
    QObject::connect(&statusTimer, &QTimer::timeout, &loop, [&] {
        // A job goes on when the history cannot be written, and says so once.
        if (const QString problem = takeCliHistoryProblem(); !problem.isEmpty()) {
            status.end();
            reportHistoryProblem(problem, io);
        }
        status.line();
    });
    statusTimer.start(250);
    job.start();
    if (job.state() != LiveJob::State::Finished || (tracker && tracker->pending() > 0))
        loop.exec();
    statusTimer.stop();
    status.end();
}

// The last line: what was sent and, with --verify, what arrived. Returns the exit status with
// "nothing could be checked" folded in.
int printJobEnd(const LiveJob &job, const ArrivalTracker *tracker, bool repeated, bool interrupted, int exit, Io &io)
{
    const LiveJobStats &s = job.stats();
    //: How a single push or write ended, in "%1: sent %2, ok %3, failed %4, skipped %5"
    io.err << "promdesk-cli: " << countersLine(repeated ? describeEnd(job) : Tr::tr("done"), s);
    if (s.skipped() > 0)
        io.err << Tr::tr(" (%1 still waiting for an answer, %2 backing off)")
                      .arg(QString::number(s.skippedBusy), QString::number(s.skippedBackoff));
    if (tracker) {
        io.err << Tr::tr("; arrived %1 of %2 checked")
                      .arg(QString::number(tracker->arrived()), QString::number(tracker->checked()));
        if (const std::optional<qint64> p50 = tracker->percentile(0.5))
            io.err << Tr::tr(", arrival p50 %1, p99 %2").arg(seconds(*p50), seconds(*tracker->percentile(0.99)));
        if (tracker->notChecked() > 0)
            io.err << Tr::tr("; %1 not checked (checks of earlier ticks still under way, or the run ended)")
                          .arg(tracker->notChecked());
        if (tracker->missing() > 0)
            io.err << "\npromdesk-cli: " << Tr::tr("last miss: %1").arg(tracker->lastVerdict());
        // --verify promises that what was sent arrived: nothing checked is not that.
        if (tracker->checked() == 0 && s.ok > 0 && !interrupted) {
            io.err << "\npromdesk-cli: " << Tr::tr("nothing could be checked: the draft has no series to look for");
            exit = worse(exit, ExitNotVisible);
        }
    }
    io.err << '\n';
    return exit;
}

// How the job's entry judges the run: as its exit status does (an arrival check that missed, too).
ErrorCategory outcomeOf(int exit)
{
    if (exit == ExitOk)
        return ErrorCategory::None;
    return exit == ExitRejected ? ErrorCategory::Rejected : ErrorCategory::Other;
}

} // namespace

int runLiveJob(LiveJobSpec spec, const LiveOptions::Values &options, PushgatewayClient *gateway,
               RemoteWriteClient *writer, HttpClient &http, const QueryEndpoint &query, const QUrl &gatewayUrl,
               const RequestTag &tag, Io &io)
{
    const bool repeated = options.everyMs.has_value();
    applyLiveOptions(spec, options);
    LiveJobProblem problem;
    std::unique_ptr<LiveJob> job = LiveJob::create(spec, gateway, writer, &problem);
    if (!job) {
        const bool generators = problem.source == LiveJobProblem::Source::Generators;
        io.err << "promdesk-cli: " << (generators ? QStringLiteral("--set: ") : QString()) << problem.message << '\n';
        return ExitUsage;
    }
    // A job is one history entry with its ticks under it; a single push stays one entry.
    LiveJobEntry jobEntry = LiveJobEntry::open(repeated ? http.recorder() : nullptr, spec, gateway, writer, tag);
    const qint64 parent = recordedIdOf(jobEntry.ticket()); // the entry's number in the history
    std::unique_ptr<ArrivalTracker> tracker;
    if (options.verify) {
        QueryEndpoint endpoint = query;
        endpoint.baseUrl = QUrl(options.queryUrl);
        endpoint = verificationEndpoint(endpoint, gateway ? gateway->endpoint().baseUrl : writer->endpoint().url);
        tracker = std::make_unique<ArrivalTracker>(job.get(), endpoint, gatewayUrl, options.verifyTimeoutMs);
        tracker->setRecorder(http.recorder());
    }
    StatusPrinter status(*job, tracker.get(), io);
    int exit = ExitOk;
    QObject::connect(job.get(), &LiveJob::tickAnswered, job.get(), [&](const TickReport &report) {
        if (!report.result.ok() && report.result.category != ErrorCategory::Cancelled)
            exit = worse(exit, exitCodeFor(report.result));
        status.tick(report);
    });
    QObject::connect(
        job.get(), &LiveJob::tickSkipped, job.get(),
        [&](qint64 tick, const QString &machine, const QString &why) { status.skipped(tick, machine, why); });
    if (tracker) {
        QObject::connect(tracker.get(), &ArrivalTracker::checkedTick, job.get(),
                         [&](const TickReport &report, const ArrivalResult &result) {
                             if (!result.arrived)
                                 exit = worse(exit, ExitNotVisible);
                             status.arrival(report, result);
                         });
    }
    if (repeated)
        announceJob(spec, gateway != nullptr, parent, io);
    const InterruptWatch watch;
    runUntilDone(*job, tracker.get(), status, watch, io);
    exit = printJobEnd(*job, tracker.get(), repeated, watch.count() > 0, exit, io);
    if (job->endReason() == LiveJob::EndReason::Refused)
        exit = ExitRejected;
    jobEntry.complete(*job, outcomeOf(exit));
    return watch.count() > 0 ? watch.exitCode() : exit;
}

} // namespace promdesk::cli
