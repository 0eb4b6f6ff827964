#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "history/BodyDecoder.h"
#include "history/CurlExport.h"
#include "history/Resend.h"
#include "net/Redactor.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)
};

const QString kUsage
    = QStringLiteral("promdesk-cli history list [--failed] [--profile NAME] [--operation OP] [--limit N] [--json]\n"
                     "       promdesk-cli history show ID\n"
                     "       promdesk-cli history curl ID [--output DIR] [--reveal]\n"
                     "       promdesk-cli history resend ID [--profile NAME]\n"
                     "       promdesk-cli history prune [--max-entries N] [--max-age-days D] [--max-mb M]");

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString outcomeText(const HistoryEntry &e)
{
    if (e.finishedAtMs == 0)
        return Tr::tr("outcome unknown");
    return e.status ? QStringLiteral("%1 %2").arg(e.status).arg(e.outcome) : e.outcome;
}

QJsonObject toJson(const HistoryEntry &e)
{
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("startedAt"), formatTimestamp(e.startedAtMs)},
        {QStringLiteral("profile"), e.tag.profile},
        {QStringLiteral("target"), e.tag.target},
        {QStringLiteral("operation"), e.tag.operation},
        {QStringLiteral("groupingKey"), e.tag.groupingKey},
        {QStringLiteral("parentId"), e.tag.parentId},
        {QStringLiteral("resendOf"), e.tag.resendOf},
        {QStringLiteral("attempt"), e.tag.attempt},
        {QStringLiteral("method"), QString::fromLatin1(e.method)},
        {QStringLiteral("url"), e.url},
        {QStringLiteral("outcome"), e.finishedAtMs ? e.outcome : QStringLiteral("unknown")},
        {QStringLiteral("status"), e.status},
        {QStringLiteral("durationMs"), e.durationMs},
        {QStringLiteral("requestBytes"), e.requestBodySize},
        {QStringLiteral("responseBytes"), e.responseBodySize},
        {QStringLiteral("arrivalMs"), e.arrivalMs ? QJsonValue(*e.arrivalMs) : QJsonValue()},
        {QStringLiteral("arrival"), e.arrival},
        {QStringLiteral("responseCut"), e.responseBodyTruncated},
        {QStringLiteral("redacted"), e.redacted},
        {QStringLiteral("error"), e.errorText},
    };
}

std::optional<qint64> idArgument(const QCommandLineParser &parser, Io &io)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || id <= 0) {
        io.err << "promdesk-cli: " << Tr::tr("give the entry's ID (promdesk-cli history list shows them)\n");
        return std::nullopt;
    }
    return id;
}

// Reading failed (not: found nothing): says why and what to do, and clears the failure (it is
// no failure to record requests).
bool readFailed(HistoryDatabase &history, Io &io)
{
    const HistoryError error = history.lastError();
    if (!error.failed())
        return false;
    history.clearError();
    io.err << "promdesk-cli: " << Tr::tr("cannot read the history: %1\n").arg(error.describe());
    if (error.fault == HistoryFault::Corrupt)
        io.err << Tr::tr("The next promdesk-cli history command, or the console, moves the damaged file aside and "
                         "starts a new one; a copy of what could be read stays in it for inspection.\n");
    return true;
}

std::optional<HistoryEntry> load(HistoryDatabase &history, qint64 id, Io &io)
{
    const std::optional<HistoryEntry> entry = history.get(id);
    if (!entry && !readFailed(history, io))
        io.err << "promdesk-cli: " << Tr::tr("there is no history entry %1\n").arg(id);
    return entry;
}

// The profile's secret and its secret headers' values, from the keychain.
std::optional<SecretResult> secretsOf(const QString &profileName, Io &io)
{
    ProfileStore store(ProfileStore::defaultPath());
    const std::optional<Profile> profile = store.find(profileName);
    if (!profile) {
        io.err << "promdesk-cli: " << Tr::tr("no profile named '%1'\n").arg(profileName);
        return std::nullopt;
    }
    const SecretResult secret = readProfileSecrets(*profile);
    if (!secret.ok()) {
        io.err << "promdesk-cli: " << secret.message << '\n';
        return std::nullopt;
    }
    return secret;
}

void printHeaders(const HttpHeaders &headers, Io &io)
{
    for (const auto &header : headers)
        io.out << "  " << QString::fromLatin1(header.first) << ": " << QString::fromUtf8(header.second) << '\n';
}

