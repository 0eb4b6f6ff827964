// promdesk-cli profiles end to end, in a private keyring: add with a secret, show it masked,
// test the connection, push and write through the profile, and find the secret nowhere on disk.
#include "CliRunner.h"
#include "FaultServer.h"
#include "ServerFixture.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk::test;

namespace {
const QByteArray kSecret = "tmp-T0ken-that-must-never-hit-the-disk";
}

class TestCliProfiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullWorkflowKeepsTheSecretOffTheDisk();
    void authErrorsComeFromTheProfile();
    void secretHeadersGoToTheKeychain();

private:
    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
    std::unique_ptr<ServerFixture> m_protectedGateway;
    QTemporaryDir m_dir;
};

void TestCliProfiles::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("PROMDESK_CONFIG_DIR").isEmpty()); // run-with-keyring.sh set it up
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
    QProcess htpasswd;
    htpasswd.start(
        QStringLiteral("htpasswd"),
        {QStringLiteral("-nbBC"), QStringLiteral("5"), QStringLiteral("1250000000"), QString::fromLatin1(kSecret)});
    QVERIFY(htpasswd.waitForFinished());
    const QByteArray hash = htpasswd.readAllStandardOutput().trimmed().split(':').at(1);
    m_protectedGateway = ServerFixture::start(
        ServerFixture::Kind::Pushgateway,
        {{}, "basic_auth_users:\n  '1250000000': '" + hash + "'\n", "1250000000", kSecret, {}}, &error);
    QVERIFY2(m_protectedGateway, qPrintable(error));
}

