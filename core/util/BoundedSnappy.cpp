#include "util/BoundedSnappy.h"

#include <snappy.h>

namespace promdesk {

std::optional<QByteArray> uncompressSnappyBounded(QByteArrayView compressed)
{
    const char *data = compressed.data();
    const auto size = size_t(compressed.size());
    size_t length = 0;
    if (!snappy::GetUncompressedLength(data, size, &length) || length > size_t(kMaxUncompressedSnappyBytes)
        || !snappy::IsValidCompressedBuffer(data, size))
        return std::nullopt;
    QByteArray raw(qsizetype(length), Qt::Uninitialized);
    if (!snappy::RawUncompress(data, size, raw.data()))
        return std::nullopt;
    return raw;
}

} // namespace promdesk
