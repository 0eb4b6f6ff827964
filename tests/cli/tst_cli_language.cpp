// The real promdesk-cli in the operator's language: the system's (LANGUAGE, LC_ALL, LC_MESSAGES,
// LANG) or --lang's; and, in every locale, the same numbers, timestamps and bodies.
#include "CliRunner.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

using promdesk::test::CliRun;

// The environment of an operator whose system speaks `locale`: LC_ALL, which the test runner sets
// to C, is taken away so that LANG decides, as on a desktop.
QProcessEnvironment speaking(const QString &locale)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LANG"), locale);
    return environment;
}

bool hasChinese(const QByteArray &text)
{
    const QString decoded = QString::fromUtf8(text);
    return std::any_of(decoded.cbegin(), decoded.cend(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// Values and timestamps as exporters write them, with the forms a locale could change: grouping,
// the decimal mark, exponents, a minus, the special values, and millisecond timestamps.
const QByteArray kMetrics = "# HELP job_duration_seconds Duration of the last run.\n"
                            "# TYPE job_duration_seconds gauge\n"
                            "job_duration_seconds{job=\"backup\",instance=\"db-1\"} 1234567.25 1700000000123\n"
                            "job_duration_seconds{job=\"backup\",instance=\"db-2\"} -0.000125 1700000000456\n"
                            "job_duration_seconds{job=\"backup\",instance=\"db-3\"} 6.02e+23\n"
                            "job_duration_seconds{job=\"backup\",instance=\"db-4\"} NaN\n"
                            "job_duration_seconds{job=\"backup\",instance=\"db-5\"} +Inf\n";

} // namespace

class TestCliLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void followsTheSystemLanguage();
    void readsTheSystemLanguageAsGettextDoes_data();
    void readsTheSystemLanguageAsGettextDoes();
    void helpSpeaksTheLanguage();
    void langOverridesTheSystem_data();
    void langOverridesTheSystem();
    void refusesALanguageItLacks();
    void refusesAnEmptyLanguage_data();
    void refusesAnEmptyLanguage();
    void numbersAreTheSameInEveryLocale_data();
    void numbersAreTheSameInEveryLocale();

private:
    QTemporaryDir m_dir;
    QString m_metrics;
};

void TestCliLanguage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_metrics = m_dir.filePath(QStringLiteral("jobs.prom"));
    QFile file(m_metrics);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kMetrics);
}

