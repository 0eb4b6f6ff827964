#include "util/Gzip.h"

#include <zlib.h>

namespace promdesk {

namespace {

// zlib's windowBits for the largest window (15), plus 16: a gzip header and trailer.
constexpr int kGzipWindowBits = 15 + 16;

} // namespace

bool looksLikeGzip(QByteArrayView data)
{
    return data.size() >= 2 && uchar(data[0]) == 0x1f && uchar(data[1]) == 0x8b;
}

QByteArray gzipCompress(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

std::optional<QByteArray> gzipDecompress(const QByteArray &data, qint64 maxBytes, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
        return std::nullopt;
    QByteArray out;
    char buffer[64 * 1024];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        const auto produced = qsizetype(sizeof buffer - stream.avail_out);
        if (out.size() + produced > maxBytes) {
            if (tooLarge)
                *tooLarge = true;
            result = Z_DATA_ERROR;
            break;
        }
        out.append(buffer, produced);
        // A gzip body may hold several members, one after another (RFC 1952), which Go and
        // Python read as one text; anything else after a member is no gzip.
        if (result == Z_STREAM_END && stream.avail_in > 0)
            result = looksLikeGzip(QByteArrayView(stream.next_in, qsizetype(stream.avail_in))) ? inflateReset(&stream)
                                                                                               : Z_DATA_ERROR;
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? std::optional<QByteArray>(std::move(out)) : std::nullopt;
}

} // namespace promdesk
