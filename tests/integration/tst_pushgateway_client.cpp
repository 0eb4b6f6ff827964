// PushgatewayClient against a real Pushgateway 1.5: grouping keys, PUT/POST/DELETE, rejections,
// route prefix, listing, status, wipe, and the network failure categories.
#include "AsyncWait.h"
#include "ServerFixture.h"
#include "exposition/TextParser.h"
#include "pushgateway/PushgatewayClient.h"
#include "pushgateway/ServerMessage.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;

namespace {

MetricSet parse(const QByteArray &text)
{
    return parseText(text, ParseOptions{}).metrics;
}

struct Groups
{
    HttpResult result;
    std::optional<GatewayGroups> groups;
};

} // namespace

class TestPushgatewayClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void groupingValuesArriveExactly_data();
    void groupingValuesArriveExactly();
    void replaceMergeDelete();
    void protobufAndGzipBodies_data();
    void protobufAndGzipBodies();
    void timestampRejectionKeepsServerText();
    void typeConflictIsExplained();
    void routePrefix();
    void routePrefixWithEscapes();
    void statusReadyAndWipe();
    void cannotConnect();
    void hungServerTimesOut();

private:
    HttpResult push(PushgatewayClient &client, const GroupingKey &key, const QByteArray &text,
                    PushOptions options = {});
    Groups list(PushgatewayClient &client);
    HttpResult send(const std::function<void(QObject *, PushgatewayClient::Done)> &start);

    HttpClient m_http;
    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<PushgatewayClient> m_client;
};

HttpResult TestPushgatewayClient::send(const std::function<void(QObject *, PushgatewayClient::Done)> &start)
{
    return awaitCall<HttpResult>(
        [&](QObject *context, std::function<void(const HttpResult &)> done) { start(context, done); });
}

HttpResult TestPushgatewayClient::push(PushgatewayClient &client, const GroupingKey &key, const QByteArray &text,
                                       PushOptions options)
{
    return send(
        [&](QObject *context, PushgatewayClient::Done done) { client.push(key, parse(text), options, context, done); });
}

Groups TestPushgatewayClient::list(PushgatewayClient &client)
{
    return awaitCall<Groups>([&](QObject *context, std::function<void(const Groups &)> done) {
        client.listGroups(context, [done](const HttpResult &r, const std::optional<GatewayGroups> &g, const QString &) {
            done(Groups{r, g});
        });
    });
}

void TestPushgatewayClient::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway,
                                     {{QStringLiteral("--web.enable-admin-api")}, {}, {}, {}, {}}, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_client
        = std::make_unique<PushgatewayClient>(GatewayEndpoint{m_gateway->baseUrl(), {}, {}, 10000, {}, {}}, &m_http);
}

void TestPushgatewayClient::groupingValuesArriveExactly_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("slash") << QStringLiteral("/var/tmp/backup");
    QTest::newRow("empty") << QString();
    QTest::newRow("space") << QStringLiteral("host 17");
    QTest::newRow("plus") << QStringLiteral("a+b");
    QTest::newRow("percent") << QStringLiteral("100%25");
    QTest::newRow("equals") << QStringLiteral("a=b");
    QTest::newRow("hash") << QStringLiteral("#1");
    QTest::newRow("question-mark") << QStringLiteral("what?x=1");
    QTest::newRow("non-ascii") << QStringLiteral("Zürich 東京 ✓");
    QTest::newRow("very-long") << QString(2000, QLatin1Char('x')) + QStringLiteral("/end");
    QTest::newRow("dots") << QStringLiteral("..");
}

void TestPushgatewayClient::groupingValuesArriveExactly()
{
    QFETCH(QString, value);
    const GroupingKey key(QStringLiteral("edge_%1").arg(
                              QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char('-'), QLatin1Char('_'))),
                          {{QStringLiteral("value"), value}});
    const HttpResult result = push(*m_client, key, "edge_case 1\n");
    QVERIFY2(result.ok(), result.body.constData());
    const Groups groups = list(*m_client);
    QVERIFY(groups.groups);
    const QList<const GatewayGroup *> ofJob = groups.groups->ofJob(key.job());
    QCOMPARE(ofJob.size(), 1);
    // An empty value is the same as no label to the gateway; everything else must be exact.
    if (value.isEmpty())
        QVERIFY(!ofJob.at(0)->groupingKey.contains(QStringLiteral("value"))
                || ofJob.at(0)->groupingKey.value(QStringLiteral("value")).isEmpty());
    else
        QCOMPARE(ofJob.at(0)->groupingKey.value(QStringLiteral("value")), value);
}