void TestCliLanguage::followsTheSystemLanguage()
{
    // A mistake an operator makes: the file is not there. validate runs in promdesk-cli itself,
    // an unknown command in promdesk-cli-full: both speak Chinese.
    const QString missing = m_dir.filePath(QStringLiteral("missing.prom"));
    const CliRun validate
        = promdesk::test::runCli({QStringLiteral("validate"), missing}, {}, speaking(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(validate.exitCode, 2);
    QVERIFY2(hasChinese(validate.err), validate.err.constData());
    QVERIFY2(validate.err.contains(missing.toUtf8()), validate.err.constData()); // the path as it is

    const CliRun unknown
        = promdesk::test::runCli({QStringLiteral("frobnicate")}, {}, speaking(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(hasChinese(unknown.err), unknown.err.constData());
    QVERIFY2(unknown.err.contains("frobnicate"), unknown.err.constData());

    const CliRun english
        = promdesk::test::runCli({QStringLiteral("frobnicate")}, {}, speaking(QStringLiteral("en_US.UTF-8")));
    QCOMPARE(english.exitCode, 2);
    QVERIFY2(english.err.contains("unknown command 'frobnicate'"), english.err.constData());
}

void TestCliLanguage::readsTheSystemLanguageAsGettextDoes_data()
{
    QTest::addColumn<QStringList>("variables"); // NAME=VALUE, over an environment with none of them
    QTest::addColumn<bool>("chinese");
    QTest::newRow("lang") << QStringList{QStringLiteral("LANG=zh_CN.UTF-8")} << true;
    QTest::newRow("lc-messages-over-lang")
        << QStringList{QStringLiteral("LANG=en_US.UTF-8"), QStringLiteral("LC_MESSAGES=zh_CN.UTF-8")} << true;
    QTest::newRow("lc-all-over-everything")
        << QStringList{QStringLiteral("LC_MESSAGES=en_US.UTF-8"), QStringLiteral("LC_ALL=zh_CN.UTF-8")} << true;
    QTest::newRow("language-list-chinese-first")
        << QStringList{QStringLiteral("LANG=en_US.UTF-8"), QStringLiteral("LANGUAGE=zh_CN:en")} << true;
    QTest::newRow("language-list-english-first")
        << QStringList{QStringLiteral("LANG=zh_CN.UTF-8"), QStringLiteral("LANGUAGE=en_US:zh_CN")} << false;
    QTest::newRow("c-locale-ignores-language")
        << QStringList{QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANGUAGE=zh_CN")} << false;
    QTest::newRow("traditional-chinese-is-not-simplified") << QStringList{QStringLiteral("LANG=zh_TW.UTF-8")} << false;
    QTest::newRow("nothing-set") << QStringList{} << false;
}

void TestCliLanguage::readsTheSystemLanguageAsGettextDoes()
{
    QFETCH(QStringList, variables);
    QFETCH(bool, chinese);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"})
        environment.remove(QString::fromLatin1(name));
    for (const QString &variable : variables)
        environment.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    const CliRun run = promdesk::test::runCli({QStringLiteral("frobnicate")}, {}, environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(hasChinese(run.err) == chinese, run.err.constData());
}

void TestCliLanguage::helpSpeaksTheLanguage()
{
    const CliRun help = promdesk::test::runCli({QStringLiteral("--help")}, {}, speaking(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(hasChinese(help.out), help.out.constData());
    // Command and option names are what the operator types: never translated.
    for (const char *word : {"validate", "push", "backfill", "history", "--lang"})
        QVERIFY2(help.out.contains(word), word);
    const CliRun commandHelp = promdesk::test::runCli({QStringLiteral("push"), QStringLiteral("--help")}, {},
                                                      speaking(QStringLiteral("zh_CN.UTF-8")));
    QCOMPARE(commandHelp.exitCode, 0);
    QVERIFY2(hasChinese(commandHelp.out), commandHelp.out.constData());
    QVERIFY(commandHelp.out.contains("--group") && commandHelp.out.contains("--job"));
}

void TestCliLanguage::langOverridesTheSystem_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("subject"); // what the message is about: --lang was taken, not read as it
    const QString missing = QStringLiteral("/nonexistent/missing.prom");
    QTest::newRow("english-on-a-chinese-system")
        << QStringLiteral("zh_CN.UTF-8")
        << QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("validate"), missing} << false
        << missing;
    QTest::newRow("chinese-on-an-english-system")
        << QStringLiteral("en_US.UTF-8")
        << QStringList{QStringLiteral("validate"), QStringLiteral("--lang=zh_CN"), missing} << true << missing;
    QTest::newRow("chinese-on-a-c-locale")
        << QStringLiteral("C")
        << QStringList{QStringLiteral("--lang"), QStringLiteral("zh"), QStringLiteral("frobnicate")} << true
        << QStringLiteral("'frobnicate'");
}

void TestCliLanguage::langOverridesTheSystem()
{
    QFETCH(QString, system);
    QFETCH(QStringList, arguments);
    QFETCH(bool, chinese);
    QFETCH(QString, subject);
    const CliRun run = promdesk::test::runCli(arguments, {}, speaking(system));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(!run.err.isEmpty(), "no message");
    QVERIFY2(hasChinese(run.err) == chinese, run.err.constData());
    QVERIFY2(run.err.contains(subject.toUtf8()), run.err.constData());
    QVERIFY2(!run.err.contains("'--lang") && !run.err.contains("'zh'") && !run.err.contains("'en'"),
             run.err.constData());
}

void TestCliLanguage::refusesALanguageItLacks()
{
    const CliRun run = promdesk::test::runCli(
        {QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("validate"), m_metrics}, {},
        speaking(QStringLiteral("C")));
    QCOMPARE(run.exitCode, 2); // a usage error: a script asking for French learns it at once
    QVERIFY2(run.err.contains("'fr'") && run.err.contains("zh_CN"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliLanguage::refusesAnEmptyLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("equals-nothing") << QStringList{QStringLiteral("--lang="), QStringLiteral("validate"), m_metrics};
    QTest::newRow("value-missing-at-the-end")
        << QStringList{QStringLiteral("validate"), m_metrics, QStringLiteral("--lang")};
}

// `--lang=` from a script whose variable was empty asks for no language at all: a usage error
// that names the choices, not the system's language taken silently.
void TestCliLanguage::refusesAnEmptyLanguage()
{
    QFETCH(QStringList, arguments);
    const CliRun run = promdesk::test::runCli(arguments, {}, speaking(QStringLiteral("C")));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--lang needs a language") && run.err.contains("zh_CN"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliLanguage::numbersAreTheSameInEveryLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("german-decimal-comma") << QStringLiteral("de_DE.UTF-8");
    QTest::newRow("arabic-digits") << QStringLiteral("ar_EG.UTF-8");
    QTest::newRow("chinese") << QStringLiteral("zh_CN.UTF-8");
    QTest::newRow("swiss-apostrophe-grouping") << QStringLiteral("de_CH.UTF-8");
}

void TestCliLanguage::numbersAreTheSameInEveryLocale()
{
    QFETCH(QString, locale);
    // What goes to a receiver or a script: converted bodies, the validator's JSON, the plan of a
    // backfill; each byte for byte as in the C locale.
    const QList<QStringList> commands{
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("openmetrics"), m_metrics},
        {QStringLiteral("convert"), QStringLiteral("--to"), QStringLiteral("text"), m_metrics},
        {QStringLiteral("validate"), QStringLiteral("--json"), m_metrics},
    };
    for (const QStringList &command : commands) {
        const CliRun reference = promdesk::test::runCli(command, {}, speaking(QStringLiteral("C")));
        QCOMPARE(reference.exitCode, 0);
        const CliRun local = promdesk::test::runCli(command, {}, speaking(locale));
        QCOMPARE(local.exitCode, 0);
        QCOMPARE(local.out, reference.out);
    }
    // The summary a person reads is translated, but its numbers are written as in C.
    const CliRun summary = promdesk::test::runCli({QStringLiteral("validate"), m_metrics}, {}, speaking(locale));
    QCOMPARE(summary.exitCode, 0);
    QVERIFY2(summary.err.contains(" 7 ") || summary.err.contains("7 "), summary.err.constData());
    QVERIFY2(!summary.err.contains("٧"), summary.err.constData());
}

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
