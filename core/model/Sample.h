#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace promdesk {

// Prometheus marks a series as stale with this exact NaN payload (model/value/value.go); every
// other NaN is an ordinary value. Only bit-level copies keep the difference, so never do
// arithmetic on sample values on their way through PromDesk.
inline constexpr std::uint64_t kStaleNaNBits = 0x7ff0000000000002ULL;
inline constexpr std::uint64_t kNormalNaNBits = 0x7ff8000000000001ULL;

inline double staleMarker()
{
    return std::bit_cast<double>(kStaleNaNBits);
}
inline bool isStaleMarker(double value)
{
    return std::bit_cast<std::uint64_t>(value) == kStaleNaNBits;
}
inline bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

} // namespace promdesk
