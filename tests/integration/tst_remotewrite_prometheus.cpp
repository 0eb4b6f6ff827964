// Remote write against a real Prometheus 2.42 (--web.enable-remote-write-receiver): what is
// written is read back exactly, refusals are reported with the server's words, 2.0 falls back.
#include "AsyncWait.h"
#include "ServerFixture.h"
#include "model/Sample.h"
#include "remotewrite/BackfillRun.h"
#include "remotewrite/RemoteWriteClient.h"
#include "remotewrite/WriteRequestCodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace promdesk;
using namespace promdesk::test;

namespace {

WriteSeries series(const QString &name, Labels labels, QList<WriteSample> samples)
{
    labels.set(QStringLiteral("__name__"), name);
    return WriteSeries{labels, samples, 0, MetricType::Gauge, {}, {}};
}

// Every raw sample of the series matching `selector` in the last `range`, as "value@ms".
QStringList readBack(const ServerFixture &prometheus, const QString &selector,
                     const QString &range = QStringLiteral("1d"))
{
    QUrl url = prometheus.url(QStringLiteral("/api/v1/query"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("query"), selector + QLatin1Char('[') + range + QLatin1Char(']'));
    query.addQueryItem(QStringLiteral("time"), QString::number(QDateTime::currentSecsSinceEpoch() + 60));
    url.setQuery(query);
    const HttpResponse response = httpRequest("GET", url);
    QStringList out;
    for (const QJsonValue &result : QJsonDocument::fromJson(response.body)
                                        .object()
                                        .value(QStringLiteral("data"))
                                        .toObject()
                                        .value(QStringLiteral("result"))
                                        .toArray()) {
        QStringList labels;
        const QJsonObject metric = result.toObject().value(QStringLiteral("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            labels << it.key() + QStringLiteral("=") + it.value().toString();
        for (const QJsonValue &pair : result.toObject().value(QStringLiteral("values")).toArray()) {
            const QJsonArray array = pair.toArray();
            out << labels.join(QLatin1Char(',')) + QLatin1Char(' ') + array.at(1).toString() + QLatin1Char('@')
                    + QString::number(qint64(std::llround(array.at(0).toDouble() * 1000)));
        }
    }
    return out;
}

// Retries the spec allows (a dropped keep-alive connection on a loaded machine) are noted here,
// so a test can tell them from the attempts it is about.
QStringList g_retries;

WriteOutcome send(RemoteWriteClient &client, const SeriesSet &set)
{
    g_retries.clear();
    return awaitCall<WriteOutcome>([&](QObject *context, std::function<void(const WriteOutcome &)> done) {
        WriteCall *call = client.send(set);
        QObject::connect(call, &WriteCall::retrying, context,
                         [](int, int, const QString &reason) { g_retries << reason; });
        QObject::connect(call, &WriteCall::finished, context, [done](const WriteOutcome &outcome) { done(outcome); });
    });
}

// Remembers what a history would: every request started (from any thread, as a backfill
// records its next batch while encoding it) and how each one ended.
class MemoryRecorder final : public RequestRecorder
{
public:
    struct Entry
    {
        QByteArray body;
        int attempt = 0;
        std::optional<HttpResult> result;
    };

    qint64 started(const HttpRequest &request) override
    {
        QMutexLocker lock(&m_mutex);
        m_entries.append(Entry{request.body, request.tag.attempt, std::nullopt});
        return m_entries.size();
    }
    void finished(qint64 id, const HttpResult &result) override
    {
        QMutexLocker lock(&m_mutex);
        m_entries[id - 1].result = result;
    }
    QList<Entry> entries()
    {
        QMutexLocker lock(&m_mutex);
        return m_entries;
    }

private:
    QMutex m_mutex;
    QList<Entry> m_entries;
};

} // namespace

class TestRemoteWritePrometheus : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesExactly_data();
    void writesExactly();
    void outOfOrderIsRefusedWithTheServersWords();
    void tooOldIsRefused();
    void v2FallsBackToV1AndSaysSo();
    void backfillSendsEveryBatchOldestFirst();
    void resumeNeverResendsWhatWasAccepted();
    void resumeInAnotherProcessKeepsEachShardsPlace();
    void basicAuthBehindWebConfig_data();
    void basicAuthBehindWebConfig();

private:
    RemoteWriteClient &client(RemoteWriteVersion version = RemoteWriteVersion::V1);

    std::unique_ptr<ServerFixture> m_prometheus;
    HttpClient m_http;
    std::unique_ptr<RemoteWriteClient> m_client;
    qint64 m_now = 0;
};

void TestRemoteWritePrometheus::init()
{
    // A fresh TSDB for every test: the receiver's age window depends on what it already holds.
    QString error;
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
    m_now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
}

void TestRemoteWritePrometheus::cleanup()
{
    m_client.reset();
    m_prometheus.reset();
}

RemoteWriteClient &TestRemoteWritePrometheus::client(RemoteWriteVersion version)
{
    WriteEndpoint endpoint;
    endpoint.url = m_prometheus->url(QStringLiteral("/api/v1/write"));
    endpoint.version = version;
    endpoint.timeoutMs = 10000;
    m_client = std::make_unique<RemoteWriteClient>(endpoint, &m_http);
    return *m_client;
}

void TestRemoteWritePrometheus::writesExactly_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("rw-1.0") << int(RemoteWriteVersion::V1);
}

void TestRemoteWritePrometheus::writesExactly()
{
    QFETCH(int, version);
    const qint64 t = m_now - 600000;
    SeriesSet set;
    set.series = {series(QStringLiteral("rw_exact"), Labels{{QStringLiteral("city"), QStringLiteral("Zürich \"x\"")}},
                         {{t, 1.5},
                          {t + 1, std::numeric_limits<double>::quiet_NaN()},
                          {t + 2, std::numeric_limits<double>::infinity()},
                          {t + 3, -std::numeric_limits<double>::infinity()},
                          {t + 4, 1e-300},
                          {t + 5, -0.25}}),
                  series(QStringLiteral("rw_exact"), Labels{{QStringLiteral("city"), QStringLiteral("b")}}, {{t, 42}})};
    const WriteOutcome outcome = send(client(RemoteWriteVersion(version)), set);
    QVERIFY2(outcome.ok(), outcome.result.body.constData());
    QCOMPARE(outcome.result.status, 204);
    const QString a = QStringLiteral("__name__=rw_exact,city=Zürich \"x\" ");
    QCOMPARE(readBack(*m_prometheus, QStringLiteral("rw_exact")),
             QStringList({a + QStringLiteral("1.5@%1").arg(t), a + QStringLiteral("NaN@%1").arg(t + 1),
                          a + QStringLiteral("+Inf@%1").arg(t + 2), a + QStringLiteral("-Inf@%1").arg(t + 3),
                          a + QStringLiteral("1e-300@%1").arg(t + 4), a + QStringLiteral("-0.25@%1").arg(t + 5),
                          QStringLiteral("__name__=rw_exact,city=b 42@%1").arg(t)}));
}

void TestRemoteWritePrometheus::outOfOrderIsRefusedWithTheServersWords()
{
    SeriesSet newer;
    newer.series = {series(QStringLiteral("rw_order"), {}, {{m_now - 1000, 2}})};
    QVERIFY(send(client(), newer).ok());
    SeriesSet older;
    older.series = {series(QStringLiteral("rw_order"), {}, {{m_now - 60000, 1}})};
    const WriteOutcome outcome = send(*m_client, older);
    QCOMPARE(outcome.result.status, 400);
    QCOMPARE(outcome.attempts, 1); // a 4xx is never retried
    QVERIFY2(outcome.result.body.contains("out of order sample"), outcome.result.body.constData());
}

void TestRemoteWritePrometheus::tooOldIsRefused()
{
    SeriesSet current;
    current.series = {series(QStringLiteral("rw_now"), {}, {{m_now, 1}})};
    QVERIFY(send(client(), current).ok());
    SeriesSet old;
    old.series = {series(QStringLiteral("rw_old"), {}, {{m_now - 3 * 3600000, 1}})};
    const WriteOutcome outcome = send(*m_client, old);
    QCOMPARE(outcome.result.status, 400);
    QVERIFY2(outcome.result.body.contains("out of bounds"), outcome.result.body.constData());
    QVERIFY(readBack(*m_prometheus, QStringLiteral("rw_old"), QStringLiteral("1w")).isEmpty());
}

void TestRemoteWritePrometheus::v2FallsBackToV1AndSaysSo()
{
    SeriesSet set;
    set.series = {series(QStringLiteral("rw_v2"), {}, {{m_now - 5000, 7}})};
    RemoteWriteClient &v2 = client(RemoteWriteVersion::V2);
    const WriteOutcome outcome = send(v2, set);
    QVERIFY2(outcome.ok(), outcome.result.body.constData());
    QVERIFY(outcome.fellBackToV1);
    QCOMPARE(outcome.sentAs, RemoteWriteVersion::V1);
    // One 2.0 attempt, one 1.0 attempt, and any network retry the spec allows on the way.
    QVERIFY2(outcome.attempts == 2 + g_retries.size(), qPrintable(g_retries.join(QLatin1String("; "))));
    QVERIFY2(std::none_of(g_retries.cbegin(), g_retries.cend(),
                          [](const QString &r) { return r.contains(QLatin1String("HTTP 4")); }),
             qPrintable(g_retries.join(QLatin1String("; "))));
    QVERIFY2(outcome.note.contains(QLatin1String("does not speak 2.0")), qPrintable(outcome.note));
    QVERIFY(v2.v2Unsupported());
    QCOMPARE(readBack(*m_prometheus, QStringLiteral("rw_v2")),
             QStringList{QStringLiteral("__name__=rw_v2 7@%1").arg(m_now - 5000)});
    // The client remembers: the next request goes out as 1.0 straight away.
    SeriesSet next;
    next.series = {series(QStringLiteral("rw_v2"), {}, {{m_now - 4000, 8}})};
    const WriteOutcome second = send(v2, next);
    QVERIFY(second.ok());
    QCOMPARE(second.sentAs, RemoteWriteVersion::V1);
    QCOMPARE(second.attempts, 1 + int(g_retries.size()));
}

void TestRemoteWritePrometheus::backfillSendsEveryBatchOldestFirst()
{
    // Two hours of data into an empty TSDB: sent oldest first, the window never refuses any.
    SeriesSet set;
    for (int s = 0; s < 5; ++s) {
        QList<WriteSample> samples;
        for (int p = 0; p < 120; ++p)
            samples.append(WriteSample{m_now - 2 * 3600000 + qint64(p) * 60000, double(s * 1000 + p)});
        set.series.append(
            series(QStringLiteral("rw_backfill"), Labels{{QStringLiteral("s"), QString::number(s)}}, samples));
    }
    BackfillPlan plan = makeBackfillPlan(set, BatchLimits{100, 1 << 20, 1}, m_now, QStringLiteral("generated"));
    QCOMPARE(plan.batches.size(), 6);
    MemoryRecorder recorder;
    m_http.setRecorder(&recorder);
    const auto forget = qScopeGuard([this] { m_http.setRecorder(nullptr); });
    BackfillRun run(&client(), set, plan.batches);
    QList<BackfillProgress> progress;
    connect(&run, &BackfillRun::progressChanged, this, [&](const BackfillProgress &p) { progress.append(p); });
    QList<int> finishedInOrder; // one shard: the oldest batch goes first, each after the one before
    connect(&run, &BackfillRun::batchFinished, this,
            [&](int batch, const WriteOutcome &) { finishedInOrder.append(batch); });
    const BackfillSummary summary
        = awaitCall<BackfillSummary>([&](QObject *context, std::function<void(const BackfillSummary &)> done) {
              connect(&run, &BackfillRun::finished, context, [done](const BackfillSummary &s) { done(s); });
              run.start();
          });
    QVERIFY2(summary.stopReason.isEmpty(), qPrintable(summary.stopReason));
    QCOMPARE(summary.sent, 6);
    QCOMPARE(summary.firstUnsent, -1);
    QCOMPARE(progress.last().samplesSent, 600);
    QCOMPARE(progress.last().requestsSent, 6);
    QCOMPARE(readBack(*m_prometheus, QStringLiteral("rw_backfill")).size(), 600);
    // One entry per attempt, each with the body that went out and its answer (a retry, should the
    // loaded machine cause one, is an entry of its own); the first attempts were written ahead,
    // while the batch before was on the wire, and none twice.
    const QList<MemoryRecorder::Entry> entries = recorder.entries();
    QStringList seen;
    QList<QByteArray> accepted;
    int firstAttempts = 0;
    for (const MemoryRecorder::Entry &entry : entries) {
        seen << QStringLiteral("attempt %1: %2").arg(entry.attempt).arg(entry.result ? entry.result->status : -1);
        QVERIFY2(entry.result, "an entry was left without its answer");
        firstAttempts += entry.attempt == 1 ? 1 : 0;
        if (entry.result->status == 204)
            accepted << entry.body;
    }
    QVERIFY2(firstAttempts == 6 && accepted.size() == 6, qPrintable(seen.join(QStringLiteral("; "))));
    // Entries are listed as they were written: a retry's comes after the entries written ahead
    // for later batches, so the bodies are compared as a set; the order is the batches' own.
    QList<QByteArray> expected;
    for (const Batch &batch : plan.batches)
        expected << encodeWriteRequest(set, batch, RemoteWriteVersion::V1);
    std::sort(accepted.begin(), accepted.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(accepted, expected);
    QCOMPARE(finishedInOrder, QList<int>({0, 1, 2, 3, 4, 5}));
}

void TestRemoteWritePrometheus::resumeNeverResendsWhatWasAccepted()
{
    // Batch 2 holds a sample of rw_resume_b that collides with one already in the TSDB with
    // another value: Prometheus refuses the whole batch, the run stops there, and a resume
    // starts at batch 2 without sending batch 1 again.
    SeriesSet existing;
    existing.series = {series(QStringLiteral("rw_resume_b"), {}, {{m_now - 35000, 999}})};
    QVERIFY(send(client(), existing).ok());

    SeriesSet set;
    QList<WriteSample> samples;
    for (int p = 0; p < 6; ++p)
        samples.append(WriteSample{m_now - 60000 + qint64(p) * 10000, double(p)});
    set.series = {series(QStringLiteral("rw_resume_a"), {}, samples),
                  series(QStringLiteral("rw_resume_b"), {}, {{m_now - 35000, 5}})};
    BackfillPlan plan = makeBackfillPlan(set, BatchLimits{2, 1 << 20, 1}, m_now, QStringLiteral("generated"));
    QCOMPARE(plan.batches.size(), 4);
    MemoryRecorder recorder;
    m_http.setRecorder(&recorder);
    const auto forget = qScopeGuard([this] { m_http.setRecorder(nullptr); });
    BackfillRun run(m_client.get(), set, plan.batches);
    QList<int> finishedBatches;
    connect(&run, &BackfillRun::batchFinished, this,
            [&](int batch, const WriteOutcome &) { finishedBatches.append(batch); });
    auto runFrom = [&](int from) {
        return awaitCall<BackfillSummary>([&](QObject *context, std::function<void(const BackfillSummary &)> done) {
            connect(&run, &BackfillRun::finished, context, [done](const BackfillSummary &s) { done(s); });
            run.start(from);
        });
    };
    const BackfillSummary first = runFrom(0);
    QCOMPARE(first.sent, 1);
    QCOMPARE(first.refused, 1);
    QCOMPARE(first.firstUnsent, 1);
    QVERIFY2(first.stopReason.contains(QLatin1String("batch 2"))
                 && first.stopReason.contains(QLatin1String("duplicate sample for timestamp")),
             qPrintable(first.stopReason));
    QCOMPARE(run.state(2), BackfillRun::BatchState::Pending); // never sent after the refusal
    QCOMPARE(run.state(3), BackfillRun::BatchState::Pending);
    // Batch 3's entry, and batch 4's unless the refusal came back first, were written ahead while
    // batch 2 was on the wire; they say they were not sent, and no entry is left "unknown".
    const QList<MemoryRecorder::Entry> entries = recorder.entries();
    QVERIFY2(entries.size() == 3 || entries.size() == 4, qPrintable(QString::number(entries.size())));
    QCOMPARE(entries.at(0).result->status, 204);
    QCOMPARE(entries.at(1).result->status, 400);
    for (int i = 2; i < entries.size(); ++i) {
        QVERIFY(entries.at(i).result);
        QCOMPARE(entries.at(i).result->category, ErrorCategory::Cancelled);
        QVERIFY2(entries.at(i).result->errorText.startsWith(QLatin1String("not sent: the backfill stopped")),
                 qPrintable(entries.at(i).result->errorText));
    }
    finishedBatches.clear();
    const BackfillSummary again = runFrom(first.firstUnsent);
    QCOMPARE(finishedBatches.value(0), 1); // batch 1 (index 0) was not sent again
    QVERIFY(!finishedBatches.contains(0));
    QCOMPARE(again.refused, 1); // the collision is still there
}

void TestRemoteWritePrometheus::resumeInAnotherProcessKeepsEachShardsPlace()
{
    // Two shards: rw_shard_a (shard 0) collides with a sample already stored and its first batch
    // is refused, while shard 1 delivers the batch it had on the wire, which comes later in the
    // plan. A run started afresh from the per-shard points (as `--resume-from a,b` does in a new
    // process) must not send that batch again, as one resume number for all shards would.
    SeriesSet existing;
    existing.series = {series(QStringLiteral("rw_shard_a"), {}, {{m_now - 60000, 999}})};
    QVERIFY(send(client(), existing).ok());
    QList<WriteSample> samples;
    for (int p = 0; p < 6; ++p)
        samples.append(WriteSample{m_now - 60000 + qint64(p) * 10000, double(p)});
    SeriesSet set;
    set.series = {series(QStringLiteral("rw_shard_a"), {}, {{m_now - 60000, 5}}),
                  series(QStringLiteral("rw_shard_b"), {}, samples)};
    const BackfillPlan plan = makeBackfillPlan(set, BatchLimits{2, 1 << 20, 2}, m_now, QStringLiteral("generated"));
    // Every batch that went out, accepted or not; `delivered`, the accepted ones.
    auto run = [&](BackfillRun &backfill, const std::function<void()> &start, QList<int> *delivered, QList<int> *sent) {
        connect(&backfill, &BackfillRun::batchFinished, this,
                [delivered, sent](int batch, const WriteOutcome &outcome) {
                    if (outcome.ok())
                        delivered->append(batch);
                    if (outcome.result.category != ErrorCategory::Cancelled)
                        sent->append(batch);
                });
        return awaitCall<BackfillSummary>([&](QObject *context, std::function<void(const BackfillSummary &)> done) {
            connect(&backfill, &BackfillRun::finished, context, [done](const BackfillSummary &s) { done(s); });
            start();
        });
    };
    QList<int> deliveredFirst;
    QList<int> sentFirst;
    BackfillRun first(&client(), set, plan.batches);
    const BackfillSummary stopped = run(
        first, [&] { first.start(); }, &deliveredFirst, &sentFirst);
    QCOMPARE(stopped.refused, 1);
    QCOMPARE(stopped.firstUnsentPerShard.size(), 2);
    QVERIFY(!deliveredFirst.isEmpty());
    // The case that needs one point per shard: a batch after the first unsent one was delivered.
    QVERIFY(*std::max_element(deliveredFirst.cbegin(), deliveredFirst.cend()) > stopped.firstUnsent);

    QList<int> deliveredAgain;
    QList<int> sentAgain;
    BackfillRun again(m_client.get(), set, plan.batches);
    run(
        again, [&] { again.startFrom(stopped.firstUnsentPerShard); }, &deliveredAgain, &sentAgain);
    QVERIFY(!sentAgain.isEmpty());
    for (const int batch : std::as_const(sentAgain))
        QVERIFY2(!deliveredFirst.contains(batch), qPrintable(QStringLiteral("batch %1 was sent twice").arg(batch + 1)));
}

void TestRemoteWritePrometheus::basicAuthBehindWebConfig_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("category");
    QTest::newRow("right-token") << QStringLiteral("instance-t0ken") << int(ErrorCategory::None);
    QTest::newRow("wrong-token") << QStringLiteral("guess") << int(ErrorCategory::Auth);
}

void TestRemoteWritePrometheus::basicAuthBehindWebConfig()
{
    QFETCH(QString, password);
    QFETCH(int, category);
    QProcess htpasswd;
    htpasswd.start(
        QStringLiteral("htpasswd"),
        {QStringLiteral("-nbBC"), QStringLiteral("5"), QStringLiteral("1250000000"), QStringLiteral("instance-t0ken")});
    QVERIFY(htpasswd.waitForFinished());
    const QByteArray hash = htpasswd.readAllStandardOutput().trimmed().split(':').at(1);
    QString error;
    const auto secured = ServerFixture::start(
        ServerFixture::Kind::Prometheus,
        {{}, "basic_auth_users:\n  '1250000000': '" + hash + "'\n", "1250000000", "instance-t0ken", {}}, &error);
    QVERIFY2(secured, qPrintable(error));
    WriteEndpoint endpoint;
    endpoint.url = secured->url(QStringLiteral("/api/v1/write"));
    endpoint.credentials = Credentials{Credentials::Kind::Basic, QStringLiteral("1250000000"), password};
    RemoteWriteClient client(endpoint, &m_http);
    SeriesSet set;
    set.series = {series(QStringLiteral("rw_auth"), {}, {{m_now - 1000, 1}})};
    const WriteOutcome outcome = send(client, set);
    QCOMPARE(outcome.result.category, ErrorCategory(category));
    QCOMPARE(outcome.attempts, 1); // 401 is never retried
}

QTEST_GUILESS_MAIN(TestRemoteWritePrometheus)
#include "tst_remotewrite_prometheus.moc"
