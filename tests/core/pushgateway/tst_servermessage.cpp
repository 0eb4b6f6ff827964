#include "pushgateway/ServerMessage.h"

#include <QTest>

using namespace promdesk;

class TestServerMessage : public QObject
{
    Q_OBJECT

private slots:
    void explains_data();
    void explains();
};

void TestServerMessage::explains_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("category");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("summary"); // a fragment
    QTest::addColumn<QString>("advice");  // a fragment
    const int rejected = int(ErrorCategory::Rejected);
    // clang-format off
    // Bodies as Pushgateway 1.5.1 sends them.
    QTest::newRow("timestamps") << 400 << rejected << QByteArray("pushed metrics are invalid or inconsistent with existing metrics: pushed metrics must not have timestamps\n") << "does not accept samples with timestamps" << "remote write";
    QTest::newRow("type-mismatch") << 400 << rejected << QByteArray("pushed metrics are invalid or inconsistent with existing metrics: gathered metric family x has type COUNTER but should have GAUGE\n") << "'x' would have two types, counter and gauge" << "same type";
    QTest::newRow("not-a-gauge") << 400 << rejected << QByteArray("pushed metrics are invalid or inconsistent with existing metrics: collected metric \"shared\" { label:<name:\"job\" value:\"t\" > counter:<value:1 > } is not a GAUGE\n") << "'shared' would have two types, counter and gauge (the series shared{job=\"t\"} is a counter)" << "same type";
    QTest::newRow("parse-error") << 400 << rejected << QByteArray("text format parsing error in line 2: expected float as value, got \"1,5\"\n") << "line 2" << "promdesk-cli validate";
    QTest::newRow("end-of-input") << 400 << rejected << QByteArray("text format parsing error in line 1: unexpected end of input stream\n") << "newline" << "--fix";
    QTest::newRow("duplicate") << 400 << rejected << QByteArray("pushed metrics are invalid or inconsistent with existing metrics: collected metric \"a\" { gauge:<value:1 > } was collected before with the same name and label values\n") << "same series appears twice" << "repeated";
    QTest::newRow("bad-label-name") << 400 << rejected << QByteArray("improper label name \"1x\"\n") << "grouping label name" << "letters";
    QTest::newRow("auth") << 401 << int(ErrorCategory::Auth) << QByteArray("Unauthorized\n") << "refused the credentials" << "APPID";
    QTest::newRow("not-found") << 404 << int(ErrorCategory::NotFound) << QByteArray("404 page not found\n") << "Nothing at this URL" << "route-prefix";
    QTest::newRow("server-error") << 503 << int(ErrorCategory::Server) << QByteArray("overloaded\n") << "HTTP 503: overloaded" << "try again";
    // clang-format on
}

void TestServerMessage::explains()
{
    QFETCH(int, status);
    QFETCH(int, category);
    QFETCH(QByteArray, body);
    QFETCH(QString, summary);
    QFETCH(QString, advice);
    HttpResult result;
    result.status = status;
    result.category = ErrorCategory(category);
    result.body = body;
    const Explanation explanation = explainGatewayAnswer(result, QStringLiteral("the Pushgateway"));
    QVERIFY2(explanation.summary.contains(summary), qPrintable(explanation.summary));
    QVERIFY2(explanation.advice.contains(advice), qPrintable(explanation.advice));
}

QTEST_GUILESS_MAIN(TestServerMessage)
#include "tst_servermessage.moc"