void TestCliProfiles::fullWorkflowKeepsTheSecretOffTheDisk()
{
    CliRun run = runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sandbox"),
                         QStringLiteral("--kind"), QStringLiteral("tmp"), QStringLiteral("--pushgateway-url"),
                         m_protectedGateway->baseUrl().toString(), QStringLiteral("--remote-write-url"),
                         m_prometheus->baseUrl().toString() + QStringLiteral("/api/v1/write"), QStringLiteral("--user"),
                         QStringLiteral("1250000000"), QStringLiteral("--password-stdin"), QStringLiteral("--group"),
                         QStringLiteral("instance=ci-host")},
                        kSecret + "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("its secret is in the keychain"));

    run = runCli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("(in the keychain)"), run.out.constData());
    QVERIFY(!run.out.contains(kSecret));

    run = runCli({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("sandbox")});
    QVERIFY2(run.exitCode == 0, run.out.constData());
    QVERIFY(run.out.contains("auth ok, version 1.5"));
    QVERIFY(run.out.contains("accepts remote write 1.0"));

    run = runCli({QStringLiteral("push"), QStringLiteral("--profile"), QStringLiteral("sandbox"),
                  QStringLiteral("--job"), QStringLiteral("profiled"), QStringLiteral("-")},
                 "via_profile 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("/metrics/job/profiled/instance/ci-host")); // the profile's grouping label
    run = runCli({QStringLiteral("write"), QStringLiteral("--profile"), QStringLiteral("sandbox"), QStringLiteral("-")},
                 "via_profile_rw 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());

    run = runCli({QStringLiteral("profile"), QStringLiteral("export"), m_dir.filePath(QStringLiteral("export.json"))});
    QCOMPARE(run.exitCode, 0);

    // Nowhere on disk: not in the settings directory, not in the export, not in anything else
    // under this test's HOME except the keyring's own encrypted file.
    QStringList searched;
    for (const QString &root :
         {qEnvironmentVariable("PROMDESK_CONFIG_DIR"), qEnvironmentVariable("HOME"), m_dir.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            searched << file.fileName();
            QVERIFY2(!file.readAll().contains(kSecret), qPrintable(file.fileName()));
        }
    }
    QVERIFY(searched.size() >= 2);

    run = runCli({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 0);
    run = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY(run.out.contains("No profiles yet"));

    // Import brings the settings back, and says the secret has to be set again.
    run = runCli({QStringLiteral("profile"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("export.json"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("Imported 'sandbox' (set its secret"), run.err.constData());
    run = runCli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("sandbox")});
    QVERIFY2(run.out.contains("no secret for this profile"), run.out.constData());
    run = runCli({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 0);
}

void TestCliProfiles::authErrorsComeFromTheProfile()
{
    CliRun run = runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("wrong"),
                         QStringLiteral("--kind"), QStringLiteral("pushgateway"), QStringLiteral("--pushgateway-url"),
                         m_protectedGateway->baseUrl().toString(), QStringLiteral("--user"),
                         QStringLiteral("1250000000"), QStringLiteral("--password-stdin")},
                        "not-the-token\n");
    QCOMPARE(run.exitCode, 0);
    run = runCli({QStringLiteral("groups"), QStringLiteral("--profile"), QStringLiteral("wrong")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("refused the credentials"), run.err.constData());
    QVERIFY(!run.err.contains("not-the-token"));
    run = runCli({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("wrong")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("refused the credentials"), run.out.constData());
}

void TestCliProfiles::secretHeadersGoToTheKeychain()
{
    // An export from elsewhere with a tenant password and an API key among its extra headers, for
    // a server that echoes what it gets.
    FaultServer server;
    server.script({FaultServer::Answer::echoes(200)});
    const QString config = qEnvironmentVariable("PROMDESK_CONFIG_DIR");
    QFile json(m_dir.filePath(QStringLiteral("tenant.json")));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write("{\"promdeskProfiles\": 2, \"profiles\": [{\"name\": \"tenant\", \"kind\": \"pushgateway\", "
               "\"pushgatewayUrl\": \""
               + server.baseUrl().toUtf8()
               + "\", "
                 "\"extraHeaders\": [\"X-Scope-OrgID: team-a\", \"X-Tenant-Pass: tenant-pw-5e6f7a\", \"X-Api-Key: "
                 "key-0a1b2c3d\"]}]}");
    json.close();
    CliRun run = runCli({QStringLiteral("profile"), QStringLiteral("import"), json.fileName()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("X-Tenant-Pass, X-Api-Key went to the keychain"), run.err.constData());

    const QByteArray secrets[] = {"tenant-pw-5e6f7a", "key-0a1b2c3d"};
    run = runCli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("tenant")});
    QVERIFY2(run.out.contains("X-Scope-OrgID: team-a") && run.out.contains("X-Tenant-Pass: •••••• (in the keychain)"),
             run.out.constData());
    const QString exported = m_dir.filePath(QStringLiteral("exported.json"));
    QCOMPARE(runCli({QStringLiteral("profile"), QStringLiteral("export"), exported}).exitCode, 0);

    // They are sent with every request of the profile, and masked in the history.
    run = runCli({QStringLiteral("push"), QStringLiteral("--profile"), QStringLiteral("tenant"),
                  QStringLiteral("--job"), QStringLiteral("t"), QStringLiteral("-")},
                 "up 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.received().constFirst().header("X-Tenant-Pass"), QByteArray("tenant-pw-5e6f7a"));
    QCOMPARE(server.received().constFirst().header("X-Api-Key"), QByteArray("key-0a1b2c3d"));
    QCOMPARE(server.received().constFirst().header("X-Scope-OrgID"), QByteArray("team-a"));
    // A re-send from the history carries them again, from the keychain (the history kept masks).
    const QByteArray list = runCli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")}).out;
    const QString pushed = QString::number(QJsonDocument::fromJson(list).array().at(0)[QStringLiteral("id")].toInt());
    run = runCli({QStringLiteral("history"), QStringLiteral("resend"), pushed});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(server.received().at(1).header("X-Tenant-Pass"), QByteArray("tenant-pw-5e6f7a"));
    QCOMPARE(server.received().at(1).header("X-Api-Key"), QByteArray("key-0a1b2c3d"));
    QCOMPARE(server.received().at(1).header("X-Scope-OrgID"), QByteArray("team-a"));
    const QByteArray shown
        = runCli({QStringLiteral("history"), QStringLiteral("show"), pushed}).out + run.out + run.err;
    for (const QByteArray &secret : secrets)
        QVERIFY2(!shown.contains(secret), shown.constData());

    // And nowhere on disk: not in profiles.ini, the export or the history.
    QVERIFY(json.remove()); // the file it came from, of course, has them
    for (const QString &root : {config, qEnvironmentVariable("PROMDESK_DATA_DIR"), m_dir.path()}) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName()));
        }
    }
}

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles.moc"
