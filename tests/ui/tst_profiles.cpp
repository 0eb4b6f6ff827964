// The profiles dialog and sidebar: the TMP template, field checks, where secrets go (never the
// profile file), a keychain that refuses, and the connection test against a real Pushgateway.
#include "../support/Accessibility.h"
#include "Confirm.h"
#include "ConsoleContext.h"
#include "ProfileDialog.h"
#include "ProfilesPanel.h"
#include "ServerFixture.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

namespace {

// A keychain that cannot be reached: what a desktop without a Secret Service gives. The real
// failure is exercised against gnome-keyring in the keychain tests; here the dialog's answer to it.
class UnreachableKeychain final : public SecretStore
{
public:
    void read(const QString &, QObject *context, Done done) override { fail(context, std::move(done)); }
    void write(const QString &, const QString &, QObject *context, Done done) override
    {
        fail(context, std::move(done));
    }
    void remove(const QString &, QObject *context, Done done) override { fail(context, std::move(done)); }
    [[nodiscard]] QString description() const override { return QStringLiteral("the OS keychain"); }

private:
    static void fail(QObject *context, Done done)
    {
        QMetaObject::invokeMethod(
            context,
            [done] {
                done(SecretResult{SecretResult::Status::NoKeychain,
                                  {},
                                  QStringLiteral("no Secret Service is running; start gnome-keyring or KWallet"),
                                  {}});
            },
            Qt::QueuedConnection);
    }
};

template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void tmpTemplateFillsThePaths_data();
    void tmpTemplateFillsThePaths();
    void fieldsAreCheckedBeforeSaving_data();
    void fieldsAreCheckedBeforeSaving();
    void sessionSecretNeverReachesTheProfileFile();
    void keychainFailureIsExplainedAndTheDialogStaysOpen();
    void testsTheConnectionOfTheFields();
    void panelListsTestsAndDeletesProfiles();
    void enterAfterTestSavesTheProfile();
    void closingWithUnsavedChangesAsks();
    void editShowsTheTmpInstanceItWasMadeFrom();
    void proxyLabelsAndHeadersAreKept();
    void fieldsOfTheNewSettingsAreChecked_data();
    void fieldsOfTheNewSettingsAreChecked();
    void freshStartWelcomesAndATestReachesTheStatusBar();
    void everyControlOfTheDialogHasAName();
    void tabWalksTheDialogInReadingOrder();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    MemorySecretStore m_session;
    UnreachableKeychain m_keychain;
    HttpClient m_http;
};

void TestProfiles::init()
{
    m_store = std::make_unique<ProfileStore>(
        m_dir.filePath(QStringLiteral("profiles-%1.ini").arg(QDateTime::currentMSecsSinceEpoch())));
}

void TestProfiles::tmpTemplateFillsThePaths_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expectedWriteUrl");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("plain address") << "http://10.0.0.8:9090"
                                   << "http://10.0.0.8:9090/api/v1/prom/write"
                                   << "";
    QTest::newRow("trailing slash") << "https://tmp.example.com/"
                                    << "https://tmp.example.com/api/v1/prom/write"
                                    << "";
    QTest::newRow("no scheme") << "10.0.0.8:9090"
                               << ""
                               << "http:// or https://";
    QTest::newRow("empty") << ""
                           << ""
                           << "Enter the TMP instance's address";
}

void TestProfiles::tmpTemplateFillsThePaths()
{
    QFETCH(QString, address);
    QFETCH(QString, expectedWriteUrl);
    QFETCH(QString, expectedError);
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    child<QComboBox>(&dialog, "profileKind")->setCurrentIndex(0); // TMP
    child<QLineEdit>(&dialog, "tmpAddress")->setText(address);
    child<QLineEdit>(&dialog, "tmpAppId")->setText(QStringLiteral("1250000000"));
    dialog.fillFromTmpTemplate();
    if (!expectedError.isEmpty()) {
        QVERIFY2(dialog.errorText().contains(expectedError), qPrintable(dialog.errorText()));
        QVERIFY(dialog.profile().remoteWriteUrl.isEmpty());
        return;
    }
    QCOMPARE(dialog.errorText(), QString());
    const Profile profile = dialog.profile();
    QCOMPARE(profile.kind, ProfileKind::Tmp);
    QCOMPARE(profile.remoteWriteUrl, expectedWriteUrl);
    QCOMPARE(profile.auth, Credentials::Kind::Basic);
    QCOMPARE(profile.user, QStringLiteral("1250000000"));
}

