#pragma once

#include "net/HttpTypes.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <optional>

namespace promdesk {

/// When to try a remote-write request again, as the spec says: 5xx and network failures with
/// exponential backoff and jitter, 429 when enabled, never any other 4xx; Retry-After (seconds
/// or an HTTP date) replaces the backoff step. Attempts and total time are bounded.
struct RetryPolicy
{
    int maxAttempts = 6;
    int initialBackoffMs = 250;
    int maxBackoffMs = 10000;
    double jitter = 0.2; // ± this fraction of each step
    bool retryOn429 = true;
    qint64 maxTotalMs = 120000; // no retry starts after this much time

    /// Whether to try an answer's request again, and after how long.
    struct Decision
    {
        bool retry = false;
        int delayMs = 0;
        QString reason; // why it retries, or why it stops
    };

    [[nodiscard]] Decision decide(const HttpResult &result, int attemptsMade, qint64 elapsedMs,
                                  QRandomGenerator &random,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

bool isRetryable(const HttpResult &result, bool retryOn429);

// Retry-After as seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"), in ms from now.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace promdesk
