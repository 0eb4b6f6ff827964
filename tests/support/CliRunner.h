#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace promdesk::test {

struct CliRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray out;
    QByteArray err;
};

// Runs the real promdesk-cli binary with `input` on its standard input.
inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(PROMDESK_CLI), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input.constData(), input.size());
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace promdesk::test
