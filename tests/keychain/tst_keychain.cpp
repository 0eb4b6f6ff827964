// KeychainSecretStore against a real gnome-keyring (run by run-with-keyring.sh), and what
// happens when there is no keychain at all.
#include "AsyncWait.h"
#include "KeyringControl.h"
#include "profiles/SecretStore.h"

#include <QProcess>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;

namespace {

SecretResult call(const std::function<void(SecretStore &, QObject *, SecretStore::Done)> &run, SecretStore &store)
{
    return awaitCall<SecretResult>(
        [&](QObject *context, std::function<void(const SecretResult &)> done) { run(store, context, done); });
}

QString lookupWithSecretTool(const QString &key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("promdesk-test"),
                QStringLiteral("user"), key});
    tool.waitForFinished(10000);
    return QString::fromUtf8(tool.readAllStandardOutput());
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsThroughTheRealKeyring_data();
    void roundTripsThroughTheRealKeyring();
    void missingEntryIsNotFound();
    void lockedKeyringIsNotMissing();
    void oneUnlockPromptForManyReads();
    void noKeychainSaysWhyAndWhatToDo();
    void memoryStoreForThisSession();
};

void TestKeychain::roundTripsThroughTheRealKeyring_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("tmp-token") << QStringLiteral("AbC123-tmp-token");
    QTest::newRow("non-ascii") << QStringLiteral("pässwörd 東京");
    QTest::newRow("spaces-and-symbols") << QStringLiteral(" a:b@c/d?e=f ");
}

void TestKeychain::roundTripsThroughTheRealKeyring()
{
    QFETCH(QString, secret);
    KeychainSecretStore store(QStringLiteral("promdesk-test"));
    const QString key = QStringLiteral("profile-%1").arg(QString::fromLatin1(QTest::currentDataTag()));
    const SecretResult written
        = call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.write(key, secret, c, d); }, store);
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(lookupWithSecretTool(key), secret); // it really is in the Secret Service
    const SecretResult read = call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(key, c, d); }, store);
    QVERIFY(read.ok());
    QCOMPARE(read.secret, secret);
    const SecretResult removed
        = call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.remove(key, c, d); }, store);
    QVERIFY(removed.ok());
    QCOMPARE(lookupWithSecretTool(key), QString());
}

void TestKeychain::missingEntryIsNotFound()
{
    KeychainSecretStore store(QStringLiteral("promdesk-test"));
    const SecretResult read = call(
        [&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(QStringLiteral("never-written"), c, d); }, store);
    QCOMPARE(read.status, SecretResult::Status::NotFound);
    QVERIFY(!read.message.isEmpty());
}

void TestKeychain::lockedKeyringIsNotMissing()
{
    // The keyring is locked and its unlock prompt cannot be shown (no display): as when the
    // operator cancels it. QtKeychain alone calls that "not found", which invites overwriting
    // a good secret.
    KeychainSecretStore store(QStringLiteral("promdesk-test"));
    const QString key = QStringLiteral("locked-profile");
    QVERIFY(call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.write(key, QStringLiteral("kept"), c, d); },
                 store)
                .ok());
    QVERIFY(lockKeyring());
    const SecretResult read = call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(key, c, d); }, store);
    QCOMPARE(read.status, SecretResult::Status::Locked);
    QVERIFY2(read.message.contains(QLatin1String("locked"))
                 && read.message.contains(QLatin1String("do not enter it again"))
                 && read.message.contains(QLatin1String("Unlock")),
             qPrintable(read.message));
    // What is not there is still "not found", locked or not.
    const SecretResult missing = call(
        [&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(QStringLiteral("never-written"), c, d); }, store);
    QCOMPARE(missing.status, SecretResult::Status::NotFound);

    QVERIFY(unlockKeyring());
    const SecretResult again = call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(key, c, d); }, store);
    QVERIFY2(again.ok(), qPrintable(again.message));
    QCOMPARE(again.secret, QStringLiteral("kept"));
}

void TestKeychain::oneUnlockPromptForManyReads()
{
    // Three profiles' secrets asked for at once from a locked keyring: one job reaches the
    // keychain (one prompt); the two behind it share its answer.
    KeychainSecretStore store(QStringLiteral("promdesk-test"));
    for (const QString &key : {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")})
        QVERIFY(call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.write(key, QStringLiteral("x"), c, d); },
                     store)
                    .ok());
    QVERIFY(lockKeyring());
    const int before = store.jobsStarted();
    QList<SecretResult> results;
    QObject context;
    for (const QString &key : {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")})
        store.read(key, &context, [&](const SecretResult &r) { results.append(r); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 20000);
    for (const SecretResult &result : std::as_const(results))
        QCOMPARE(result.status, SecretResult::Status::Locked);
    QCOMPARE(store.jobsStarted() - before, 1);
    QVERIFY(unlockKeyring());
}

void TestKeychain::noKeychainSaysWhyAndWhatToDo()
{
    // A child process with no session bus: the keychain cannot be reached at all.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    environment.remove(QStringLiteral("DISPLAY"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("-child")});
    QVERIFY(child.waitForFinished(30000));
    const QByteArray output = child.readAllStandardOutput();
    QVERIFY2(output.contains("status=no-keychain"), output.constData());
    QVERIFY2(output.contains("session only") && output.contains("standard input"), output.constData());
}

void TestKeychain::memoryStoreForThisSession()
{
    MemorySecretStore store;
    QVERIFY(call([&](SecretStore &s, QObject *c,
                     SecretStore::Done d) { s.write(QStringLiteral("k"), QStringLiteral("v"), c, d); },
                 store)
                .ok());
    QCOMPARE(
        call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(QStringLiteral("k"), c, d); }, store).secret,
        QStringLiteral("v"));
    QVERIFY(call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.remove(QStringLiteral("k"), c, d); }, store)
                .ok());
    QCOMPARE(
        call([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(QStringLiteral("k"), c, d); }, store).status,
        SecretResult::Status::NotFound);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && QByteArray(argv[1]) == "-child") {
        KeychainSecretStore store(QStringLiteral("promdesk-test"));
        const SecretResult result
            = call([&](SecretStore &s, QObject *c,
                       SecretStore::Done d) { s.write(QStringLiteral("x"), QStringLiteral("y"), c, d); },
                   store);
        const char *status = result.status == SecretResult::Status::Ok ? "ok"
            : result.status == SecretResult::Status::NoKeychain        ? "no-keychain"
            : result.status == SecretResult::Status::Failed            ? "failed"
                                                                       : "other";
        std::printf("status=%s message=%s\n", status, result.message.toUtf8().constData());
        return 0;
    }
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
