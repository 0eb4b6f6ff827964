// Retries and fallbacks that a real receiver cannot be made to show on demand, against a
// scripted loopback server: 503, 429 with Retry-After, 400, 415, and a hang.
#include "AsyncWait.h"
#include "FaultServer.h"
#include "remotewrite/BackfillRun.h"
#include "remotewrite/RemoteWriteClient.h"
#include "remotewrite/WriteRequestCodec.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;

namespace {

using Answer = FaultServer::Answer;

SeriesSet oneSample()
{
    SeriesSet set;
    set.series = {WriteSeries{Labels{{QStringLiteral("__name__"), QStringLiteral("up")}},
                              {{1700000000000, 1}},
                              0,
                              MetricType::Gauge,
                              {},
                              {}}};
    return set;
}

} // namespace

class TestRemoteWriteFaults : public QObject
{
    Q_OBJECT

private slots:
    void retriesServerErrorsThenSucceeds();
    void neverRetriesOtherClientErrors();
    void waitsAsRetryAfterSays();
    void leaves429AloneWhenAsked();
    void hungReceiverTimesOutAndIsRetried();
    void cancelStopsTheWait();
    void sendsTheSpecsHeaders();
    void falls415BackToV1();
    void goesThroughACustomProxyWithExtraHeaders();
    void followsTheSystemProxyForEveryRequest();
    void shardsMoveForwardTogether();
    void cancelLetsTheRequestOnTheWireFinish();

private:
    WriteOutcome send(FaultServer &server, RetryPolicy retry = {}, int timeoutMs = 5000,
                      RemoteWriteVersion version = RemoteWriteVersion::V1, QList<QString> *retries = nullptr);
    HttpClient m_http;
};

WriteOutcome TestRemoteWriteFaults::send(FaultServer &server, RetryPolicy retry, int timeoutMs,
                                         RemoteWriteVersion version, QList<QString> *retries)
{
    WriteEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/prom/write").arg(server.port()));
    endpoint.timeoutMs = timeoutMs;
    endpoint.retry = retry;
    endpoint.version = version;
    RemoteWriteClient client(endpoint, &m_http);
    return awaitCall<WriteOutcome>([&](QObject *context, std::function<void(const WriteOutcome &)> done) {
        WriteCall *call = client.send(oneSample());
        connect(call, &WriteCall::retrying, context, [retries](int, int, const QString &reason) {
            if (retries)
                retries->append(reason);
        });
        connect(call, &WriteCall::finished, context, [done](const WriteOutcome &o) { done(o); });
    });
}

void TestRemoteWriteFaults::retriesServerErrorsThenSucceeds()
{
    FaultServer server;
    server.script({Answer::reply(503, "overloaded\n"), Answer::reply(500, "still\n"), Answer::reply(204)});
    RetryPolicy retry;
    retry.initialBackoffMs = 20;
    QList<QString> reasons;
    const WriteOutcome outcome = send(server, retry, 5000, RemoteWriteVersion::V1, &reasons);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.attempts, 3);
    QCOMPARE(server.received().size(), 3);
    QCOMPARE(reasons.size(), 2);
    QVERIFY2(reasons.at(0).contains(QLatin1String("HTTP 503")), qPrintable(reasons.at(0)));
    // The same bytes every time, and the retries say which attempt they are.
    QCOMPARE(server.received().at(1).body, server.received().at(0).body);
    QCOMPARE(server.received().at(0).header("Retry-Attempt"), QByteArray());
    QCOMPARE(server.received().at(2).header("Retry-Attempt"), QByteArray("2"));
}

void TestRemoteWriteFaults::neverRetriesOtherClientErrors()
{
    FaultServer server;
    server.script({Answer::reply(400, "out of bounds\n"), Answer::reply(204)});
    const WriteOutcome outcome = send(server);
    QCOMPARE(outcome.result.status, 400);
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(outcome.result.body, QByteArray("out of bounds\n")); // verbatim
    QVERIFY(outcome.note.contains(QLatin1String("does not get better")));
}

