// The console on a desktop whose language is Simplified Chinese (the test runs with LANG=zh_CN.UTF-8
// and no LC_ALL): its menus, views and messages in Chinese, chosen as promdesk's main() chooses;
// and View ▸ Language, as an operator uses it.
#include "MainWindow.h"
#include "TestHome.h"
#include "UiSettings.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace promdesk;
using namespace promdesk::ui;

namespace {

bool hasChinese(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// A text that reads as an English sentence: three or more words of letters, none of them Chinese.
// Terms kept in English (Pushgateway, remote write, job) are one or two words in a Chinese text;
// a URL is the operator's, not a sentence.
bool looksUntranslated(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\b[A-Za-z]{2,}\\b"));
    QString plain = text;
    plain.remove(u'&');
    return !hasChinese(plain) && !plain.contains(QLatin1String("://")) && plain.count(word) >= 3;
}

QStringList englishTextsIn(QWidget *root)
{
    QStringList found;
    const auto note = [&found](const QObject *where, const QString &text) {
        if (looksUntranslated(text))
            found << QStringLiteral("%1: %2").arg(where->objectName(), text);
    };
    for (const QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        note(button, button->text());
        note(button, button->toolTip());
    }
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->textFormat() != Qt::RichText && !label->text().contains(u'<'))
            note(label, label->text());
    }
    for (const QGroupBox *box : root->findChildren<QGroupBox *>())
        note(box, box->title());
    for (const QAction *action : root->findChildren<QAction *>())
        note(action, action->text());
    return found;
}

} // namespace

class TestConsoleLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void menusSpeakChinese();
    void everyViewSpeaksChinese();
    void languageMenuSavesTheChoiceForTheNextStart();
    void aSavedChoiceOutranksTheSystem();
};

void TestConsoleLanguage::initTestCase()
{
    // As promdesk's main() does with nothing saved and no --lang: the system's language.
    QCOMPARE(installTranslations(savedLanguage()), QStringLiteral("zh_CN"));
}

void TestConsoleLanguage::init()
{
    test::enterFreshHome();
}

void TestConsoleLanguage::menusSpeakChinese()
{
    MainWindow window({});
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (const QAction *menu : menus) {
        QVERIFY2(hasChinese(menu->text()), qPrintable(menu->text()));
        // Each keeps its keyboard accelerator, Chinese style: "文件(&F)".
        QVERIFY2(menu->text().contains(QRegularExpression(QStringLiteral("\\(&[A-Z]\\)"))), qPrintable(menu->text()));
        for (const QAction *item : menu->menu()->actions()) {
            if (!item->isSeparator())
                QVERIFY2(hasChinese(item->text()), qPrintable(item->text()));
        }
    }
}

void TestConsoleLanguage::everyViewSpeaksChinese()
{
    MainWindow window({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < window.views()->count(); ++i) {
        window.views()->setCurrentIndex(i);
        QVERIFY2(hasChinese(window.views()->tabText(i)), qPrintable(window.views()->tabText(i)));
    }
    const QStringList english = englishTextsIn(&window);
    QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
}

void TestConsoleLanguage::languageMenuSavesTheChoiceForTheNextStart()
{
    MainWindow window({});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *language = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(language);
    QVERIFY(hasChinese(language->title()));
    // Nothing chosen yet: the system's language is ticked; the others are named in their own.
    auto *system = language->findChild<QAction *>(QStringLiteral("language_system"));
    auto *english = language->findChild<QAction *>(QStringLiteral("language_en"));
    auto *chinese = language->findChild<QAction *>(QStringLiteral("language_zh_CN"));
    QVERIFY(system && english && chinese);
    QVERIFY(system->isChecked());
    QCOMPARE(english->text(), QStringLiteral("English"));
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));

    english->trigger();
    QVERIFY(english->isChecked() && !system->isChecked());
    QCOMPARE(savedLanguage(), QStringLiteral("en"));
    // Said in the language the window speaks now, and what happens when.
    const QString said = window.statusBar()->currentMessage();
    QVERIFY2(hasChinese(said), qPrintable(said));
    QVERIFY2(hasChinese(window.menuBar()->actions().constFirst()->text()), "the window changed under the operator");

    // A new window shows the saved choice.
    MainWindow next({});
    auto *nextEnglish
        = next.findChild<QMenu *>(QStringLiteral("languageMenu"))->findChild<QAction *>(QStringLiteral("language_en"));
    QVERIFY(nextEnglish->isChecked());
    system->trigger();
    QCOMPARE(savedLanguage(), QString());
}

void TestConsoleLanguage::aSavedChoiceOutranksTheSystem()
{
    saveLanguage(QStringLiteral("en"));
    QCOMPARE(savedLanguage(), QStringLiteral("en"));
    // A language no longer carried (a file from a later version) reads as the system's.
    saveLanguage(QStringLiteral("fr"));
    QCOMPARE(savedLanguage(), QString());
}

QTEST_MAIN(TestConsoleLanguage)
#include "tst_console_language.moc"
