#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "Interrupt.h"
#include "LiveOptions.h"
#include "exposition/TextWriter.h"
#include "model/NumberFormat.h"
#include "net/Redactor.h"
#include "pushgateway/GroupPruning.h"
#include "pushgateway/OverwritePreview.h"

#include "util/Printable.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PushgatewayCommands)
};

struct PushInput
{
    QByteArray bytes;
    ParseOptions options;
    bool clean = false;     // text 0.0.4 without a single problem: it can go out byte for byte
    bool unchecked = false; // has errors and goes out anyway, byte for byte (--no-check)
    qint64 samples = 0;
    QString displayName;

    [[nodiscard]] MetricSet metrics() const { return parseText(bytes, options).metrics; }
};

// Reads and checks the metrics to push: a Pushgateway's rules, every problem listed, nothing
// sent while an error remains, unless `sendAnyway` (push --no-check): then the input goes out
// as it is, for the server's own verdict. On failure `exit` says why: ExitUsage for an input that
// cannot be read, ExitRejected for one with errors.
std::optional<PushInput> readPushInput(const QString &path, Io &io, int *exit, bool sendAnyway = false)
{
    Input input(path, io);
    if (!input.open()) {
        *exit = ExitUsage;
        return std::nullopt;
    }
    PushInput push;
    push.options.fileName = input.displayName();
    push.options.target = ValidationTarget::Pushgateway;
    push.options.format = input.detect();
    push.bytes = input.readAll();
    TextParser parser(push.options);
    parser.feedLast(push.bytes);
    parser.finish();
    printProblems(io.err, parser.problems());
    if (parser.stats().errors > 0 && sendAnyway) {
        io.err << "promdesk-cli: "
               << Tr::tr("%1 error(s) in %2; sending it as it is anyway (--no-check): the gateway's answer is the "
                         "verdict\n")
                      .arg(QString::number(parser.stats().errors), input.displayName());
        push.unchecked = true;
    } else if (parser.stats().errors > 0) {
        io.err << "promdesk-cli: "
               << Tr::tr("%1 error(s) in %2; nothing sent (promdesk-cli validate --target pushgateway --fix repairs "
                         "what is safe)\n")
                      .arg(QString::number(parser.stats().errors), input.displayName());
        *exit = ExitRejected;
        return std::nullopt;
    }
    push.clean = parser.problems().isEmpty() && push.options.format == ExpositionFormat::Text;
    push.samples = parser.stats().samples;
    push.displayName = input.displayName();
    return push;
}

std::optional<MetricSet> readMetrics(const QString &path, Io &io, int *exit)
{
    const std::optional<PushInput> input = readPushInput(path, io, exit);
    if (!input)
        return std::nullopt;
    return input->metrics();
}

// Sends one request and waits for its answer. Ctrl+C (or SIGTERM) lets the answer come for a
// few seconds and then stops waiting; a second one stops at once. `interrupted` says whether it
// stopped the wait.
HttpResult sendWatched(HttpClient &http, const HttpRequest &request, Io &io, const InterruptWatch &watch,
                       bool *interrupted)
{
    QEventLoop loop;
    HttpResult result;
    HttpCall *call = http.send(request);
    QObject::connect(call, &HttpCall::finished, &loop, [&](const HttpResult &r) {
        result = r;
        loop.quit();
    });
    QPointer<HttpCall> pending(call);
    QObject::connect(&watch, &InterruptWatch::interrupted, &loop, [&](int count) {
        if (count == 1) {
            io.err << "promdesk-cli: "
                   << Tr::tr("interrupted; the request is on its way: waiting up to %1 s for its answer (interrupt "
                             "again to stop waiting)\n")
                          .arg(kInterruptGraceMs / 1000);
            QTimer::singleShot(kInterruptGraceMs, &loop, [&] {
                if (pending)
                    pending->cancel();
            });
        } else if (pending) {
            pending->cancel();
        }
    });
    loop.exec();
    *interrupted = watch.count() > 0 && result.category == ErrorCategory::Cancelled;
    return result;
}

