#include "model/NumberFormat.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace promdesk {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

int copyLiteral(const char *literal, char *buffer)
{
    const int length = int(std::strlen(literal));
    std::memcpy(buffer, literal, size_t(length));
    return length;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// What a decimal (after its sign) starts with: a digit, or the point of ".5".
bool startsAsDecimal(char c)
{
    return c == '.' || isDigit(c);
}

// A plain decimal in the range formatNumber writes without an exponent (1e-4 to 1e6), with no
// sign but '-', no leading or trailing zero it would drop, and at most 16 characters (so at most
// 15 significant digits): then those digits are the shortest that round-trip, and formatNumber
// writes `text` itself. `text` was read as `value`.
bool isPlainAsFormatted(std::string_view text, double value)
{
    const double magnitude = std::fabs(value);
    if (!(magnitude >= 1e-4 && magnitude < 1e6))
        return magnitude == 0 && text == "0";
    if (text.size() > 16)
        return false;
    const size_t integerAt = text.front() == '-' ? 1 : 0;
    if (integerAt == text.size() || !isDigit(text[integerAt]))
        return false;
    if (text[integerAt] == '0' && integerAt + 1 < text.size() && text[integerAt + 1] != '.')
        return false;
    bool point = false;
    for (size_t at = integerAt + 1; at < text.size(); ++at) {
        if (text[at] == '.')
            point = true;
        else if (!isDigit(text[at]))
            return false;
    }
    return !point || (text.back() != '0' && text.back() != '.');
}

// Clinger's fast path: a decimal of at most 15 digits is an integer m below 2^53 times 10^e;
// when |e| <= 22, both m and 10^|e| are exact doubles and one IEEE multiplication or division of
// them is correctly rounded: the very value from_chars gives, without its general machinery.
// Most sample values look like this, with or without an exponent ("5586214", "1.158323e+11").
// Reads such a decimal at the start of `text`: its value and its length, or nothing when the
// text does not start with one, or when what follows would make it part of a longer number
// (a fourth exponent digit).
std::optional<PlainDecimal> readSimpleDecimalPrefix(std::string_view text)
{
    static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr int kExactPowers = 22;
    constexpr size_t kMostExponentDigits = 3;
    // The integer digits, then those after a point: one tight loop each, the digit count checked
    // once at the end (a longer text is read to its end, and refused there).
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    std::uint64_t mantissa = 0;
    auto readDigits = [&mantissa, end](const char *from) {
        for (; from < end && unsigned(*from - '0') <= 9; ++from)
            mantissa = mantissa * 10 + unsigned(*from - '0');
        return from;
    };
    const char *const integerEnd = readDigits(begin);
    const char *const fractionEnd = integerEnd < end && *integerEnd == '.' ? readDigits(integerEnd + 1) : integerEnd;
    const int fractionDigits = fractionEnd == integerEnd ? 0 : int(fractionEnd - integerEnd - 1);
    const int digitCount = int(integerEnd - begin) + fractionDigits;
    if (digitCount == 0 || digitCount > 15)
        return std::nullopt;
    size_t i = size_t(fractionEnd - begin);
    int exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) { // [eE][+-]?digits, a few of them
        ++i;
        const bool negative = i < text.size() && text[i] == '-';
        i += i < text.size() && (text[i] == '-' || text[i] == '+') ? 1 : 0;
        const size_t digitsAt = i;
        for (; i < text.size() && unsigned(text[i] - '0') <= 9; ++i) {
            if (i - digitsAt == kMostExponentDigits)
                return std::nullopt; // a longer exponent takes the general path
            exponent = exponent * 10 + (text[i] - '0');
        }
        if (i == digitsAt)
            return std::nullopt;
        exponent = negative ? -exponent : exponent;
    }
    const int scale = exponent - fractionDigits;
    if (scale < -kExactPowers || scale > kExactPowers)
        return std::nullopt;
    const double value = scale < 0 ? double(mantissa) / kPowersOfTen[-scale] : double(mantissa) * kPowersOfTen[scale];
    return PlainDecimal{value, i};
}

// The same, when it is the whole text.
std::optional<double> parseSimpleDecimal(std::string_view text)
{
    const std::optional<PlainDecimal> read = readSimpleDecimalPrefix(text);
    if (!read || read->end != text.size())
        return std::nullopt; // a second point, anything else: the general path
    return read->value;
}

