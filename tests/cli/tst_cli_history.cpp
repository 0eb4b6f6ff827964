// The request history through the real CLI, against a real Pushgateway and Prometheus.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk::test;

namespace {

QJsonArray historyJson(const QStringList &extra = {})
{
    const CliRun run
        = runCli(QStringList{QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")} + extra);
    return QJsonDocument::fromJson(run.out).array();
}

CliRun bash(const QString &script)
{
    QProcess process;
    process.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    process.waitForFinished(60000);
    return CliRun{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordsPushesAndTheirAnswers();
    void curlExportRepeatsAPush();
    void curlExportRepeatsARemoteWrite();
    void curlExportRefusesABodyKeptInPart();
    void refusalsKeepTheServersWords();
    void resendIsANewLinkedEntry();
    void killedMidRequestLeavesOutcomeUnknown();
    void listShowsEachUrlAsRecorded();

private:
    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
    QTemporaryDir m_data;
    QTemporaryDir m_work;
};

void TestCliHistory::initTestCase()
{
    qputenv("PROMDESK_DATA_DIR", m_data.path().toLocal8Bit());
    qputenv("PROMDESK_CONFIG_DIR", m_data.path().toLocal8Bit());
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

void TestCliHistory::recordsPushesAndTheirAnswers()
{
    const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                               QStringLiteral("--job"), QStringLiteral("hist"), QStringLiteral("--group"),
                               QStringLiteral("instance=a b"), QStringLiteral("-")},
                              "# TYPE recorded gauge\nrecorded 1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject entry = historyJson().at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("operation")).toString(), QStringLiteral("replace"));
    QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
    QCOMPARE(entry.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(entry.value(QStringLiteral("groupingKey")).toString(), QStringLiteral("{instance=\"a b\",job=\"hist\"}"));
    const CliRun show = runCli({QStringLiteral("history"), QStringLiteral("show"),
                                QString::number(entry.value(QStringLiteral("id")).toInt())});
    QVERIFY2(show.out.contains("body: 33 bytes, text exposition\n# TYPE recorded gauge\nrecorded 1\n"),
             show.out.constData());
    QVERIFY(show.out.contains("Response: 200 ok"));
}

void TestCliHistory::curlExportRepeatsAPush()
{
    QVERIFY(runCli({QStringLiteral("push"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                    QStringLiteral("--job"), QStringLiteral("curl_me"), QStringLiteral("-")},
                   "curl_metric 42\n")
                .exitCode
            == 0);
    const int id = historyJson().at(0).toObject().value(QStringLiteral("id")).toInt();
    QVERIFY(runCli({QStringLiteral("delete"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                    QStringLiteral("--job"), QStringLiteral("curl_me")})
                .exitCode
            == 0);
    QVERIFY(runCli({QStringLiteral("groups"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                    QStringLiteral("--job"), QStringLiteral("curl_me")})
                .out.contains("(no groups)"));
    const CliRun curl = runCli({QStringLiteral("history"), QStringLiteral("curl"), QString::number(id)});
    QCOMPARE(curl.exitCode, 0);
    const CliRun replay = bash(QString::fromUtf8(curl.out));
    QCOMPARE(replay.exitCode, 0);
    const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                                  QStringLiteral("--job"), QStringLiteral("curl_me")});
    QVERIFY2(groups.out.contains("curl_metric{instance=\"\",job=\"curl_me\"} 42"), groups.out.constData());
}

void TestCliHistory::curlExportRepeatsARemoteWrite()
{
    const QByteArray sample = "curl_rw 7 " + QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 5000) + "\n";
    QVERIFY(runCli({QStringLiteral("write"), QStringLiteral("--url"), m_prometheus->baseUrl().toString(),
                    QStringLiteral("-")},
                   sample)
                .exitCode
            == 0);
    const int id = historyJson().at(0).toObject().value(QStringLiteral("id")).toInt();
    const QString dir = m_work.filePath(QStringLiteral("curl"));
    const CliRun curl = runCli(
        {QStringLiteral("history"), QStringLiteral("curl"), QString::number(id), QStringLiteral("--output"), dir});
    QVERIFY2(curl.exitCode == 0, curl.err.constData());
    // The same request again: the same sample at the same time is accepted again (204), as the original was.
    const CliRun replay
        = bash(QString::fromUtf8(curl.out).trimmed() + QStringLiteral(" -o /dev/null -w '%{http_code}'"));
    QCOMPARE(replay.out, QByteArray("204"));
}

// A push larger than the history keeps (4 MiB): a command made of the part kept would replace
// the group with fewer series. Nothing is written, on standard output or into --output.
void TestCliHistory::curlExportRefusesABodyKeptInPart()
{
    QByteArray body;
    for (int i = 0; body.size() <= (5 << 20); ++i)
        body += "big_push_series{i=\"" + QByteArray::number(i) + "\",pad=\"" + QByteArray(40, 'p') + "\"} 1\n";
    const CliRun push = runCli({QStringLiteral("push"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                                QStringLiteral("--job"), QStringLiteral("big_push"), QStringLiteral("-")},
                               body);
    QVERIFY2(push.exitCode == 0, push.err.constData());
    const int id = historyJson().at(0).toObject().value(QStringLiteral("id")).toInt();
    const QString dir = m_work.filePath(QStringLiteral("cut"));
    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--output"), dir}}) {
        const CliRun curl
            = runCli(QStringList{QStringLiteral("history"), QStringLiteral("curl"), QString::number(id)} + extra);
        QCOMPARE(curl.exitCode, 2);
        QVERIFY2(curl.out.isEmpty(), curl.out.left(200).constData());
        QVERIFY2(curl.err.contains("kept only part of its body"), curl.err.constData());
    }
    QVERIFY(!QDir(dir).exists() || QDir(dir).isEmpty());
}

void TestCliHistory::refusalsKeepTheServersWords()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(runCli({QStringLiteral("write"), QStringLiteral("--url"), m_prometheus->baseUrl().toString(),
                    QStringLiteral("-")},
                   "refused_rw 1 " + QByteArray::number(now) + "\n")
                .exitCode
            == 0);
    QCOMPARE(runCli({QStringLiteral("write"), QStringLiteral("--url"), m_prometheus->baseUrl().toString(),
                     QStringLiteral("-")},
                    "refused_rw 2 " + QByteArray::number(now - 60000) + "\n")
                 .exitCode,
             1);
    const QJsonObject failed = historyJson({QStringLiteral("--failed")}).at(0).toObject();
    QCOMPARE(failed.value(QStringLiteral("status")).toInt(), 400);
    const CliRun show = runCli({QStringLiteral("history"), QStringLiteral("show"),
                                QString::number(failed.value(QStringLiteral("id")).toInt())});
    QVERIFY2(show.out.contains("out of order sample"), show.out.constData());
    QVERIFY(show.out.contains("refused_rw 2 "));
}

void TestCliHistory::resendIsANewLinkedEntry()
{
    QVERIFY(runCli({QStringLiteral("push"), QStringLiteral("--url"), m_gateway->baseUrl().toString(),
                    QStringLiteral("--job"), QStringLiteral("again"), QStringLiteral("-")},
                   "again_metric 1\n")
                .exitCode
            == 0);
    const int original = historyJson().at(0).toObject().value(QStringLiteral("id")).toInt();
    const CliRun resend = runCli({QStringLiteral("history"), QStringLiteral("resend"), QString::number(original)});
    QVERIFY2(resend.exitCode == 0, resend.err.constData());
    const QJsonObject latest = historyJson().at(0).toObject();
    QVERIFY(latest.value(QStringLiteral("id")).toInt() > original);
    QCOMPARE(latest.value(QStringLiteral("resendOf")).toInt(), original);
    QCOMPARE(latest.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
}

// A percent-escape in a URL reads like a placeholder ("%3F", "%7B"): the list line prints the
// URL as recorded, and the duration and profile where they belong.
void TestCliHistory::listShowsEachUrlAsRecorded()
{
    // A gateway behind a proxy under an escaped path; this one is not there, and answers 404.
    const QString base = m_gateway->baseUrl().toString() + QStringLiteral("/team%3Fa/50%25");
    const CliRun push = runCli({QStringLiteral("push"), QStringLiteral("--url"), base, QStringLiteral("--job"),
                                QStringLiteral("escaped"), QStringLiteral("-")},
                               "# TYPE escaped_url gauge\nescaped_url 1\n");
    QVERIFY2(push.exitCode != 0, push.out.constData());
    const QJsonObject entry = historyJson().at(0).toObject();
    const QString url = entry.value(QStringLiteral("url")).toString();
    QVERIFY2(url.contains(QStringLiteral("%3F")), qPrintable(url));
    const CliRun list
        = runCli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(list.exitCode, 0);
    const QString line = QString::fromUtf8(list.out).trimmed();
    QVERIFY2(line.contains(QLatin1Char(' ') + url + QStringLiteral("  ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral(" %1 ms").arg(entry.value(QStringLiteral("durationMs")).toInteger())),
             qPrintable(line));
}

void TestCliHistory::killedMidRequestLeavesOutcomeUnknown()
{
    // A receiver that accepts the connection and never answers keeps the push in flight.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] { held.append(silent.nextPendingConnection()); });
    QProcess push;
    push.start(QStringLiteral(PROMDESK_CLI),
               {QStringLiteral("push"), QStringLiteral("--timeout"), QStringLiteral("120"), QStringLiteral("--url"),
                QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()), QStringLiteral("--job"),
                QStringLiteral("doomed"), QStringLiteral("-")});
    push.write("doomed 1\n");
    push.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 20000); // the request is on the wire
    push.kill();
    push.waitForFinished();
    const QJsonObject entry = historyJson().at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("operation")).toString(), QStringLiteral("replace"));
    QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("unknown"));
    const CliRun show = runCli({QStringLiteral("history"), QStringLiteral("show"),
                                QString::number(entry.value(QStringLiteral("id")).toInt())});
    QVERIFY2(show.out.contains("outcome unknown"), show.out.constData());
    QVERIFY(show.out.contains("doomed 1"));
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
