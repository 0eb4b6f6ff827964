#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "Interrupt.h"
#include "LiveOptions.h"
#include "TerminalSafeDevice.h"
#include "exposition/TextWriter.h"
#include "importers/SeriesReader.h"
#include "net/Redactor.h"
#include "remotewrite/BackfillSession.h"
#include "remotewrite/SeriesCollector.h"
#include "util/Time.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemoteWriteCommands)
};

// Options shared by write and backfill: the receiver and how to talk to it.
struct WriteOptions
{
    QCommandLineOption tmp{QStringLiteral("tmp"),
                           Tr::tr("The receiver is Tencent Cloud TMP: its label limits apply, "
                                  "and a URL without a path gets /api/v1/prom/write.")};
    QCommandLineOption version{QStringLiteral("rw-version"),
                               Tr::tr("Remote write protocol: 1 (default) or 2 (falls back to 1 when the receiver "
                                      "does not speak it)."),
                               QStringLiteral("1|2"), QStringLiteral("1")};
    QCommandLineOption retries{QStringLiteral("max-attempts"),
                               Tr::tr("Attempts per request, retries included (default 6)."), QStringLiteral("N"),
                               QStringLiteral("6")};
    QCommandLineOption no429{QStringLiteral("no-retry-429"), Tr::tr("Do not retry HTTP 429 (retried by default).")};
    QCommandLineOption allowFuture{QStringLiteral("allow-future"),
                                   Tr::tr("Send samples further ahead of the clock than --future-window. A receiver "
                                          "such as Prometheus then refuses current samples until that time.")};
    QCommandLineOption futureWindow{QStringLiteral("future-window"),
                                    Tr::tr("How far ahead of this machine's clock a sample may be (default 600 "
                                           "seconds, Prometheus' own allowance for clock skew)."),
                                    QStringLiteral("SECONDS"), QStringLiteral("600")};

    void addTo(QCommandLineParser &parser)
    {
        parser.addOptions({tmp, version, retries, no429, allowFuture, futureWindow});
    }

    // --future-window and --allow-future; nothing (after saying why) when the window is not a number.
    std::optional<FuturePolicy> future(const QCommandLineParser &parser, Io &io) const
    {
        bool ok = false;
        const double seconds = parser.value(futureWindow).toDouble(&ok);
        const std::optional<qint64> ms = ok && seconds >= 0 ? millisecondsFromDouble(seconds * 1000.0) : std::nullopt;
        if (!ms) {
            io.err << "promdesk-cli: " << Tr::tr("--future-window needs a number of seconds, 0 or more\n");
            return std::nullopt;
        }
        return FuturePolicy{*ms, parser.isSet(allowFuture)};
    }
};

std::optional<WriteEndpoint> writeEndpoint(const QCommandLineParser &parser, const GatewayOptions &gateway,
                                           const WriteOptions &write, Io &io)
{
    const std::optional<GatewayOptions::Connection> connection = gateway.connection(parser, io, true);
    if (!connection)
        return std::nullopt;
    const bool tmp = parser.isSet(write.tmp) || (connection->profile && connection->profile->kind == ProfileKind::Tmp);
    WriteEndpoint endpoint;
    endpoint.url = connection->url;
    if (endpoint.url.path().isEmpty() || endpoint.url.path() == u"/")
        endpoint.url.setPath(defaultWritePath(tmp));
    endpoint.credentials = connection->credentials;
    endpoint.tls = connection->tls;
    endpoint.timeoutMs = connection->timeoutMs;
    endpoint.proxy = connection->proxy;
    endpoint.extraHeaders = connection->extraHeaders;
    const QString version = parser.value(write.version);
    if (version != u"1" && version != u"2") {
        io.err << "promdesk-cli: " << Tr::tr("--rw-version is 1 or 2\n");
        return std::nullopt;
    }
    endpoint.version = version == u"2" ? RemoteWriteVersion::V2 : RemoteWriteVersion::V1;
    bool ok = false;
    endpoint.retry.maxAttempts = parser.value(write.retries).toInt(&ok);
    if (!ok || endpoint.retry.maxAttempts < 1) {
        io.err << "promdesk-cli: " << Tr::tr("--max-attempts needs a whole number, 1 or more\n");
        return std::nullopt;
    }
    endpoint.retry.retryOn429 = !parser.isSet(write.no429);
    return endpoint;
}

