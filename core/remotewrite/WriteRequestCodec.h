#pragma once

#include "remotewrite/Batcher.h"
#include "remotewrite/WriteSeries.h"

#include <QByteArray>
#include <QString>

namespace promdesk {

enum class RemoteWriteVersion { V1, V2 };

inline constexpr char kRemoteWriteV1ContentType[] = "application/x-protobuf";
inline constexpr char kRemoteWriteV2ContentType[] = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

// The snappy-compressed (block format) protobuf body of one batch, as the spec requires:
// 1.0 `prometheus.WriteRequest` (with metadata for the batch's families), or 2.0
// `io.prometheus.write.v2.Request` with its symbols table.
QByteArray encodeWriteRequest(const SeriesSet &set, const Batch &batch, RemoteWriteVersion version);

// The whole set as one request (the `write` command's small inputs, tests).
QByteArray encodeWriteRequest(const SeriesSet &set, RemoteWriteVersion version);

struct DecodedWriteRequest
{
    SeriesSet series;
    QString error; // empty when the body decoded
};

// Back from a body to series: snappy block, then either message. For inspecting what was sent.
DecodedWriteRequest decodeWriteRequest(QByteArrayView body, RemoteWriteVersion version);

} // namespace promdesk
