#include "model/Escaping.h"

#include "util/ByteScan.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <type_traits>

namespace promdesk {

namespace {

// Backslash and newline, and the double quote where `quotes`, are written with a backslash; the
// same rule for QString and UTF-8 text.
template <typename Out, typename Text> void appendEscaped(Out &out, const Text &text, bool quotes)
{
    using Unit = std::remove_cvref_t<decltype(*std::begin(text))>;
    for (const Unit c : text) {
        if (c == Unit(u'\\') || c == Unit(u'\n') || (quotes && c == Unit(u'"')))
            out += Unit(u'\\');
        out += c == Unit(u'\n') ? Unit(u'n') : c;
    }
}

QString escape(const QString &text, bool quotes)
{
    QString out;
    out.reserve(text.size());
    appendEscaped(out, text, quotes);
    return out;
}

} // namespace

QString escapeLabelValue(const QString &value)
{
    return escape(value, true);
}
QString escapeHelp(const QString &help)
{
    return escape(help, false);
}
QString escapeOpenMetricsHelp(const QString &help)
{
    return escape(help, true);
}

int unescape(std::string_view raw, EscapeContext context, std::string &out)
{
    // Unescaped text is never longer than the raw text. It is written straight into a buffer of
    // that size (and a word more), eight bytes a step up to the next backslash, then cut to what
    // was written: values are short, and an append per run between escapes cost several times
    // the bytes it copied.
    constexpr size_t kWord = sizeof(std::uint64_t);
    out.resize(raw.size() + kWord);
    char *to = out.data();
    size_t at = 0;
    int badEscape = -1;
    while (at < raw.size()) {
        if (std::endian::native == std::endian::little && at + kWord <= raw.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, raw.data() + at, kWord);
            std::memcpy(to, &word, kWord); // the bytes from a backslash on are written over below
            const std::uint64_t backslashes = equalBytes(word, repeatedByte('\\'));
            const size_t plain = backslashes == 0 ? kWord : size_t(std::countr_zero(backslashes)) / 8;
            to += plain;
            at += plain;
            if (plain == kWord)
                continue;
        } else if (raw[at] != '\\') {
            *to++ = raw[at++];
            continue;
        }
        const char next = at + 1 < raw.size() ? raw[at + 1] : '\0';
        if (next != '\\' && next != 'n' && (next != '"' || context == EscapeContext::Help004)) {
            badEscape = int(at); // an unknown escape, or a backslash that ends the text
            break;
        }
        *to++ = next == 'n' ? '\n' : next;
        at += 2;
    }
    out.resize(size_t(to - out.data()));
    return badEscape;
}

void appendEscapedLabelValue(std::string &out, std::string_view value)
{
    appendEscaped(out, value, true);
}

int unescapeKeepingUnknown(std::string_view raw, std::string &out)
{
    out.clear();
    out.reserve(raw.size());
    int firstUnknown = -1;
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        const char next = i + 1 < raw.size() ? raw[i + 1] : '\0';
        if (c != '\\') {
            out.push_back(c);
        } else if (next == '\\' || next == '"' || next == 'n') {
            out.push_back(next == 'n' ? '\n' : next);
            ++i;
        } else {
            if (firstUnknown < 0)
                firstUnknown = int(i);
            out.push_back('\\');
        }
    }
    return firstUnknown;
}

int invalidUtf8Offset(std::string_view text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const size_t size = text.size();
    size_t i = 0;
    // ASCII eight bytes at a time: almost every label value is plain ASCII.
    for (std::uint64_t word = 0; i + 8 <= size; i += 8) {
        std::memcpy(&word, bytes + i, 8);
        if (word & 0x8080808080808080ULL)
            break;
    }
    while (i < size) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned int codePoint = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return int(i);
        }
        if (i + size_t(length) > size)
            return int(i);
        for (int k = 1; k < length; ++k) {
            const unsigned char cc = bytes[i + size_t(k)];
            if ((cc & 0xC0) != 0x80)
                return int(i);
            codePoint = (codePoint << 6) | (cc & 0x3F);
        }
        const bool overlong = (length == 2 && codePoint < 0x80) || (length == 3 && codePoint < 0x800)
            || (length == 4 && codePoint < 0x10000);
        if (overlong || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return int(i);
        i += size_t(length);
    }
    return -1;
}

} // namespace promdesk
