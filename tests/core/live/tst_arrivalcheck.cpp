// The arrival check's verdicts, against a scripted query API: when the value shows, and each
// reason it gives when it does not (the real-server reasons, not scraped and honor_labels off,
// are in tst_cli_live).
#include "FaultServer.h"
#include "live/ArrivalCheck.h"

#include <QSignalSpy>
#include <QTest>

using namespace promdesk;
using promdesk::test::FaultServer;

namespace {

QByteArray vector(const QByteArray &series)
{
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + series + "]}}";
}

const QByteArray kNothing = vector({});

ArrivalProbe pushProbe()
{
    ArrivalProbe probe;
    probe.metric = QStringLiteral("backup_time");
    probe.labels
        = Labels{{QStringLiteral("instance"), QStringLiteral("a")}, {QStringLiteral("job"), QStringLiteral("j")}};
    probe.value = 1700000000.5;
    probe.gatewayAuthority = QStringLiteral("127.0.0.1:9091");
    return probe;
}

ArrivalResult check(FaultServer &server, const ArrivalProbe &probe, qint64 timeoutMs = 1,
                    const QString &pathPrefix = {})
{
    HttpClient http;
    QueryEndpoint endpoint;
    endpoint.baseUrl = QUrl(server.baseUrl() + pathPrefix);
    ArrivalCheck arrival(endpoint, &http, probe, QDateTime::currentMSecsSinceEpoch(), timeoutMs);
    QSignalSpy finished(&arrival, &ArrivalCheck::finished);
    arrival.start();
    if (!finished.wait(10000))
        return {};
    return finished.constFirst().constFirst().value<ArrivalResult>();
}

} // namespace

