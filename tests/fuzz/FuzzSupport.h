#pragma once

// Shared by the libFuzzer targets: a failed property prints what differs and aborts, so that
// libFuzzer saves the input as a crash.
#include "exposition/TextParser.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace promdesk::fuzz {

[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "property broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The parser targets' input: the first byte picks the format (bit 0) and the target (the next
// bits), the rest is the text; the clock is fixed, so that a finding reproduces.
struct ParserInput
{
    ParseOptions options;
    QByteArray text;
};

inline std::optional<ParserInput> parserInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return std::nullopt;
    ParserInput input;
    input.options.format = (data[0] & 1) ? ExpositionFormat::OpenMetrics : ExpositionFormat::Text;
    input.options.target = static_cast<ValidationTarget>((data[0] >> 1) % 4);
    input.options.nowMs = 1'700'000'000'000;
    input.options.fileName = QStringLiteral("input");
    input.text = bytes(data + 1, size - 1);
    return input;
}

} // namespace promdesk::fuzz
