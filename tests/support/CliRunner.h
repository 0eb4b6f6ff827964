#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

namespace promdesk::test {

struct CliRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray out;
    QByteArray err;
};

// Runs `program` with `input` on its standard input. The test's event loop runs meanwhile, so a
// scripted server in the test process answers it.
inline CliRun runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input.constData(), input.size());
    process.closeWriteChannel();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return CliRun{-1, process.readAllStandardOutput(), process.readAllStandardError()};
    }
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  process.readAllStandardOutput(), process.readAllStandardError()};
}

// Runs the real promdesk-cli binary, as runProgram does.
inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return runProgram(QStringLiteral(PROMDESK_CLI), arguments, input, environment);
}

// Runs a command line under a pseudo-terminal (util-linux's script), as an operator's terminal
// would show it; stdout and stderr both arrive in `out`.
inline CliRun onATerminal(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &argument : arguments)
        quoted << QLatin1Char('\'') + QString(argument).replace(QLatin1Char('\''), QLatin1String("'\\''"))
                + QLatin1Char('\'');
    QProcess process;
    process.start(QStringLiteral("script"),
                  {QStringLiteral("-qec"), quoted.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
    process.closeWriteChannel();
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    return CliRun{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace promdesk::test
