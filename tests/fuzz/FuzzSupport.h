#pragma once

// Shared by the libFuzzer targets: a failed property prints what differs and aborts, so that
// libFuzzer saves the input as a crash.
#include "exposition/TextParser.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

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

// The parser targets' first byte picks the format (bit 0) and the target (the next bits); the
// clock is fixed, so that a finding reproduces.
inline ParseOptions parseOptionsFrom(std::uint8_t selector)
{
    ParseOptions options;
    options.format = (selector & 1) ? ExpositionFormat::OpenMetrics : ExpositionFormat::Text;
    options.target = static_cast<ValidationTarget>((selector >> 1) % 4);
    options.nowMs = 1'700'000'000'000;
    options.fileName = QStringLiteral("input");
    return options;
}

} // namespace promdesk::fuzz
