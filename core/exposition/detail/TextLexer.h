#pragma once

// The token readers of the text formats: character classes and scans over one line that return
// positions, shared by the one-pass reading of plain lines and the full checks, so that both read
// a name, a label or a value the same way.
#include "util/ByteScan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace promdesk::detail {

// Character classes by table: names are scanned a byte at a time on every line, and one load
// beats a chain of range comparisons there.
enum CharClass : std::uint8_t { LabelStart = 1, LabelChar = 2, NameStart = 4, NameChar = 8 };
constexpr std::array<std::uint8_t, 256> kCharClasses = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        table[size_t(c)]
            = std::uint8_t((letter ? LabelStart | NameStart : 0) | (letter || digit ? LabelChar | NameChar : 0)
                           | (c == ':' ? NameStart | NameChar : 0));
    }
    return table;
}();
inline bool isClass(char c, CharClass charClass)
{
    return kCharClasses[std::uint8_t(c)] & charClass;
}
inline bool isNameStart(char c)
{
    return isClass(c, NameStart);
}
inline bool isNameChar(char c)
{
    return isClass(c, NameChar);
}
inline bool isLabelStart(char c)
{
    return isClass(c, LabelStart);
}
inline bool isLabelChar(char c)
{
    return isClass(c, LabelChar);
}
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Compares of names a few dozen bytes long, inline: a memcmp call and its setup cost more than
// the compare, and every sample line starts with one. Eight bytes a step, the last eight bytes
// (overlapping the step before) at once; shorter names four bytes at a time, the same way.
inline bool startsWithShort(std::string_view text, std::string_view prefix)
{
    const size_t size = prefix.size();
    if (text.size() < size)
        return false;
    auto sameAt = [&](size_t at, auto word) {
        decltype(word) a = 0;
        decltype(word) b = 0;
        std::memcpy(&a, text.data() + at, sizeof a);
        std::memcpy(&b, prefix.data() + at, sizeof b);
        return a == b;
    };
    if (size >= 8) {
        for (size_t i = 0; i + 8 < size; i += 8) {
            if (!sameAt(i, std::uint64_t{}))
                return false;
        }
        return sameAt(size - 8, std::uint64_t{});
    }
    if (size >= 4)
        return sameAt(0, std::uint32_t{}) && sameAt(size - 4, std::uint32_t{});
    for (size_t i = 0; i < size; ++i) {
        if (text[i] != prefix[i])
            return false;
    }
    return true;
}

// a < b as std::string_view orders them (bytes unsigned).
inline bool lessShort(std::string_view a, std::string_view b)
{
    const size_t common = std::min(a.size(), b.size());
    for (size_t i = 0; i < common; ++i) {
        if (a[i] != b[i])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    }
    return a.size() < b.size();
}

// Where a label value starting at `pos` meets its closing quote or its first backslash (or the
// line's end), and whether the bytes on the way are all ASCII. Exporters write long values (paths,
// URLs, 64-digit hashes): sixteen bytes a step where SSE2 is there (every x86-64), eight
// elsewhere. Inlined: every label value of every line comes here, and a call cost a tenth of it.
[[gnu::always_inline]] inline size_t plainValueEnd(std::string_view line, size_t pos, bool &ascii)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    int highBits = 0; // bit i: byte i of a block before the stop is not ASCII
    for (; pos + 16 <= line.size(); pos += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(line.data() + pos));
        const int stops
            = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
        const int high = _mm_movemask_epi8(block);
        if (stops != 0) {
            const int before = std::countr_zero(unsigned(stops));
            ascii = ascii && (highBits | (high & ((1 << before) - 1))) == 0;
            return pos + size_t(before);
        }
        highBits |= high;
    }
    ascii = ascii && highBits == 0;
#endif
    std::uint64_t seen = 0; // the bytes before the stop, or'ed together
    if constexpr (std::endian::native == std::endian::little) {
        for (std::uint64_t word = 0; pos + 8 <= line.size(); pos += 8) {
            std::memcpy(&word, line.data() + pos, 8);
            const std::uint64_t stops = equalBytes(word, repeatedByte('"')) | equalBytes(word, repeatedByte('\\'));
            if (stops != 0) {
                const int before = std::countr_zero(stops) / 8; // bytes ahead of the first stop
                seen |= before == 0 ? 0 : word & (~std::uint64_t(0) >> (64 - 8 * before));
                ascii = ascii && (seen & 0x8080808080808080ULL) == 0;
                return pos + size_t(before);
            }
            seen |= word;
        }
    }
    while (pos < line.size() && line[pos] != '"' && line[pos] != '\\')
        seen |= static_cast<unsigned char>(line[pos++]);
    ascii = ascii && (seen & 0x8080808080808080ULL) == 0;
    return pos;
}