// The order of magnitude of a decimal (or, `hex`, hexadecimal) text without its sign: where its
// first significant digit stands relative to the point ("12.5": 2, "0.05": -1), plus its
// exponent, in digits (for hex, in bits). Above 0 the value is 1 or more. Saturates far beyond
// any double.
long long orderOfMagnitude(std::string_view body, bool hex)
{
    constexpr long long kFar = 1LL << 40;
    const size_t mark = body.find_first_of(hex ? "pP" : "eE");
    const std::string_view digits = body.substr(0, mark);
    long long exponent = 0;
    if (mark != std::string_view::npos) {
        std::string_view text = body.substr(mark + 1);
        const bool negative = !text.empty() && text.front() == '-';
        if (!text.empty() && (text.front() == '-' || text.front() == '+'))
            text.remove_prefix(1);
        for (const char c : text)
            exponent = std::min(kFar, exponent * 10 + (c - '0'));
        exponent = negative ? -exponent : exponent;
    }
    const size_t point = digits.find('.');
    const std::string_view integer = digits.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view() : digits.substr(point + 1);
    const size_t integerZeros = std::min(integer.find_first_not_of('0'), integer.size());
    const auto integerDigits = static_cast<long long>(integer.size() - integerZeros);
    const auto fractionZeros = static_cast<long long>(std::min(fraction.find_first_not_of('0'), fraction.size()));
    const long long place = integerDigits > 0 ? integerDigits : -fractionZeros;
    return (hex ? place * 4 : place) + exponent;
}

// The value of a text from_chars found out of a double's range, when it is too small for one (0,
// or the nearest subnormal); nothing when it is too large. Read as a long double first, whose
// range is far wider; beyond that, by its order of magnitude alone (it is 0 then).
std::optional<double> underflowValue(std::string_view body, bool hex)
{
    long double wide = 0;
    const std::chars_format format = hex ? std::chars_format::hex : std::chars_format::general;
    const std::from_chars_result read = std::from_chars(body.data(), body.data() + body.size(), wide, format);
    if (read.ec == std::errc())
        return std::fabs(wide) < 1 ? std::optional<double>(double(wide)) : std::nullopt;
    return orderOfMagnitude(body, hex) <= 0 ? std::optional<double>(0.0) : std::nullopt;
}

} // namespace

int formatNumber(double value, char *buffer)
{
    if (std::isnan(value))
        return copyLiteral("NaN", buffer);
    if (std::isinf(value))
        return copyLiteral(value > 0 ? "+Inf" : "-Inf", buffer);

    // Shortest round-trip digits in scientific form: "-d.ddde+XX".
    char sci[kNumberBufferSize];
    const auto result = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
    const char *p = sci;
    const char *end = result.ptr;
    char *out = buffer;
    if (*p == '-')
        *out++ = *p++;

    char digits[20];
    int digitCount = 0;
    for (; p < end && *p != 'e'; ++p) {
        if (*p != '.')
            digits[digitCount++] = *p;
    }
    int exponent = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exponent);

    // Go's 'g' with shortest precision uses the exponent form when exp < -4 || exp >= 6.
    if (exponent < -4 || exponent >= 6) {
        *out++ = digits[0];
        if (digitCount > 1) {
            *out++ = '.';
            std::memcpy(out, digits + 1, size_t(digitCount - 1));
            out += digitCount - 1;
        }
        *out++ = 'e';
        *out++ = exponent < 0 ? '-' : '+';
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10)
            *out++ = '0';
        out = std::to_chars(out, out + 4, magnitude).ptr;
        return int(out - buffer);
    }
    // Fixed notation: the decimal point sits after exponent+1 digits.
    const int pointPosition = exponent + 1;
    if (pointPosition <= 0) {
        *out++ = '0';
        *out++ = '.';
        for (int i = 0; i < -pointPosition; ++i)
            *out++ = '0';
        std::memcpy(out, digits, size_t(digitCount));
        out += digitCount;
    } else {
        for (int i = 0; i < pointPosition; ++i)
            *out++ = i < digitCount ? digits[i] : '0';
        if (digitCount > pointPosition) {
            *out++ = '.';
            std::memcpy(out, digits + pointPosition, size_t(digitCount - pointPosition));
            out += digitCount - pointPosition;
        }
    }
    return int(out - buffer);
}

QString formatNumber(double value)
{
    char buffer[kNumberBufferSize];
    return QString::fromLatin1(buffer, formatNumber(value, buffer));
}

bool spelledAsFormatted(std::string_view text, double value)
{
    if (std::isinf(value))
        return text == (value > 0 ? "+Inf" : "-Inf");
    if (isPlainAsFormatted(text, value))
        return true;
    char buffer[kNumberBufferSize];
    return text == std::string_view(buffer, size_t(formatNumber(value, buffer)));
}

int formatInteger(std::int64_t value, char *buffer)
{
    return int(std::to_chars(buffer, buffer + kNumberBufferSize, value).ptr - buffer);
}

int formatMillisecondsAsSeconds(std::int64_t ms, char *buffer)
{
    char *out = buffer;
    const std::uint64_t magnitude = ms < 0 ? std::uint64_t(0) - std::uint64_t(ms) : std::uint64_t(ms);
    if (ms < 0)
        *out++ = '-';
    out = std::to_chars(out, buffer + kNumberBufferSize, magnitude / 1000).ptr;
    if (const std::uint64_t fraction = magnitude % 1000; fraction != 0) {
        *out++ = '.';
        *out++ = char('0' + fraction / 100);
        *out++ = char('0' + fraction / 10 % 10);
        *out++ = char('0' + fraction % 10);
        while (out[-1] == '0')
            --out;
    }
    return int(out - buffer);
}

