// promdesk-cli write and backfill, run as a user would, against a real Prometheus.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace promdesk::test;

class TestCliRemoteWrite : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writeKeepsTimestampsAndUsesNowOtherwise();
    void noCheckSendsWhatWasReadForTheReceiversVerdict();
    void backfillCsvWithProgressSummary();
    void dryRunShowsRequestsAndSendsNothing();
    void savedRequestsReplayInListedOrder();
    void refusalStopsWithReasonAndResumeHint();
    void resumingPastEveryShardsEndSendsNothingAndEnds();
    void exitCodes_data();
    void exitCodes();

private:
    QString file(const QString &name, const QByteArray &content);
    // Samples over the last day matching `selector`, in `prometheus` (the shared one by default).
    int count(const QString &selector, const ServerFixture *prometheus = nullptr);
    QString writeUrl() const { return m_prometheus->baseUrl().toString(); }

    std::unique_ptr<ServerFixture> m_prometheus;
    QTemporaryDir m_dir;
    qint64 m_now = 0;
};

void TestCliRemoteWrite::init()
{
    QString error;
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
    m_now = QDateTime::currentSecsSinceEpoch();
}

QString TestCliRemoteWrite::file(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

int TestCliRemoteWrite::count(const QString &selector, const ServerFixture *prometheus)
{
    QUrl url = (prometheus ? prometheus : m_prometheus.get())->url(QStringLiteral("/api/v1/query"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("query"), QStringLiteral("count_over_time(%1[1d])").arg(selector));
    query.addQueryItem(QStringLiteral("time"), QString::number(m_now + 60));
    url.setQuery(query);
    const QJsonArray result = QJsonDocument::fromJson(httpRequest("GET", url).body)
                                  .object()
                                  .value(QStringLiteral("data"))
                                  .toObject()
                                  .value(QStringLiteral("result"))
                                  .toArray();
    int total = 0;
    for (const QJsonValue &entry : result)
        total += entry.toObject().value(QStringLiteral("value")).toArray().at(1).toString().toInt();
    return total;
}

void TestCliRemoteWrite::writeKeepsTimestampsAndUsesNowOtherwise()
{
    const QByteArray text = "# TYPE cli_written gauge\ncli_written{k=\"a\"} 1 "
        + QByteArray::number((m_now - 120) * 1000) + "\ncli_written{k=\"a\"} 2 "
        + QByteArray::number((m_now - 60) * 1000) + "\ncli_written{k=\"now\"} 3\n";
    const CliRun run
        = runCli({QStringLiteral("write"), QStringLiteral("--url"), writeUrl(), file(QStringLiteral("w.prom"), text)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("Sent 1 of 1 requests (3 of 3 samples)"), run.err.constData());
    QCOMPARE(count(QStringLiteral("cli_written{k=\"a\"}")), 2);
    QCOMPARE(count(QStringLiteral("cli_written{k=\"now\"}")), 1);
}

void TestCliRemoteWrite::noCheckSendsWhatWasReadForTheReceiversVerdict()
{
    // 33 labels: more than TMP allows, which this Prometheus takes.
    QByteArray labels;
    for (int i = 0; i < 32; ++i)
        labels += (i ? "," : "") + QByteArray("l") + QByteArray::number(i) + "=\"v\"";
    const QString wide = file(QStringLiteral("wide.prom"), "cli_unchecked{" + labels + "} 1\n");
    const QStringList tmpWrite{QStringLiteral("write"), QStringLiteral("--tmp"), QStringLiteral("--url"),
                               writeUrl() + QStringLiteral("/api/v1/write")};
    CliRun run = runCli(tmpWrite + QStringList{wide});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("[too-many-labels]") && run.err.contains("nothing sent"), run.err.constData());
    QCOMPARE(count(QStringLiteral("cli_unchecked")), 0);

    run = runCli(tmpWrite + QStringList{QStringLiteral("--no-check"), wide});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("--no-check") && run.err.contains("the receiver's answer is the verdict"),
             run.err.constData());
    QCOMPARE(count(QStringLiteral("cli_unchecked")), 1);

    // A reserved label name is a warning: this Prometheus stores it (tst_verdicts_remotewrite).
    run = runCli({QStringLiteral("write"), QStringLiteral("--url"), writeUrl(),
                  file(QStringLiteral("reserved.prom"), "cli_reserved{__odd=\"x\"} 1\n")});
    QVERIFY2(run.exitCode == 0 && run.err.contains("[reserved-label-name]"), run.err.constData());
    QCOMPARE(count(QStringLiteral("cli_reserved")), 1);

    // A line that cannot be read is not sent; the rest is.
    run = runCli({QStringLiteral("write"), QStringLiteral("--no-check"), QStringLiteral("--url"), writeUrl(),
                  file(QStringLiteral("half.prom"), "cli_half_ok 1\ncli_half_bad 1,5\n")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(count(QStringLiteral("cli_half_ok")), 1);
    QCOMPARE(count(QStringLiteral("cli_half_bad")), 0);

    // Ahead of the clock: never through --no-check.
    run = runCli(
        {QStringLiteral("write"), QStringLiteral("--no-check"), QStringLiteral("--url"), writeUrl(),
         file(QStringLiteral("ahead.prom"), "cli_ahead 1 " + QByteArray::number((m_now + 86400) * 1000) + "\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--allow-future"), run.err.constData());
    QCOMPARE(count(QStringLiteral("cli_ahead")), 0);
}

void TestCliRemoteWrite::backfillCsvWithProgressSummary()
{
    QByteArray csv = "timestamp,host,value\n";
    for (int i = 0; i < 100; ++i)
        csv += QByteArray::number(m_now - 6000 + i * 60) + (i % 2 ? ",a," : ",b,") + QByteArray::number(i) + "\n";
    const CliRun run
        = runCli({QStringLiteral("backfill"), QStringLiteral("--url"), writeUrl(), QStringLiteral("--metric"),
                  QStringLiteral("cli_csv"), QStringLiteral("--label"), QStringLiteral("source=test"),
                  QStringLiteral("--batch-size"), QStringLiteral("30"), file(QStringLiteral("b.csv"), csv)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.startsWith("Plan: 2 series, 100 samples"), run.out.constData());
    QVERIFY(run.out.contains("in 4 request(s)"));
    QVERIFY2(run.err.contains("timestamps read as Unix seconds"), run.err.constData());
    QVERIFY(run.err.contains("Sent 4 of 4 requests (100 of 100 samples)"));
    QCOMPARE(count(QStringLiteral("cli_csv{source=\"test\"}")), 100);
}

void TestCliRemoteWrite::dryRunShowsRequestsAndSendsNothing()
{
    const QString requests = m_dir.filePath(QStringLiteral("requests"));
    const QByteArray text = "dry 1 " + QByteArray::number((m_now - 60) * 1000) + "\n";
    const CliRun run
        = runCli({QStringLiteral("backfill"), QStringLiteral("--dry-run"), QStringLiteral("--save-requests"), requests,
                  QStringLiteral("--url"), writeUrl(), file(QStringLiteral("d.prom"), text)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(QByteArray("request 1/1: POST " + writeUrl().toUtf8() + "/api/v1/write")),
             run.out.constData());
    QVERIFY(run.out.contains("Content-Encoding: snappy"));
    QVERIFY(run.out.contains("X-Prometheus-Remote-Write-Version: 0.1.0"));
    QVERIFY(run.out.contains("Dry run: nothing was sent."));
    QVERIFY(QFile::exists(QDir(requests).filePath(QStringLiteral("batch-000001.bin"))));
    QCOMPARE(count(QStringLiteral("dry")), 0);
}

void TestCliRemoteWrite::savedRequestsReplayInListedOrder()
{
    // Two shards over three hours: listed shard after shard, the second shard's first hours would
    // be refused as out of bounds when the files are sent one after another.
    QByteArray text = "# TYPE replayed gauge\n";
    const qint64 start = m_now - 3 * 3600;
    for (int minute = 0; minute < 180; ++minute) {
        for (int series = 0; series < 2; ++series)
            text += "replayed{s=\"" + QByteArray::number(series) + "\"} " + QByteArray::number(minute) + ' '
                + QByteArray::number((start + minute * 60) * 1000) + '\n';
    }
    const QString requests = m_dir.filePath(QStringLiteral("replay"));
    const CliRun run = runCli({QStringLiteral("backfill"), QStringLiteral("--dry-run"), QStringLiteral("--batch-size"),
                               QStringLiteral("10"), QStringLiteral("--shards"), QStringLiteral("2"),
                               QStringLiteral("--save-requests"), requests, QStringLiteral("--url"), writeUrl(),
                               file(QStringLiteral("r.prom"), text)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("in 36 request(s) over 2 parallel shards"), run.out.constData());
    const QStringList bodies = QDir(requests).entryList({QStringLiteral("*.bin")}, QDir::Files, QDir::Name);
    QCOMPARE(bodies.size(), 36);
    // A receiver of its own: one that other tests gave current samples refuses any three hours
    // old as out of bounds, whatever the order.
    QString error;
    const auto receiver = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(receiver, qPrintable(error));
    for (const QString &name : bodies) {
        QFile body(QDir(requests).filePath(name));
        QVERIFY(body.open(QIODevice::ReadOnly));
        const HttpResponse response
            = httpRequest("POST", receiver->url(QStringLiteral("/api/v1/write")), body.readAll(),
                          {{"Content-Encoding", "snappy"},
                           {"Content-Type", "application/x-protobuf"},
                           {"X-Prometheus-Remote-Write-Version", "0.1.0"}});
        QVERIFY2(response.status == 204, qPrintable(name + QLatin1String(": ") + QString::fromUtf8(response.body)));
    }
    QCOMPARE(count(QStringLiteral("replayed"), receiver.get()), 360);
}

void TestCliRemoteWrite::refusalStopsWithReasonAndResumeHint()
{
    QVERIFY(runCli({QStringLiteral("write"), QStringLiteral("--url"), writeUrl(),
                    file(QStringLiteral("n.prom"), "current 1\n")})
                .exitCode
            == 0);
    const QByteArray old = "ancient 1 " + QByteArray::number((m_now - 5 * 3600) * 1000) + "\n";
    const CliRun run = runCli(
        {QStringLiteral("backfill"), QStringLiteral("--url"), writeUrl(), file(QStringLiteral("o.prom"), old)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("[older-than-age-window]"), run.out.constData());
    QVERIFY2(run.err.contains("Stopped: batch 1") && run.err.contains("Server said: out of bounds"),
             run.err.constData());
    QVERIFY(run.err.contains("Resume with --resume-from 1"));
}

void TestCliRemoteWrite::resumingPastEveryShardsEndSendsNothingAndEnds()
{
    // Two batches; each shard resumed one past the last, as a run that delivered everything
    // prints it: the run ends as it starts, and the command must too (it waited forever).
    QByteArray text;
    for (int i = 0; i < 2; ++i)
        text
            += "resumed_done " + QByteArray::number(i) + ' ' + QByteArray::number((m_now - 600 + i * 60) * 1000) + '\n';
    const CliRun run
        = runCli({QStringLiteral("backfill"), QStringLiteral("--batch-size"), QStringLiteral("1"),
                  QStringLiteral("--shards"), QStringLiteral("2"), QStringLiteral("--resume-from"),
                  QStringLiteral("3,3"), QStringLiteral("--url"), writeUrl(), file(QStringLiteral("done.prom"), text)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("an earlier run had sent 2"), run.err.constData());
    QCOMPARE(count(QStringLiteral("resumed_done")), 0);
}

void TestCliRemoteWrite::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString unused = QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort());
    const QString good = file(QStringLiteral("good.prom"), "x 1\n");
    // clang-format off
    QTest::newRow("network")            << QStringList{QStringLiteral("write"), QStringLiteral("--max-attempts"), QStringLiteral("1"), QStringLiteral("--url"), unused, good} << 3;
    QTest::newRow("invalid-input")      << QStringList{QStringLiteral("write"), QStringLiteral("--url"), unused, file(QStringLiteral("bad.prom"), "x 1,5\n")} << 1;
    QTest::newRow("bad-version")        << QStringList{QStringLiteral("write"), QStringLiteral("--rw-version"), QStringLiteral("3"), QStringLiteral("--url"), unused, good} << 2;
    QTest::newRow("bad-batch-size")     << QStringList{QStringLiteral("backfill"), QStringLiteral("--batch-size"), QStringLiteral("0"), QStringLiteral("--url"), unused, good} << 2;
    QTest::newRow("csv-without-metric") << QStringList{QStringLiteral("backfill"), QStringLiteral("--url"), unused, file(QStringLiteral("nm.csv"), "timestamp,value\n1700000000,1\n")} << 1;
    // clang-format on
}

void TestCliRemoteWrite::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliRemoteWrite)
#include "tst_cli_remotewrite.moc"
