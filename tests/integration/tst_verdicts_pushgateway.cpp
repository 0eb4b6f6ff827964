// The validator's verdicts against a real Pushgateway 1.5.1, input by input: the project's own
// inputs, every input of prometheus/common's text-parser tests, and deterministic mutations of
// both. Each is PUT to the gateway and validated with the Pushgateway target:
//   - PromDesk reports an error exactly when the gateway refuses (400), except for the deliberate
//     differences listed in kDeliberate (and docs/validation.md), each with its reason;
//   - when the gateway names a line ("in line N"), PromDesk reports an error on that line.
// The verdicts are kept as a table in tests/data/verdicts/pushgateway.tsv; a run that finds a
// different table fails. To regenerate it after a deliberate change:
//   PROMDESK_UPDATE_VERDICTS=1 ctest --test-dir build -R tst_verdicts_pushgateway
#include "ServerFixture.h"
#include "VerdictInputs.h"
#include "exposition/TextParser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <map>

using namespace promdesk;
using namespace promdesk::test;

namespace {

constexpr int kMutationsPerInput = 12;

// PromDesk's errors that the gateway takes with 200, on purpose. Each is a documented difference.
const std::map<QString, QString> kDeliberate = {
    {QStringLiteral("gauge-histogram-sample"),
     QStringLiteral("stored, but the gateway then writes '# TYPE x' with no type and Prometheus refuses to scrape "
                    "the whole gateway")},
    {QStringLiteral("help-invalid-utf8"),
     QStringLiteral("stored, but Prometheus then refuses to scrape the whole gateway (\"help text is not a valid utf8 "
                    "string\")")},
};

using Input = VerdictInput;

QList<Input> allInputs()
{
    return verdictInputs(kMutationsPerInput);
}

struct GatewayVerdict
{
    int status = 0;
    int line = 0;      // from "text format parsing error in line N", else 0
    QByteArray reason; // the answer's first line, without the line prefix
};

GatewayVerdict gatewayVerdict(const HttpResponse &response)
{
    GatewayVerdict verdict{response.status, 0, {}};
    QByteArray first = response.body.trimmed();
    first = first.left(first.indexOf('\n') < 0 ? first.size() : first.indexOf('\n'));
    static const QRegularExpression kLine(QStringLiteral("^text format parsing error in line (\\d+): "));
    const QRegularExpressionMatch match = kLine.match(QString::fromUtf8(first));
    if (match.hasMatch()) {
        verdict.line = match.captured(1).toInt();
        first = first.mid(match.capturedLength());
    }
    // Which of several inconsistencies the gateway names first depends on Go's map order: keep
    // only the kind, so that the stored table stays the same from run to run.
    static const QByteArray kInconsistent = "pushed metrics are invalid or inconsistent with existing metrics";
    verdict.reason = first.startsWith(kInconsistent) ? kInconsistent : first.left(120);
    return verdict;
}

struct PromDeskVerdict
{
    QStringList errors; // "code@line"
    QList<int> errorLines;
    bool onlyDeliberate = false;
};

PromDeskVerdict promDeskVerdict(const QByteArray &text)
{
    ParseOptions options;
    options.target = ValidationTarget::Pushgateway;
    options.fileName = QStringLiteral("input");
    const ParseResult result = parseText(text, options);
    PromDeskVerdict verdict;
    verdict.onlyDeliberate = true;
    for (const Problem &problem : result.problems) {
        if (problem.severity != Severity::Error)
            continue;
        verdict.errors << QStringLiteral("%1@%2").arg(problem.code).arg(problem.line);
        verdict.errorLines << problem.line;
        verdict.onlyDeliberate = verdict.onlyDeliberate && kDeliberate.count(problem.code) > 0;
    }
    return verdict;
}

QByteArray tableRow(const Input &input, const GatewayVerdict &gateway, const PromDeskVerdict &promdesk,
                    const QByteArray &note)
{
    return input.id.toUtf8() + '\t' + QByteArray::number(gateway.status) + '\t' + QByteArray::number(gateway.line)
        + '\t' + escapeForTable(gateway.reason) + '\t'
        + (promdesk.errors.isEmpty() ? QByteArray("ok") : promdesk.errors.join(u' ').toUtf8()) + '\t' + note + '\t'
        + escapeForTable(input.text) + '\n';
}

} // namespace

class TestVerdictsPushgateway : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void verdictsMatchTheGateway();
    void deliberateDifferencesBreakTheScrape_data();
    void deliberateDifferencesBreakTheScrape();

private:
    std::unique_ptr<ServerFixture> m_gateway;
};

void TestVerdictsPushgateway::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
}

void TestVerdictsPushgateway::cleanupTestCase()
{
    m_gateway.reset();
}