void TestProfiles::fieldsAreCheckedBeforeSaving_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pushgatewayUrl");
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("no name") << ""
                             << "http://127.0.0.1:9091" << 0 << ""
                             << ""
                             << "name";
    QTest::newRow("no address") << "a"
                                << "" << 0 << ""
                                << ""
                                << "Pushgateway URL, a remote write URL";
    QTest::newRow("ftp scheme") << "a"
                                << "ftp://host" << 0 << ""
                                << ""
                                << "http:// or https://";
    QTest::newRow("password in the URL") << "a"
                                         << "http://u:p@host:9091" << 0 << ""
                                         << ""
                                         << "keychain";
    QTest::newRow("basic auth without user") << "a"
                                             << "http://host:9091" << 1 << ""
                                             << "s3cret"
                                             << "user name";
    QTest::newRow("secret missing") << "a"
                                    << "http://host:9091" << 2 << ""
                                    << ""
                                    << "password or token";
}

void TestProfiles::fieldsAreCheckedBeforeSaving()
{
    QFETCH(QString, name);
    QFETCH(QString, pushgatewayUrl);
    QFETCH(int, auth);
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QString, expectedError);
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    child<QLineEdit>(&dialog, "profileName")->setText(name);
    child<QLineEdit>(&dialog, "pushgatewayUrl")->setText(pushgatewayUrl);
    child<QComboBox>(&dialog, "authKind")->setCurrentIndex(auth);
    child<QLineEdit>(&dialog, "authUser")->setText(user);
    child<QLineEdit>(&dialog, "authSecret")->setText(secret);
    dialog.save();
    QVERIFY2(dialog.errorText().contains(expectedError), qPrintable(dialog.errorText()));
    QVERIFY(m_store->profiles().isEmpty());
}

void TestProfiles::sessionSecretNeverReachesTheProfileFile()
{
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("staging"));
    child<QLineEdit>(&dialog, "remoteWriteUrl")->setText(QStringLiteral("http://127.0.0.1:9/api/v1/write"));
    child<QComboBox>(&dialog, "authKind")->setCurrentIndex(2); // bearer
    child<QLineEdit>(&dialog, "authSecret")->setText(QStringLiteral("tok-XYZZY-123"));
    child<QRadioButton>(&dialog, "secretSessionOnly")->setChecked(true);
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);

    const std::optional<Profile> stored = m_store->find(QStringLiteral("staging"));
    QVERIFY(stored);
    QCOMPARE(stored->auth, Credentials::Kind::Bearer);
    QFile file(m_store->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("XYZZY"));
    QString secret;
    m_session.read(stored->id, this, [&](const SecretResult &r) { secret = r.secret; });
    QTRY_COMPARE(secret, QStringLiteral("tok-XYZZY-123"));
}

void TestProfiles::keychainFailureIsExplainedAndTheDialogStaysOpen()
{
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    dialog.show();
    QSignalSpy step(&dialog, &ProfileDialog::stepFinished);
    QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("prod"));
    child<QLineEdit>(&dialog, "pushgatewayUrl")->setText(QStringLiteral("http://127.0.0.1:9"));
    child<QComboBox>(&dialog, "authKind")->setCurrentIndex(1);
    child<QLineEdit>(&dialog, "authUser")->setText(QStringLiteral("ops"));
    child<QLineEdit>(&dialog, "authSecret")->setText(QStringLiteral("pw-SECRET"));
    dialog.save();
    QVERIFY(step.wait());
    QVERIFY2(dialog.errorText().contains(QLatin1String("no Secret Service is running")),
             qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().contains(QLatin1String("for this session only")));
    QVERIFY(dialog.isVisible());
    QCOMPARE(saved.count(), 0);

    // The operator takes the advice: the second Save keeps it for this session.
    child<QRadioButton>(&dialog, "secretSessionOnly")->setChecked(true);
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_store->profiles().size(), 1); // updated, not saved twice
}

