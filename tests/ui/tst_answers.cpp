// Every answer is shown with the request it belongs to: an answer that comes after its view moved
// on (another profile chosen, a newer request) goes to the status bar and the history, never over
// what the view shows now. A push in flight can be cancelled.
#include "Confirm.h"
#include "FaultServer.h"
#include "GroupsView.h"
#include "MainWindow.h"
#include "PushView.h"
#include "ServerFixture.h"
#include "profiles/ProfileStore.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

class TestAnswers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void lateAnswerGoesToTheStatusBarNotThePane();
    void cancelStopsAPushInFlight();
    void groupsIgnoreTheOldProfilesAnswers();
    void paneQuotesTheRequestAsSent();

private:
    // The main window on the push view, with one sample in the editor.
    void openWindow();
    // As the operator does: a click on the profile's row in the sidebar.
    void choose(const QString &profileName);
    QPushButton *button(const char *name) const
    {
        return m_window->pushView()->findChild<QPushButton *>(QLatin1String(name));
    }
    QString pane() const
    {
        return m_window->pushView()->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"))->toPlainText();
    }

    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<FaultServer> m_slow; // the other profile's server: late, or never answering
    std::unique_ptr<MainWindow> m_window;
};

const QString kSlowProfile = QStringLiteral("slow gateway");

void TestAnswers::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
}

void TestAnswers::init()
{
    m_slow = std::make_unique<FaultServer>();
    ProfileStore store(ProfileStore::defaultPath());
    for (const Profile &old : store.profiles())
        store.remove(old.id);
    Profile slow;
    slow.name = kSlowProfile;
    slow.kind = ProfileKind::Pushgateway;
    slow.pushgatewayUrl = m_slow->baseUrl();
    QString error;
    QVERIFY2(store.save(slow, &error), qPrintable(error));
    openWindow();
}

void TestAnswers::openWindow()
{
    m_window = std::make_unique<MainWindow>(SandboxEndpoints{m_gateway->baseUrl().toString(), {}});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->editor()->setPlainText(QStringLiteral("# TYPE answers_test gauge\nanswers_test 1\n"));
    m_window->views()->setCurrentWidget(m_window->pushView());
}

void TestAnswers::cleanup()
{
    m_window.reset();
    m_slow.reset();
}

void TestAnswers::choose(const QString &profileName)
{
    QListWidget *list = m_window->profileList();
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(profileName)) {
            list->scrollToItem(list->item(row));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
            const QString shown = m_window->findChild<QLabel *>(QStringLiteral("profileLabel"))->text();
            QVERIFY2(shown.contains(profileName), qPrintable(shown));
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no profile %1 in the sidebar").arg(profileName)));
}

void TestAnswers::lateAnswerGoesToTheStatusBarNotThePane()
{
    m_slow->script({FaultServer::Answer::delayed(503, 1500)});
    QSignalSpy finished(m_window->pushView(), &PushView::finished);
    QSignalSpy notices(m_window->pushView(), &PushView::notice);

    choose(kSlowProfile);
    QTest::mouseClick(button("sendButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_slow->received().size(), 1, 10000);
    QVERIFY2(pane().contains(m_slow->baseUrl()) && pane().contains(kSlowProfile), qPrintable(pane()));

    choose(QStringLiteral("Local sandbox"));
    QVERIFY2(!pane().contains(m_slow->baseUrl()), qPrintable(pane())); // the old profile's text went
    QVERIFY(button("sendButton")->isEnabled());
    QTest::mouseClick(button("sendButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const QString shown = pane();
    QVERIFY2(shown.contains(QLatin1String("HTTP 200")) && shown.contains(m_gateway->baseUrl().toString())
                 && shown.contains(QLatin1String("Local sandbox")),
             qPrintable(shown));

    // The slow profile's 503 comes after: said in the status bar with its own request.
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 10000);
    QCOMPARE(pane(), shown);
    const QString notice = m_window->statusBar()->currentMessage();
    QVERIFY2(notice.contains(QLatin1String("Late answer")) && notice.contains(m_slow->baseUrl())
                 && notice.contains(kSlowProfile) && notice.contains(QLatin1String("HTTP 503")),
             qPrintable(notice));
}

// A profile's name and address may hold what reads like a placeholder ("%2", "%3F"): the pane
// quotes both as they are, and the answer's status and time where they belong.
void TestAnswers::paneQuotesTheRequestAsSent()
{
    const QString name = QStringLiteral("team %2 gateway");
    const QString base = m_slow->baseUrl() + QStringLiteral("/pre%3Fx");
    ProfileStore store(ProfileStore::defaultPath());
    Profile escaped;
    escaped.name = name;
    escaped.kind = ProfileKind::Pushgateway;
    escaped.pushgatewayUrl = base;
    QString error;
    QVERIFY2(store.save(escaped, &error), qPrintable(error));
    openWindow(); // again, to list the new profile

    m_slow->script({FaultServer::Answer::reply(200, {})});
    QSignalSpy finished(m_window->pushView(), &PushView::finished);
    choose(name);
    QTest::mouseClick(button("sendButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const QString shown = pane();
    QVERIFY2(shown.contains(QStringLiteral("PUT ") + base + QStringLiteral("/metrics/job/"))
                 && shown.contains(QStringLiteral("profile \"") + name + QLatin1Char('"')),
             qPrintable(shown));
    QVERIFY2(QRegularExpression(QStringLiteral("\\nHTTP 200 in \\d+ ms\\n")).match(shown).hasMatch(),
             qPrintable(shown));
}

void TestAnswers::cancelStopsAPushInFlight()
{
    m_slow->script({FaultServer::Answer::hangs()});
    QSignalSpy finished(m_window->pushView(), &PushView::finished);
    choose(kSlowProfile);
    QVERIFY(!button("cancelButton")->isEnabled());
    QTest::mouseClick(button("sendButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_slow->received().size(), 1, 10000);
    QVERIFY(button("cancelButton")->isEnabled());
    QVERIFY(!button("sendButton")->isEnabled());

    QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000); // at once, not after the 30 s timeout
    QVERIFY2(pane().contains(QLatin1String("Cancelled")) && pane().contains(QLatin1String("may have been applied")),
             qPrintable(pane()));
    QVERIFY(button("sendButton")->isEnabled());
    QVERIFY(!button("cancelButton")->isEnabled());
}

void TestAnswers::groupsIgnoreTheOldProfilesAnswers()
{
    m_slow->script({FaultServer::Answer::delayed(401, 1500)});
    GroupsView *groups = m_window->groupsView();
    m_window->views()->setCurrentWidget(groups); // the tab refreshes: the slow gateway is asked
    choose(kSlowProfile);
    QSignalSpy refreshed(groups, &GroupsView::refreshed);
    groups->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_slow->received().size() >= 1, 10000);

    choose(QStringLiteral("Local sandbox"));
    QCOMPARE(groups->status(), QString());
    groups->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(groups->status().contains(QLatin1String("group")), 10000);
    const QString healthy = groups->status();

    // Both of the slow gateway's 401s have come by now; neither replaced the sandbox's groups.
    QTest::qWait(2500);
    QCOMPARE(groups->status(), healthy);
    QVERIFY(!groups->status().contains(QLatin1String("401")));
}

QTEST_MAIN(TestAnswers)
#include "tst_answers.moc"
