#include "StandardStreams.h"

#include "CliSupport.h"
#include "TerminalSafeDevice.h"
#include "util/Translations.h"

#include <QCoreApplication>

#include <memory>

namespace promdesk::cli {

namespace {

// Installs the language of --lang, wherever it is on the command line, else the system's; and
// returns the arguments without --lang, which no command knows. Nothing, after saying why, when
// --lang names no language PromDesk carries.
std::optional<QStringList> useLanguage(const QStringList &arguments, QTextStream &err)
{
    if (const std::optional<QString> refusal = useRequestedLanguage(arguments, QString())) {
        err << "promdesk-cli: " << *refusal << '\n';
        return std::nullopt;
    }
    return withoutLanguageArgument(arguments);
}

} // namespace

int runOverStandardStreams(int argc, char *argv[], int (*command)(const QStringList &, Io &))
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("promdesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROMDESK_VERSION));

    QFile in;
    QFile out;
    QFile errFile;
    in.open(stdin, QIODevice::ReadOnly);
    out.open(stdout, QIODevice::WriteOnly);
    errFile.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    // Nothing from outside — a server's answer, a file's bytes — may drive the operator's terminal.
    std::unique_ptr<TerminalSafeDevice> safeOut;
    std::unique_ptr<TerminalSafeDevice> safeErr;
    if (isTerminal(1))
        safeOut = std::make_unique<TerminalSafeDevice>(&out);
    if (isTerminal(2))
        safeErr = std::make_unique<TerminalSafeDevice>(&errFile);
    QIODevice &outDevice = safeOut ? static_cast<QIODevice &>(*safeOut) : out;
    QTextStream outText(&outDevice);
    QTextStream errText(safeErr ? static_cast<QIODevice *>(safeErr.get()) : &errFile);
    Io io{in, outDevice, outText, errText};
    const std::optional<QStringList> arguments = useLanguage(QCoreApplication::arguments(), errText);
    const int exitCode = arguments ? command(*arguments, io) : ExitUsage;
    outText.flush();
    errText.flush();
    return exitCode;
}

int runValidateCommandLine(const QStringList &arguments, Io &io)
{
    return runValidate(subcommandArguments(arguments), io);
}

} // namespace promdesk::cli
