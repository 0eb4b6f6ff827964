// The transport under faults a real server cannot be made to show, against a scripted loopback
// server: no request goes out more often than its caller (and so the history) sent it.
#include "AsyncWait.h"
#include "FaultServer.h"
#include "net/HttpClient.h"

#include <QTest>

using namespace promdesk;
using namespace promdesk::test;

namespace {

using Answer = FaultServer::Answer;

// Counts what the recorder is told, to compare with what the server saw.
class CountingRecorder final : public RequestRecorder
{
public:
    qint64 started(const HttpRequest &) override { return ++startedCount; }
    void finished(qint64, const HttpResult &result) override
    {
        ++finishedCount;
        last = result;
    }
    int startedCount = 0;
    int finishedCount = 0;
    HttpResult last;
};

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void closedAfterRequestIsSentOnce_data();
    void closedAfterRequestIsSentOnce();
    void resetMidBodyIsSentOnce();
    void keptAliveConnectionsStillServeLaterRequests();

private:
    HttpResult send(HttpClient &http, const HttpRequest &request)
    {
        return awaitCall<HttpResult>([&](QObject *context, std::function<void(const HttpResult &)> done) {
            http.send(request, context, done);
        });
    }
};

void TestHttpClient::closedAfterRequestIsSentOnce_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("PUT with a body") << QByteArray("PUT") << QByteArray("up 1\n");
    QTest::newRow("POST with a body") << QByteArray("POST") << QByteArray("up 1\n");
    QTest::newRow("PUT with an empty body") << QByteArray("PUT") << QByteArray();
    QTest::newRow("DELETE without a body") << QByteArray("DELETE") << QByteArray();
    QTest::newRow("GET") << QByteArray("GET") << QByteArray();
    QTest::newRow("POST of 200 KB") << QByteArray("POST") << QByteArray(200 * 1024, 'a');
}

void TestHttpClient::closedAfterRequestIsSentOnce()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    FaultServer server;
    server.script({Answer::closesAfterRequest()});
    HttpClient http;
    CountingRecorder recorder;
    http.setRecorder(&recorder);
    HttpRequest request;
    request.method = method;
    request.url = QUrl(server.baseUrl() + QStringLiteral("/metrics/job/backup"));
    request.body = body;
    request.timeoutMs = 5000;
    const HttpResult result = send(http, request);
    // Let anything the transport would send again by itself arrive.
    QTest::qWait(300);
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(server.received().constFirst().body, body);
    QCOMPARE(recorder.startedCount, 1);
    QCOMPARE(result.category, ErrorCategory::ClosedAfterRequest);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.errorText.contains(QLatin1String("may have been applied")), qPrintable(result.errorText));
}

void TestHttpClient::resetMidBodyIsSentOnce()
{
    FaultServer server;
    server.script({Answer::resetsMidBody()});
    HttpClient http;
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(server.baseUrl() + QStringLiteral("/api/v1/write"));
    request.body = QByteArray(64 << 20, 'b'); // more than loopback's socket buffers hold: the reset comes mid-body
    request.timeoutMs = 5000;
    const HttpResult result = send(http, request);
    QTest::qWait(300);
    QCOMPARE(server.received().size(), 1);
    QVERIFY(server.received().constFirst().body.size() < request.body.size());
    QCOMPARE(result.category, ErrorCategory::CannotConnect);
    QVERIFY2(result.errorText.contains(QLatin1String("not received whole")), qPrintable(result.errorText));
    QCOMPARE(result.status, 0);
}

void TestHttpClient::keptAliveConnectionsStillServeLaterRequests()
{
    // The guard against resending must not break ordinary requests, one after another.
    FaultServer server;
    server.script({Answer::reply(200, "one"), Answer::reply(200, "two"), Answer::reply(202)});
    HttpClient http;
    HttpRequest request;
    request.method = "PUT";
    request.url = QUrl(server.baseUrl() + QStringLiteral("/metrics/job/a"));
    request.body = "up 1\n";
    QCOMPARE(send(http, request).body, QByteArray("one"));
    QCOMPARE(send(http, request).body, QByteArray("two"));
    request.method = "DELETE";
    request.body.clear();
    QCOMPARE(send(http, request).status, 202);
    QCOMPARE(server.received().size(), 3);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
