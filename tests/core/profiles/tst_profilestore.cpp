#include "TestFiles.h"
#include "live/ArrivalCheck.h"
#include "profiles/ProfileStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsEveryField();
    void writesOnlyWhatDiffersAsWords();
    void keepsNamesUniqueAndIdsOnRename();
    void removes();
    void migratesSchemaOne();
    void exportsWithoutSecrets();
    void refusesForeignImports_data();
    void refusesForeignImports();
    void tmpTemplateFillsThePaths();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

namespace {

Profile full()
{
    Profile p;
    p.name = QStringLiteral("prod gz");
    p.kind = ProfileKind::Tmp;
    p.pushgatewayUrl = QStringLiteral("https://10.0.0.1:9091");
    p.remoteWriteUrl = QStringLiteral("https://10.0.0.1:9090/api/v1/prom/write");
    p.queryUrl = QStringLiteral("https://10.0.0.1:9090");
    p.auth = Credentials::Kind::Basic;
    p.user = QStringLiteral("1250000000");
    p.caFile = QStringLiteral("/etc/ca.pem");
    p.clientCertFile = QStringLiteral("/etc/client.pem");
    p.clientKeyFile = QStringLiteral("/etc/client.key");
    p.verifyPeer = false;
    p.proxy = ProxyMode::Custom;
    p.proxyUrl = QStringLiteral("http://proxy:3128");
    p.timeoutMs = 5000;
    p.groupingLabels
        = {{QStringLiteral("instance"), QStringLiteral("host-1")}, {QStringLiteral("db"), QStringLiteral("a=b")}};
    p.pushMethod = PushMethod::Merge;
    p.bodyFormat = BodyFormat::Protobuf;
    p.extraHeaders = {{QByteArray("X-Scope-OrgID"), QByteArray("team-a")}};
    return p;
}

} // namespace

void TestProfileStore::roundTripsEveryField()
{
    Profile profile = full();
    {
        ProfileStore store(path(QStringLiteral("roundtrip.ini")));
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        QVERIFY(!profile.id.isEmpty());
    }
    ProfileStore reopened(path(QStringLiteral("roundtrip.ini")));
    const std::optional<Profile> loaded = reopened.find(QStringLiteral("prod gz"));
    QVERIFY(loaded);
    QCOMPARE(*loaded, profile);
}

void TestProfileStore::writesOnlyWhatDiffersAsWords()
{
    ProfileStore store(path(QStringLiteral("words.ini")));
    Profile profile;
    profile.name = QStringLiteral("local");
    profile.kind = ProfileKind::Pushgateway;
    profile.pushgatewayUrl = QStringLiteral("http://127.0.0.1:9091");
    QString error;
    QVERIFY(store.save(profile, &error));
    QFile file(store.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("kind=pushgateway"), text.constData());
    QVERIFY(text.contains("schemaVersion=2"));
    QVERIFY(!text.contains("timeoutMs")); // the default is not written
    QVERIFY(!text.contains("verifyPeer"));
}

void TestProfileStore::keepsNamesUniqueAndIdsOnRename()
{
    ProfileStore store(path(QStringLiteral("unique.ini")));
    Profile a;
    a.name = QStringLiteral("a");
    Profile b;
    b.name = QStringLiteral("a");
    QString error;
    QVERIFY(store.save(a, &error));
    QVERIFY(!store.save(b, &error));
    QVERIFY(error.contains(QLatin1String("exists already")));
    const QString id = a.id;
    a.name = QStringLiteral("renamed");
    QVERIFY(store.save(a, &error));
    QCOMPARE(store.find(QStringLiteral("renamed"))->id, id); // the keychain entry follows the id
    QVERIFY(!store.find(QStringLiteral("a")));
    Profile unnamed;
    QVERIFY(!store.save(unnamed, &error));
}