// The draft a live write repeats: exposition text, every problem printed, nothing on an error
// (`exit` then says how the command ends). Its timestamps are replaced by each tick's.
std::optional<MetricSet> readLiveDraft(const QString &path, bool tmp, Io &io, int *exit)
{
    Input input(path, io);
    if (!input.open()) {
        *exit = ExitUsage;
        return std::nullopt;
    }
    ParseOptions options;
    options.fileName = input.displayName();
    options.target = tmp ? ValidationTarget::Tmp : ValidationTarget::RemoteWrite;
    options.format = input.detect();
    const ParseResult parsed = parseText(input.readAll(), options);
    qint64 errors = 0;
    for (const Problem &problem : parsed.problems) {
        io.err << formatProblem(problem) << '\n';
        errors += problem.severity == Severity::Error ? 1 : 0;
    }
    if (errors > 0 || parsed.metrics.seriesCount() == 0) {
        io.err << "promdesk-cli: "
               << (errors > 0
                       ? Tr::tr("%1 error(s) in %2; nothing sent\n").arg(QString::number(errors), input.displayName())
                       : Tr::tr("no samples in %1; nothing sent\n").arg(input.displayName()));
        *exit = ExitRejected;
        return std::nullopt;
    }
    return parsed.metrics;
}

// Reads one input into series: exposition text (timestamps in ms, or seconds for OpenMetrics)
// or CSV. Problems are printed; returns nothing when the input cannot be read (`exit` is then
// ExitUsage) or has errors (ExitRejected).
std::optional<SeriesSet> readInput(const QString &path, bool tmp, const Labels &extraLabels, const QString &metricName,
                                   qint64 nowMs, const FuturePolicy &future, Io &io, int *exit, bool sendAnyway = false)
{
    Input input(path, io);
    *exit = ExitRejected;
    if (!input.open()) {
        *exit = ExitUsage;
        return std::nullopt;
    }
    SeriesReadOptions options;
    options.fileName = input.displayName();
    options.target = tmp ? ValidationTarget::Tmp : ValidationTarget::RemoteWrite;
    options.nowMs = nowMs;
    options.futureToleranceMs = future.toleranceMs;
    options.allowFuture = future.allowed;
    options.extraLabels = extraLabels;
    options.metricName = metricName;
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (!csv)
        options.format = input.detect();
    SeriesRead read = readSeries(input.readAll(), options);
    printProblems(io.err, read.problems);
    if (!read.description.isEmpty())
        io.err << input.displayName() << ": " << read.description << '\n';
    if (read.errors > 0 && sendAnyway) {
        // The errors a receiver can be asked about (a target's limits, reserved names) leave
        // their samples read; a line that could not be read at all is never sent. A sample ahead
        // of the clock is not sent this way either: it would break the receiver (--allow-future).
        const bool ahead = std::any_of(read.problems.cbegin(), read.problems.cend(), [](const Problem &p) {
            return p.severity == Severity::Error && p.code == u"timestamp-in-future";
        });
        if (ahead) {
            io.err << "promdesk-cli: "
                   << Tr::tr("--no-check does not send samples ahead of the clock (they break the receiver); "
                             "--allow-future does, on purpose. Nothing sent\n");
            return std::nullopt;
        }
        io.err << "promdesk-cli: "
               << Tr::tr("%1 error(s) in %2; sending what could be read anyway (--no-check): the receiver's answer is "
                         "the verdict. A line that could not be read at all is not sent\n")
                      .arg(QString::number(read.errors), input.displayName());
    } else if (read.errors > 0) {
        if (!csv)
            io.err
                << "promdesk-cli: "
                << Tr::tr("%1 error(s) in %2; nothing sent\n").arg(QString::number(read.errors), input.displayName());
        return std::nullopt;
    }
    if (!csv && !metricName.isEmpty())
        io.err << "promdesk-cli: warning: "
               << Tr::tr("--metric only names CSV columns; %1 keeps its names\n").arg(input.displayName());
    return std::move(read.series);
}

// An input without a single sample is a producer that failed or the wrong file: said, never sent.
bool refusedAsEmpty(const SeriesSet &set, const QString &inputs, Io &io)
{
    if (set.sampleCount() > 0)
        return false;
    io.err << "promdesk-cli: " << Tr::tr("%1 has no samples; nothing sent\n").arg(inputs);
    return true;
}