// Flags of push that do not go together, said in words (true: they conflict).
bool pushFlagsConflict(bool replace, bool merge, const QString &format, bool noCheck, bool live, Io &io)
{
    if (replace && merge) {
        io.err << "promdesk-cli: " << Tr::tr("choose --replace or --merge\n");
        return true;
    }
    if (format != u"text" && format != u"protobuf") {
        io.err << "promdesk-cli: " << Tr::tr("--format is text or protobuf\n");
        return true;
    }
    if (noCheck && format != u"text") {
        io.err << "promdesk-cli: " << Tr::tr("--no-check sends the input as it is: text format only\n");
        return true;
    }
    if (noCheck && live) {
        io.err << "promdesk-cli: "
               << Tr::tr("--no-check sends the input once, as it is; it does not go with --every, --set, "
                         "--instances or --verify\n");
        return true;
    }
    return false;
}

// An empty input is most often a producer that failed (`false | promdesk-cli push ... -`), and a
// replace with nothing empties the group: refused (after saying why) unless --allow-empty, and
// then said. An input sent unchecked has lines, with errors: the gateway decides what they are.
bool refusesEmptyPush(const PushInput &input, const GroupingKey &key, bool merge, bool allowEmpty, Io &io)
{
    if (input.samples != 0 || input.unchecked)
        return false;
    if (!allowEmpty) {
        //: %1 the input's name, %2 the group's grouping key
        io.err << "promdesk-cli: "
               << (merge ? Tr::tr("%1 has no samples; nothing sent. Pushing nothing would change nothing but the push "
                                  "time of the group %2. To empty it on purpose, give --allow-empty; to remove it, use "
                                  "promdesk-cli delete.\n")
                         : Tr::tr("%1 has no samples; nothing sent. Pushing nothing would empty the group %2. To empty "
                                  "it on purpose, give --allow-empty; to remove it, use promdesk-cli delete.\n"))
                      .arg(input.displayName, key.toString());
        return true;
    }
    //: %1 the input's name, %2 the group's grouping key
    io.err << "promdesk-cli: warning: "
           << (merge ? Tr::tr("%1 has no samples; merging nothing into %2 (--allow-empty)\n")
                     : Tr::tr("%1 has no samples; replacing with an empty body %2 (--allow-empty)\n"))
                  .arg(input.displayName, key.toString());
    return false;
}

// push --preview: what the push will change in the gateway's groups as they are now; the exit
// code when the groups cannot be read.
std::optional<int> printPreview(PushgatewayClient &client, const MetricSet &metrics, const GroupingKey &key,
                                PushMethod method, Io &io)
{
    const auto [result, groups, error] = listGroups(client);
    if (!groups) {
        reportResult(result, Tr::tr("listing groups for the preview"), io);
        return result.ok() ? ExitRejected : exitCodeFor(result);
    }
    io.out << renderPreview(previewPush(metrics, key, method, *groups));
    io.out.flush();
    return std::nullopt;
}

// The query API a --verify reads, with the gateway's credentials and TLS, and a shorter timeout.
QueryEndpoint arrivalQueryLike(const GatewayEndpoint &endpoint)
{
    return {{},
            endpoint.credentials,
            endpoint.tls,
            endpoint.proxy,
            endpoint.extraHeaders,
            std::min(endpoint.timeoutMs, 10000)};
}

} // namespace

