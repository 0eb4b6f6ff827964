#include "remotewrite/RetryPolicy.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <limits>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RetryPolicy)
};

} // namespace

bool isRetryable(const HttpResult &result, bool retryOn429)
{
    switch (result.category) {
    case ErrorCategory::Server:
    case ErrorCategory::CannotConnect:
    case ErrorCategory::Timeout:
    case ErrorCategory::ClosedAfterRequest: // a remote write applied twice stores the same samples once
        return true;
    case ErrorCategory::Rejected:
        return result.status == 429 && retryOn429;
    default:
        return false; // 2xx done; other 4xx, TLS and auth do not get better by repeating
    }
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok) {
        // A server may send any number: beyond what milliseconds in a qint64 hold, it is "forever".
        constexpr qint64 kMaxSeconds = std::numeric_limits<qint64>::max() / 1000;
        return seconds >= 0 ? std::optional<qint64>(std::min(seconds, kMaxSeconds) * 1000) : std::nullopt;
    }
    // IMF-fixdate, the form HTTP/1.1 requires senders to use; always English, whatever the locale.
    const QDateTime date
        = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid())
        return std::nullopt;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(utc));
}

RetryPolicy::Decision RetryPolicy::decide(const HttpResult &result, int attemptsMade, qint64 elapsedMs,
                                          QRandomGenerator &random, const QDateTime &now) const
{
    if (result.ok())
        return {false, 0, QStringLiteral("done")};
    if (!isRetryable(result, retryOn429)) {
        return {false, 0,
                result.status == 429 ? Tr::tr("HTTP 429 and retrying on 429 is off")
                                     //: %1 is "HTTP 400" or an error category such as "tls"
                                     : Tr::tr("not retried: %1 does not get better by repeating")
                                           .arg(result.status ? QStringLiteral("HTTP %1").arg(result.status)
                                                              : errorCategoryName(result.category))};
    }
    if (attemptsMade >= maxAttempts)
        return {false, 0, Tr::tr("gave up after %1 attempts").arg(attemptsMade)};

    double delay = double(initialBackoffMs) * std::pow(2.0, attemptsMade - 1);
    delay = std::min(delay, double(maxBackoffMs));
    delay *= 1.0 + jitter * (random.generateDouble() * 2.0 - 1.0);
    QString reason
        //: %1 is "HTTP 503" or an error category such as "timeout"
        = Tr::tr("%1; retrying with backoff")
              .arg(result.status ? QStringLiteral("HTTP %1").arg(result.status) : errorCategoryName(result.category));
    if (const std::optional<qint64> retryAfter = parseRetryAfter(result.header("Retry-After"), now)) {
        delay = double(*retryAfter);
        reason = Tr::tr("HTTP %1 with Retry-After: %2 s").arg(result.status).arg(double(*retryAfter) / 1000.0);
    }
    // Compared as doubles: a server's Retry-After (or a huge backoff setting) may not fit an int.
    if (!(delay >= 0) || double(elapsedMs) + delay > double(maxTotalMs)
        || delay > double(std::numeric_limits<int>::max()))
        return {false, 0, Tr::tr("gave up: the next attempt would start after the %1 s limit").arg(maxTotalMs / 1000)};
    return {true, int(delay), reason};
}

} // namespace promdesk
