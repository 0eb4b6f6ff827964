// Every control of the console has a name a screen reader can say: its own text, a buddy label,
// or an accessible name set for it. Walked over the main window with every view, as an operator
// tabbing through it would meet them.
#include "../support/Accessibility.h"
#include "MainWindow.h"
#include "ProfilesPanel.h"
#include "TestHome.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

using namespace promdesk::ui;

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyControlHasAName();
    void tabReachesEveryControlInReadingOrder_data();
    void tabReachesEveryControlInReadingOrder();
    void noControlKeepsTab();
};

void TestAccessibility::init()
{
    promdesk::test::enterFreshHome();
}

void TestAccessibility::everyControlHasAName()
{
    MainWindow window({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList unnamed;
    for (int view = 0; view < window.views()->count(); ++view) {
        window.views()->setCurrentIndex(view);
        QCoreApplication::processEvents();
        unnamed << promdesk::test::unnamedControls(&window);
    }
    unnamed.removeDuplicates();
    for (const QString &path : std::as_const(unnamed))
        qWarning("no accessible name: %s", qPrintable(path));
    QCOMPARE(unnamed.size(), 0);
}

void TestAccessibility::tabReachesEveryControlInReadingOrder_data()
{
    QTest::addColumn<int>("view");
    const QStringList names = {QStringLiteral("Compose"),       QStringLiteral("Push"),     QStringLiteral("Groups"),
                               QStringLiteral("Overwrite lab"), QStringLiteral("Backfill"), QStringLiteral("Jobs"),
                               QStringLiteral("History")};
    for (int view = 0; view < names.size(); ++view)
        QTest::newRow(qPrintable(names[view])) << view;
    QTest::newRow("the profiles panel, beside every view") << -1;
}

// An operator without a mouse: Ctrl+<number> opens the view, then Tab alone reaches every
// control on it, no control keeps the focus, and Tab never jumps back up within a column (a jump up is
// allowed only to a control beside the previous one: the next column, or the next row's start).
void TestAccessibility::tabReachesEveryControlInReadingOrder()
{
    QFETCH(int, view);
    MainWindow window({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    window.resize(1280, 860);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key(Qt::Key_1 + std::max(view, 0)), Qt::ControlModifier);
    QCOMPARE(window.views()->currentIndex(), std::max(view, 0));
    QWidget *page = view >= 0 ? window.views()->currentWidget() : window.findChild<ProfilesPanel *>();
    QVERIFY(page);

    const promdesk::test::TabWalk walk = promdesk::test::tabWalk(&window);
    QVERIFY2(!walk.trap, qPrintable(QStringLiteral("Tab stays in ") + promdesk::test::pathOf(walk.trap)));
    const QStringList missed = promdesk::test::controlsNotIn(page, walk.order);
    for (const QString &path : missed)
        qWarning("Tab never reaches: %s", qPrintable(path));
    QCOMPARE(missed.size(), 0);
    const QStringList backwards = promdesk::test::jumpsBackUp(promdesk::test::under(page, walk.order));
    for (const QString &jump : backwards)
        qWarning("Tab jumps back up: %s", qPrintable(jump));
    QCOMPARE(backwards.size(), 0);
}

// Whatever a view holds (a walk of an empty table cannot tell), Tab always moves on: every view's
// tables and editors, shown or not, are built to let it go.
void TestAccessibility::noControlKeepsTab()
{
    MainWindow window({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    const QStringList keepers = promdesk::test::tabKeepers(&window);
    for (const QString &path : keepers)
        qWarning("keeps Tab: %s", qPrintable(path));
    QCOMPARE(keepers.size(), 0);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