// Runs a backfill to the end, printing progress on a terminal and each refusal in full.
// `resume`: the 0-based batch to start at, one for all shards or one per shard.
int runBatches(BackfillSession &session, const QList<int> &resume, const Credentials &credentials, Io &io)
{
    BackfillRun &run = session.run();
    const bool terminal = isTerminal(2);
    QElapsedTimer sinceDraw;
    sinceDraw.start();
    QObject::connect(&run, &BackfillRun::progressChanged, &run, [&](const BackfillProgress &p) {
        if (!terminal || (sinceDraw.elapsed() < 100 && p.requestsSent < p.requestsTotal))
            return;
        sinceDraw.restart();
        //: Progress line on a terminal; %7 the time left
        io.err << '\r'
               << Tr::tr("%1/%2 requests, %3/%4 samples, %5 retries, %6 samples/s, ETA %7   ")
                      .arg(QString::number(p.requestsSent), QString::number(p.requestsTotal),
                           QString::number(p.samplesSent), QString::number(p.samplesTotal), QString::number(p.retries),
                           QString::number(qint64(p.samplesPerSecond)), formatDuration(p.etaMs));
        io.err.flush();
    });
    QObject::connect(&run, &BackfillRun::batchFinished, &run, [&](int index, const WriteOutcome &outcome) {
        if (outcome.fellBackToV1 && index == 0)
            io.err << (terminal ? "\n" : "") << "promdesk-cli: " << outcome.note << '\n';
    });
    std::optional<BackfillEnd> end;
    QEventLoop loop;
    QObject::connect(&session, &BackfillSession::finished, &loop, [&](const BackfillEnd &e) {
        end = e;
        loop.quit();
    });
    // Ctrl+C or SIGTERM: nothing more is sent, and the requests on the wire have a few seconds to
    // answer, so that the summary, the resume point and the history say what the receiver took.
    const InterruptWatch watch;
    QObject::connect(&watch, &InterruptWatch::interrupted, &run, [&](int count) {
        if (count == 1) {
            io.err << (terminal ? "\n" : "") << "promdesk-cli: "
                   << Tr::tr("interrupted; no more requests are sent. Waiting up to %1 s for the answers of those on "
                             "the wire (interrupt again to stop waiting).\n")
                          .arg(kInterruptGraceMs / 1000);
            QTimer::singleShot(kInterruptGraceMs, &run, [&run] {
                if (run.stopping())
                    run.cancel(); // the second cancel stops waiting
            });
        }
        run.cancel();
    });
    session.start(resume);
    if (!end) // a resume with nothing left ends within start(), before the loop could hear it
        loop.exec();
    if (terminal)
        io.err << '\n';
    io.err << end->describe() << '\n';
    if (watch.count() > 0)
        io.err << Tr::tr("Stopped: interrupted\n");
    else if (!end->summary.stopReason.isEmpty())
        //: %1 why the backfill stopped
        io.err << Tr::tr("Stopped: %1\n").arg(redactText(end->summary.stopReason, credentials));
    const QList<int> points = end->resumePoints();
    QStringList spelled;
    for (const int point : points)
        spelled << QString::number(point);
    if (points.size() > 1) {
        io.err << Tr::tr("Resume with --resume-from %1 (one batch number per shard; batches already sent are not "
                         "sent again).\n")
                      .arg(spelled.join(QLatin1Char(',')));
    } else if (!points.isEmpty()) {
        io.err << Tr::tr("Resume with --resume-from %1 (batches already sent are not sent again).\n")
                      .arg(spelled.constFirst());
    }
    if (end->delivered())
        return ExitOk;
    if (watch.count() > 0)
        return watch.exitCode();
    return end->firstRefusal ? exitCodeFor(end->firstRefusal->result) : ExitOk;
}

Labels parseLabelOptions(const QStringList &pairs, Io &io, bool *ok)
{
    Labels labels;
    *ok = true;
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            io.err << "promdesk-cli: " << Tr::tr("--label needs NAME=VALUE, not '%1'\n").arg(pair);
            *ok = false;
        } else {
            labels.set(pair.left(equals), pair.mid(equals + 1));
        }
    }
    return labels;
}

} // namespace