int show(HistoryDatabase &history, qint64 id, Io &io)
{
    const std::optional<HistoryEntry> entry = load(history, id, io);
    if (!entry)
        return ExitUsage;
    const HistoryEntry &e = *entry;
    //: After the entry's number, time and operation: the profile it was sent with.
    io.out << "#" << e.id << "  " << when(e.startedAtMs) << " UTC  " << e.tag.operation
           << (e.tag.profile.isEmpty() ? QString() : QStringLiteral("  ") + Tr::tr("profile %1").arg(e.tag.profile))
           << (e.tag.attempt > 1 ? QStringLiteral("  ") + Tr::tr("attempt %1").arg(e.tag.attempt) : QString())
           << (e.tag.resendOf ? QStringLiteral("  ") + Tr::tr("re-send of #%1").arg(e.tag.resendOf) : QString())
           << '\n';
    if (!e.tag.groupingKey.isEmpty())
        io.out << Tr::tr("grouping key %1\n").arg(e.tag.groupingKey);
    io.out << '\n' << Tr::tr("Request: %1 %2").arg(QString::fromLatin1(e.method), e.url) << '\n';
    printHeaders(e.requestHeaders, io);
    const DecodedBody body = decodeRequestBody(e);
    //: %1: a size in bytes; %2: what the body holds, as the decoder names it.
    io.out << "  " << Tr::tr("body: %1 bytes, %2").arg(QString::number(e.requestBodySize), body.kind)
           << (body.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(body.error)) << '\n';
    if (!body.text.isEmpty())
        io.out << body.text << (body.text.endsWith(QLatin1Char('\n')) ? "" : "\n");
    io.out << '\n'
           << (e.finishedAtMs
                   ? Tr::tr("Response: %1 in %2 ms").arg(outcomeText(e), QString::number(e.durationMs))
                   : Tr::tr("Response: outcome unknown (no answer was recorded: the process stopped, or it is still "
                            "running)"))
           << '\n';
    if (!e.errorText.isEmpty())
        io.out << "  " << e.errorText << '\n';
    printHeaders(e.responseHeaders, io);
    if (e.samplesWritten)
        io.out << "  " << Tr::tr("samples written: %1").arg(*e.samplesWritten) << '\n';
    if (!e.arrival.isEmpty())
        io.out << '\n' << Tr::tr("Arrival: %1").arg(e.arrival) << '\n';
    if (e.redacted)
        io.out << "  " << Tr::tr("(secrets the server echoed back were masked before this answer was stored)") << '\n';
    if (e.responseBodyTruncated)
        io.out << "  "
               << Tr::tr("body: %1 bytes; the first %2 are kept")
                      .arg(QString::number(e.responseBodySize), QString::number(e.responseBody.size()))
               << '\n';
    if (!e.responseBody.isEmpty())
        io.out << QString::fromUtf8(e.responseBody) << (e.responseBody.endsWith('\n') ? "" : "\n");
    const QList<HistoryEntry> batches = history.children(e.id);
    if (readFailed(history, io))
        return ExitUsage;
    if (!batches.isEmpty()) {
        io.out << "\n" << Tr::tr("%1 request(s) under it:").arg(batches.size()) << '\n';
        for (const HistoryEntry &b : batches)
            io.out << "  #" << b.id
                   << "  "
                   //: %1: the outcome (HTTP status and result); %2: a duration; %3: the attempt's number.
                   << Tr::tr("%1  %2 ms  attempt %3")
                          .arg(outcomeText(b), QString::number(b.durationMs), QString::number(b.tag.attempt))
                   << (b.tag.groupingKey.isEmpty() || b.tag.groupingKey == e.tag.groupingKey
                           ? QString()
                           : QStringLiteral("  ") + b.tag.groupingKey)
                   << (b.arrival.isEmpty() ? QString() : QStringLiteral("  ") + b.arrival) << '\n';
    }
    return ExitOk;
}