void TestProfileStore::removes()
{
    ProfileStore store(path(QStringLiteral("remove.ini")));
    Profile a;
    a.name = QStringLiteral("gone");
    QString error;
    QVERIFY(store.save(a, &error));
    QVERIFY(store.remove(a.id));
    QVERIFY(!store.remove(a.id));
    QVERIFY(store.profiles().isEmpty());
}

void TestProfileStore::migratesSchemaOne()
{
    const QString file = path(QStringLiteral("v1.ini"));
    QFile::remove(file);
    QVERIFY(QFile::copy(QStringLiteral(PROMDESK_TEST_DATA_DIR "/profiles-v1.ini"), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    ProfileStore store(file);
    QVERIFY2(store.migrationNote().contains(QLatin1String("2 profile(s)")), qPrintable(store.migrationNote()));
    const std::optional<Profile> staging = store.find(QStringLiteral("staging gateway"));
    QVERIFY(staging);
    QCOMPARE(staging->kind, ProfileKind::Pushgateway);
    QCOMPARE(staging->pushgatewayUrl, QStringLiteral("https://pgw.staging.example:9091"));
    QVERIFY(!staging->verifyPeer);
    QCOMPARE(staging->auth, Credentials::Kind::None);
    const std::optional<Profile> tmp = store.find(QStringLiteral("tmp-gz"));
    QVERIFY(tmp);
    QCOMPARE(tmp->kind, ProfileKind::Tmp);
    QCOMPARE(tmp->remoteWriteUrl, QStringLiteral("http://10.0.0.12:8080/api/v1/prom/write"));
    QCOMPARE(tmp->auth, Credentials::Kind::Basic);
    QCOMPARE(tmp->user, QStringLiteral("1250000000"));
    // A second open finds the file current.
    ProfileStore again(file);
    QVERIFY(again.migrationNote().isEmpty());
    QCOMPARE(again.profiles().size(), 2);
}

void TestProfileStore::exportsWithoutSecrets()
{
    const QByteArray json = exportProfiles({full()});
    QVERIFY(!json.contains("secret"));
    QVERIFY(json.contains("\"user\": \"1250000000\""));
    QString error;
    const std::optional<QList<Profile>> imported = importProfiles(json, &error);
    QVERIFY2(imported, qPrintable(error));
    Profile expected = full();
    expected.id.clear();
    QCOMPARE(imported->constFirst(), expected);
}

void TestProfileStore::refusesForeignImports_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not-json") << QByteArray("name=x");
    QTest::newRow("other-json") << QByteArray(R"({"profiles":[]})");
}

void TestProfileStore::refusesForeignImports()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!importProfiles(json, &error));
    QVERIFY(!error.isEmpty());
}

void TestProfileStore::tmpTemplateFillsThePaths()
{
    const Profile p = tmpProfileTemplate(QStringLiteral("gz"), QStringLiteral("http://10.0.0.12:8080/"),
                                         QStringLiteral("1250000000"));
    QCOMPARE(p.remoteWriteUrl, QStringLiteral("http://10.0.0.12:8080/api/v1/prom/write"));
    QCOMPARE(p.pushgatewayUrl, QStringLiteral("http://10.0.0.12:8080"));
    QCOMPARE(p.auth, Credentials::Kind::Basic);
    const WriteEndpoint endpoint = writeEndpoint(p, QStringLiteral("tok"));
    QCOMPARE(endpoint.credentials.user, QStringLiteral("1250000000"));
    QCOMPARE(endpoint.credentials.secret, QStringLiteral("tok"));
    // The query API for arrival checks is the instance address, with the same credentials.
    QCOMPARE(p.queryUrl, QStringLiteral("http://10.0.0.12:8080"));
    const QueryEndpoint query = queryEndpoint(p, QStringLiteral("tok"));
    QCOMPARE(query.baseUrl, QUrl(QStringLiteral("http://10.0.0.12:8080")));
    QCOMPARE(query.credentials.user, QStringLiteral("1250000000"));
    QCOMPARE(query.credentials.secret, QStringLiteral("tok"));
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