int runPush(const QStringList &arguments, Io &io)
{
    //: Command synopsis: the command and option names stay as they are.
    const QString usage
        = Tr::tr("promdesk-cli push --url URL --job JOB [--group NAME=VALUE]... [--replace|--merge] "
                 "[--format text|protobuf] [--gzip] [--allow-empty] [--no-check] [--user USER --password-stdin "
                 "| --bearer-stdin]\n"
                 "       [--every DURATION [--count N | --for DURATION]] [--set SERIES=GENERATOR]... "
                 "[--instances NAME,NAME... [--same-group]]\n"
                 "       [--verify [--verify-timeout SECONDS] [--query-url URL]] FILE|-");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, true);
    const QCommandLineOption replace(QStringLiteral("replace"), Tr::tr("Replace the whole group (PUT; the default)."));
    const QCommandLineOption merge(QStringLiteral("merge"), Tr::tr("Replace only the pushed families (POST)."));
    const QCommandLineOption format(QStringLiteral("format"), Tr::tr("Body format: text (default) or protobuf."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption gzip(QStringLiteral("gzip"), Tr::tr("Compress the body (Pushgateway 1.5+)."));
    const QCommandLineOption preview(QStringLiteral("preview"), Tr::tr("Print what the push will change first."));
    const QCommandLineOption allowEmpty(QStringLiteral("allow-empty"),
                                        Tr::tr("Push even when the input has no samples: a replace then empties the "
                                               "group. Without it, an empty input is refused."));
    const QCommandLineOption noCheck(
        QStringLiteral("no-check"),
        Tr::tr("Send the input as it is even when it has errors, to see the gateway's own "
               "verdict (text format only). Without it, an input with errors is refused."));
    parser.addOptions({replace, merge, format, gzip, preview, allowEmpty, noCheck});
    LiveOptions live;
    live.addTo(parser, true);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 Tr::tr("Metrics to push; '-' reads standard input "
                                        "(after the secret line, if one is read)."));
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage,
                         Tr::tr("Pushes metrics to a Pushgateway group: once, or with --every as a live job\n"
                                "(TMP's example pushes every 2s, each machine with its instance).\n"
                                "Exit codes: 0 sent (and arrived, with --verify), 1 refused, 2 usage, 3 network,\n"
                                "4 sent but not visible through the query URL in time; a repeated run exits\n"
                                "with the worst it met.\n"),
                         io))
        return *exit;
    if (pushFlagsConflict(parser.isSet(replace), parser.isSet(merge), parser.value(format), parser.isSet(noCheck),
                          live.requested(parser), io))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: " << Tr::tr("push takes one FILE (or '-')\n") << Tr::tr("Usage: %1\n").arg(usage);
        return ExitUsage;
    }
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    const std::optional<GroupingKey> key = endpoint ? gateway.groupingKey(parser, io) : std::nullopt;
    if (!endpoint || !key)
        return ExitUsage;
    std::optional<LiveOptions::Values> liveValues;
    if (live.requested(parser)) {
        liveValues = live.values(parser, gateway.profile() ? gateway.profile()->queryUrl : QString(), io);
        if (!liveValues)
            return ExitUsage;
    }
    int failure = ExitRejected;
    const std::optional<PushInput> input
        = readPushInput(parser.positionalArguments().constFirst(), io, &failure, parser.isSet(noCheck));
    if (!input)
        return failure;
    if (refusesEmptyPush(*input, *key, parser.isSet(merge), parser.isSet(allowEmpty), io))
        return ExitRejected;

    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    PushgatewayClient client(*endpoint, &http);
    client.setTag(gateway.tag());
    PushOptions options;
    options.method = parser.isSet(merge) ? PushMethod::Merge : PushMethod::Replace;
    options.format = parser.value(format) == u"protobuf" ? BodyFormat::Protobuf : BodyFormat::Text;
    options.gzip = parser.isSet(gzip);
    if (parser.isSet(preview)) {
        if (const std::optional<int> failed = printPreview(client, input->metrics(), *key, options.method, io))
            return *failed;
    }
    if (liveValues) {
        LiveJobSpec spec;
        spec.key = *key;
        spec.push = options;
        spec.draft = input->metrics();
        return runLiveJob(spec, *liveValues, &client, nullptr, http, arrivalQueryLike(*endpoint), endpoint->baseUrl,
                          gateway.tag(), io);
    }
    // A clean text file goes out as it is, and so does one sent unchecked; anything else is
    // written anew from the model.
    const bool asIs = (input->clean || input->unchecked) && options.format == BodyFormat::Text;
    const InterruptWatch watch;
    bool interrupted = false;
    const HttpResult result = sendWatched(http,
                                          asIs ? client.pushRequest(*key, input->bytes, options)
                                               : client.pushRequest(*key, input->metrics(), options),
                                          io, watch, &interrupted);
    reportResult(result,
                 QStringLiteral("%1 %2").arg(options.method == PushMethod::Replace ? QStringLiteral("PUT")
                                                                                   : QStringLiteral("POST"),
                                             redactUrl(client.groupUrl(*key))),
                 io, endpoint->credentials);
    return interrupted ? watch.exitCode() : exitCodeFor(result);
}

