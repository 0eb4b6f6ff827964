#include "MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace promdesk::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsSandboxProfile();
    void listsProblemsWhileTyping();
    void jumpsToTheProblemLine();
    void appliesSafeFixes();
    void remembersViewAcrossRestarts();
};

void TestMainWindow::showsSandboxProfile()
{
    MainWindow window({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    auto *label = window.findChild<QLabel *>(QStringLiteral("profileLabel"));
    QVERIFY(label);
    QVERIFY(label->text().contains(QLatin1String("Local sandbox")));
    QVERIFY(label->text().contains(QLatin1String("127.0.0.1:9091")));
}

void TestMainWindow::listsProblemsWhileTyping()
{
    MainWindow window({});
    window.show();
    QSignalSpy validated(&window, &MainWindow::validated);
    QVERIFY(validated.wait());
    QCOMPARE(window.problemList()->topLevelItemCount(), 0); // the example is clean

    window.editor()->setPlainText(QStringLiteral("a 1\nb 1,5\nc{x=\"y} 1\n"));
    QVERIFY(validated.wait());
    QTRY_COMPARE(window.problemList()->topLevelItemCount(), 2);
    QCOMPARE(window.problemList()->topLevelItem(0)->text(0), QStringLiteral("2"));
    QCOMPARE(window.problemList()->topLevelItem(0)->text(3), QStringLiteral("invalid-number"));
    QCOMPARE(window.problemList()->topLevelItem(1)->text(3), QStringLiteral("unterminated-label-value"));

    // Switching the target re-checks with that receiver's rules.
    window.editor()->setPlainText(QStringLiteral("a 1 1699999999000\n"));
    QVERIFY(validated.wait());
    QCOMPARE(window.problemList()->topLevelItemCount(), 0);
    window.findChild<QComboBox *>(QStringLiteral("targetCombo"))->setCurrentIndex(1);
    QVERIFY(validated.wait());
    QCOMPARE(window.problemList()->topLevelItemCount(), 1);
    QCOMPARE(window.problemList()->topLevelItem(0)->text(3), QStringLiteral("timestamp-present"));
}

void TestMainWindow::jumpsToTheProblemLine()
{
    MainWindow window({});
    window.show();
    QSignalSpy validated(&window, &MainWindow::validated);
    window.editor()->setPlainText(QStringLiteral("a 1\nb 2\nc x\n"));
    QTRY_COMPARE(window.problemList()->topLevelItemCount(), 1);
    QTRY_VERIFY(validated.count() > 0);
    auto *item = window.problemList()->topLevelItem(0);
    emit window.problemList()->itemActivated(item, 0);
    QCOMPARE(window.editor()->textCursor().blockNumber(), 2);
}

void TestMainWindow::appliesSafeFixes()
{
    MainWindow window({});
    window.show();
    window.editor()->setPlainText(QStringLiteral("a Nan\na Nan\n"));
    window.findChild<QPushButton *>(QStringLiteral("fixButton"))->click();
    QCOMPARE(window.editor()->toPlainText(), QStringLiteral("a NaN\n"));
}

void TestMainWindow::remembersViewAcrossRestarts()
{
    {
        MainWindow window({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
        window.views()->setCurrentIndex(2);
        window.saveState();
    }
    MainWindow again({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    QCOMPARE(again.views()->currentIndex(), 2);
    again.views()->setCurrentIndex(0);
    again.saveState();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
