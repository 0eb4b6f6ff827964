#include "BackfillView.h"
#include "Confirm.h"
#include "FaultServer.h"
#include "MainWindow.h"
#include "ProfilesPanel.h"
#include "PushView.h"
#include "TestHome.h"
#include "history/HistoryDatabase.h"
#include "profiles/ProfileStore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void showsSandboxProfile();
    void listsProblemsWhileTyping();
    void jumpsToTheProblemLine();
    void appliesSafeFixes();
    void remembersViewAcrossRestarts();
    void closingWhileABackfillRunsIsSafe();
    void longAnswersNeverWidenTheWindow();
    void longGroupingKeyNeverWidensTheWindow();
    void testConnectionShowsItsShortcut();
    void backfillRunStaysWithItsFileAndProfile();
};

void TestMainWindow::init()
{
    // Each test its own settings, history, draft and profiles: none depends on another's.
    promdesk::test::enterFreshHome();
}

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
        MainWindow window(
            {QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
        window.views()->setCurrentIndex(2);
        window.saveState();
    }
    MainWindow again({QStringLiteral("http://127.0.0.1:9091"), QStringLiteral("http://127.0.0.1:9090/api/v1/write")});
    QCOMPARE(again.views()->currentIndex(), 2);
    again.views()->setCurrentIndex(0);
    again.saveState();
}

void TestMainWindow::closingWhileABackfillRunsIsSafe()
{
    // The receiver takes the requests and never answers: the backfill is in full flight when
    // the window goes, with batches on the wire and the next ones being prepared ahead.
    FaultServer receiver;
    receiver.script({FaultServer::Answer::hangs()});
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("backfill.prom")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const qint64 end = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    for (int p = 0; p < 5000; ++p) {
        for (int s = 0; s < 2; ++s)
            file.write("closing_backfill{s=\"" + QByteArray::number(s) + "\"} " + QByteArray::number(p) + " "
                       + QByteArray::number(end - qint64(5000 - p) * 1000) + "\n");
    }
    file.close();
    const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
    auto window = std::make_unique<MainWindow>(
        SandboxEndpoints{QStringLiteral("http://127.0.0.1:9"), receiver.baseUrl() + QStringLiteral("/api/v1/write")});
    window->show();
    BackfillView *backfill = window->backfillView();
    QSignalSpy planned(backfill, &BackfillView::planned);
    backfill->load(file.fileName());
    QVERIFY(planned.wait(20000));
    backfill->start();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.received().size() >= 2, 20000);
    Confirm::setNextAnswer(false);
    QVERIFY(!window->close()); // the operator is asked first, and keeps it running
    QVERIFY(window->isVisible());
    Confirm::setNextAnswer(true); // "stop it and quit"
    QVERIFY(window->close());
    window.reset(); // under AddressSanitizer, any use of what is already gone fails the test here

    // Every request the backfill began is in the history with an end: none stays "unknown".
    QString note;
    const auto history = HistoryDatabase::open(HistoryDatabase::defaultPath(), &note);
    QVERIFY(history);
    HistoryFilter filter;
    filter.text = receiver.baseUrl();
    filter.limit = 1000;
    int entries = 0;
    for (const HistoryEntry &entry : history->list(filter)) {
        if (entry.startedAtMs < startedAt)
            continue;
        ++entries;
        QVERIFY2(entry.outcome != u"unknown", qPrintable(entry.url));
    }
    QVERIFY(entries >= 2);
}

void TestMainWindow::longAnswersNeverWidenTheWindow()
{
    // A receiver that refuses with a long reason: the backfill's "Stopped: …" quotes it.
    QByteArray reason = "out of bounds:";
    for (int i = 0; i < 60; ++i)
        reason += " sample for series closing_backfill{s=\"" + QByteArray::number(i) + "\"} is too old";
    FaultServer receiver;
    receiver.script({FaultServer::Answer::reply(400, reason)});
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("refused.prom")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("refused_backfill 1 " + QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 60000) + "\n");
    file.close();
    MainWindow window(
        SandboxEndpoints{QStringLiteral("http://127.0.0.1:9"), receiver.baseUrl() + QStringLiteral("/api/v1/write")});
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    BackfillView *backfill = window.backfillView();
    window.views()->setCurrentWidget(backfill);
    QSignalSpy planned(backfill, &BackfillView::planned);
    QSignalSpy finished(backfill, &BackfillView::finished);
    backfill->load(file.fileName());
    QVERIFY(planned.wait(20000));
    backfill->start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(backfill->progressText().contains(QLatin1String("is too old")), qPrintable(backfill->progressText()));
    // The layouts settle through posted requests, each level's after the one below.
    for (int level = 0; level < 10; ++level)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY2(window.minimumSizeHint().width() <= 1024, qPrintable(QString::number(window.minimumSizeHint().width())));
    QCOMPARE(window.width(), 1024);
}

