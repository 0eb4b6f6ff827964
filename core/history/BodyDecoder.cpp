#include "history/BodyDecoder.h"

#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextWriter.h"
#include "model/NumberFormat.h"
#include "remotewrite/WriteRequestCodec.h"
#include "util/Gzip.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BodyDecoder)
};

} // namespace

DecodedBody decodeRequestBody(const HistoryEntry &entry)
{
    DecodedBody decoded;
    QByteArray body = entry.requestBody;
    if (body.isEmpty()) {
        //: The kind of a request body that has no bytes
        decoded.kind = Tr::tr("empty");
        return decoded;
    }
    if (entry.requestBodyTruncated)
        decoded.error = Tr::tr("only the first %1 of %2 bytes were kept").arg(body.size()).arg(entry.requestBodySize);
    const QByteArray encoding = entry.requestHeader("Content-Encoding").toLower();
    const QByteArray type = entry.requestHeader("Content-Type");
    const bool gzip = encoding == "gzip";
    if (gzip) {
        bool tooLarge = false;
        std::optional<QByteArray> inflated = gzipDecompress(body, kMaxUncompressedGzipBytes, &tooLarge);
        if (!inflated) {
            decoded.kind = Tr::tr("gzip");
            const QString why = tooLarge
                ? Tr::tr("it inflates past %1 MB, so it is not shown").arg(kMaxUncompressedGzipBytes >> 20)
                : Tr::tr("it is not whole, valid gzip, so it cannot be shown");
            decoded.error = decoded.error.isEmpty() ? why : Tr::tr("%1; %2").arg(decoded.error, why);
            return decoded;
        }
        body = std::move(*inflated);
    }
    // The body's format, after "gzip, " when it was compressed.
    const auto kindOf = [gzip](const QString &format) {
        //: %1 is the body's format, e.g. "text exposition"
        return gzip ? Tr::tr("gzip, %1").arg(format) : format;
    };
    if (encoding == "snappy") {
        const RemoteWriteVersion version = type.contains("write.v2") ? RemoteWriteVersion::V2 : RemoteWriteVersion::V1;
        const DecodedWriteRequest request = decodeWriteRequest(body, version);
        decoded.kind
            = kindOf(version == RemoteWriteVersion::V2 ? Tr::tr("remote write 2.0") : Tr::tr("remote write 1.0"));
        if (!request.error.isEmpty()) {
            decoded.error = request.error;
            return decoded;
        }
        decoded.text = seriesAsText(request.series);
        return decoded;
    }
    if (type.contains("application/vnd.google.protobuf")) {
        const ProtobufReadResult result = readDelimitedProtobuf(body);
        decoded.kind = kindOf(Tr::tr("protobuf-delimited MetricFamily"));
        decoded.text = QString::fromUtf8(writeText(result.metrics));
        if (!result.error.isEmpty())
            decoded.error = result.error;
        return decoded;
    }
    decoded.kind = kindOf(Tr::tr("text exposition"));
    decoded.text = QString::fromUtf8(body);
    return decoded;
}

} // namespace promdesk
