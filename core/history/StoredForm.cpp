#include "history/StoredForm.h"

#include "util/BoundedSnappy.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <snappy.h>
#include <zlib.h>

namespace promdesk::detail {

// Stored-body format bytes beside pack()'s 0 (raw), 1 (zlib) and 2 (snappy): a child entry's body
// (a job's tick, a backfill's batch) that is its parent's byte for byte is stored as the single
// byte 4; one that differs (a tick's generated values) as 3 + raw deflate with the parent's body
// as the preset dictionary, which leaves little more than the changed numbers. The parent goes
// only with its children (prune), so the reference always resolves.
QByteArray deflateAgainst(const QByteArray &body, const QByteArray &dictionary)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    deflateSetDictionary(&stream, reinterpret_cast<const Bytef *>(dictionary.constData()), uInt(dictionary.size()));
    QByteArray out(1 + qsizetype(deflateBound(&stream, uLong(body.size()))), Qt::Uninitialized);
    out[0] = kDeflatedAgainstParent;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    stream.avail_in = uInt(body.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data() + 1);
    stream.avail_out = uInt(out.size() - 1);
    const int status = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return {};
    out.truncate(1 + written);
    return out;
}

QByteArray inflateAgainst(const QByteArray &stored, const QByteArray &dictionary, qint64 size)
{
    z_stream stream{};
    if (inflateInit2(&stream, -15) != Z_OK)
        return {};
    inflateSetDictionary(&stream, reinterpret_cast<const Bytef *>(dictionary.constData()), uInt(dictionary.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(stored.constData() + 1));
    stream.avail_in = uInt(stored.size() - 1);
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
    return status == Z_STREAM_END && qint64(stream.total_out) == size ? out : QByteArray();
}

bool relativeToParent(const QByteArray &stored)
{
    return !stored.isEmpty() && (stored.at(0) == kSameAsParent || stored.at(0) == kDeflatedAgainstParent);
}

QString headersToJson(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &header : headers)
        array.append(QJsonArray{QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

HttpHeaders headersFromJson(const QString &json)
{
    HttpHeaders headers;
    for (const QJsonValue value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray pair = value.toArray();
        headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    return headers;
}

// Bodies are stored compressed; the first byte says how (0 raw, 1 zlib, 2 snappy) so small or
// incompressible bodies are not made bigger. New entries use snappy: it is several times faster
// than zlib, and recording sits on the push path.
QByteArray pack(const QByteArray &body, bool alreadyCompressed)
{
    if (body.isEmpty())
        return {};
    if (alreadyCompressed)
        return QByteArray(1, '\0') + body;
    // Straight into the stored form: snappy's std::string overload zero-fills its worst case and
    // the result would be copied twice more.
    QByteArray packed(1 + qsizetype(snappy::MaxCompressedLength(size_t(body.size()))), Qt::Uninitialized);
    packed[0] = '\2';
    size_t compressedSize = 0;
    snappy::RawCompress(body.constData(), size_t(body.size()), packed.data() + 1, &compressedSize);
    if (qsizetype(compressedSize) + 1 >= body.size())
        return QByteArray(1, '\0') + body;
    packed.truncate(1 + qsizetype(compressedSize));
    return packed;
}

QByteArray unpack(const QByteArray &stored)
{
    if (stored.isEmpty())
        return {};
    if (stored.at(0) == '\2')
        return uncompressSnappyBounded(QByteArrayView(stored).sliced(1)).value_or(QByteArray());
    return stored.at(0) == '\1' ? qUncompress(stored.mid(1)) : stored.mid(1);
}

} // namespace promdesk::detail