namespace {

// write --every/--set/--instances/--verify: one draft, repeated as a live job.
int runLiveWrite(const QCommandLineParser &parser, const LiveOptions &live, GatewayOptions &gateway,
                 WriteEndpoint endpoint, bool tmpOption, Io &io)
{
    if (parser.isSet(QStringLiteral("no-check"))) {
        io.err << "promdesk-cli: "
               << Tr::tr("--no-check sends the input once; it does not go with --every, --set, --instances or "
                         "--verify\n");
        return ExitUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: " << Tr::tr("a live write repeats one FILE\n");
        return ExitUsage;
    }
    const std::optional<LiveOptions::Values> values
        = live.values(parser, gateway.profile() ? gateway.profile()->queryUrl : QString(), io);
    if (!values)
        return ExitUsage;
    const bool tmp = tmpOption || (gateway.profile() && gateway.profile()->kind == ProfileKind::Tmp);
    int failure = ExitRejected;
    const std::optional<MetricSet> draft = readLiveDraft(parser.positionalArguments().constFirst(), tmp, io, &failure);
    if (!draft)
        return failure;
    // A live job backs off by itself between ticks; a tick is one attempt.
    if (values->everyMs)
        endpoint.retry.maxAttempts = 1;
    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    RemoteWriteClient client(endpoint, &http);
    LiveJobSpec spec;
    spec.destination = LiveJobSpec::Destination::RemoteWrite;
    spec.draft = *draft;
    const QueryEndpoint query{{},
                              endpoint.credentials,
                              endpoint.tls,
                              endpoint.proxy,
                              endpoint.extraHeaders,
                              std::min(endpoint.timeoutMs, 10000)};
    RequestTag tag = gateway.tag();
    tag.target = QStringLiteral("remote-write");
    tag.operation = QStringLiteral("write");
    return runLiveJob(spec, *values, nullptr, &client, http, query, {}, tag, io);
}

} // namespace

int runWrite(const QStringList &arguments, Io &io)
{
    //: Command synopsis: the command and option names stay as they are.
    const QString usage = Tr::tr("promdesk-cli write --url URL [--rw-version 1|2] [--tmp] [--no-check] [--user USER "
                                 "--password-stdin | --bearer-stdin]\n"
                                 "       [--every DURATION [--count N | --for DURATION]] [--set SERIES=GENERATOR]... "
                                 "[--instances NAME,NAME...]\n"
                                 "       [--verify [--verify-timeout SECONDS] [--query-url URL]] FILE...|-");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, false);
    WriteOptions write;
    write.addTo(parser);
    const QCommandLineOption noCheck(
        QStringLiteral("no-check"),
        Tr::tr("Send what could be read even when the input has errors (a target's limits, "
               "reserved names), to see the receiver's own verdict. Lines that cannot be "
               "read, and samples ahead of the clock, are still not sent."));
    parser.addOption(noCheck);
    LiveOptions live;
    live.addTo(parser, false);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 Tr::tr("Exposition files (or CSV); '-' reads standard input."));
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage,
                         Tr::tr("Sends metrics through Prometheus remote write. Timestamps in the files are kept;\n"
                                "samples without one are sent as now. --url is the write URL; with no path it gets\n"
                                "/api/v1/write (or TMP's /api/v1/prom/write with --tmp).\n"
                                "With --every it repeats, each sample stamped with the tick's time.\n"
                                "Exit codes: 0 sent (and arrived, with --verify), 1 refused, 2 usage, 3 network,\n"
                                "4 sent but not visible through the query URL in time.\n"),
                         io))
        return *exit;
    if (parser.positionalArguments().isEmpty()) {
        io.err << "promdesk-cli: " << Tr::tr("write needs a FILE, or '-'\n") << Tr::tr("Usage: %1\n").arg(usage);
        return ExitUsage;
    }
    std::optional<WriteEndpoint> endpoint = writeEndpoint(parser, gateway, write, io);
    const std::optional<FuturePolicy> future = write.future(parser, io);
    if (!endpoint || !future)
        return ExitUsage;
    if (live.requested(parser))
        return runLiveWrite(parser, live, gateway, *endpoint, parser.isSet(write.tmp), io);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SeriesSet all;
    for (const QString &path : parser.positionalArguments()) {
        int failure = ExitRejected;
        std::optional<SeriesSet> set
            = readInput(path, parser.isSet(write.tmp), {}, {}, now, *future, io, &failure, parser.isSet(noCheck));
        if (!set)
            return failure;
        all.series.append(set->series);
    }
    if (refusedAsEmpty(all, parser.positionalArguments().join(QStringLiteral(", ")), io))
        return ExitRejected;
    BackfillPlan plan
        = makeBackfillPlan(all, BatchLimits{}, now, parser.positionalArguments().join(QLatin1Char(',')), *future);
    if (parser.isSet(noCheck))
        keepErrorsForTheReceiversVerdict(plan);
    printProblems(io.err, plan.problems);
    if (!plan.canSend()) {
        io.err << "promdesk-cli: " << Tr::tr("nothing to send\n");
        return ExitRejected;
    }
    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    RemoteWriteClient client(*endpoint, &http);
    BackfillSession session(&client, all, plan.batches, gateway.tag());
    session.setPartEntries(false); // one write: its requests are entries of their own
    return runBatches(session, {}, client.endpoint().credentials, io);
}

