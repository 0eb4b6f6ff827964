#include "cli/Cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

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
    QTextStream outText(&out);
    QTextStream errText(&errFile);
    promdesk::cli::Io io{in, out, outText, errText};
    const int exitCode = promdesk::cli::run(QCoreApplication::arguments(), io);
    outText.flush();
    errText.flush();
    return exitCode;
}