void TestRemoteWriteFaults::waitsAsRetryAfterSays()
{
    FaultServer server;
    server.script({Answer::reply(429, "slow down\n", {{"Retry-After", "2"}}), Answer::reply(204)});
    QElapsedTimer clock;
    clock.start();
    const WriteOutcome outcome = send(server);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.attempts, 2);
    const qint64 gap = server.received().at(1).atMs - server.received().at(0).atMs;
    QVERIFY2(gap >= 1900 && gap < 4000, qPrintable(QString::number(gap)));
}

void TestRemoteWriteFaults::leaves429AloneWhenAsked()
{
    FaultServer server;
    server.script({Answer::reply(429, "slow down\n", {{"Retry-After", "1"}}), Answer::reply(204)});
    RetryPolicy retry;
    retry.retryOn429 = false;
    const WriteOutcome outcome = send(server, retry);
    QCOMPARE(outcome.result.status, 429);
    QCOMPARE(outcome.attempts, 1);
}

void TestRemoteWriteFaults::hungReceiverTimesOutAndIsRetried()
{
    FaultServer server;
    server.script({Answer::hangs()});
    RetryPolicy retry;
    retry.maxAttempts = 2;
    retry.initialBackoffMs = 10;
    const WriteOutcome outcome = send(server, retry, 300);
    QCOMPARE(outcome.result.category, ErrorCategory::Timeout);
    QCOMPARE(outcome.attempts, 2);
    QCOMPARE(server.received().size(), 2);
    QVERIFY2(outcome.note.contains(QLatin1String("gave up after 2 attempts")), qPrintable(outcome.note));
}

void TestRemoteWriteFaults::cancelStopsTheWait()
{
    FaultServer server;
    server.script({Answer::reply(503, "down\n", {{"Retry-After", "30"}})});
    RetryPolicy retry;
    retry.maxTotalMs = 600000;
    WriteEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1/w").arg(server.port()));
    endpoint.retry = retry;
    RemoteWriteClient client(endpoint, &m_http);
    QElapsedTimer clock;
    clock.start();
    const WriteOutcome outcome
        = awaitCall<WriteOutcome>([&](QObject *context, std::function<void(const WriteOutcome &)> done) {
              WriteCall *call = client.send(oneSample());
              connect(call, &WriteCall::retrying, call, &WriteCall::cancel); // cancel as soon as it starts waiting
              connect(call, &WriteCall::finished, context, [done](const WriteOutcome &o) { done(o); });
          });
    QCOMPARE(outcome.result.category, ErrorCategory::Cancelled);
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(server.received().size(), 1);

    // Cancelled before its first attempt, which was already queued: nothing goes out at all.
    const WriteOutcome early
        = awaitCall<WriteOutcome>([&](QObject *context, std::function<void(const WriteOutcome &)> done) {
              WriteCall *call = client.send(oneSample());
              connect(call, &WriteCall::finished, context, [done](const WriteOutcome &o) { done(o); });
              call->cancel();
          });
    QCOMPARE(early.result.category, ErrorCategory::Cancelled);
    QCOMPARE(early.attempts, 0);
    QTest::qWait(200); // a request that went out anyway would reach the server by now
    QCOMPARE(server.received().size(), 1);
}