int runDelete(const QStringList &arguments, Io &io)
{
    //: Command synopsis: the command and option names stay as they are.
    const QString usage = Tr::tr("promdesk-cli delete --url URL --job JOB [--group NAME=VALUE]...");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, true);
    if (const std::optional<int> exit = parseArguments(
            parser, arguments, usage,
            Tr::tr("Deletes exactly one group. A group is matched by its whole grouping key:\n"
                   "{job=\"a\"} is not {job=\"a\",instance=\"x\"}. The gateway answers 202 even when the group\n"
                   "does not exist.\n"),
            io))
        return *exit;
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    const std::optional<GroupingKey> key = endpoint ? gateway.groupingKey(parser, io) : std::nullopt;
    if (!endpoint || !key)
        return ExitUsage;
    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    PushgatewayClient client(*endpoint, &http);
    client.setTag(gateway.tag());
    const InterruptWatch watch;
    bool interrupted = false;
    const HttpResult result = sendWatched(http, client.deleteRequest(*key), io, watch, &interrupted);
    reportResult(result, QStringLiteral("DELETE %1").arg(redactUrl(client.groupUrl(*key))), io, endpoint->credentials);
    return interrupted ? watch.exitCode() : exitCodeFor(result);
}

namespace {

// The gateway's groups, or nothing after saying why (`exit` then says how the command ends).
// `body`: the answer as the gateway wrote it.
std::optional<GatewayGroups> readGroups(PushgatewayClient &client, const GatewayEndpoint &endpoint, Io &io, int *exit,
                                        QByteArray *body = nullptr)
{
    const auto [result, groups, error] = listGroups(client);
    if (!result.ok()) {
        reportResult(result, QStringLiteral("GET /api/v1/metrics"), io, endpoint.credentials);
        *exit = exitCodeFor(result);
        return std::nullopt;
    }
    if (!groups) {
        io.err << "promdesk-cli: " << error << '\n';
        *exit = ExitRejected;
        return std::nullopt;
    }
    if (body)
        *body = result.body;
    return groups;
}

// `groups --json --job JOB`: the gateway's answer holding that job's groups alone, written as
// compactly as the gateway writes it.
QByteArray jobGroupsAsJson(const QByteArray &answer, const QString &job)
{
    QJsonDocument document = QJsonDocument::fromJson(answer);
    QJsonArray kept;
    for (const QJsonValue value : document.object().value(QStringLiteral("data")).toArray()) {
        if (value.toObject().value(QStringLiteral("labels")).toObject().value(QStringLiteral("job")).toString() == job)
            kept.append(value);
    }
    QJsonObject root = document.object();
    root.insert(QStringLiteral("data"), kept);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// "{job="x",instance="a"}  last pushed 2026-12-02 01:00:00 UTC, 3 h ago"
QString describePruned(const GatewayGroup &group, qint64 nowMs)
{
    const double pushed = group.pushTimeSeconds.value_or(0);
    if (pushed <= 0)
        //: %1 a group's grouping key
        return Tr::tr("%1  never pushed").arg(groupingKeyOf(group).toString());
    const qint64 pushedMs = qint64(pushed * 1000.0);
    //: %1 a group's grouping key, %2 a date and time, %3 how long ago, e.g. "3 h"
    return Tr::tr("%1  last pushed %2, %3 ago")
        .arg(groupingKeyOf(group).toString(), formatTimestamp(pushedMs), formatSpan(nowMs - pushedMs));
}

int runGroupsPrune(const QStringList &arguments, Io &io)
{
    //: Command synopsis: the command and option names stay as they are.
    const QString usage = Tr::tr("promdesk-cli groups prune --url URL [--profile NAME] --older-than DURATION "
                                 "[--match SELECTOR]... [--dry-run]");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, false);
    const QCommandLineOption olderThan(QStringLiteral("older-than"),
                                       Tr::tr("Only groups not pushed for longer than this: 90s, 15m, 2h, 7d."),
                                       QStringLiteral("DURATION"));
    const QCommandLineOption match(QStringLiteral("match"),
                                   Tr::tr("Only groups whose grouping key matches, e.g. 'job=~\"batch.*\"' or "
                                          "'job=\"x\",instance=\"a\"'. Repeatable: a group matching any is chosen."),
                                   QStringLiteral("SELECTOR"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    Tr::tr("Print the groups that would be deleted; delete nothing."));
    parser.addOptions({olderThan, match, dryRun});
    if (const std::optional<int> exit = parseArguments(
            parser, arguments, usage,
            Tr::tr("Deletes the groups not pushed for longer than DURATION (and matching a selector), one DELETE\n"
                   "each, printing every group. The Pushgateway never expires groups itself; run this from cron.\n"),
            io))
        return *exit;
    PruneRule rule;
    QString error;
    if (!parser.isSet(olderThan)) {
        io.err << "promdesk-cli: "
               << Tr::tr("groups prune needs --older-than (a prune by selector alone would be too easy to get "
                         "wrong)\n")
               << Tr::tr("Usage: %1\n").arg(usage);
        return ExitUsage;
    }
    rule.olderThanMs = parseDurationMs(parser.value(olderThan), &error);
    if (!rule.olderThanMs) {
        io.err << "promdesk-cli: --older-than: " << error << '\n';
        return ExitUsage;
    }
    for (const QString &text : parser.values(match)) {
        std::optional<Selector> selector = parseSelector(text, &error);
        if (!selector) {
            io.err << "promdesk-cli: --match " << printable(text.toUtf8(), 60) << ": " << error << '\n';
            return ExitUsage;
        }
        rule.selectors.append(std::move(*selector));
    }
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    if (!endpoint)
        return ExitUsage;
    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    PushgatewayClient client(*endpoint, &http);
    client.setTag(gateway.tag());
    int failure = ExitOk;
    const std::optional<GatewayGroups> groups = readGroups(client, *endpoint, io, &failure);
    if (!groups)
        return failure;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<const GatewayGroup *> chosen = groupsToPrune(*groups, rule, now);
    if (chosen.isEmpty())
        io.err << "promdesk-cli: " << Tr::tr("no group matches; nothing deleted\n");
    int exit = ExitOk;
    const InterruptWatch watch;
    for (const GatewayGroup *group : chosen) {
        if (parser.isSet(dryRun)) {
            //: %1 a group and when it was last pushed
            io.out << Tr::tr("would delete %1\n").arg(describePruned(*group, now));
            continue;
        }
        bool interrupted = false;
        const GroupingKey key = groupingKeyOf(*group);
        const HttpResult deleted = sendWatched(http, client.deleteRequest(key), io, watch, &interrupted);
        if (interrupted)
            return watch.exitCode();
        if (deleted.ok()) {
            //: %1 a group and when it was last pushed
            io.out << Tr::tr("deleted %1\n").arg(describePruned(*group, now));
            io.out.flush();
            continue;
        }
        reportResult(deleted, QStringLiteral("DELETE %1").arg(redactUrl(client.groupUrl(key))), io,
                     endpoint->credentials);
        exit = exitCodeFor(deleted);
        if (exit == ExitNetwork) // the next ones would not get through either
            return exit;
    }
    return exit;
}

} // namespace

int runGroups(const QStringList &arguments, Io &io)
{
    if (arguments.value(1) == u"prune")
        return runGroupsPrune(subcommandArguments(arguments), io);
    //: Command synopsis: the command and option names stay as they are.
    const QString usage
        = Tr::tr("promdesk-cli groups --url URL [--job JOB] [--json]\n"
                 "       promdesk-cli groups prune --url URL --older-than DURATION [--match SELECTOR]... [--dry-run]");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, false);
    const QCommandLineOption job(QStringLiteral("job"), Tr::tr("Only the groups of this job."), QStringLiteral("JOB"));
    const QCommandLineOption json(
        QStringLiteral("json"),
        Tr::tr("Print the gateway's answer as JSON, verbatim; with --job, only that job's groups."));
    parser.addOptions({job, json});
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage, Tr::tr("Lists the groups a Pushgateway holds.\n"), io))
        return *exit;
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    if (!endpoint)
        return ExitUsage;
    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    PushgatewayClient client(*endpoint, &http);
    client.setTag(gateway.tag());
    int failure = ExitOk;
    QByteArray answer;
    std::optional<GatewayGroups> groups = readGroups(client, *endpoint, io, &failure, &answer);
    if (!groups)
        return failure;
    if (parser.isSet(json)) {
        // The answer as it came (reading the groups showed it is whole JSON), with no second
        // parse; the groups' memory goes before it is printed.
        groups.reset();
        const QByteArray printed = parser.isSet(job) ? jobGroupsAsJson(answer, parser.value(job)) : answer;
        const bool written = writeOutput({}, printed, io) && (printed.endsWith('\n') || writeOutput({}, "\n", io));
        return written ? ExitOk : ExitUsage;
    }
    renderGroups(io.out, *groups, parser.value(job));
    return ExitOk;
}