namespace {

// --batch-size, --shards and --resume-from, checked together.
struct BatchChoice
{
    BatchLimits limits;
    QList<int> resumeFrom; // 0-based: one batch, or one per shard
};

std::optional<BatchChoice> readBatchChoice(const QString &batchSize, const QString &shards, const QString &resume,
                                           Io &io)
{
    bool ok = false;
    BatchChoice choice;
    choice.limits.maxSamples = batchSize.toInt(&ok);
    const bool batchOk = ok && choice.limits.maxSamples > 0;
    choice.limits.shards = shards.toInt(&ok);
    const bool shardsOk = ok && choice.limits.shards > 0 && choice.limits.shards <= 64;
    bool resumeOk = true;
    for (const QString &point : resume.split(QLatin1Char(','))) {
        const int batch = point.trimmed().toInt(&ok);
        resumeOk = resumeOk && ok && batch >= 1;
        choice.resumeFrom.append(batch - 1);
    }
    if (choice.resumeFrom.size() > choice.limits.shards) {
        io.err << "promdesk-cli: "
               << Tr::tr("--resume-from lists %1 batches but the run has %2 shards; give one number, or one per shard "
                         "as the stopped run printed\n")
                      .arg(QString::number(choice.resumeFrom.size()), QString::number(choice.limits.shards));
        return std::nullopt;
    }
    if (!batchOk || !shardsOk || !resumeOk) {
        io.err << "promdesk-cli: "
               << Tr::tr("--batch-size, --shards (1-64) and --resume-from need whole numbers, 1 or more\n");
        return std::nullopt;
    }
    return choice;
}

// backfill --dry-run: each request as it would go out (URL, headers with secrets masked, body
// size and what it holds), and with --save-requests each body in a file of its own.
int showDryRun(const RemoteWriteClient &client, const SeriesSet &set, const BackfillPlan &plan,
               const QString &directory, Io &io)
{
    if (!directory.isEmpty() && !QDir().mkpath(directory)) {
        io.err << "promdesk-cli: " << Tr::tr("cannot create %1\n").arg(directory);
        return ExitUsage;
    }
    const RemoteWriteVersion version = client.endpoint().version;
    const WriteRequestEncoder encoder(set); // converts each series' labels once, not per request
    for (int i = 0; i < plan.batches.size(); ++i) {
        const QByteArray body = encoder.encode(plan.batches.at(i), version);
        const HttpRequest request = client.request(body, version);
        //: Dry run: the request's number, how many there are, and its URL; POST is the HTTP method.
        io.out << Tr::tr("request %1/%2: POST %3\n")
                      .arg(QString::number(i + 1), QString::number(plan.batches.size()), redactUrl(request.url));
        for (const auto &header : redactHeaders(request.headers))
            io.out << "  " << QString::fromLatin1(header.first) << ": " << QString::fromLatin1(header.second) << '\n';
        //: %2 what the request holds
        io.out << Tr::tr("  body: %1 bytes; %2\n")
                      .arg(QString::number(body.size()), describeBatch(set, plan.batches.at(i)));
        const QString file
            = QDir(directory).filePath(QStringLiteral("batch-%1.bin").arg(i + 1, 6, 10, QLatin1Char('0')));
        if (!directory.isEmpty() && !writeOutput(file, body, io))
            return ExitUsage;
    }
    io.out << Tr::tr("Dry run: nothing was sent.\n");
    return ExitOk;
}

} // namespace