void TestRemoteWriteFaults::sendsTheSpecsHeaders()
{
    FaultServer server;
    QVERIFY(send(server).ok());
    const FaultServer::Received &request = server.received().constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/api/v1/prom/write"));
    QCOMPARE(request.header("Content-Encoding"), QByteArray("snappy"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/x-protobuf"));
    QCOMPARE(request.header("X-Prometheus-Remote-Write-Version"), QByteArray("0.1.0"));
    QVERIFY(request.header("User-Agent").startsWith("PromDesk/"));
    QVERIFY(!decodeWriteRequest(request.body, RemoteWriteVersion::V1).series.series.isEmpty());
}

void TestRemoteWriteFaults::falls415BackToV1()
{
    FaultServer server;
    server.script({Answer::reply(415, "unsupported\n"), Answer::reply(204)});
    const WriteOutcome outcome = send(server, {}, 5000, RemoteWriteVersion::V2);
    QVERIFY(outcome.ok());
    QVERIFY(outcome.fellBackToV1);
    QCOMPARE(server.received().at(0).header("Content-Type"),
             QByteArray("application/x-protobuf;proto=io.prometheus.write.v2.Request"));
    QCOMPARE(server.received().at(0).header("X-Prometheus-Remote-Write-Version"), QByteArray("2.0.0"));
    QCOMPARE(server.received().at(1).header("Content-Type"), QByteArray("application/x-protobuf"));
    QVERIFY(outcome.note.contains(QLatin1String("415")));
}

void TestRemoteWriteFaults::goesThroughACustomProxyWithExtraHeaders()
{
    // The scripted server plays the proxy: an HTTP proxy receives the absolute URL.
    FaultServer proxy;
    WriteEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("http://receiver.invalid:9090/api/v1/write"));
    endpoint.proxy
        = ProxySettings{ProxySettings::Mode::Custom, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()))};
    endpoint.extraHeaders = {{QByteArray("X-Scope-OrgID"), QByteArray("team-a")},
                             {QByteArray("Content-Type"), QByteArray("text/plain")}, // may not override the spec
                             {QByteArray("Authorization"), QByteArray("Bearer sneaky")}};
    RemoteWriteClient client(endpoint, &m_http);
    const WriteOutcome outcome
        = awaitCall<WriteOutcome>([&](QObject *context, std::function<void(const WriteOutcome &)> done) {
              WriteCall *call = client.send(oneSample());
              connect(call, &WriteCall::finished, context, [done](const WriteOutcome &o) { done(o); });
          });
    QVERIFY(outcome.ok());
    QCOMPARE(proxy.received().size(), 1);
    const FaultServer::Received &request = proxy.received().constFirst();
    QCOMPARE(request.path, QByteArray("http://receiver.invalid:9090/api/v1/write"));
    QCOMPARE(request.header("X-Scope-OrgID"), QByteArray("team-a"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/x-protobuf"));
    QCOMPARE(request.header("Authorization"), QByteArray());
}

void TestRemoteWriteFaults::followsTheSystemProxyForEveryRequest()
{
    // The system's proxy (http_proxy here) is asked once per host and remembered: both requests
    // must still go through it.
    FaultServer proxy;
    const QByteArray before = qgetenv("http_proxy");
    qputenv("http_proxy", QByteArrayLiteral("http://127.0.0.1:") + QByteArray::number(proxy.port()));
    qunsetenv("no_proxy");
    const auto restore = qScopeGuard([&] {
        if (before.isEmpty())
            qunsetenv("http_proxy");
        else
            qputenv("http_proxy", before);
    });
    WriteEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("http://receiver.invalid:9090/api/v1/write"));
    endpoint.proxy = ProxySettings{ProxySettings::Mode::System, {}};
    HttpClient http; // a manager of its own, made after the environment changed
    RemoteWriteClient client(endpoint, &http);
    for (int i = 0; i < 2; ++i) {
        const WriteOutcome outcome
            = awaitCall<WriteOutcome>([&](QObject *context, std::function<void(const WriteOutcome &)> done) {
                  WriteCall *call = client.send(oneSample());
                  connect(call, &WriteCall::finished, context, [done](const WriteOutcome &o) { done(o); });
              });
        QVERIFY2(outcome.ok(), qPrintable(outcome.result.errorText));
    }
    QCOMPARE(proxy.received().size(), 2);
    QCOMPARE(proxy.received().at(1).path, QByteArray("http://receiver.invalid:9090/api/v1/write"));
}

