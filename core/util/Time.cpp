#include "util/Time.h"

#include <cmath>

namespace promdesk {

namespace {

struct CivilDate
{
    qint64 year;
    int month; // 1–12
    int day;   // 1–31
};

// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil inverse),
// exact for every day a qint64 of milliseconds can reach.
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;                                                        // [0, 146096]
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365; // [0, 399]
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);            // [0, 365]
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153; // [0, 11], from March
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

std::optional<qint64> millisecondsFromDouble(double ms)
{
    // 2^63 is exact in a double; every double below it in magnitude rounds into range.
    constexpr double limit = 9223372036854775808.0;
    if (!std::isfinite(ms) || ms >= limit || ms < -limit)
        return std::nullopt;
    const double rounded = std::round(ms);
    if (rounded >= limit)
        return std::nullopt;
    return qint64(rounded);
}

QString formatTimestamp(qint64 ms)
{
    constexpr qint64 msPerDay = 86400000;
    qint64 days = ms / msPerDay;
    qint64 rest = ms % msPerDay;
    if (rest < 0) {
        rest += msPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    QString year;
    if (date.year >= 0 && date.year <= 9999)
        year = QStringLiteral("%1").arg(date.year, 4, 10, QLatin1Char('0'));
    else
        year = (date.year < 0 ? QStringLiteral("-") : QStringLiteral("+"))
            + QStringLiteral("%1").arg(date.year < 0 ? -date.year : date.year, 6, 10, QLatin1Char('0'));
    return QStringLiteral("%1-%2-%3T%4:%5:%6.%7Z")
        .arg(year, twoDigits(date.month), twoDigits(date.day), twoDigits(rest / 3600000), twoDigits(rest / 60000 % 60),
             twoDigits(rest / 1000 % 60))
        .arg(rest % 1000, 3, 10, QLatin1Char('0'));
}

QString formatSpan(qint64 ms)
{
    const qint64 magnitude
        = ms < 0 ? (ms == std::numeric_limits<qint64>::min() ? std::numeric_limits<qint64>::max() : -ms) : ms;
    constexpr qint64 minute = 60000;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    constexpr qint64 year = 36525 * day / 100;
    const auto count = [](qint64 n, const char *unit) {
        return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(unit)).arg(n == 1 ? QString() : QStringLiteral("s"));
    };
    if (magnitude >= 2 * year)
        return count(magnitude / year, "year");
    if (magnitude >= 2 * day)
        return count(magnitude / day, "day");
    if (magnitude >= 2 * hour)
        return count(magnitude / hour, "hour");
    if (magnitude >= minute)
        return count(magnitude / minute, "minute");
    return count(magnitude / 1000, "second");
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("?");
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

} // namespace promdesk
