#include "history/BodyDecoder.h"

#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextWriter.h"
#include "model/NumberFormat.h"
#include "pushgateway/PushgatewayClient.h"
#include "remotewrite/WriteRequestCodec.h"

namespace promdesk {

DecodedBody decodeRequestBody(const HistoryEntry &entry)
{
    DecodedBody decoded;
    QByteArray body = entry.requestBody;
    if (body.isEmpty()) {
        decoded.kind = QStringLiteral("empty");
        return decoded;
    }
    if (entry.requestBodyTruncated)
        decoded.error
            = QStringLiteral("only the first %1 of %2 bytes were kept").arg(body.size()).arg(entry.requestBodySize);
    const QByteArray encoding = entry.requestHeader("Content-Encoding").toLower();
    const QByteArray type = entry.requestHeader("Content-Type");
    if (encoding == "gzip") {
        body = gzipDecompress(body);
        decoded.kind = QStringLiteral("gzip, ");
    }
    if (encoding == "snappy") {
        const RemoteWriteVersion version = type.contains("write.v2") ? RemoteWriteVersion::V2 : RemoteWriteVersion::V1;
        const DecodedWriteRequest request = decodeWriteRequest(body, version);
        decoded.kind += version == RemoteWriteVersion::V2 ? QStringLiteral("remote write 2.0")
                                                          : QStringLiteral("remote write 1.0");
        if (!request.error.isEmpty()) {
            decoded.error = request.error;
            return decoded;
        }
        decoded.text = seriesAsText(request.series);
        return decoded;
    }
    if (type.contains("application/vnd.google.protobuf")) {
        const ProtobufReadResult result = readDelimitedProtobuf(body);
        decoded.kind += QStringLiteral("protobuf-delimited MetricFamily");
        decoded.text = QString::fromUtf8(writeText(result.metrics));
        if (!result.error.isEmpty())
            decoded.error = result.error;
        return decoded;
    }
    decoded.kind += QStringLiteral("text exposition");
    decoded.text = QString::fromUtf8(body);
    return decoded;
}

} // namespace promdesk
