#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace promdesk {

// Room for the longest shortest-round-trip double ("-2.2250738585072014e-308") or int64.
inline constexpr int kNumberBufferSize = 32;

// Writes `value` the way Go's strconv.FormatFloat(v, 'g', -1, 64) does (the form Prometheus and
// the Pushgateway print): shortest digits that round-trip, exponent form from 1e+06 and below
// 1e-04, and NaN, +Inf, -Inf. Never depends on the locale. Returns the length written.
int formatNumber(double value, char *buffer);
QString formatNumber(double value);

int formatInteger(std::int64_t value, char *buffer);

// Whether `text`, read as `value`, is exactly what formatNumber(value) writes. Go reads a
// bucket's `le` and a quantile's `quantile` as numbers, so "1", "1.0" and "1e0" name one bucket;
// a series key spells them as formatNumber does. Most bounds are plain decimals already and are
// told from their text alone.
bool spelledAsFormatted(std::string_view text, double value);

// Milliseconds as exact decimal seconds, as OpenMetrics wants them: 1700000000123 → "1700000000.123".
int formatMillisecondsAsSeconds(std::int64_t ms, char *buffer);

/// How a sample value was written, as far as receivers care.
enum class NumberSpelling {
    Canonical,    // what Prometheus writes
    NonCanonical, // accepted by Go's ParseFloat but not by OpenMetrics: "nan", "Inf", "+1"
    // "0x1", "0x1p-3": C++ reads them, but Prometheus' text parsers and the Pushgateway refuse
    // them ("expected float as value": a 'p' is refused outright, and Go's ParseFloat wants one)
    Hexadecimal,
};

/// A value read by parseNumber, and how it was spelt.
struct ParsedNumber
{
    double value = 0;
    NumberSpelling spelling = NumberSpelling::Canonical;
    std::string_view canonical; // for NonCanonical special values: "NaN", "+Inf" or "-Inf"
};

// Accepts Go ParseFloat syntax: decimal and hex floats, optional sign, inf/infinity/nan in any
// case. Returns nothing for anything else ("1,5", "", "0x", "1e").
std::optional<ParsedNumber> parseNumber(std::string_view text);

/// A sample value read where it stands in its line, and where its token ends.
struct PlainDecimal
{
    double value = 0;
    size_t end = 0;
};
// A sample value as most lines write it, read where it stands in `line` (from `at`): a plain
// decimal of at most 15 digits and a short exponent, up to a blank or the line's end. Its value
// (what parseNumber gives for the token, spelled canonically) and where the token ends; nothing
// for any other token, which parseNumber then reads.
std::optional<PlainDecimal> readPlainDecimal(std::string_view line, size_t at);

// Whether `text` is a decimal number too large for a double ("1e400", "-2e999"): Go's ParseFloat
// gives a range error, where Python's float() (so prometheus_client) reads ±Inf. One too small
// ("2e-400") is not: parseNumber reads it as Go does, 0 or a subnormal, without an error.
bool overflowsDouble(std::string_view text);

// A plain int64 in decimal, with an optional sign (text-format timestamps).
std::optional<std::int64_t> parseInteger(std::string_view text);

} // namespace promdesk