// Every sample line goes through this, so it looks at eight bytes a step, not one, and makes no
// library call per space (docs/performance.md).
inline bool hasTabOrDoubleSpace(std::string_view text)
{
    size_t i = 0;
    char previous = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t spaceBefore = 0; // 0x80 when the byte before this word is a space
        for (std::uint64_t word = 0; i + 8 <= text.size(); i += 8) {
            std::memcpy(&word, text.data() + i, 8);
            const std::uint64_t spaces = equalBytes(word, repeatedByte(' '));
            if (equalBytes(word, repeatedByte('\t')) != 0 || (spaces & ((spaces << 8) | spaceBefore)) != 0)
                return true;
            spaceBefore = spaces >> 56;
        }
        previous = spaceBefore != 0 ? ' ' : 0;
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\t' || (c == ' ' && previous == ' '))
            return true;
        previous = c;
    }
    return false;
}

// string_view::substr without its range check, whose exception path kept GCC from inlining it
// into the per-line code (seven calls a line). Offsets here come from scanning the same line,
// so `from` is never past its end.
[[gnu::always_inline]] inline std::string_view slice(std::string_view text, size_t from,
                                                     size_t count = std::string_view::npos)
{
    return std::string_view(text.data() + from, std::min(count, text.size() - from));
}

inline bool isValidMetricName(std::string_view name)
{
    if (name.empty() || !isNameStart(name.front()))
        return false;
    return std::all_of(name.begin() + 1, name.end(), isNameChar);
}

// The readers of one sample line's tokens. Each takes the position where its token starts and
// returns where it ends; what the token holds is the caller's to check. Both readings of a line
// use them: the one-pass reading of plain lines and the full checks.

// The blanks (spaces and tabs) from `at` on.
inline size_t blanksEnd(std::string_view line, size_t at)
{
    while (at < line.size() && isBlank(line[at]))
        ++at;
    return at;
}

// A value or timestamp: everything up to the next blank.
inline size_t tokenEnd(std::string_view line, size_t at)
{
    while (at < line.size() && !isBlank(line[at]))
        ++at;
    return at;
}

// A metric name's characters. Lines of a family mostly start with its name (`likelyName`): one
// comparison instead of a byte-by-byte scan.
inline size_t metricNameEnd(std::string_view line, size_t at, std::string_view likelyName)
{
    if (!likelyName.empty() && startsWithShort(slice(line, at), likelyName))
        at += likelyName.size();
    while (at < line.size() && isNameChar(line[at]))
        ++at;
    return at;
}

#if defined(__SSE2__)
// 0xFF in each byte of `block` that is a label name's character ([A-Za-z0-9_]), 0 elsewhere. The
// compares are signed: bytes from 0x80 up are negative, below every range, and never name bytes.
inline __m128i labelCharBytes(__m128i block)
{
    const __m128i folded = _mm_or_si128(block, _mm_set1_epi8(0x20)); // 'A'-'Z' onto 'a'-'z', no other byte
    const __m128i letter
        = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i digit
        = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
    return _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(block, _mm_set1_epi8('_')));
}
#endif

// A label name's characters: sixteen bytes a step where SSE2 is there (names such as
// `mountpoint` or `kubernetes_pod_name` end inside the first block), then a byte at a time.
inline size_t labelNameEnd(std::string_view line, size_t at)
{
#if defined(__SSE2__)
    for (; at + 16 <= line.size(); at += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(line.data() + at));
        const unsigned others = ~unsigned(_mm_movemask_epi8(labelCharBytes(block))) & 0xFFFFU;
        if (others != 0)
            return at + size_t(std::countr_zero(others));
    }
#endif
    while (at < line.size() && isLabelChar(line[at]))
        ++at;
    return at;
}

// A quoted label value whose text starts at `at`, just after its opening quote.
struct QuotedValue
{
    size_t end;   // its closing quote, or the line's end when it has none
    bool escaped; // it holds a backslash: its text is not the value as written
    bool ascii;   // no escapes and only ASCII bytes: the text is the value, and valid UTF-8
};
inline QuotedValue readQuotedValue(std::string_view line, size_t at)
{
    // One walk to the closing quote (not three library calls) also tells whether the value needs
    // unescaping or a UTF-8 check. A backslash takes the byte after it along, whatever it is; the
    // walk then goes on a block at a time.
    bool ascii = true;
    size_t pos = plainValueEnd(line, at, ascii);
    bool escaped = false;
    while (pos < line.size() && line[pos] == '\\') {
        escaped = true;
        pos = pos + 2 < line.size() ? plainValueEnd(line, pos + 2, ascii) : line.size();
    }
    return QuotedValue{pos, escaped, !escaped && ascii};
}

} // namespace promdesk::detail