int runPreview(const QStringList &arguments, Io &io)
{
    //: Command synopsis: the command and option names stay as they are.
    const QString usage
        = Tr::tr("promdesk-cli preview --url URL --job JOB [--group NAME=VALUE]... [--replace|--merge] FILE|-");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, true);
    const QCommandLineOption replace(QStringLiteral("replace"), Tr::tr("Preview a replace (PUT; the default)."));
    const QCommandLineOption merge(QStringLiteral("merge"), Tr::tr("Preview a merge (POST)."));
    parser.addOptions({replace, merge});
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The metrics that would be pushed."));
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage,
                         Tr::tr("Shows what a push would add, replace and remove in the live gateway, without sending\n"
                                "it. Exit 0, or 1 when the gateway would refuse the push.\n"),
                         io))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: " << Tr::tr("preview takes one FILE (or '-')\n") << Tr::tr("Usage: %1\n").arg(usage);
        return ExitUsage;
    }
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    const std::optional<GroupingKey> key = endpoint ? gateway.groupingKey(parser, io) : std::nullopt;
    if (!endpoint || !key)
        return ExitUsage;
    int failure = ExitRejected;
    const std::optional<MetricSet> metrics = readMetrics(parser.positionalArguments().constFirst(), io, &failure);
    if (!metrics)
        return failure;
    HttpClient http;
    if (!gateway.prepare(parser, http, io))
        return ExitUsage;
    PushgatewayClient client(*endpoint, &http);
    client.setTag(gateway.tag());
    const auto [result, groups, error] = listGroups(client);
    if (!groups) {
        reportResult(result, QStringLiteral("GET /api/v1/metrics"), io);
        if (!error.isEmpty())
            io.err << "promdesk-cli: " << error << '\n';
        return result.ok() ? ExitRejected : exitCodeFor(result);
    }
    const OverwritePreview preview
        = previewPush(*metrics, *key, parser.isSet(merge) ? PushMethod::Merge : PushMethod::Replace, *groups);
    io.out << renderPreview(preview);
    return preview.blocked() ? ExitRejected : ExitOk;
}

} // namespace promdesk::cli
