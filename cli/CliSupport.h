#pragma once

#include "Cli.h"
#include "exposition/TextParser.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace promdesk::cli {

// Prints the parser's option list under our own usage line (Qt's would name the binary only).
void printHelp(const QCommandLineParser &parser, const QString &usage, const QString &description, QTextStream &out);

// Parses `arguments`; on --help prints help and returns ExitOk, on a bad option prints the error
// and returns ExitUsage; otherwise returns nothing and the caller goes on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
                                  const QString &description, Io &io);

// "promdesk-cli history show 3" → {"promdesk-cli history", "show", "3"} becomes, for the
// sub-command's own parser, {"promdesk-cli history show", "3"}: it names itself in messages.
QStringList subcommandArguments(const QStringList &arguments);

// A named input: a file path, or "-" for standard input.
class Input
{
public:
    Input(QString path, Io &io);
    [[nodiscard]] QString displayName() const { return m_path == u"-" ? QStringLiteral("<stdin>") : m_path; }
    // Opens the input; on failure says so on standard error, naming the path and the reason.
    bool open();
    // "auto" looks at the head and the tail of the input; this reads stdin fully to see its tail.
    ExpositionFormat detect();
    // Reads the next chunk; empty at the end.
    QByteArray read(qint64 maxSize);
    QByteArray readAll();
    // The open regular file, which can be read at any offset; nullptr for stdin and pipes.
    [[nodiscard]] QFile *regularFile();

private:
    QString m_path;
    Io &m_io;
    QFile m_file;
    QIODevice *m_device = nullptr;
    QByteArray m_pending; // bytes already read for detection, returned first
};

// Each problem on a line of its own, as formatProblem words it.
void printProblems(QTextStream &stream, const QList<Problem> &problems);

std::optional<ExpositionFormat> formatOption(const QString &value); // "auto" → nullopt
enum class FileAccess {
    Shared,  // as the umask says: metrics, converted files
    Private, // 0600: profile exports, request bodies from the history
};
// Writes `bytes` to `path` ("-" or empty: standard output), whole or not at all.
bool writeOutput(const QString &path, QByteArrayView bytes, Io &io, FileAccess access = FileAccess::Shared);

} // namespace promdesk::cli