void TestProfiles::testsTheConnectionOfTheFields()
{
    QString error;
    const auto gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(gateway, qPrintable(error));
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    QSignalSpy step(&dialog, &ProfileDialog::stepFinished);
    QSignalSpy tested(&dialog, &ProfileDialog::connectionTested);
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("team %2 gateway"));
    child<QLineEdit>(&dialog, "pushgatewayUrl")->setText(gateway->baseUrl().toString());
    dialog.testConnection();
    QVERIFY(step.wait(20000));
    QVERIFY2(dialog.testText().contains(QLatin1String("reachable")), qPrintable(dialog.testText()));
    QVERIFY2(tested.last().at(0).toString().startsWith(QStringLiteral("team %2 gateway: connected (")),
             qPrintable(tested.last().at(0).toString()));
    QVERIFY(dialog.testText().contains(QLatin1String("version 1.5")));

    child<QLineEdit>(&dialog, "pushgatewayUrl")->setText(QStringLiteral("http://127.0.0.1:1"));
    dialog.testConnection();
    QVERIFY(step.wait(20000));
    QVERIFY2(dialog.testText().startsWith(QStringLiteral("✘ Pushgateway")), qPrintable(dialog.testText()));
}

void TestProfiles::panelListsTestsAndDeletesProfiles()
{
    QString error;
    const auto gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(gateway, qPrintable(error));
    // The panel keeps its profiles where ProfileStore::defaultPath() says (the test home).
    ProfileStore store(ProfileStore::defaultPath());
    for (const Profile &old : store.profiles())
        store.remove(old.id);
    Profile saved;
    saved.name = QStringLiteral("gateway %2 under test"); // what reads like a placeholder stays as written
    saved.kind = ProfileKind::Pushgateway;
    saved.pushgatewayUrl = gateway->baseUrl().toString();
    QVERIFY(store.save(saved, &error));

    ConsoleContext context(m_dir.filePath(QStringLiteral("history.sqlite")));
    ProfilesPanel panel(&context, {QStringLiteral("http://127.0.0.1:1"), {}});
    QCOMPARE(panel.list()->count(), 2);
    QVERIFY(panel.list()->item(0)->text().startsWith(QLatin1String("Local sandbox")));
    QVERIFY(panel.list()->item(1)->text().contains(QLatin1String("no secret needed")));

    QSignalSpy state(&panel, &ProfilesPanel::connectionState);
    QSignalSpy tested(&panel, &ProfilesPanel::testFinished);
    panel.select(saved.name);
    QCOMPARE(context.profile()->name, saved.name);
    panel.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY2(state.last().at(0).toString().startsWith(saved.name + QStringLiteral(": connected (")),
             qPrintable(state.last().at(0).toString()));
    QCOMPARE(state.last().at(1).toBool(), true);

    panel.select(QStringLiteral("Local sandbox")); // nothing listens on port 1
    panel.testConnection();
    QVERIFY(tested.wait(20000));
    QCOMPARE(state.last().at(1).toBool(), false);
    QVERIFY(state.last().at(0).toString().contains(QLatin1String("Pushgateway")));

    panel.select(saved.name);
    Confirm::setNextAnswer(true);
    panel.deleteProfile();
    QCOMPARE(panel.list()->count(), 1);
    QVERIFY(ProfileStore(ProfileStore::defaultPath()).profiles().isEmpty());
}

void TestProfiles::enterAfterTestSavesTheProfile()
{
    // Seen: Test disables itself while it runs, the focus moves on to Cancel, and the Enter that
    // followed threw the new profile away.
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy step(&dialog, &ProfileDialog::stepFinished);
    QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
    QTest::keyClicks(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("staging gateway"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "pushgatewayUrl"), QStringLiteral("http://127.0.0.1:1"));
    QTest::mouseClick(child<QPushButton>(&dialog, "testConnection"), Qt::LeftButton);
    QVERIFY(step.wait(20000));
    QWidget *focused = QApplication::focusWidget() ? QApplication::focusWidget() : &dialog;
    QTest::keyClick(focused, Qt::Key_Return);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_store->profiles().size(), 1);
    QCOMPARE(m_store->profiles().constFirst().name, QStringLiteral("staging gateway"));
}

void TestProfiles::closingWithUnsavedChangesAsks()
{
    ProfileDialog untouched({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    untouched.show();
    Confirm::setNextAnswer(false); // were it asked, "keep editing" would keep it open
    untouched.reject();
    QVERIFY(!untouched.isVisible());
    Confirm::setNextAnswer(std::nullopt);

    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("half typed"));
    Confirm::setNextAnswer(false);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible()); // "keep editing"
    Confirm::setNextAnswer(true);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QVERIFY(m_store->profiles().isEmpty());
}