int resend(HistoryDatabase &history, qint64 id, const QString &profileName, Io &io)
{
    const std::optional<HistoryEntry> entry = load(history, id, io);
    if (!entry)
        return ExitUsage;
    ResendRequest prepared = prepareResend(*entry, ProfileStore(ProfileStore::defaultPath()).profiles(), profileName);
    if (!prepared.ok()) {
        io.err << "promdesk-cli: " << prepared.error << '\n';
        return prepared.needsProfile ? ExitUsage : ExitRejected;
    }
    HttpRequest &request = prepared.request;
    if (prepared.needsSecret()) {
        const std::optional<SecretResult> secrets = secretsOf(prepared.profile->name, io);
        if (!secrets)
            return ExitUsage;
        prepared.applySecrets(secrets->secret, secrets->headers);
    }
    HttpClient http;
    recordHistory(http, io);
    const HttpResult result = await<HttpResult>(
        [&](QObject *context, auto done) { http.send(request, context, [done](const HttpResult &r) { done(r); }); });
    reportResult(result,
                 //: %1: the HTTP method; %2: the URL; %3: the history entry's number.
                 Tr::tr("%1 %2 (re-send of #%3)")
                     .arg(QString::fromLatin1(request.method), redactUrl(request.url), QString::number(id)),
                 io, request.credentials);
    return exitCodeFor(result);
}

// The flags of every history command; each command reads its own.
struct HistoryFlags
{
    QCommandLineOption failed{QStringLiteral("failed"),
                              Tr::tr("Only requests that did not succeed (unknown outcomes too).")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               Tr::tr("Only this profile's requests; for resend, send with it."),
                               QStringLiteral("NAME")};
    QCommandLineOption operation{QStringLiteral("operation"),
                                 Tr::tr("Only this operation (replace, merge, delete, write, backfill...)."),
                                 QStringLiteral("OP")};
    QCommandLineOption limit{QStringLiteral("limit"), Tr::tr("At most N entries (default 50)."), QStringLiteral("N"),
                             QStringLiteral("50")};
    QCommandLineOption json{QStringLiteral("json"), Tr::tr("Print JSON.")};
    QCommandLineOption output{QStringLiteral("output"), Tr::tr("curl: write binary bodies into DIR."),
                              QStringLiteral("DIR")};
    QCommandLineOption reveal{QStringLiteral("reveal"), Tr::tr("curl: put the secret itself in the command.")};
    QCommandLineOption maxEntries{QStringLiteral("max-entries"),
                                  Tr::tr("prune: keep at most N entries (default 100000)."), QStringLiteral("N"),
                                  QStringLiteral("100000")};
    QCommandLineOption maxAge{QStringLiteral("max-age-days"),
                              Tr::tr("prune: drop entries older than D days (default 90)."), QStringLiteral("D"),
                              QStringLiteral("90")};
    QCommandLineOption maxMb{QStringLiteral("max-mb"), Tr::tr("prune: keep the file under M MB (default 512)."),
                             QStringLiteral("M"), QStringLiteral("512")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({failed, profile, operation, limit, json, output, reveal, maxEntries, maxAge, maxMb});
        parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("An entry's number."));
    }
};

int listEntries(HistoryDatabase &history, const QCommandLineParser &parser, const HistoryFlags &flags, Io &io)
{
    HistoryFilter filter;
    filter.failedOnly = parser.isSet(flags.failed);
    filter.profile = parser.value(flags.profile);
    filter.operation = parser.value(flags.operation);
    filter.limit = std::max(1, parser.value(flags.limit).toInt());
    const QList<HistoryEntry> entries = history.list(filter);
    if (readFailed(history, io))
        return ExitUsage;
    if (parser.isSet(flags.json)) {
        QJsonArray array;
        for (const HistoryEntry &e : entries)
            array.append(toJson(e));
        io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const HistoryEntry &e : entries) {
        // One arg() call: a chained one would read the URL's escapes ("%3F") as its placeholders.
        io.out << QStringLiteral("#%1  %2  %3  %4 %5  %6  %7 ms%8%9\n")
                      .arg(QString::number(e.id), when(e.startedAtMs), e.tag.operation.leftJustified(14),
                           QString::fromLatin1(e.method), e.url, outcomeText(e), QString::number(e.durationMs),
                           e.tag.profile.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(e.tag.profile),
                           e.tag.groupingKey.isEmpty() ? QString() : QStringLiteral("  ") + e.tag.groupingKey);
    }
    if (entries.isEmpty())
        io.err << Tr::tr("No requests recorded yet.\n");
    return ExitOk;
}

