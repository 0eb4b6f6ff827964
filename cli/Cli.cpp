#include "Cli.h"

#include "CliHistory.h"
#include "CliSupport.h"
#include "util/Translations.h"

#include <QCoreApplication>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &, Io &);
};

constexpr Command kCommands[] = {
    {"validate", QT_TRANSLATE_NOOP("Cli", "check exposition files and list every problem, optionally fixing them"),
     runValidate},
    {"convert", QT_TRANSLATE_NOOP("Cli", "convert between text 0.0.4, OpenMetrics and protobuf-delimited"), runConvert},
    {"scrape",
     QT_TRANSLATE_NOOP("Cli", "read an exporter's metrics as Prometheus scrapes them, to compose or push from"),
     runScrape},
    {"template",
     QT_TRANSLATE_NOOP("Cli", "list the Compose templates, or write one (with the grouping key it is meant for)"),
     runTemplate},
    {"push", QT_TRANSLATE_NOOP("Cli", "push metrics to a Pushgateway group (replace with PUT, merge with POST)"),
     runPush},
    {"delete", QT_TRANSLATE_NOOP("Cli", "delete one Pushgateway group"), runDelete},
    {"groups", QT_TRANSLATE_NOOP("Cli", "list a Pushgateway's groups, or prune the stale ones"), runGroups},
    {"preview", QT_TRANSLATE_NOOP("Cli", "show what a push would add, replace and remove, without sending it"),
     runPreview},
    {"write", QT_TRANSLATE_NOOP("Cli", "send metrics through Prometheus remote write (1.0, or 2.0 with fallback)"),
     runWrite},
    {"backfill", QT_TRANSLATE_NOOP("Cli", "plan and send past samples through remote write, in batches, with retries"),
     runBackfill},
    {"profile",
     QT_TRANSLATE_NOOP("Cli",
                       "manage profiles (add, list, show, remove, test, export, import); secrets in the keychain"),
     runProfile},
    {"history", QT_TRANSLATE_NOOP("Cli", "list, show, re-send or copy as curl the requests sent before"), runHistory},
    {"demo", QT_TRANSLATE_NOOP("Cli", "demonstrate grouping-key overwrites against a Pushgateway ('demo overwrite')"),
     runDemo},
};

void printUsage(QTextStream &stream)
{
    stream << Tr::tr("Usage: promdesk-cli COMMAND [OPTIONS]\n\n"
                     "PromDesk's command line: the same core as the promdesk console.\n\nCommands:\n");
    for (const Command &command : kCommands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(12) << Tr::tr(command.summary) << '\n';
    stream << '\n'
           << Tr::tr("Every command takes --lang LANG: its messages and help in LANG, system or one of %1\n"
                     "(default: the system's language).\n")
                  .arg(availableLanguages().join(QStringLiteral(", ")));
    stream << Tr::tr("\nRun 'promdesk-cli COMMAND --help' for a command's options.\n"
                     "Exit codes: 0 done; 1 rejected by validation or the server; 2 usage or I/O error; "
                     "3 network, TLS or timeout.\n");
}

} // namespace

int run(const QStringList &arguments, Io &io)
{
    if (arguments.size() < 2 || arguments.at(1) == u"--help" || arguments.at(1) == u"-h"
        || arguments.at(1) == u"help") {
        printUsage(arguments.size() < 2 ? io.err : io.out);
        return arguments.size() < 2 ? ExitUsage : ExitOk;
    }
    if (arguments.at(1) == u"--version") {
        io.out << "promdesk-cli " << PROMDESK_VERSION << '\n';
        return ExitOk;
    }
    for (const Command &command : kCommands) {
        if (arguments.at(1) == QLatin1String(command.name)) {
            // The command sees "promdesk-cli COMMAND ..." so its parser names it in messages.
            const QStringList rest = subcommandArguments(arguments);
            // Commands that talk to servers open the history while they read their input.
            if (command.run != runValidate && command.run != runConvert && command.run != runTemplate)
                startCliHistory();
            const int exitCode = command.run(rest, io);
            closeCliHistory(io);
            return exitCode;
        }
    }
    io.err << "promdesk-cli: " << Tr::tr("unknown command '%1'").arg(arguments.at(1)) << "\n\n";
    printUsage(io.err);
    return ExitUsage;
}

} // namespace promdesk::cli
