#include "Cli.h"
#include "TerminalSafeDevice.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
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
    std::unique_ptr<promdesk::cli::TerminalSafeDevice> safeOut;
    std::unique_ptr<promdesk::cli::TerminalSafeDevice> safeErr;
    if (promdesk::cli::isTerminal(1))
        safeOut = std::make_unique<promdesk::cli::TerminalSafeDevice>(&out);
    if (promdesk::cli::isTerminal(2))
        safeErr = std::make_unique<promdesk::cli::TerminalSafeDevice>(&errFile);
    QIODevice &outDevice = safeOut ? static_cast<QIODevice &>(*safeOut) : out;
    QTextStream outText(&outDevice);
    QTextStream errText(safeErr ? static_cast<QIODevice *>(safeErr.get()) : &errFile);
    promdesk::cli::Io io{in, outDevice, outText, errText};
    const int exitCode = promdesk::cli::run(QCoreApplication::arguments(), io);
    outText.flush();
    errText.flush();
    return exitCode;
}