std::optional<ParsedNumber> parseNumber(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    // A plain decimal, what almost every line holds, before any special spelling is looked for.
    if (startsAsDecimal(text.front())) {
        if (const std::optional<double> simple = parseSimpleDecimal(text))
            return ParsedNumber{*simple, NumberSpelling::Canonical, {}};
    }

    if (text == "NaN")
        return ParsedNumber{std::numeric_limits<double>::quiet_NaN(), NumberSpelling::Canonical, {}};
    if (text == "+Inf")
        return ParsedNumber{std::numeric_limits<double>::infinity(), NumberSpelling::Canonical, {}};
    if (text == "-Inf")
        return ParsedNumber{-std::numeric_limits<double>::infinity(), NumberSpelling::Canonical, {}};

    std::string_view body = text;
    bool negative = false;
    bool explicitPlus = false;
    if (body.front() == '+' || body.front() == '-') {
        negative = body.front() == '-';
        explicitPlus = !negative;
        body.remove_prefix(1);
        if (body.empty())
            return std::nullopt;
    }

    if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity")) {
        const double inf = std::numeric_limits<double>::infinity();
        return ParsedNumber{negative ? -inf : inf, NumberSpelling::NonCanonical, negative ? "-Inf" : "+Inf"};
    }
    if (equalsIgnoreCase(body, "nan")) {
        if (negative || explicitPlus)
            return std::nullopt; // Go's ParseFloat takes a sign before Inf, not before NaN
        return ParsedNumber{std::numeric_limits<double>::quiet_NaN(), NumberSpelling::NonCanonical, "NaN"};
    }

    double value = 0;
    std::from_chars_result result{};
    const bool hex = body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
    if (hex) {
        body.remove_prefix(2);
        result = std::from_chars(body.data(), body.data() + body.size(), value, std::chars_format::hex);
    } else {
        // from_chars would accept "inf"/"nan" itself; those were handled above, so only digits remain.
        if (!startsAsDecimal(body.front()))
            return std::nullopt;
        // Unsigned text was offered to the fast path above already; only a stripped sign is new.
        const bool signStripped = body.size() != text.size();
        if (const std::optional<double> simple = signStripped ? parseSimpleDecimal(body) : std::nullopt) {
            ParsedNumber parsed{negative ? -*simple : *simple, NumberSpelling::Canonical, {}};
            if (explicitPlus)
                parsed.spelling = NumberSpelling::NonCanonical;
            return parsed;
        }
        result = std::from_chars(body.data(), body.data() + body.size(), value, std::chars_format::general);
    }
    if (result.ptr != body.data() + body.size())
        return std::nullopt;
    if (result.ec == std::errc::result_out_of_range) {
        // Too large: Go returns ±Inf with ErrRange, and Prometheus rejects the line; so do we. Too
        // small: Go rounds it to 0 without an error, and Prometheus stores 0.
        const std::optional<double> tiny = underflowValue(body, hex);
        if (!tiny)
            return std::nullopt;
        value = *tiny;
        result.ec = std::errc();
    }
    if (result.ec != std::errc())
        return std::nullopt;
    ParsedNumber parsed{negative ? -value : value, NumberSpelling::Canonical, {}};
    if (explicitPlus)
        parsed.spelling = NumberSpelling::NonCanonical;
    if (hex)
        parsed.spelling = NumberSpelling::Hexadecimal;
    return parsed;
}

std::optional<PlainDecimal> readPlainDecimal(std::string_view line, size_t at)
{
    std::optional<PlainDecimal> read = readSimpleDecimalPrefix(line.substr(at));
    if (!read)
        return std::nullopt;
    read->end += at;
    if (read->end < line.size() && line[read->end] != ' ' && line[read->end] != '\t')
        return std::nullopt;
    return read;
}

bool overflowsDouble(std::string_view text)
{
    double value = 0;
    const std::string_view body = text.starts_with('-') || text.starts_with('+') ? text.substr(1) : text;
    if (body.empty() || !startsAsDecimal(body.front()))
        return false;
    const auto result = std::from_chars(body.data(), body.data() + body.size(), value, std::chars_format::general);
    // Out of range one way or the other: the order of magnitude says which.
    return result.ec == std::errc::result_out_of_range && result.ptr == body.data() + body.size()
        && orderOfMagnitude(body, false) > 0;
}

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    const char *begin = text.data();
    if (*begin == '+')
        ++begin;
    std::int64_t value = 0;
    const auto result = std::from_chars(begin, text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() || begin == text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace promdesk
