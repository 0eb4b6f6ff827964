#include "util/Translations.h"

#include <QCoreApplication>
#include <QTest>

using namespace promdesk;

// The catalogues the programs carry (resources/translations) and how a language is chosen. The
// system's language as the programs see it is tested through them (tst_cli_language,
// tst_console_language): QLocale reads it once, from the environment of the process.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void carriesChineseBesideEnglish();
    void resolvesWhatAnOperatorTypes_data();
    void resolvesWhatAnOperatorTypes();
    void findsTheLanguageArgument_data();
    void findsTheLanguageArgument();
    void refusesWhatItCannotSpeak_data();
    void refusesWhatItCannotSpeak();
    void englishInstallsNothing();
    void chineseTranslatesTheCoreAndTheCli();
};

void TestTranslations::carriesChineseBesideEnglish()
{
    const QStringList languages = availableLanguages();
    QCOMPARE(languages.value(0), QStringLiteral("en"));
    QVERIFY2(languages.contains(QStringLiteral("zh_CN")), qPrintable(languages.join(u' ')));
}

void TestTranslations::resolvesWhatAnOperatorTypes_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("language");
    QTest::newRow("nothing-is-the-system") << QString() << true << QString();
    QTest::newRow("system") << QStringLiteral("system") << true << QString();
    QTest::newRow("exact") << QStringLiteral("zh_CN") << true << QStringLiteral("zh_CN");
    QTest::newRow("bcp47-dash") << QStringLiteral("zh-CN") << true << QStringLiteral("zh_CN");
    QTest::newRow("any-case") << QStringLiteral("ZH_cn") << true << QStringLiteral("zh_CN");
    QTest::newRow("language-alone-when-one-region") << QStringLiteral("zh") << true << QStringLiteral("zh_CN");
    QTest::newRow("english") << QStringLiteral("en") << true << QStringLiteral("en");
    QTest::newRow("english-of-a-region") << QStringLiteral("en_GB") << true << QStringLiteral("en");
    QTest::newRow("another-chinese-script-is-not-guessed") << QStringLiteral("zh_TW") << false << QString();
    QTest::newRow("not-carried") << QStringLiteral("fr") << false << QString();
    QTest::newRow("not-a-language") << QStringLiteral("../../etc/passwd") << false << QString();
}

void TestTranslations::resolvesWhatAnOperatorTypes()
{
    QFETCH(QString, requested);
    QFETCH(bool, known);
    QFETCH(QString, language);
    const std::optional<QString> resolved = resolveLanguage(requested);
    QCOMPARE(resolved.has_value(), known);
    if (known)
        QCOMPARE(*resolved, language);
}

void TestTranslations::findsTheLanguageArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("given");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("rest");
    const QString cli = QStringLiteral("promdesk-cli");
    QTest::newRow("none") << QStringList{cli, QStringLiteral("validate"), QStringLiteral("a.prom")} << false
                          << QString() << QStringList{cli, QStringLiteral("validate"), QStringLiteral("a.prom")};
    QTest::newRow("before-the-command") << QStringList{cli, QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                                       QStringLiteral("validate")}
                                        << true << QStringLiteral("zh_CN")
                                        << QStringList{cli, QStringLiteral("validate")};
    QTest::newRow("after-the-command-with-equals")
        << QStringList{cli, QStringLiteral("push"), QStringLiteral("--lang=en"), QStringLiteral("-")} << true
        << QStringLiteral("en") << QStringList{cli, QStringLiteral("push"), QStringLiteral("-")};
    QTest::newRow("last-one-wins") << QStringList{cli, QStringLiteral("--lang=en"), QStringLiteral("--lang"),
                                                  QStringLiteral("zh")}
                                   << true << QStringLiteral("zh") << QStringList{cli};
    QTest::newRow("missing-value") << QStringList{cli, QStringLiteral("validate"), QStringLiteral("--lang")} << true
                                   << QString() << QStringList{cli, QStringLiteral("validate")};
    QTest::newRow("after-double-dash-is-a-file")
        << QStringList{cli, QStringLiteral("validate"), QStringLiteral("--"), QStringLiteral("--lang")} << false
        << QString() << QStringList{cli, QStringLiteral("validate"), QStringLiteral("--"), QStringLiteral("--lang")};
    QTest::newRow("a-longer-option-is-another") << QStringList{cli, QStringLiteral("--language-model")} << false
                                                << QString() << QStringList{cli, QStringLiteral("--language-model")};
}

void TestTranslations::findsTheLanguageArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, given);
    QFETCH(QString, value);
    QFETCH(QStringList, rest);
    const std::optional<QString> found = languageArgument(arguments);
    QCOMPARE(found.has_value(), given);
    if (given)
        QCOMPARE(*found, value);
    QCOMPARE(withoutLanguageArgument(arguments), rest);
}

void TestTranslations::refusesWhatItCannotSpeak_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("refusal"); // empty: accepted
    const QString program = QStringLiteral("promdesk");
    QTest::newRow("no-option-takes-the-fallback") << QStringList{program} << QString();
    QTest::newRow("english") << QStringList{program, QStringLiteral("--lang=en")} << QString();
    QTest::newRow("system") << QStringList{program, QStringLiteral("--lang"), QStringLiteral("system")} << QString();
    QTest::newRow("not-carried")
        << QStringList{program, QStringLiteral("--lang=fr")}
        << QStringLiteral("--lang 'fr' is not a language PromDesk speaks: use system or one of en, zh_CN");
    QTest::newRow("empty-value") << QStringList{program, QStringLiteral("--lang=")}
                                 << QStringLiteral("--lang needs a language: system or one of en, zh_CN");
    QTest::newRow("missing-value") << QStringList{program, QStringLiteral("--lang")}
                                   << QStringLiteral("--lang needs a language: system or one of en, zh_CN");
}

void TestTranslations::refusesWhatItCannotSpeak()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, refusal);
    const std::optional<QString> refused = useRequestedLanguage(arguments, QStringLiteral("en"));
    QCOMPARE(refused.value_or(QString()), refusal);
}

void TestTranslations::englishInstallsNothing()
{
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("ValidateCommand", "Print the problems as JSON."),
             QStringLiteral("Print the problems as JSON."));
}

void TestTranslations::chineseTranslatesTheCoreAndTheCli()
{
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    // One text of the CLI's help, one of the validator's problems: both in Chinese now.
    const QString help = QCoreApplication::translate("ValidateCommand", "Print the problems as JSON.");
    const QString problem = QCoreApplication::translate("TextParserSamples", "the label list is not closed with '}'");
    for (const QString &text : {help, problem}) {
        const bool chinese = std::any_of(text.cbegin(), text.cend(),
                                         [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
        QVERIFY2(chinese, qPrintable(text));
    }
    QVERIFY(problem.contains(u'}')); // quoted input stays as it is
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
