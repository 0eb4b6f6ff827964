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

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
