#pragma once

#include <QFile>
#include <QIODevice>
#include <QStringList>
#include <QTextStream>

namespace promdesk::cli {

// Exit codes shared by every command (scripts rely on them).
enum ExitCode : int {
    ExitOk = 0,
    ExitRejected = 1,   // validation errors, or the server refused
    ExitUsage = 2,      // bad arguments, unreadable or unwritable files
    ExitNetwork = 3,    // cannot connect, TLS, timeout
    ExitNotVisible = 4, // sent, but not visible through the query URL in time (--verify)
};

// Where a command reads and writes. Data goes to `out` (or `outFile` for binary data), and
// messages for people go to `err`. On a terminal, `outFile` and the streams escape control
// characters (TerminalSafeDevice).
struct Io
{
    QFile &inFile;
    QIODevice &outFile;
    QTextStream &out;
    QTextStream &err;
};

int run(const QStringList &arguments, Io &io);

int runValidate(const QStringList &arguments, Io &io);
int runConvert(const QStringList &arguments, Io &io);
int runPush(const QStringList &arguments, Io &io);
int runDelete(const QStringList &arguments, Io &io);
int runGroups(const QStringList &arguments, Io &io);
int runPreview(const QStringList &arguments, Io &io);
int runDemo(const QStringList &arguments, Io &io);
int runWrite(const QStringList &arguments, Io &io);
int runBackfill(const QStringList &arguments, Io &io);
int runProfile(const QStringList &arguments, Io &io);
int runHistory(const QStringList &arguments, Io &io);
int runScrape(const QStringList &arguments, Io &io);
int runTemplate(const QStringList &arguments, Io &io);

} // namespace promdesk::cli