void TestRemoteWriteFaults::shardsMoveForwardTogether()
{
    // Two shards, one series each, three hours of one-minute samples. The first request is answered
    // 503 with Retry-After: 1; while its shard waits, the other may run ahead by the lead only, or a
    // real receiver's window would move past the samples the waiting shard has yet to deliver.
    FaultServer server;
    server.script({Answer::reply(503, "busy\n", {{"Retry-After", "1"}}), Answer::reply(204)});
    constexpr qint64 kStart = 1795600000000;
    constexpr int kMinutes = 180;
    SeriesSet set;
    for (int s = 0; s < 2; ++s) {
        WriteSeries series;
        series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("shard_test")},
                               {QStringLiteral("s"), QString::number(s)}};
        for (int m = 0; m < kMinutes; ++m)
            series.samples.append(WriteSample{kStart + m * 60000, double(m)});
        set.series.append(series);
    }
    BatchLimits limits;
    limits.maxSamples = 10;
    limits.shards = 2;
    const QList<Batch> batches = planBatches(set, limits);
    WriteEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/write").arg(server.port()));
    endpoint.timeoutMs = 5000;
    RemoteWriteClient client(endpoint, &m_http);
    BackfillRun run(&client, set, batches);
    run.setMaxShardLead(limits.maxShardLeadMs);
    const BackfillSummary summary
        = awaitCall<BackfillSummary>([&](QObject *context, std::function<void(const BackfillSummary &)> done) {
              connect(&run, &BackfillRun::finished, context, [done](const BackfillSummary &s) { done(s); });
              run.start();
          });
    QVERIFY2(summary.stopReason.isEmpty(), qPrintable(summary.stopReason));
    QCOMPARE(summary.sent, int(batches.size()));
    QCOMPARE(server.received().size(), batches.size() + 1); // one retry

    // Replay what the server saw: no request may start further than the lead past the oldest
    // sample not yet accepted, whichever shard holds it.
    constexpr qint64 kDone = std::numeric_limits<qint64>::max() / 2;
    qint64 nextUnaccepted[2] = {kStart, kStart};
    for (int r = 0; r < server.received().size(); ++r) {
        const SeriesSet sent = decodeWriteRequest(server.received().at(r).body, RemoteWriteVersion::V1).series;
        QCOMPARE(sent.series.size(), 1);
        const int s = sent.series.at(0).labels.value(QStringLiteral("s")).toInt();
        const qint64 oldestPending = std::min(nextUnaccepted[0], nextUnaccepted[1]);
        QVERIFY2(sent.minTimestamp() <= oldestPending + limits.maxShardLeadMs,
                 qPrintable(QStringLiteral("request %1 starts %2 min past the oldest pending sample")
                                .arg(r)
                                .arg((sent.minTimestamp() - oldestPending) / 60000)));
        if (r > 0) // the first was answered 503
            nextUnaccepted[s]
                = sent.maxTimestamp() == kStart + (kMinutes - 1) * 60000 ? kDone : sent.maxTimestamp() + 60000;
    }
}

void TestRemoteWriteFaults::cancelLetsTheRequestOnTheWireFinish()
{
    // The receiver takes the first request and does not answer. A first cancel sends nothing more
    // and waits for that answer (the receiver may have applied it); a second one gives up on it.
    FaultServer server;
    server.script({Answer::hangs()});
    SeriesSet set;
    WriteSeries series;
    series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("cancel_test")}};
    for (int m = 0; m < 4; ++m)
        series.samples.append(WriteSample{1795600000000 + m * 60000, double(m)});
    set.series.append(series);
    const QList<Batch> batches = planBatches(set, BatchLimits{2, 1 << 20, 1});
    QCOMPARE(batches.size(), 2);
    WriteEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/write").arg(server.port()));
    endpoint.timeoutMs = 30000;
    RemoteWriteClient client(endpoint, &m_http);
    BackfillRun run(&client, set, batches);
    QSignalSpy finished(&run, &BackfillRun::finished);
    run.start();
    QTRY_COMPARE(server.received().size(), 1);
    run.cancel();
    QVERIFY(run.stopping());
    QVERIFY(!finished.wait(300));          // still waiting for the answer
    QCOMPARE(server.received().size(), 1); // and nothing more went out
    run.cancel();
    QTRY_COMPARE(finished.size(), 1);
    const auto summary = finished.first().at(0).value<BackfillSummary>();
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.sent, 0);
    QCOMPARE(summary.firstUnsent, 0);
}

QTEST_GUILESS_MAIN(TestRemoteWriteFaults)
#include "tst_remotewrite_faults.moc"
