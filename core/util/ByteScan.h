#pragma once

// Eight bytes a step: finding a byte in a word without a loop or a library call, for the scans
// that run over every line of a file (label values, escapes, blanks).
#include <cstdint>

namespace promdesk {

// 0x80 in each byte of `word` that equals the byte repeated in `pattern`, 0 in the others.
constexpr std::uint64_t equalBytes(std::uint64_t word, std::uint64_t pattern)
{
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t x = word ^ pattern; // zero where equal
    return ~(((x & low7) + low7) | x | low7);
}

// `c` in every byte of a word.
constexpr std::uint64_t repeatedByte(char c)
{
    return 0x0101010101010101ULL * static_cast<unsigned char>(c);
}

} // namespace promdesk