void TestPushgatewayClient::replaceMergeDelete()
{
    const GroupingKey key(QStringLiteral("semantics"), {{QStringLiteral("instance"), QStringLiteral("a")}});
    QVERIFY(push(*m_client, key, "first 1\nsecond 2\n").ok());
    // POST replaces only `first`; `second` stays.
    PushOptions merge;
    merge.method = PushMethod::Merge;
    QVERIFY(push(*m_client, key, "first 10\n", merge).ok());
    Groups groups = list(*m_client);
    const GatewayGroup *group = groups.groups->find(key.asLabels());
    QVERIFY(group);
    QCOMPARE(group->metrics.family(QStringLiteral("first"))->metrics.at(0).value, 10.0);
    QCOMPARE(group->metrics.family(QStringLiteral("second"))->metrics.at(0).value, 2.0);
    // PUT replaces the whole group: `second` goes.
    QVERIFY(push(*m_client, key, "first 11\n").ok());
    groups = list(*m_client);
    group = groups.groups->find(key.asLabels());
    QVERIFY(group);
    QVERIFY(!group->metrics.family(QStringLiteral("second")));
    // DELETE matches the exact key only: {job="semantics"} is another group.
    const HttpResult wrongKey = send([&](QObject *c, PushgatewayClient::Done d) {
        m_client->deleteGroup(GroupingKey(QStringLiteral("semantics")), c, d);
    });
    QCOMPARE(wrongKey.status, 202);
    QVERIFY(list(*m_client).groups->find(key.asLabels()));
    const HttpResult deleted = send([&](QObject *c, PushgatewayClient::Done d) { m_client->deleteGroup(key, c, d); });
    QCOMPARE(deleted.status, 202);
    QVERIFY(!list(*m_client).groups->find(key.asLabels()));
}

void TestPushgatewayClient::protobufAndGzipBodies_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("text-gzip") << int(BodyFormat::Text) << true;
    QTest::newRow("protobuf") << int(BodyFormat::Protobuf) << false;
    QTest::newRow("protobuf-gzip") << int(BodyFormat::Protobuf) << true;
}

void TestPushgatewayClient::protobufAndGzipBodies()
{
    QFETCH(int, format);
    QFETCH(bool, gzip);
    const GroupingKey key(QStringLiteral("bodies"),
                          {{QStringLiteral("case"), QString::fromLatin1(QTest::currentDataTag())}});
    PushOptions options;
    options.format = BodyFormat(format);
    options.gzip = gzip;
    const HttpResult result
        = push(*m_client, key,
               "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n", options);
    QVERIFY2(result.ok(), result.body.constData());
    const Groups groups = list(*m_client);
    const MetricFamily *h = groups.groups->find(key.asLabels())->metrics.family(QStringLiteral("h"));
    QVERIFY(h);
    QCOMPARE(h->type, MetricType::Histogram);
    QCOMPARE(*h->metrics.at(0).count, 2.0);
}

void TestPushgatewayClient::timestampRejectionKeepsServerText()
{
    // The client never sends timestamps, so send the raw body a careless tool would send.
    HttpRequest request = m_client->apiRequest("PUT", GroupingKey(QStringLiteral("stamped")).path());
    request.body = "a 1 1700000000000\n";
    const HttpResult result = awaitCall<HttpResult>(
        [&](QObject *context, std::function<void(const HttpResult &)> done) { m_http.send(request, context, done); });
    QCOMPARE(result.status, 400);
    QCOMPARE(result.category, ErrorCategory::Rejected);
    QVERIFY2(result.body.contains("pushed metrics must not have timestamps"), result.body.constData());
    const Explanation explanation = explainGatewayAnswer(result, QStringLiteral("the Pushgateway"));
    QVERIFY2(explanation.summary.contains(QLatin1String("timestamps")), qPrintable(explanation.summary));
}

