#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace promdesk {

/// Whether `data` starts as a gzip member does (its two magic bytes, RFC 1952 §2.3.1).
bool looksLikeGzip(QByteArrayView data);

/// A body as Content-Encoding: gzip means it (a gzip header and trailer around deflate).
QByteArray gzipCompress(const QByteArray &data);

// A gzip body never inflates past this: no body PromDesk writes or reads comes near it.
inline constexpr qint64 kMaxUncompressedGzipBytes = qint64(256) << 20;

/// The bytes of a gzip body: nothing when it is not whole, valid gzip, or when it would inflate
/// past `maxBytes` (a small body can inflate a thousandfold), which `tooLarge` then says.
std::optional<QByteArray> gzipDecompress(const QByteArray &data, qint64 maxBytes = kMaxUncompressedGzipBytes,
                                         bool *tooLarge = nullptr);

} // namespace promdesk
