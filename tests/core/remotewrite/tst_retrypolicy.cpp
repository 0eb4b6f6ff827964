#include "remotewrite/RetryPolicy.h"

#include <QTest>

#include <limits>

using namespace promdesk;

namespace {

HttpResult answer(int status, ErrorCategory category, QByteArray retryAfter = {})
{
    HttpResult result;
    result.status = status;
    result.category = category;
    if (!retryAfter.isEmpty())
        result.headers.append({QByteArray("Retry-After"), retryAfter});
    return result;
}

const QDateTime kNow = QDateTime(QDate(2026, 11, 25), QTime(12, 0, 0), Qt::UTC);

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void followsTheSpec_data();
    void followsTheSpec();
    void backsOffExponentiallyWithJitter();
    void honoursRetryAfter_data();
    void honoursRetryAfter();
    void stopsAtTheLimits();
    void hugeWaitsGiveUpWithoutOverflow_data();
    void hugeWaitsGiveUpWithoutOverflow();
};

void TestRetryPolicy::followsTheSpec_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("category");
    QTest::addColumn<bool>("retryOn429");
    QTest::addColumn<bool>("retry");
    // clang-format off
    QTest::newRow("204-done")               << 204 << int(ErrorCategory::None) << true << false;
    QTest::newRow("500-retried")            << 500 << int(ErrorCategory::Server) << true << true;
    QTest::newRow("503-retried")            << 503 << int(ErrorCategory::Server) << true << true;
    QTest::newRow("cannot-connect-retried") << 0 << int(ErrorCategory::CannotConnect) << true << true;
    QTest::newRow("timeout-retried")        << 0 << int(ErrorCategory::Timeout) << true << true;
    QTest::newRow("429-retried-by-default") << 429 << int(ErrorCategory::Rejected) << true << true;
    QTest::newRow("429-not-when-disabled")  << 429 << int(ErrorCategory::Rejected) << false << false;
    QTest::newRow("400-never")              << 400 << int(ErrorCategory::Rejected) << true << false;
    QTest::newRow("401-never")              << 401 << int(ErrorCategory::Auth) << true << false;
    QTest::newRow("404-never")              << 404 << int(ErrorCategory::NotFound) << true << false;
    QTest::newRow("413-never")              << 413 << int(ErrorCategory::Rejected) << true << false;
    QTest::newRow("415-never")              << 415 << int(ErrorCategory::Rejected) << true << false;
    QTest::newRow("tls-never")              << 0 << int(ErrorCategory::Tls) << true << false;
    // clang-format on
}

void TestRetryPolicy::followsTheSpec()
{
    QFETCH(int, status);
    QFETCH(int, category);
    QFETCH(bool, retryOn429);
    QFETCH(bool, retry);
    RetryPolicy policy;
    policy.retryOn429 = retryOn429;
    QRandomGenerator random(1);
    const RetryPolicy::Decision decision = policy.decide(answer(status, ErrorCategory(category)), 1, 0, random, kNow);
    QCOMPARE(decision.retry, retry);
    QVERIFY(!decision.reason.isEmpty());
}

void TestRetryPolicy::backsOffExponentiallyWithJitter()
{
    RetryPolicy policy;
    policy.initialBackoffMs = 100;
    policy.maxBackoffMs = 1000;
    policy.jitter = 0.2;
    policy.maxAttempts = 100;
    QRandomGenerator random(7);
    const double expected[] = {100, 200, 400, 800, 1000, 1000};
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const RetryPolicy::Decision decision
            = policy.decide(answer(503, ErrorCategory::Server), attempt, 0, random, kNow);
        QVERIFY(decision.retry);
        QVERIFY2(decision.delayMs >= expected[attempt - 1] * 0.8 && decision.delayMs <= expected[attempt - 1] * 1.2,
                 qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(decision.delayMs)));
    }
}

void TestRetryPolicy::honoursRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("seconds") << QByteArray("2") << 2000;
    QTest::newRow("zero-seconds") << QByteArray("0") << 0;
    QTest::newRow("http-date") << QByteArray("Wed, 25 Nov 2026 12:00:03 GMT") << 3000;
    QTest::newRow("date-in-the-past") << QByteArray("Wed, 25 Nov 2026 11:00:00 GMT") << 0;
}

void TestRetryPolicy::honoursRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, delayMs);
    RetryPolicy policy;
    QRandomGenerator random(1);
    const RetryPolicy::Decision decision
        = policy.decide(answer(429, ErrorCategory::Rejected, header), 1, 0, random, kNow);
    QVERIFY(decision.retry);
    QCOMPARE(decision.delayMs, delayMs);
    QVERIFY2(decision.reason.contains(QLatin1String("Retry-After")), qPrintable(decision.reason));
    QCOMPARE(parseRetryAfter("soon", kNow), std::nullopt);
}

void TestRetryPolicy::stopsAtTheLimits()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.maxTotalMs = 10000;
    QRandomGenerator random(1);
    QVERIFY(!policy.decide(answer(503, ErrorCategory::Server), 3, 0, random, kNow).retry);
    const RetryPolicy::Decision late = policy.decide(answer(503, ErrorCategory::Server, "30"), 1, 0, random, kNow);
    QVERIFY(!late.retry);
    QVERIFY2(late.reason.contains(QLatin1String("limit")), qPrintable(late.reason));
}

void TestRetryPolicy::hugeWaitsGiveUpWithoutOverflow_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("initialBackoffMs");
    QTest::newRow("Retry-After 9.3e15 s") << QByteArray("9300000000000000") << 250;
    QTest::newRow("Retry-After of the largest qint64") << QByteArray("9223372036854775807") << 250;
    QTest::newRow("Retry-After beyond qint64") << QByteArray("99999999999999999999") << 250;
    QTest::newRow("backoff of the largest int") << QByteArray() << std::numeric_limits<int>::max();
}

void TestRetryPolicy::hugeWaitsGiveUpWithoutOverflow()
{
    // The sanitizer build fails on the signed overflow these caused.
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, initialBackoffMs);
    RetryPolicy policy;
    policy.initialBackoffMs = initialBackoffMs;
    policy.maxBackoffMs = std::numeric_limits<int>::max();
    policy.maxTotalMs = std::numeric_limits<qint64>::max();
    QRandomGenerator random(1);
    const RetryPolicy::Decision decision
        = policy.decide(answer(503, ErrorCategory::Server, retryAfter), 5, 0, random, kNow);
    QVERIFY2(!decision.retry || (decision.delayMs >= 0 && decision.delayMs <= std::numeric_limits<int>::max()),
             qPrintable(decision.reason));
    if (const std::optional<qint64> parsed = parseRetryAfter(retryAfter, kNow))
        QVERIFY(*parsed >= 0);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