void TestPushgatewayClient::typeConflictIsExplained()
{
    QVERIFY(push(*m_client, GroupingKey(QStringLiteral("types"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
                 "# TYPE shared_metric gauge\nshared_metric 1\n")
                .ok());
    const HttpResult result
        = push(*m_client, GroupingKey(QStringLiteral("types"), {{QStringLiteral("instance"), QStringLiteral("b")}}),
               "# TYPE shared_metric counter\nshared_metric 1\n");
    QCOMPARE(result.status, 400);
    QVERIFY2(result.body.contains("inconsistent"), result.body.constData());
    const Explanation explanation = explainGatewayAnswer(result, QStringLiteral("the Pushgateway"));
    QVERIFY2(explanation.summary.contains(QLatin1String("'shared_metric' would have two types")),
             qPrintable(explanation.summary + QLatin1Char('\n') + QString::fromUtf8(result.body)));
}

// A gateway behind a prefix that needs escapes keeps them: the requests go where the address says.
void TestPushgatewayClient::routePrefixWithEscapes()
{
    QString error;
    const auto prefixed = ServerFixture::start(
        ServerFixture::Kind::Pushgateway, {{QStringLiteral("--web.route-prefix=/team a/50%")}, {}, {}, {}, {}}, &error);
    QVERIFY2(prefixed, qPrintable(error));
    const QUrl base(prefixed->baseUrl().toString() + QStringLiteral("/team%20a/50%25/"));
    PushgatewayClient client(GatewayEndpoint{base, {}, {}, 10000, {}, {}}, &m_http);
    const GroupingKey key(QStringLiteral("escaped"), {{QStringLiteral("instance"), QStringLiteral("a b")}});
    QCOMPARE(client.groupUrl(key).toString(QUrl::FullyEncoded),
             prefixed->baseUrl().toString()
                 + QStringLiteral("/team%20a/50%25/metrics/job/escaped/instance@base64/YSBi"));
    QVERIFY(push(client, key, "a 1\n").ok());
    QVERIFY(list(client).groups->find(key.asLabels()));
}

void TestPushgatewayClient::routePrefix()
{
    QString error;
    const auto prefixed = ServerFixture::start(ServerFixture::Kind::Pushgateway,
                                               {{QStringLiteral("--web.route-prefix=/pgw")}, {}, {}, {}, {}}, &error);
    QVERIFY2(prefixed, qPrintable(error));
    QUrl base = prefixed->baseUrl();
    base.setPath(QStringLiteral("/pgw/"));
    PushgatewayClient withPrefix(GatewayEndpoint{base, {}, {}, 10000, {}, {}}, &m_http);
    const GroupingKey key(QStringLiteral("prefixed"), {{QStringLiteral("path"), QStringLiteral("/x")}});
    QCOMPARE(withPrefix.groupUrl(key).path(), QStringLiteral("/pgw/metrics/job/prefixed/path@base64/L3g"));
    QVERIFY(push(withPrefix, key, "a 1\n").ok());
    QVERIFY(list(withPrefix).groups->find(key.asLabels()));

    PushgatewayClient withoutPrefix(GatewayEndpoint{prefixed->baseUrl(), {}, {}, 10000, {}, {}}, &m_http);
    const HttpResult missing = push(withoutPrefix, key, "a 1\n");
    QCOMPARE(missing.category, ErrorCategory::NotFound);
    QVERIFY(explainGatewayAnswer(missing, QStringLiteral("gw")).advice.contains(QLatin1String("route-prefix")));
}

void TestPushgatewayClient::statusReadyAndWipe()
{
    const HttpResult status = send([&](QObject *c, PushgatewayClient::Done d) { m_client->status(c, d); });
    QCOMPARE(status.status, 200);
    QVERIFY(status.body.contains("\"version\":\"1.5"));
    QCOMPARE(send([&](QObject *c, PushgatewayClient::Done d) { m_client->ready(c, d); }).status, 200);
    QCOMPARE(send([&](QObject *c, PushgatewayClient::Done d) { m_client->healthy(c, d); }).status, 200);
    QVERIFY(push(*m_client, GroupingKey(QStringLiteral("to_wipe")), "a 1\n").ok());
    const HttpResult wiped = send([&](QObject *c, PushgatewayClient::Done d) { m_client->wipe(c, d); });
    QCOMPARE(wiped.status, 202);
    QTRY_VERIFY(list(*m_client).groups->groups.isEmpty());
}

void TestPushgatewayClient::cannotConnect()
{
    PushgatewayClient nowhere(
        GatewayEndpoint{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort())), {}, {}, 5000, {}, {}},
        &m_http);
    const HttpResult result = push(nowhere, GroupingKey(QStringLiteral("x")), "a 1\n");
    QCOMPARE(result.category, ErrorCategory::CannotConnect);
    QCOMPARE(result.status, 0);
    QVERIFY(explainGatewayAnswer(result, QStringLiteral("gw")).summary.startsWith(QLatin1String("Cannot connect")));
}

void TestPushgatewayClient::hungServerTimesOut()
{
    // A real gateway cannot be made to hang: a socket that accepts and never answers can.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] { held.append(silent.nextPendingConnection()); });
    PushgatewayClient client(
        GatewayEndpoint{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())), {}, {}, 500, {}, {}},
        &m_http);
    const HttpResult result = push(client, GroupingKey(QStringLiteral("x")), "a 1\n");
    QCOMPARE(result.category, ErrorCategory::Timeout);
    QVERIFY(result.durationMs >= 450);
}

QTEST_GUILESS_MAIN(TestPushgatewayClient)
#include "tst_pushgateway_client.moc"
