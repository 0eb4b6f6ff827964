// The writers and the validator against a real Pushgateway: what we write is what it stores,
// and what we call an error for a Pushgateway is what it refuses.
#include "ServerFixture.h"
#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;

namespace {

const QByteArray kMetrics = "# HELP backup_bytes Size of the last backup.\n"
                            "# TYPE backup_bytes gauge\n"
                            "backup_bytes{db=\"customers\",path=\"/var/tmp\"} 1.5e+09\n"
                            "backup_bytes{db=\"orders\",path=\"C:\\\\dumps \\\"x\\\"\"} 42\n"
                            "# TYPE backup_runs_total counter\n"
                            "backup_runs_total 7\n"
                            "# TYPE backup_seconds histogram\n"
                            "backup_seconds_bucket{le=\"1\"} 1\n"
                            "backup_seconds_bucket{le=\"+Inf\"} 3\n"
                            "backup_seconds_sum 12.5\n"
                            "backup_seconds_count 3\n"
                            "# TYPE backup_quantiles summary\n"
                            "backup_quantiles{quantile=\"0.5\"} 4\n"
                            "backup_quantiles_sum 9\n"
                            "backup_quantiles_count 2\n";

// The families the gateway lists for one group, without its own push_time_seconds etc.
QJsonObject groupFamilies(const QJsonDocument &document, const QString &job)
{
    for (const QJsonValue &group : document.object().value(QStringLiteral("data")).toArray()) {
        QJsonObject object = group.toObject();
        if (object.value(QStringLiteral("labels")).toObject().value(QStringLiteral("job")).toString() != job)
            continue;
        QJsonObject families;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == u"labels" || it.key() == u"last_push_successful"
                || it.key().startsWith(QLatin1String("push_")))
                continue;
            QJsonObject family = it.value().toObject();
            family.remove(QStringLiteral("time_stamp"));
            families.insert(it.key(), family);
        }
        return families;
    }
    return {};
}

} // namespace

class TestPushgatewayExposition : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void textAndProtobufStoreTheSame();
    void validatorAgreesWithGateway_data();
    void validatorAgreesWithGateway();

private:
    std::unique_ptr<ServerFixture> m_gateway;
};

void TestPushgatewayExposition::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
}

void TestPushgatewayExposition::cleanupTestCase()
{
    m_gateway.reset();
}

void TestPushgatewayExposition::textAndProtobufStoreTheSame()
{
    ParseOptions options;
    options.target = ValidationTarget::Pushgateway;
    const ParseResult parsed = parseText(kMetrics, options);
    QVERIFY(parsed.problems.isEmpty());

    const HttpResponse text
        = httpRequest("PUT", m_gateway->url(QStringLiteral("/metrics/job/as_text")), writeText(parsed.metrics),
                      {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}});
    QCOMPARE(text.status, 200);
    const HttpResponse protobuf = httpRequest("PUT", m_gateway->url(QStringLiteral("/metrics/job/as_protobuf")),
                                              writeDelimitedProtobuf(parsed.metrics, WriteOptions{false}),
                                              {{"Content-Type", kDelimitedProtobufContentType}});
    QVERIFY2(protobuf.status == 200, protobuf.body.constData());

    const HttpResponse listing = httpRequest("GET", m_gateway->url(QStringLiteral("/api/v1/metrics")));
    QCOMPARE(listing.status, 200);
    const QJsonDocument document = QJsonDocument::fromJson(listing.body);
    const QJsonObject asText = groupFamilies(document, QStringLiteral("as_text"));
    const QJsonObject asProtobuf = groupFamilies(document, QStringLiteral("as_protobuf"));
    QCOMPARE(asText.keys(),
             QStringList({QStringLiteral("backup_bytes"), QStringLiteral("backup_quantiles"),
                          QStringLiteral("backup_runs_total"), QStringLiteral("backup_seconds")}));
    // The grouping key's job differs; everything else must be identical.
    const QByteArray a = QJsonDocument(asText).toJson().replace("as_text", "JOB");
    const QByteArray b = QJsonDocument(asProtobuf).toJson().replace("as_protobuf", "JOB");
    QCOMPARE(a, b);
    QVERIFY2(a.contains("C:\\\\dumps \\\"x\\\""), a.constData()); // the escaped value arrived unescaped once
    QVERIFY(a.contains("\"1.5e+09\""));
}