void TestMainWindow::longGroupingKeyNeverWidensTheWindow()
{
    // A grouping label whose value is one long token (a path): the URL shown is one long word.
    MainWindow window(SandboxEndpoints{QStringLiteral("http://127.0.0.1:9"), {}});
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.views()->setCurrentWidget(window.pushView());
    window.pushView()->setGroupingKey(QStringLiteral("backup"),
                                      {{QStringLiteral("path"), QStringLiteral("/srv/").repeated(120)}});
    for (int level = 0; level < 10; ++level)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY2(window.minimumSizeHint().width() <= 1024, qPrintable(QString::number(window.minimumSizeHint().width())));
    QCOMPARE(window.width(), 1024);
}

void TestMainWindow::testConnectionShowsItsShortcut()
{
    MainWindow window(SandboxEndpoints{QStringLiteral("http://127.0.0.1:9"), {}});
    QAction *test = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == u"&Test connection")
            test = action;
    }
    QVERIFY(test);
    QCOMPARE(test->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    // and Ctrl+T runs it, from any view
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.views()->setCurrentWidget(window.pushView());
    QSignalSpy tested(window.profilesPanel(), &ProfilesPanel::testFinished);
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    QVERIFY(tested.wait(20000));
}

void TestMainWindow::backfillRunStaysWithItsFileAndProfile()
{
    FaultServer receiver;
    receiver.script({FaultServer::Answer::hangs()});
    ProfileStore store(ProfileStore::defaultPath());
    Profile other;
    other.name = QStringLiteral("other receiver");
    other.kind = ProfileKind::RemoteWrite;
    other.remoteWriteUrl = QStringLiteral("http://127.0.0.1:9/api/v1/write");
    QString error;
    QVERIFY(store.save(other, &error));
    QTemporaryDir dir;
    const auto write = [&](const QString &name, int points) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        const qint64 end = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        for (int p = 0; p < points; ++p)
            file.write("kept_backfill " + QByteArray::number(p) + " "
                       + QByteArray::number(end - qint64(points - p) * 1000) + "\n");
        return file.fileName();
    };
    const QString first = write(QStringLiteral("first.prom"), 5000);
    const QString second = write(QStringLiteral("second.prom"), 10);
    MainWindow window(
        SandboxEndpoints{QStringLiteral("http://127.0.0.1:9"), receiver.baseUrl() + QStringLiteral("/api/v1/write")});
    window.show();
    BackfillView *backfill = window.backfillView();
    auto *start = backfill->findChild<QPushButton *>(QStringLiteral("backfillStart"));
    QSignalSpy planned(backfill, &BackfillView::planned);
    QSignalSpy finished(backfill, &BackfillView::finished);
    backfill->load(first);
    QVERIFY(planned.wait(20000));
    const QString plan = backfill->planText();
    backfill->start();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.received().size() >= 1, 20000);

    // Another file while it sends: refused, the run and its plan stay.
    backfill->load(second);
    QVERIFY2(backfill->progressText().contains(QLatin1String("cancel it before")),
             qPrintable(backfill->progressText()));
    QCOMPARE(backfill->planText(), plan);
    QVERIFY(!planned.wait(300));

    // Stopped (cancel twice: the hung request is aborted); it could resume to this receiver...
    backfill->cancel();
    backfill->cancel();
    QVERIFY(finished.count() == 1 || finished.wait(10000)); // the abort may end it at once
    QVERIFY2(start->text().startsWith(QLatin1String("&Resume")), qPrintable(start->text()));
    // ...but not to another profile's: the resume is gone with the profile.
    window.profilesPanel()->select(other.name);
    QCOMPARE(start->text(), QStringLiteral("&Start"));
    QVERIFY2(backfill->progressText().contains(QLatin1String("The profile changed")),
             qPrintable(backfill->progressText()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