void TestProfiles::editShowsTheTmpInstanceItWasMadeFrom()
{
    Profile tmp = tmpProfileTemplate(QStringLiteral("tmp-gz"), QStringLiteral("http://10.0.0.8:9090"),
                                     QStringLiteral("1300000000"));
    QString error;
    QVERIFY(m_store->save(tmp, &error));
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, tmp);
    QCOMPARE(child<QLineEdit>(&dialog, "tmpAddress")->text(), QStringLiteral("http://10.0.0.8:9090"));
    QCOMPARE(child<QLineEdit>(&dialog, "tmpAppId")->text(), QStringLiteral("1300000000"));
}

void TestProfiles::proxyLabelsAndHeadersAreKept()
{
    // The keychain here is this session's store, to read back what went where.
    MemorySecretStore keychain;
    ProfileDialog dialog({m_store.get(), &keychain, &m_session, &m_http}, std::nullopt);
    QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("behind a proxy"));
    child<QLineEdit>(&dialog, "pushgatewayUrl")->setText(QStringLiteral("http://127.0.0.1:9"));
    auto *proxy = child<QComboBox>(&dialog, "proxyMode");
    proxy->setCurrentIndex(proxy->findData(int(ProxyMode::Custom)));
    child<QLineEdit>(&dialog, "proxyUrl")->setText(QStringLiteral("http://proxy.example:3128"));
    child<QLineEdit>(&dialog, "defaultGroupingLabels")->setText(QStringLiteral("instance=web-1, db=orders"));
    child<QPlainTextEdit>(&dialog, "extraHeaders")
        ->setPlainText(QStringLiteral("X-Scope-OrgID: team-a\nX-Api-Key: k3y-SECRET\n"));
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);

    const Profile stored = *m_store->find(QStringLiteral("behind a proxy"));
    QCOMPARE(stored.proxy, ProxyMode::Custom);
    QCOMPARE(stored.proxyUrl, QStringLiteral("http://proxy.example:3128"));
    QCOMPARE(stored.groupingLabels,
             (QList<Label>{{QStringLiteral("instance"), QStringLiteral("web-1")},
                           {QStringLiteral("db"), QStringLiteral("orders")}}));
    QCOMPARE(stored.extraHeaders, (HttpHeaders{{"X-Scope-OrgID", "team-a"}}));
    QCOMPARE(stored.secretHeaders, QStringList{QStringLiteral("X-Api-Key")});
    QFile file(m_store->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("k3y-SECRET")); // the credential went to the keychain only
    QString value;
    keychain.read(secretHeaderKey(stored.id, QStringLiteral("X-Api-Key")), this,
                  [&](const SecretResult &r) { value = r.secret; });
    QTRY_COMPARE(value, QStringLiteral("k3y-SECRET"));

    // Edited again: the credential shows as kept, and stays kept when the operator saves.
    ProfileDialog edit({m_store.get(), &keychain, &m_session, &m_http}, stored);
    QVERIFY2(child<QPlainTextEdit>(&edit, "extraHeaders")
                 ->toPlainText()
                 .contains(QLatin1String("X-Api-Key: (kept in the keychain)")),
             qPrintable(child<QPlainTextEdit>(&edit, "extraHeaders")->toPlainText()));
    QSignalSpy savedAgain(&edit, &ProfileDialog::profileSaved);
    edit.save();
    QTRY_COMPARE(savedAgain.count(), 1);
    QCOMPARE(m_store->find(QStringLiteral("behind a proxy"))->secretHeaders, QStringList{QStringLiteral("X-Api-Key")});
}