class TestArrivalCheck : public QObject
{
    Q_OBJECT

private slots:
    void arrivesWhenTheValueShows_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("latest-sample") << vector(
            "{\"metric\":{\"job\":\"j\",\"instance\":\"a\"},\"values\":[[1700000001,\"1700000000.5\"]]}");
        QTest::newRow("replaced-since-but-scraped")
            << vector("{\"metric\":{\"job\":\"j\",\"instance\":\"a\"},\"values\":[[1700000001,\"1700000000.5\"],["
                      "1700000002,\"1700000002.5\"]]}");
    }
    void arrivesWhenTheValueShows()
    {
        QFETCH(QByteArray, answer);
        FaultServer server;
        server.script({FaultServer::Answer::reply(200, answer)});
        const ArrivalResult result = check(server, pushProbe(), 5000);
        QVERIFY2(result.arrived, qPrintable(result.verdict()));
        QCOMPARE(result.queries, 1);
        // The query asks for every sample since the push, with + spelled %2B for Go.
        QVERIFY(server.received().constFirst().path.startsWith(
            "/api/v1/query?query=backup_time%7Binstance%3D%22a%22%2Cjob%3D%22j%22%7D%5B"));
    }

    // A Prometheus behind a prefix with escapes in it ("%2541" is "%41" decoded, which a second
    // reading would take for "A") is asked at that prefix, escapes and all.
    void asksUnderAnEscapedPrefix()
    {
        FaultServer server;
        server.script({FaultServer::Answer::reply(
            200,
            vector("{\"metric\":{\"job\":\"j\",\"instance\":\"a\"},\"values\":[[1700000001,\"1700000000.5\"]]}"))});
        const ArrivalResult result = check(server, pushProbe(), 5000, QStringLiteral("/prom%20a/x%2541/b%2Fc/"));
        QVERIFY2(result.arrived, qPrintable(result.verdict()));
        const QByteArray path = server.received().constFirst().path;
        QVERIFY2(path.startsWith("/prom%20a/x%2541/b%2Fc/api/v1/query?query="), path.constData());
    }

    void remoteWriteArrivesOnlyAtItsTimestamp()
    {
        ArrivalProbe probe = pushProbe();
        probe.timestampMs = 1700000000123;
        probe.gatewayAuthority.clear();
        FaultServer server;
        server.script(
            {FaultServer::Answer::reply(200, vector("{\"metric\":{},\"values\":[[1700000000.122,\"1700000000.5\"]]}")),
             FaultServer::Answer::reply(200,
                                        vector("{\"metric\":{},\"values\":[[1700000000.123,\"1700000000.5\"]]}"))});
        const ArrivalResult result = check(server, probe, 5000);
        QVERIFY2(result.arrived, qPrintable(result.verdict()));
        QCOMPARE(result.queries, 2);
        QVERIFY(server.received().constFirst().path.contains("&time=1700000000.123"));
    }

    void saysWhyItDidNotArrive_data()
    {
        QTest::addColumn<bool>("remoteWrite");
        QTest::addColumn<QList<QByteArray>>("answers");
        QTest::addColumn<QString>("reason");
        QTest::newRow("replaced-before-a-scrape")
            << false
            << QList<QByteArray>{kNothing,
                                 vector("{\"metric\":{\"__name__\":\"backup_time\",\"job\":\"j\",\"instance\":\"a\"},"
                                        "\"value\":[1,\"1\"]}")}
            << "a later push replaced it before Prometheus scraped the gateway";
        QTest::newRow("label-renamed")
            << false
            << QList<QByteArray>{kNothing,
                                 vector("{\"metric\":{\"__name__\":\"backup_time\",\"job\":\"j\",\"host\":\"a\"},"
                                        "\"value\":[1,\"1\"]}")}
            << "a label was dropped or renamed on the way: Prometheus has backup_time as {host=\"a\",job=\"j\"}";
        QTest::newRow("other-jobs-do-not-count")
            << false
            << QList<
                   QByteArray>{kNothing,
                               vector(
                                   "{\"metric\":{\"__name__\":\"backup_time\",\"job\":\"other\"},\"value\":[1,\"1\"]}"),
                               "{\"status\":\"success\",\"data\":{\"activeTargets\":[]}}"}
            << "does not scrape the gateway at 127.0.0.1:9091";
        QTest::newRow("scraped-but-down")
            << false
            << QList<
                   QByteArray>{kNothing, kNothing,
                               "{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"scrapeUrl\":\"http://"
                               "127.0.0.1:9091/metrics\",\"health\":\"down\",\"lastError\":\"connection refused\"}]}}"}
            << "the last scrape failed: connection refused";
        QTest::newRow("older-than-the-receiver-keeps")
            << true
            << QList<QByteArray>{kNothing, kNothing,
                                 "{\"status\":\"success\",\"data\":{\"headStats\":{\"minTime\":1800000000000,"
                                 "\"maxTime\":1800007200000}}}"}
            << "is older than the receiver accepts";
    }
    void saysWhyItDidNotArrive()
    {
        QFETCH(bool, remoteWrite);
        QFETCH(QList<QByteArray>, answers);
        QFETCH(QString, reason);
        ArrivalProbe probe = pushProbe();
        if (remoteWrite) {
            probe.timestampMs = 1700000000000;
            probe.gatewayAuthority.clear();
        }
        FaultServer server;
        QList<FaultServer::Answer> script;
        for (const QByteArray &answer : answers)
            script.append(FaultServer::Answer::reply(200, answer));
        server.script(script);
        const ArrivalResult result = check(server, probe);
        QVERIFY(!result.arrived);
        QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
        QVERIFY(result.verdict().startsWith(QLatin1String("not visible after")));
    }

    // Prometheus 3 no longer writes the scheme's default port into a target's address: an https
    // scrape URL without a port is the gateway's at port 443.
    void aScrapeUrlWithoutPortIsAtItsSchemesPort()
    {
        ArrivalProbe probe = pushProbe();
        probe.gatewayAuthority = QStringLiteral("gateway.example:443");
        FaultServer server;
        server.script(
            {FaultServer::Answer::reply(200, kNothing), FaultServer::Answer::reply(200, kNothing),
             FaultServer::Answer::reply(200,
                                        "{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"scrapeUrl\":\"https://"
                                        "gateway.example/metrics\",\"health\":\"down\",\"lastError\":\"tls: bad "
                                        "certificate\"}]}}")});
        const ArrivalResult result = check(server, probe);
        QVERIFY(!result.arrived);
        QVERIFY2(result.reason.contains(QLatin1String("the last scrape failed: tls: bad certificate")),
                 qPrintable(result.reason));
    }

    void cancellingRecordsNoVerdictAndAsksNoMore()
    {
        FaultServer server;
        server.script({FaultServer::Answer::hangs()});
        HttpClient http;
        QueryEndpoint endpoint;
        endpoint.baseUrl = QUrl(server.baseUrl());
        ArrivalCheck arrival(endpoint, &http, pushProbe(), QDateTime::currentMSecsSinceEpoch(), 1);
        QSignalSpy finished(&arrival, &ArrivalCheck::finished);
        arrival.start();
        QTRY_COMPARE(server.received().size(), 1);
        arrival.cancel();
        QCOMPARE(finished.size(), 1); // once, as cancelled: not a "not visible" verdict
        QCOMPARE(finished.constFirst().constFirst().value<ArrivalResult>().reason, QStringLiteral("cancelled"));
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(server.received().size(), 1); // no diagnosis query after it
    }

    void aQueryURLThatRefusesIsSaidSo()
    {
        FaultServer server;
        server.script({FaultServer::Answer::reply(401, "Unauthorized\n")});
        const ArrivalResult result = check(server, pushProbe());
        QVERIFY2(result.reason.contains(QLatin1String("the query URL did not answer (HTTP 401: Unauthorized)")),
                 qPrintable(result.reason));
    }

    // The push's credentials go to the query API only on the push's own origin: a query URL
    // elsewhere (another port is another server) gets neither them nor the secret headers.
    void credentialsStayOnThePushsOrigin_data()
    {
        QTest::addColumn<QString>("pushUrl");
        QTest::addColumn<QString>("queryUrl");
        QTest::addColumn<bool>("kept");
        QTest::newRow("same-origin-other-path") << "https://tmp.example:9090/api/v1/prom/write"
                                                << "https://tmp.example:9090" << true;
        QTest::newRow("default-port-spelled-out") << "https://tmp.example/push"
                                                  << "https://tmp.example:443/" << true;
        QTest::newRow("host-case") << "http://Gateway.example:9091"
                                   << "http://gateway.example:9091" << true;
        QTest::newRow("other-port") << "http://127.0.0.1:9091"
                                    << "http://127.0.0.1:9090" << false;
        QTest::newRow("other-host") << "http://gateway.example:9091"
                                    << "http://prometheus.example:9091" << false;
        QTest::newRow("other-scheme") << "https://tmp.example"
                                      << "http://tmp.example:443" << false;
        QTest::newRow("user-info-does-not-make-it-same") << "http://a.example"
                                                         << "http://x@b.example" << false;
    }
    void credentialsStayOnThePushsOrigin()
    {
        QFETCH(QString, pushUrl);
        QFETCH(QString, queryUrl);
        QFETCH(bool, kept);
        QueryEndpoint endpoint;
        endpoint.baseUrl = QUrl(queryUrl);
        endpoint.credentials = Credentials{Credentials::Kind::Basic, QStringLiteral("1250000000"), QStringLiteral("s")};
        endpoint.extraHeaders = {{"X-Api-Key", "k"}, {"X-Scope-OrgID", "team-a"}};
        const QueryEndpoint sent = verificationEndpoint(endpoint, QUrl(pushUrl));
        QCOMPARE(sent.credentials == endpoint.credentials, kept);
        QCOMPARE(sent.credentialsWithheld, !kept);
        const HttpHeaders expected
            = kept ? endpoint.extraHeaders : HttpHeaders{{"X-Scope-OrgID", "team-a"}}; // a tenant is no secret
        QCOMPARE(sent.extraHeaders, expected);
    }

    // A query API elsewhere that wants credentials is told apart from one that is down: the
    // operator learns why it refused and what to give instead.
    void aRefusalWithoutTheWithheldCredentialsSaysWhy()
    {
        FaultServer server;
        server.script({FaultServer::Answer::reply(401, "Unauthorized\n")});
        HttpClient http;
        QueryEndpoint endpoint;
        endpoint.baseUrl = QUrl(server.baseUrl());
        endpoint.credentials = Credentials{Credentials::Kind::Bearer, {}, QStringLiteral("token")};
        endpoint = verificationEndpoint(endpoint, QUrl(QStringLiteral("http://127.0.0.1:1")));
        ArrivalCheck arrival(endpoint, &http, pushProbe(), QDateTime::currentMSecsSinceEpoch(), 1);
        QSignalSpy finished(&arrival, &ArrivalCheck::finished);
        arrival.start();
        QVERIFY(finished.wait(10000));
        const QString reason = finished.constFirst().constFirst().value<ArrivalResult>().reason;
        QVERIFY2(reason.contains(QLatin1String("the push's credentials go only to a query URL on the push's own "
                                               "server")),
                 qPrintable(reason));
        QVERIFY(server.received().constFirst().header("Authorization").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArrivalCheck)
#include "tst_arrivalcheck.moc"