int pruneHistory(HistoryDatabase &history, const QCommandLineParser &parser, const HistoryFlags &flags, Io &io)
{
    RetentionPolicy policy;
    policy.maxEntries = parser.value(flags.maxEntries).toInt();
    policy.maxAgeMs = qint64(parser.value(flags.maxAge).toDouble() * 86400000.0);
    policy.maxBytes = qint64(parser.value(flags.maxMb).toDouble() * 1024 * 1024);
    const HistoryDatabase::PruneResult result = history.prune(policy, QDateTime::currentMSecsSinceEpoch());
    if (!result.ok) {
        io.err << "promdesk-cli: " << Tr::tr("nothing was removed: %1\n").arg(history.lastError().describe());
        history.clearError();
        return ExitUsage;
    }
    io.err << Tr::tr("Removed %1 entries; the file went from %2 KiB to %3 KiB.\n")
                  .arg(QString::number(result.removed), QString::number(result.bytesBefore / 1024),
                       QString::number(result.bytesAfter / 1024));
    if (history.lastError().failed()) {
        io.err << "promdesk-cli: "
               << Tr::tr("the file could not be compacted: %1\n").arg(history.lastError().describe());
        history.clearError();
        return ExitUsage;
    }
    return ExitOk;
}

int exportAsCurl(HistoryDatabase &history, qint64 id, const QCommandLineParser &parser, const HistoryFlags &flags,
                 Io &io)
{
    const std::optional<HistoryEntry> entry = load(history, id, io);
    if (!entry)
        return ExitUsage;
    CurlOptions options;
    options.bodyDirectory = parser.value(flags.output);
    if (parser.isSet(flags.reveal) && entry->authKind != Credentials::Kind::None) {
        const std::optional<SecretResult> secret = secretsOf(entry->tag.profile, io);
        if (!secret)
            return ExitUsage;
        options.revealedSecret = secret->secret;
    }
    const CurlExport exported = exportCurl(*entry, options);
    if (!exported.refusal.isEmpty()) {
        io.err << "promdesk-cli: " << exported.refusal << '\n';
        return ExitUsage;
    }
    if (!exported.bodyFile.isEmpty()) {
        if (options.bodyDirectory.isEmpty()) {
            io.err << "promdesk-cli: "
                   << Tr::tr("this body cannot go inline in the command (it is binary, or text without a final "
                             "newline); give --output DIR to write it next to the command\n");
            return ExitUsage;
        }
        QDir().mkpath(options.bodyDirectory);
        if (!writeOutput(QDir(options.bodyDirectory).filePath(exported.bodyFileName), exported.bodyFile, io,
                         FileAccess::Private))
            return ExitUsage;
    }
    io.out << exported.command;
    if (!exported.note.isEmpty())
        io.err << Tr::tr("Note: %1.\n").arg(exported.note);
    return ExitOk;
}

} // namespace

int runHistory(const QStringList &arguments, Io &io)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == u"--help" || sub == u"-h") {
        (sub.isEmpty() ? io.err : io.out)
            << Tr::tr("Usage: %1").arg(kUsage) << "\n\n"
            << Tr::tr("Every request PromDesk sends is kept in %1,\nwith the server's answer verbatim and secrets "
                      "masked.\n")
                   .arg(HistoryDatabase::defaultPath());
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    QCommandLineParser parser;
    const HistoryFlags flags;
    flags.addTo(parser);
    if (const std::optional<int> exit
        = parseArguments(parser, subcommandArguments(arguments), kUsage, Tr::tr("The request history.\n"), io))
        return *exit;
    HistoryDatabase *history = cliHistory(io);
    if (!history) {
        io.err << "promdesk-cli: " << Tr::tr("the history is not available\n");
        return ExitUsage;
    }
    if (sub == u"list")
        return listEntries(*history, parser, flags, io);
    if (sub == u"prune")
        return pruneHistory(*history, parser, flags, io);
    const std::optional<qint64> id = idArgument(parser, io);
    if (!id)
        return ExitUsage;
    if (sub == u"show")
        return show(*history, *id, io);
    if (sub == u"resend")
        return resend(*history, *id, parser.value(flags.profile), io);
    if (sub == u"curl")
        return exportAsCurl(*history, *id, parser, flags, io);
    io.err << "promdesk-cli: " << Tr::tr("unknown history command '%1'").arg(sub) << '\n'
           << Tr::tr("Usage: %1").arg(kUsage) << '\n';
    return ExitUsage;
}

} // namespace promdesk::cli
