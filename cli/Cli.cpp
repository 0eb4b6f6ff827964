#include "Cli.h"

#include "CliHistory.h"
#include "CliSupport.h"

namespace promdesk::cli {

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &, Io &);
};

constexpr Command kCommands[] = {
    {"validate", "check exposition files and list every problem, optionally fixing them", runValidate},
    {"convert", "convert between text 0.0.4, OpenMetrics and protobuf-delimited", runConvert},
    {"scrape", "read an exporter's metrics as Prometheus scrapes them, to compose or push from", runScrape},
    {"template", "list the Compose templates, or write one (with the grouping key it is meant for)", runTemplate},
    {"push", "push metrics to a Pushgateway group (replace with PUT, merge with POST)", runPush},
    {"delete", "delete one Pushgateway group", runDelete},
    {"groups", "list a Pushgateway's groups, or prune the stale ones", runGroups},
    {"preview", "show what a push would add, replace and remove, without sending it", runPreview},
    {"write", "send metrics through Prometheus remote write (1.0, or 2.0 with fallback)", runWrite},
    {"backfill", "plan and send past samples through remote write, in batches, with retries", runBackfill},
    {"profile", "manage profiles (add, list, show, remove, test, export, import); secrets in the keychain", runProfile},
    {"history", "list, show, re-send or copy as curl the requests sent before", runHistory},
    {"demo", "demonstrate grouping-key overwrites against a Pushgateway ('demo overwrite')", runDemo},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: promdesk-cli COMMAND [OPTIONS]\n\n"
              "PromDesk's command line: the same core as the promdesk console.\n\nCommands:\n";
    for (const Command &command : kCommands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(12) << command.summary << '\n';
    stream << "\nRun 'promdesk-cli COMMAND --help' for a command's options.\n"
              "Exit codes: 0 done; 1 rejected by validation or the server; 2 usage or I/O error; "
              "3 network, TLS or timeout.\n";
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
    io.err << "promdesk-cli: unknown command '" << arguments.at(1) << "'\n\n";
    printUsage(io.err);
    return ExitUsage;
}

} // namespace promdesk::cli
