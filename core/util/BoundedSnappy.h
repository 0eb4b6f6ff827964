#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace promdesk {

// Snappy block data never expands past this: no body PromDesk writes or shows comes near it.
inline constexpr qsizetype kMaxUncompressedSnappyBytes = 256 << 20;

// Uncompresses a snappy block, after checking the whole stream without allocating: a stream that
// claims gigabytes in its first bytes (garbage, or a hostile body) costs nothing. Nothing when
// the data is not a valid block or would exceed kMaxUncompressedSnappyBytes.
std::optional<QByteArray> uncompressSnappyBounded(QByteArrayView compressed);

} // namespace promdesk
