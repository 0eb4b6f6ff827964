// Any server's answer in plain words: by category and status, without the Pushgateway's own
// readings (those are tst_servermessage's).
#include "net/AnswerExplanation.h"
#include "pushgateway/ServerMessage.h"

#include <QTest>

using namespace promdesk;

class TestAnswerExplanation : public QObject
{
    Q_OBJECT

private slots:
    void explains_data();
    void explains();
    void wipeAnswers_data();
    void wipeAnswers();
    void quotesLittleOfAHugeOrHostileBody();
};

void TestAnswerExplanation::explains_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("category");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("summary"); // a fragment
    QTest::addColumn<QString>("advice");  // a fragment
    QTest::addColumn<QString>("notSaid"); // nothing a Pushgateway reading would add
    // clang-format off
    QTest::newRow("refused-with-the-servers-words") << 400 << int(ErrorCategory::Rejected) << QByteArray("out of bounds\n") << "The exporter at x refused the request (HTTP 400): out of bounds" << "message above" << "Pushgateway";
    QTest::newRow("gateway-words-from-another-server") << 400 << int(ErrorCategory::Rejected) << QByteArray("pushed metrics must not have timestamps\n") << "refused the request (HTTP 400)" << "message above" << "remote write";
    QTest::newRow("not-found") << 404 << int(ErrorCategory::NotFound) << QByteArray("404 page not found\n") << "Nothing at this URL on the exporter at x" << "Check the URL" << "route-prefix";
    QTest::newRow("closed-after-request") << 0 << int(ErrorCategory::ClosedAfterRequest) << QByteArray() << "may have been applied" << "before sending it again" << "Groups view";
    QTest::newRow("method-not-allowed") << 405 << int(ErrorCategory::Rejected) << QByteArray("Method Not Allowed\n") << "(HTTP 405): Method Not Allowed" << "message above" << "root URL";
    QTest::newRow("server-error") << 503 << int(ErrorCategory::Server) << QByteArray("overloaded\n") << "The exporter at x failed with HTTP 503: overloaded" << "try again" << "Pushgateway";
    QTest::newRow("auth") << 401 << int(ErrorCategory::Auth) << QByteArray() << "refused the credentials (HTTP 401)" << "user and password" << "Pushgateway";
    // clang-format on
}

void TestAnswerExplanation::explains()
{
    QFETCH(int, status);
    QFETCH(int, category);
    QFETCH(QByteArray, body);
    QFETCH(QString, summary);
    QFETCH(QString, advice);
    QFETCH(QString, notSaid);
    HttpResult result;
    result.status = status;
    result.category = ErrorCategory(category);
    result.body = body;
    const Explanation explanation = explainAnswer(result, QStringLiteral("the exporter at x"));
    QVERIFY2(explanation.summary.contains(summary), qPrintable(explanation.summary));
    QVERIFY2(explanation.advice.contains(advice), qPrintable(explanation.advice));
    const QString said = explanation.summary + u' ' + explanation.advice;
    QVERIFY2(!said.contains(notSaid), qPrintable(said));
    // The gateway's reading of the same answer differs where it knows more.
    if (notSaid != u"Pushgateway") {
        const Explanation gateway = explainGatewayAnswer(result, QStringLiteral("the Pushgateway"));
        const QString gatewaySaid = gateway.summary + u' ' + gateway.advice;
        QVERIFY2(gatewaySaid.contains(notSaid), qPrintable(gatewaySaid));
    }
}

void TestAnswerExplanation::wipeAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("category");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("wipeAdvice");   // a fragment
    QTest::addColumn<QString>("notForOthers"); // what explainGatewayAnswer must not say
    // Pushgateway 1.5.1 without --web.enable-admin-api answers PUT /api/v1/admin/wipe with 404;
    // 405 is what it answers a path that takes other methods (PUT /metrics).
    // clang-format off
    QTest::newRow("admin-api-off-is-404") << 404 << int(ErrorCategory::NotFound) << QByteArray("404 page not found\n") << "--web.enable-admin-api" << "admin API";
    QTest::newRow("method-not-allowed") << 405 << int(ErrorCategory::Rejected) << QByteArray("Method Not Allowed\n") << "root URL" << "admin API";
    // clang-format on
}

void TestAnswerExplanation::wipeAnswers()
{
    QFETCH(int, status);
    QFETCH(int, category);
    QFETCH(QByteArray, body);
    QFETCH(QString, wipeAdvice);
    QFETCH(QString, notForOthers);
    HttpResult result;
    result.status = status;
    result.category = ErrorCategory(category);
    result.body = body;
    const Explanation wipe = explainWipeAnswer(result, QStringLiteral("the Pushgateway"));
    QVERIFY2(wipe.advice.contains(wipeAdvice), qPrintable(wipe.advice));
    const Explanation other = explainGatewayAnswer(result, QStringLiteral("the Pushgateway"));
    const QString otherSaid = other.summary + u' ' + other.advice;
    QVERIFY2(!otherSaid.contains(notForOthers), qPrintable(otherSaid));
}

void TestAnswerExplanation::quotesLittleOfAHugeOrHostileBody()
{
    HttpResult result;
    result.status = 400;
    result.category = ErrorCategory::Rejected;
    result.body = "\x1b]0;owned\x07" + QByteArray(10 << 20, 'x');
    const Explanation explanation = explainAnswer(result, QStringLiteral("the server"));
    QVERIFY2(explanation.summary.size() < 400, qPrintable(QString::number(explanation.summary.size())));
    QVERIFY(!explanation.summary.contains(QChar(0x1b)));
    QVERIFY(!explanation.summary.contains(QChar(0x07)));
}

QTEST_GUILESS_MAIN(TestAnswerExplanation)
#include "tst_answerexplanation.moc"
