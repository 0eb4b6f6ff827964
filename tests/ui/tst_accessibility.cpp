// Every control of the console has a name a screen reader can say: its own text, a buddy label,
// or an accessible name set for it. Walked over the main window with every view, as an operator
// tabbing through it would meet them.
#include "../support/Accessibility.h"
#include "MainWindow.h"
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

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
