#pragma once

#include <QString>
#include <QtGlobal>

#include <limits>
#include <optional>

namespace promdesk {

// Timestamps are milliseconds since the Unix epoch in a qint64, and every qint64 is a valid one:
// about 292 million years either side of 1970. Arithmetic on them saturates instead of wrapping
// (signed overflow is undefined behaviour), and printing works for every one of them.

[[nodiscard]] constexpr qint64 addSaturated(qint64 a, qint64 b)
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    if (b > 0 && a > max - b)
        return max;
    if (b < 0 && a < min - b)
        return min;
    return a + b;
}

// b − a, saturated.
[[nodiscard]] constexpr qint64 subtractSaturated(qint64 b, qint64 a)
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    if (a < 0 && b > max + a)
        return max;
    if (a > 0 && b < min + a)
        return min;
    return b - a;
}

// A time in milliseconds as a double (seconds × 1000, say), rounded, when a qint64 holds it.
[[nodiscard]] std::optional<qint64> millisecondsFromDouble(double ms);

// ISO 8601 in UTC with milliseconds, "2023-11-14T22:13:20.000Z", for every qint64: years past
// 9999 or before 0 get a sign and six or more digits ("+12345-01-01T00:00:00.000Z"), as ISO 8601's
// expanded form has them. (QDateTime's ISO string is empty there.)
[[nodiscard]] QString formatTimestamp(qint64 ms);

// "3 days", "12 minutes", "2 hours": how far apart two times are, roughly, in the largest unit.
[[nodiscard]] QString formatSpan(qint64 ms);

// "0.8 s", "3 min 12 s": how long something took; "?" for an unknown (negative) duration such as
// an ETA not known yet.
[[nodiscard]] QString formatDuration(qint64 ms);

} // namespace promdesk
