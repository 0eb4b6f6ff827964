#include "net/Redactor.h"

#include <QTest>

using namespace promdesk;

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redactsUrls_data();
    void redactsUrls();
    void redactsHeaders();
    void redactsSecretsInText();
    void masksWhatAServerEchoes();
    void namesThatCarryCredentials_data();
    void namesThatCarryCredentials();
};

void TestRedactor::redactsUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("user-info")      << "https://appid:t0ken@tmp.example/api/v1/prom/write" << "https://tmp.example/api/v1/prom/write";
    QTest::newRow("token-query")    << "http://h/write?access_token=abc&tenant=a" << "http://h/write?access_token=••••••&tenant=a";
    QTest::newRow("api-key-query")  << "http://h/x?api_key=1&X-Api-Key=2" << "http://h/x?api_key=••••••&X-Api-Key=••••••";
    QTest::newRow("nothing-secret") << "http://127.0.0.1:9091/metrics/job/a" << "http://127.0.0.1:9091/metrics/job/a";
    // What is not a secret stays as it was sent: Go reads a '+' in a query as a space, "%2B" as '+'.
    QTest::newRow("escaped-plus")   << "http://h/api/v1/query?query=a%2Bb+c&time=1" << "http://h/api/v1/query?query=a%2Bb+c&time=1";
    QTest::newRow("escaped-delimiters") << "http://h/x?a=%26%3D%23%25&token=s" << "http://h/x?a=%26%3D%23%25&token=••••••";
    QTest::newRow("escaped-secret-name") << "http://h/x?api%5Fkey=s%26t&b=1" << "http://h/x?api_key=••••••&b=1";
    QTest::newRow("name-without-value") << "http://h/x?token&b=1" << "http://h/x?token=••••••&b=1";
    QTest::newRow("pass-query")     << "http://h/metrics/job/j?pass=s3&user=u" << "http://h/metrics/job/j?pass=••••••&user=u";
    // clang-format on
}

void TestRedactor::redactsUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(redactUrl(QUrl(url)), expected);
}

void TestRedactor::redactsHeaders()
{
    const HttpHeaders redacted = redactHeaders({{"Authorization", "Basic MTI1MDAwMDAwMDp0MGtlbg=="},
                                                {"X-Auth-Token", "abc"},
                                                {"Content-Type", "text/plain"},
                                                {"Cookie", "s=1"}});
    QCOMPARE(redacted.at(0).second, QByteArray("Basic ••••••"));
    QCOMPARE(redacted.at(1).second, QByteArray("••••••"));
    QCOMPARE(redacted.at(2).second, QByteArray("text/plain"));
    QCOMPARE(redacted.at(3).second, QByteArray("••••••"));
}

void TestRedactor::redactsSecretsInText()
{
    const Credentials credentials{Credentials::Kind::Basic, QStringLiteral("1250000000"), QStringLiteral("t0ken")};
    QCOMPARE(redactText(QStringLiteral("bad token t0ken, header Basic MTI1MDAwMDAwMDp0MGtlbg=="), credentials),
             QStringLiteral("bad token ••••••, header Basic ••••••"));
    QCOMPARE(redactText(QStringLiteral("no secret here"), Credentials{}), QStringLiteral("no secret here"));
}

void TestRedactor::masksWhatAServerEchoes()
{
    HttpRequest request;
    request.credentials
        = Credentials{Credentials::Kind::Basic, QStringLiteral("1250000000"), QStringLiteral("t0ken-xyz")};
    request.headers = {{"X-Tenant-Pass", "tenant-pw"}, {"Content-Type", "text/plain"}};
    const QList<QByteArray> secrets = secretsOf(request);
    const QByteArray basic = QByteArray("1250000000:t0ken-xyz").toBase64();
    HttpResult result;
    result.body
        = "Authorization: Basic " + basic + "\r\nyou sent t0ken-xyz and tenant-pw\r\nContent-Type: text/plain\r\n";
    result.headers = {{"Set-Cookie", "session=abc"},
                      {"X-Echo", "t0ken-xyz"},
                      {"WWW-Authenticate", "Basic realm=\"tmp\""},
                      {"Content-Type", "text/plain"}};
    QVERIFY(redactEcho(result, secrets));
    QVERIFY(result.redacted);
    QCOMPARE(result.body,
             QByteArray("Authorization: Basic ••••••\r\nyou sent •••••• and ••••••\r\nContent-Type: text/plain\r\n"));
    QCOMPARE(result.headers.at(0).second, QByteArray("••••••"));
    QCOMPARE(result.headers.at(1).second, QByteArray("••••••"));
    QCOMPARE(result.headers.at(2).second, QByteArray("Basic realm=\"tmp\"")); // a challenge is no secret
    QCOMPARE(result.headers.at(3).second, QByteArray("text/plain"));

    // Written into a URL or a form, a secret shows percent-encoded: '+' as %2B, '/' as %2F.
    HttpRequest bearer;
    bearer.credentials = Credentials{Credentials::Kind::Bearer, {}, QStringLiteral("BEARER/TOKEN+XYZ")};
    bearer.url = QUrl(QStringLiteral("http://h/write?access_token=q%2Fw%2Be&tenant=a"));
    HttpResult encoded;
    encoded.body = "denied BEARER/TOKEN+XYZ (urlenc BEARER%2FTOKEN%2BXYZ), url token q/w+e or q%2Fw%2Be, tenant a";
    QVERIFY(redactEcho(encoded, secretsOf(bearer)));
    QCOMPARE(encoded.body, QByteArray("denied •••••• (urlenc ••••••), url token •••••• or ••••••, tenant a"));

    HttpResult clean;
    clean.body = "pushed metrics are invalid";
    QVERIFY(!redactEcho(clean, secrets));
    QVERIFY(!clean.redacted);
}

void TestRedactor::namesThatCarryCredentials_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("secret");
    for (const char *name : {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
                             "X-Tenant-Pass", "X-Auth-Token", "X-Secret", "X-Session-Id", "X-Pwd"})
        QTest::newRow(name) << QByteArray(name) << true;
    for (const char *name : {"Content-Type", "X-Scope-OrgID", "WWW-Authenticate", "User-Agent", "Keep-Alive"})
        QTest::newRow(name) << QByteArray(name) << false;
}

void TestRedactor::namesThatCarryCredentials()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, secret);
    QCOMPARE(isSecretHeaderName(name), secret);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
