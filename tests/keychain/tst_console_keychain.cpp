// The console against a real gnome-keyring that is locked, its unlock prompt refused: the
// sidebar and every view that sends say "locked" (never "missing", which invites overwriting a
// good secret), nothing goes out with an empty secret, Send stays usable, and once the keyring is
// unlocked the same Send works.
#include "BackfillView.h"
#include "FaultServer.h"
#include "KeyringControl.h"
#include "MainWindow.h"
#include "PushView.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

class TestConsoleKeychain : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void lockedKeyringIsToldAsLocked();
    void backfillNeverSendsWithoutItsSecret();

private:
    QListWidgetItem *profileRow() const;
    void chooseProfile();

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    Profile m_profile;
};

void TestConsoleKeychain::init()
{
    m_server = std::make_unique<FaultServer>();
    m_server->script({FaultServer::Answer::reply(200)});
    ProfileStore store(ProfileStore::defaultPath());
    for (const Profile &old : store.profiles())
        store.remove(old.id);
    m_profile = Profile();
    m_profile.name = QStringLiteral("tmp-instance");
    m_profile.kind = ProfileKind::Pushgateway;
    m_profile.pushgatewayUrl = m_server->baseUrl();
    m_profile.remoteWriteUrl = m_server->baseUrl() + QStringLiteral("/api/v1/write");
    m_profile.auth = Credentials::Kind::Basic;
    m_profile.user = QStringLiteral("1300000000");
    QString error;
    QVERIFY2(store.save(m_profile, &error), qPrintable(error));
    m_profile = *store.find(m_profile.name);
    KeychainSecretStore keychain;
    bool written = false;
    QObject context;
    keychain.write(m_profile.id, QStringLiteral("the-good-token"), &context,
                   [&](const SecretResult &r) { written = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
    QVERIFY(lockKeyring());
    m_window = std::make_unique<MainWindow>(SandboxEndpoints{});
    m_window->show();
}

void TestConsoleKeychain::cleanup()
{
    m_window.reset();
    m_server.reset();
    QVERIFY(unlockKeyring());
}

QListWidgetItem *TestConsoleKeychain::profileRow() const
{
    QListWidget *list = m_window->profileList();
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(m_profile.name))
            return list->item(row);
    }
    return nullptr;
}

void TestConsoleKeychain::chooseProfile()
{
    QListWidget *list = m_window->profileList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(profileRow()).center());
}

void TestConsoleKeychain::lockedKeyringIsToldAsLocked()
{
    QVERIFY(profileRow());
    QTRY_VERIFY_WITH_TIMEOUT(!profileRow()->text().contains(QLatin1String("checking")), 20000);
    QVERIFY2(profileRow()->text().contains(QLatin1String("keychain locked")), qPrintable(profileRow()->text()));
    QVERIFY(!profileRow()->text().contains(QLatin1String("missing")));

    chooseProfile();
    PushView *push = m_window->pushView();
    m_window->views()->setCurrentWidget(push);
    m_window->editor()->setPlainText(QStringLiteral("db_backup_last_completion_timestamp_seconds 1.7e9\n"));
    auto *send = push->findChild<QPushButton *>(QStringLiteral("sendButton"));
    auto *pane = push->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"));
    QSignalSpy finished(push, &PushView::finished);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(pane->toPlainText().contains(QLatin1String("locked"))
                 && pane->toPlainText().contains(QLatin1String("do not enter it again")),
             qPrintable(pane->toPlainText()));
    QVERIFY(!pane->toPlainText().contains(QLatin1String("set it again")));
    QCOMPARE(m_server->received().size(), 0); // nothing went out without its secret
    QVERIFY(send->isEnabled());               // and Send is still there to try again

    // The operator unlocks the keyring and presses Send again: the same view, no switching.
    QVERIFY(unlockKeyring());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(pane->toPlainText().contains(QLatin1String("HTTP 200")), qPrintable(pane->toPlainText()));
    QCOMPARE(m_server->received().size(), 1);
    QVERIFY(m_server->received().at(0).header("Authorization").startsWith("Basic "));
    QTRY_VERIFY_WITH_TIMEOUT(profileRow()->text().contains(QLatin1String("secret available")), 10000);
}

void TestConsoleKeychain::backfillNeverSendsWithoutItsSecret()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("one.prom")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("backfilled 1 " + QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 60000) + "\n");
    file.close();
    chooseProfile();
    BackfillView *backfill = m_window->backfillView();
    m_window->views()->setCurrentWidget(backfill);
    QSignalSpy planned(backfill, &BackfillView::planned);
    QSignalSpy finished(backfill, &BackfillView::finished);
    backfill->load(file.fileName());
    QVERIFY(planned.wait(20000));
    QTest::mouseClick(backfill->findChild<QPushButton *>(QStringLiteral("backfillStart")), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(backfill->progressText().contains(QLatin1String("Not started"))
                 && backfill->progressText().contains(QLatin1String("locked")),
             qPrintable(backfill->progressText()));
    QCOMPARE(m_server->received().size(), 0);
    QVERIFY(backfill->findChild<QPushButton *>(QStringLiteral("backfillStart"))->isEnabled());
}

QTEST_MAIN(TestConsoleKeychain)
#include "tst_console_keychain.moc"
