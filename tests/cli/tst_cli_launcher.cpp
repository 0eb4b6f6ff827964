// promdesk-cli runs `validate` itself, in a program that needs QtCore alone, and hands every other
// command line, unchanged, to promdesk-cli-full.
#include "../support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using promdesk::test::CliRun;
using promdesk::test::runCli;
using promdesk::test::runProgram;

namespace {

const QString kFullProgram
    = QFileInfo(QStringLiteral(PROMDESK_CLI)).dir().filePath(QStringLiteral("promdesk-cli-full"));

// Copies a program to `path` (directories made), keeping it executable.
bool copyProgram(const QString &from, const QString &path)
{
    return QDir().mkpath(QFileInfo(path).path()) && QFile::copy(from, path);
}

} // namespace

class TestCliLauncher : public QObject
{
    Q_OBJECT

private slots:
    void needsNoLibraryBeyondQtCore_data();
    void needsNoLibraryBeyondQtCore();
    void validatesWithoutTheFullProgram();
    void saysWhatIsMissingForAnotherCommand();
    void handsOverArgumentsStreamsAndExitCode_data();
    void handsOverArgumentsStreamsAndExitCode();
    void findsTheFullProgramWhereItIsInstalled();
    void neverRunsAProgramFromTheCurrentDirectory();
};

void TestCliLauncher::needsNoLibraryBeyondQtCore_data()
{
    QTest::addColumn<QString>("library");
    for (const char *library : {"libQt6Network", "libQt6Sql", "libQt6DBus", "libqt6keychain", "libprotobuf",
                                "libsnappy", "libsqlite3", "libz."})
        QTest::newRow(library) << QString::fromLatin1(library);
}

void TestCliLauncher::needsNoLibraryBeyondQtCore()
{
    QFETCH(QString, library);
    const CliRun readelf = runProgram(QStringLiteral("readelf"), {QStringLiteral("-d"), QStringLiteral(PROMDESK_CLI)});
    QCOMPARE(readelf.exitCode, 0);
    QVERIFY(readelf.out.contains("libQt6Core.so")); // the listing is the one expected
    QVERIFY2(!readelf.out.contains(library.toLatin1()), readelf.out.constData());
}

void TestCliLauncher::validatesWithoutTheFullProgram()
{
    QTemporaryDir dir;
    const QString alone = dir.filePath(QStringLiteral("bin/promdesk-cli"));
    QVERIFY(copyProgram(QStringLiteral(PROMDESK_CLI), alone));
    const CliRun run = runProgram(alone, {QStringLiteral("validate"), QStringLiteral("-")}, "# TYPE up gauge\nup 1\n");
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("0 error(s)"), run.err.constData());
}

void TestCliLauncher::saysWhatIsMissingForAnotherCommand()
{
    QTemporaryDir dir;
    const QString alone = dir.filePath(QStringLiteral("bin/promdesk-cli"));
    QVERIFY(copyProgram(QStringLiteral(PROMDESK_CLI), alone));
    const CliRun run = runProgram(alone, {QStringLiteral("push"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("cannot start") && run.err.contains("promdesk-cli-full"), run.err.constData());
    QVERIFY2(run.err.contains("'validate'"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliLauncher::handsOverArgumentsStreamsAndExitCode_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << QByteArray();
    QTest::newRow("no command") << QStringList{} << QByteArray();
    QTest::newRow("unknown command") << QStringList{QStringLiteral("validat")} << QByteArray();
    QTest::newRow("standard input and an argument with spaces and quotes")
        << QStringList{QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("openmetrics"),
                       QStringLiteral("-")}
        << QByteArray("# HELP a Says \"it's\" a gauge.\n# TYPE a gauge\na{p=\"/x y\"} 1\n");
    QTest::newRow("usage error") << QStringList{QStringLiteral("push"), QStringLiteral("--no-such-option")}
                                 << QByteArray();
}

void TestCliLauncher::handsOverArgumentsStreamsAndExitCode()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    const CliRun viaLauncher = runCli(arguments, input);
    const CliRun direct = runProgram(kFullProgram, arguments, input);
    QVERIFY(direct.exitCode >= 0);
    QCOMPARE(viaLauncher.exitCode, direct.exitCode);
    QCOMPARE(viaLauncher.out, direct.out);
    QCOMPARE(viaLauncher.err, direct.err);
}

void TestCliLauncher::findsTheFullProgramWhereItIsInstalled()
{
    // The launcher deep enough in the temporary directory that the installed relative path, with
    // however many "../" it starts with, stays inside it.
    QTemporaryDir root;
    const QString fromBinDir = QStringLiteral(PROMDESK_CLI_FULL_FROM_BINDIR);
    const int levelsUp = int(fromBinDir.count(QStringLiteral("../")));
    const QString binDir = root.filePath(QStringLiteral("d/").repeated(levelsUp) + QStringLiteral("bin"));
    const QString launcher = binDir + QStringLiteral("/promdesk-cli");
    QVERIFY(copyProgram(QStringLiteral(PROMDESK_CLI), launcher));
    const QString full = QDir::cleanPath(binDir + u'/' + fromBinDir);
    QVERIFY2(full.startsWith(root.path()), qPrintable(full));
    QVERIFY(copyProgram(kFullProgram, full));
    const CliRun run = runProgram(launcher, {QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith("promdesk-cli "), run.out.constData());
}

// Without /proc the launcher cannot tell where it is: it must then refuse, not look for
// promdesk-cli-full relative to the current directory, where anyone may have put one. Needs a
// private mount namespace (root and unshare): elsewhere there is nothing to run it in.
void TestCliLauncher::neverRunsAProgramFromTheCurrentDirectory()
{
    if (geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        QSKIP("needs root and unshare(1) for a mount namespace without /proc");
    QTemporaryDir planted;
    for (const QString &path :
         {QStringLiteral("promdesk-cli-full"), QStringLiteral("../libexec/promdesk/promdesk-cli-full")}) {
        const QString file = QDir::cleanPath(planted.filePath(QStringLiteral("cwd/") + path));
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        QFile script(file);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho PLANTED\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    }
    const QString command = QStringLiteral("umount -l /proc && cd '%1' && exec '%2' push --help")
                                .arg(planted.filePath(QStringLiteral("cwd")), QStringLiteral(PROMDESK_CLI));
    const CliRun run = runProgram(QStringLiteral("unshare"),
                                  {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), command});
    if (run.exitCode != 2 && run.err.contains("umount"))
        QSKIP("this machine does not let /proc be unmounted in a new mount namespace");
    QVERIFY2(!run.out.contains("PLANTED"), run.out.constData());
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // A sanitizer's runtime reads /proc as the program starts, and stops it there (exit 1).
    QSKIP("built with a sanitizer: only that nothing planted ran is checked without /proc");
#endif
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("cannot tell where promdesk-cli is"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliLauncher)
#include "tst_cli_launcher.moc"