int runBackfill(const QStringList &arguments, Io &io)
{
    //: Command synopsis: the command and option names stay as they are.
    const QString usage = Tr::tr("promdesk-cli backfill --url URL [--batch-size N] [--shards N] [--dry-run "
                                 "[--save-requests DIR]] [--metric NAME] [--label NAME=VALUE]... "
                                 "[--resume-from N[,N...]] FILE");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, false);
    WriteOptions write;
    write.addTo(parser);
    const BatchLimits defaults;
    const QCommandLineOption batchSize(QStringLiteral("batch-size"),
                                       Tr::tr("Samples per request (default %1).").arg(defaults.maxSamples),
                                       QStringLiteral("N"), QString::number(defaults.maxSamples));
    const QCommandLineOption shards(
        QStringLiteral("shards"),
        Tr::tr("Requests in flight at once; a series stays in one shard, and the shards "
               "keep within %1 minutes of each other (default %2).")
            .arg(QString::number(defaults.maxShardLeadMs / 60000), QString::number(defaults.shards)),
        QStringLiteral("N"), QString::number(defaults.shards));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), Tr::tr("Show the plan and the requests; send nothing."));
    const QCommandLineOption save(QStringLiteral("save-requests"),
                                  Tr::tr("With --dry-run: write each request body (snappy protobuf) to DIR."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption metric(QStringLiteral("metric"), Tr::tr("Metric name for a CSV without a metric column."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption label(QStringLiteral("label"), Tr::tr("A label for every series; repeatable."),
                                   QStringLiteral("NAME=VALUE"));
    const QCommandLineOption resume(QStringLiteral("resume-from"),
                                    Tr::tr("Start at this batch (1-based), or at one batch per shard (N,N,...), as a "
                                           "stopped run suggests."),
                                    QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions({batchSize, shards, dryRun, save, metric, label, resume});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 Tr::tr("Text exposition (ms timestamps), OpenMetrics (seconds) or CSV."));
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage,
                         Tr::tr("Writes past samples through remote write: plans the batches oldest first, warns\n"
                                "about the receiver's age window, sends with retries, and stops at a refused batch\n"
                                "naming its samples and the server's reason.\n"),
                         io))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: " << Tr::tr("backfill takes one FILE\n") << Tr::tr("Usage: %1\n").arg(usage);
        return ExitUsage;
    }
    const std::optional<BatchChoice> choice
        = readBatchChoice(parser.value(batchSize), parser.value(shards), parser.value(resume), io);
    if (!choice)
        return ExitUsage;
    const BatchLimits &limits = choice->limits;
    const QList<int> &resumeFrom = choice->resumeFrom;
    bool labelsOk = false;
    const Labels extra = parseLabelOptions(parser.values(label), io, &labelsOk);
    if (!labelsOk)
        return ExitUsage;
    const std::optional<WriteEndpoint> endpoint = writeEndpoint(parser, gateway, write, io);
    const std::optional<FuturePolicy> future = write.future(parser, io);
    if (!endpoint || !future)
        return ExitUsage;

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString path = parser.positionalArguments().constFirst();
    int failure = ExitRejected;
    std::optional<SeriesSet> set
        = readInput(path, parser.isSet(write.tmp), extra, parser.value(metric), now, *future, io, &failure);
    if (!set)
        return failure;
    if (refusedAsEmpty(*set, path, io))
        return ExitRejected;
    const BackfillPlan plan = makeBackfillPlan(*set, limits, now, path, *future);
    io.out << renderPlan(plan);
    io.out.flush();
    if (!plan.canSend())
        return ExitRejected;

    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    RemoteWriteClient client(*endpoint, &http);
    client.setTag(gateway.tag());
    if (parser.isSet(dryRun))
        return showDryRun(client, *set, plan, parser.value(save), io);
    // A shard that had sent everything is given as one past the last batch.
    const int lastAllowed = resumeFrom.size() > 1 ? int(plan.batches.size()) : int(plan.batches.size()) - 1;
    if (*std::max_element(resumeFrom.cbegin(), resumeFrom.cend()) > lastAllowed) {
        io.err << "promdesk-cli: "
               << Tr::tr("--resume-from %1 is past the last batch (%2)\n")
                      .arg(parser.value(resume), QString::number(plan.batches.size()));
        return ExitUsage;
    }
    // One history entry for the backfill, with its batches under it (see BackfillSession).
    BackfillSession session(&client, *set, plan.batches, gateway.tag());
    return runBatches(session, resumeFrom, client.endpoint().credentials, io);
}

} // namespace promdesk::cli