void TestProfiles::fieldsOfTheNewSettingsAreChecked_data()
{
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("proxyUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("label without value") << "instance"
                                         << ""
                                         << ""
                                         << "name=value";
    QTest::newRow("label name invalid") << "1bad=x"
                                        << ""
                                        << ""
                                        << "name=value";
    QTest::newRow("job as grouping label") << "job=x"
                                           << ""
                                           << ""
                                           << "job is chosen where you push";
    QTest::newRow("header without colon") << ""
                                          << "X-Scope-OrgID team-a"
                                          << ""
                                          << "Name: value";
    QTest::newRow("authorization header") << ""
                                          << "Authorization: Bearer x"
                                          << ""
                                          << "Authentication above";
    QTest::newRow("custom proxy without url") << ""
                                              << ""
                                              << ""
                                              << "proxy's address";
    QTest::newRow("proxy url with password") << ""
                                             << ""
                                             << "http://u:p@proxy:3128"
                                             << "user or password";
}

void TestProfiles::fieldsOfTheNewSettingsAreChecked()
{
    QFETCH(QString, labels);
    QFETCH(QString, headers);
    QFETCH(QString, proxyUrl);
    QFETCH(QString, expected);
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("checked"));
    child<QLineEdit>(&dialog, "pushgatewayUrl")->setText(QStringLiteral("http://127.0.0.1:9"));
    child<QLineEdit>(&dialog, "defaultGroupingLabels")->setText(labels);
    child<QPlainTextEdit>(&dialog, "extraHeaders")->setPlainText(headers);
    if (QByteArrayView(QTest::currentDataTag()).startsWith("custom proxy") || !proxyUrl.isEmpty()) {
        auto *proxy = child<QComboBox>(&dialog, "proxyMode");
        proxy->setCurrentIndex(proxy->findData(int(ProxyMode::Custom)));
        child<QLineEdit>(&dialog, "proxyUrl")->setText(proxyUrl);
    }
    QSignalSpy step(&dialog, &ProfileDialog::stepFinished);
    dialog.save();
    QCOMPARE(step.count(), 1);
    QVERIFY2(dialog.errorText().contains(expected), qPrintable(dialog.errorText()));
    QVERIFY(m_store->profiles().isEmpty());
}

void TestProfiles::freshStartWelcomesAndATestReachesTheStatusBar()
{
    ProfileStore store(ProfileStore::defaultPath());
    for (const Profile &old : store.profiles())
        store.remove(old.id);
    ConsoleContext context(m_dir.filePath(QStringLiteral("history-welcome.sqlite")));
    ProfilesPanel panel(&context, {}); // no sandbox either
    panel.show();
    QVERIFY(child<QWidget>(&panel, "welcome")->isVisible());
    QVERIFY(!panel.list()->isVisible());

    QTest::mouseClick(child<QPushButton>(&panel, "welcomeNewTmp"), Qt::LeftButton);
    auto *dialog = panel.findChild<ProfileDialog *>();
    QVERIFY(dialog);
    auto *kind = child<QComboBox>(dialog, "profileKind");
    QCOMPARE(ProfileKind(kind->currentData().toInt()), ProfileKind::Tmp);

    // A test run from the dialog is the profile's connection state in the status bar too.
    QSignalSpy state(&panel, &ProfilesPanel::connectionState);
    QSignalSpy step(dialog, &ProfileDialog::stepFinished);
    child<QLineEdit>(dialog, "profileName")->setText(QStringLiteral("tmp-new"));
    child<QLineEdit>(dialog, "pushgatewayUrl")->setText(QStringLiteral("http://127.0.0.1:1"));
    dialog->testConnection();
    QVERIFY(step.wait(20000));
    QCOMPARE(state.count(), 1);
    QCOMPARE(state.last().at(1).toBool(), false);
    QVERIFY2(state.last().at(0).toString().contains(QLatin1String("Pushgateway")),
             qPrintable(state.last().at(0).toString()));
    Confirm::setNextAnswer(true);
    dialog->reject();
}

QTEST_MAIN(TestProfiles)
// A screen reader names every field of the dialog, on every page of its settings.
void TestProfiles::everyControlOfTheDialogHasAName()
{
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList unnamed = promdesk::test::unnamedControls(&dialog);
    for (const QString &path : unnamed)
        qWarning("no accessible name: %s", qPrintable(path));
    QCOMPARE(unnamed.size(), 0);
}

// The dialog without a mouse: Tab reaches every control, never stays in one, and never jumps
// back up within a column.
void TestProfiles::tabWalksTheDialogInReadingOrder()
{
    ProfileDialog dialog({m_store.get(), &m_keychain, &m_session, &m_http}, std::nullopt);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(promdesk::test::tabKeepers(&dialog), QStringList());
    const promdesk::test::TabWalk walk = promdesk::test::tabWalk(&dialog);
    QVERIFY2(!walk.trap, qPrintable(QStringLiteral("Tab stays in ") + promdesk::test::pathOf(walk.trap)));
    const QStringList missed = promdesk::test::controlsNotIn(&dialog, walk.order);
    for (const QString &path : missed)
        qWarning("Tab never reaches: %s", qPrintable(path));
    QCOMPARE(missed.size(), 0);
    const QStringList backwards = promdesk::test::jumpsBackUp(walk.order);
    for (const QString &jump : backwards)
        qWarning("Tab jumps back up: %s", qPrintable(jump));
    QCOMPARE(backwards.size(), 0);
}

#include "tst_profiles.moc"
