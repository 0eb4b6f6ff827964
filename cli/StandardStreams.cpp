#include "StandardStreams.h"

#include "CliSupport.h"
#include "TerminalSafeDevice.h"

#include <QCoreApplication>

#include <memory>

namespace promdesk::cli {

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
    const int exitCode = command(QCoreApplication::arguments(), io);
    outText.flush();
    errText.flush();
    return exitCode;
}

int runValidateCommandLine(const QStringList &arguments, Io &io)
{
    return runValidate(subcommandArguments(arguments), io);
}

} // namespace promdesk::cli