void TestPushgatewayExposition::validatorAgreesWithGateway_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCode"); // empty: no error expected
    // clang-format off
    QTest::newRow("clean")                    << QByteArray("a 1\n") << QString();
    QTest::newRow("noncanonical-Nan-accepted") << QByteArray("a Nan\n") << QString();
    QTest::newRow("timestamp-present")        << QByteArray("a 1 1699999999000\n") << QStringLiteral("timestamp-present");
    QTest::newRow("crlf-line-ending")         << QByteArray("# TYPE a counter\r\na 1\r\n") << QStringLiteral("crlf-line-ending");
    QTest::newRow("missing-final-newline")    << QByteArray("a 1") << QStringLiteral("missing-final-newline");
    QTest::newRow("invalid-number")           << QByteArray("a 1,5\n") << QStringLiteral("invalid-number");
    QTest::newRow("invalid-escape")           << QByteArray("a{p=\"C:\\temp\"} 1\n") << QStringLiteral("invalid-escape");
    QTest::newRow("unterminated-label-value") << QByteArray("a{p=\"x} 1\n") << QStringLiteral("unterminated-label-value");
    QTest::newRow("duplicate-series")         << QByteArray("a{x=\"1\"} 1\na{x=\"1\"} 1\n") << QStringLiteral("duplicate-series");
    QTest::newRow("duplicate-type")           << QByteArray("# TYPE a gauge\n# TYPE a counter\na 1\n") << QStringLiteral("duplicate-type");
    QTest::newRow("type-not-supported")       << QByteArray("# TYPE a info\na 1\n") << QStringLiteral("type-not-supported");
    QTest::newRow("bom")                      << QByteArray("\xEF\xBB\xBF" "a 1\n") << QStringLiteral("bom");
    // Hexadecimal numbers: C++ reads them, the gateway answers 400 "expected float as value".
    QTest::newRow("hex-number")               << QByteArray("foo 0x1\n") << QStringLiteral("hex-number");
    QTest::newRow("hex-number-uppercase")     << QByteArray("foo 0X1\n") << QStringLiteral("hex-number");
    QTest::newRow("hex-float")                << QByteArray("foo 0x1p-3\n") << QStringLiteral("hex-number");
    QTest::newRow("hex-float-uppercase-p")    << QByteArray("foo 0x1P-3\n") << QStringLiteral("hex-number");
    QTest::newRow("hex-quantile")             << QByteArray("# TYPE metric summary\nmetric{quantile=\"0x1p-3\"} 3.14\n") << QStringLiteral("hex-number");
    // clang-format on
}

void TestPushgatewayExposition::validatorAgreesWithGateway()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCode);

    ParseOptions options;
    options.target = ValidationTarget::Pushgateway;
    const ParseResult result = parseText(body, options);
    QStringList errorCodes;
    for (const Problem &problem : result.problems) {
        if (problem.severity == Severity::Error)
            errorCodes << problem.code;
    }
    QCOMPARE(errorCodes, expectedCode.isEmpty() ? QStringList() : QStringList{expectedCode});

    const HttpResponse response = httpRequest(
        "PUT",
        m_gateway->url(QStringLiteral("/metrics/job/agree/case/%1").arg(QString::fromLatin1(QTest::currentDataTag()))),
        body, {{"Content-Type", "text/plain; version=0.0.4"}});
    QVERIFY2(response.status == (expectedCode.isEmpty() ? 200 : 400),
             qPrintable(QStringLiteral("HTTP %1: %2").arg(response.status).arg(QString::fromUtf8(response.body))));
}

QTEST_GUILESS_MAIN(TestPushgatewayExposition)
#include "tst_pushgateway_exposition.moc"