void TestVerdictsPushgateway::verdictsMatchTheGateway()
{
    const QList<Input> inputs = allInputs();
    QVERIFY2(inputs.size() > 1000, qPrintable(QString::number(inputs.size())));
    // One group, replaced by every PUT: the gateway checks a push against the other groups only,
    // so no earlier input can make a later one inconsistent.
    const QUrl group = m_gateway->url(QStringLiteral("/metrics/job/verdicts"));
    QByteArray table = "# id\tgateway status\tgateway line\tgateway reason\tPromDesk errors\tnote\tinput\n";
    QStringList disagreements;
    int refused = 0;
    int deliberate = 0;
    for (const Input &input : inputs) {
        const HttpResponse response
            = httpRequest("PUT", group, input.text, {{"Content-Type", "text/plain; version=0.0.4"}});
        QVERIFY2(response.status == 200 || response.status == 400,
                 qPrintable(QStringLiteral("%1: HTTP %2 %3").arg(input.id).arg(response.status).arg(response.error)));
        const GatewayVerdict gateway = gatewayVerdict(response);
        const PromDeskVerdict promdesk = promDeskVerdict(input.text);
        QByteArray note;
        if (gateway.status == 400) {
            ++refused;
            if (promdesk.errors.isEmpty())
                note = "DISAGREE: the gateway refuses, PromDesk passes";
            else if (gateway.line > 0 && !promdesk.errorLines.contains(gateway.line))
                note = "DISAGREE: PromDesk names other lines than the gateway";
        } else if (!promdesk.errors.isEmpty()) {
            if (promdesk.onlyDeliberate) {
                note = "deliberate";
                ++deliberate;
            } else {
                note = "DISAGREE: the gateway stores, PromDesk refuses";
            }
        }
        if (note.startsWith("DISAGREE"))
            disagreements << QString::fromUtf8(tableRow(input, gateway, promdesk, note)).trimmed();
        table += tableRow(input, gateway, promdesk, note);
    }
    qInfo("%lld inputs: %d refused by the gateway, %d deliberate differences, %lld disagreements",
          qlonglong(inputs.size()), refused, deliberate, qlonglong(disagreements.size()));

    const QString difference
        = differenceFromStoredTable(table, QStringLiteral(PROMDESK_TEST_DATA_DIR "/verdicts/pushgateway.tsv"));
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.mid(0, 30).join(u'\n')));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// Each deliberate difference: the gateway stores the input (200), and a Prometheus scraping the
// gateway then reports the scrape down with the error PromDesk's message names; a clean push
// brings it back up.
void TestVerdictsPushgateway::deliberateDifferencesBreakTheScrape_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("scrapeError");
    QTest::newRow("gauge-histogram-sample")
        << QByteArray("# TYPE x gauge_histogram\nx 1\n") << QStringLiteral("gauge-histogram-sample") << 2
        << QStringLiteral("invalid metric type");
    QTest::newRow("help-invalid-utf8") << QByteArray("# HELP a caf\xE9\na 1\n") << QStringLiteral("help-invalid-utf8")
                                       << 1 << QStringLiteral("help text is not a valid utf8 string");
}

namespace {

// The gateway target's health and last error, as the Prometheus scraping it reports them.
QPair<QString, QString> scrapeHealth(const QUrl &prometheus)
{
    QUrl url = prometheus;
    url.setPath(QStringLiteral("/api/v1/targets"));
    const QJsonObject target = QJsonDocument::fromJson(httpRequest("GET", url).body)
                                   .object()[QStringLiteral("data")][QStringLiteral("activeTargets")][0]
                                   .toObject();
    return {target[QStringLiteral("health")].toString(), target[QStringLiteral("lastError")].toString()};
}

bool waitForHealth(const QUrl &prometheus, const QString &health, QPair<QString, QString> *last)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 20000) {
        *last = scrapeHealth(prometheus);
        if (last->first == health)
            return true;
        QThread::msleep(200);
    }
    return false;
}

} // namespace

void TestVerdictsPushgateway::deliberateDifferencesBreakTheScrape()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(QString, scrapeError);
    QVERIFY(kDeliberate.count(code) == 1);
    const PromDeskVerdict promdesk = promDeskVerdict(input);
    QFETCH(int, line);
    QCOMPARE(promdesk.errors, QStringList{QStringLiteral("%1@%2").arg(code).arg(line)});

    QString error;
    const std::unique_ptr<ServerFixture> prometheus = startScrapingPrometheus(m_gateway->baseUrl(), true, &error);
    QVERIFY2(prometheus, qPrintable(error));
    const QUrl group = m_gateway->url(QStringLiteral("/metrics/job/deliberate"));
    const QList<QPair<QByteArray, QByteArray>> text = {{"Content-Type", "text/plain; version=0.0.4"}};
    QCOMPARE(httpRequest("PUT", group, input, text).status, 200);
    QPair<QString, QString> health;
    QVERIFY2(waitForHealth(prometheus->baseUrl(), QStringLiteral("down"), &health), qPrintable(health.second));
    QVERIFY2(health.second.contains(scrapeError), qPrintable(health.second));

    QCOMPARE(httpRequest("PUT", group, "a 1\n", text).status, 200);
    QVERIFY2(waitForHealth(prometheus->baseUrl(), QStringLiteral("up"), &health), qPrintable(health.second));
}

QTEST_GUILESS_MAIN(TestVerdictsPushgateway)
#include "tst_verdicts_pushgateway.moc"
