#pragma once

#include "remotewrite/Batcher.h"
#include "remotewrite/WriteSeries.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace promdesk {

enum class RemoteWriteVersion { V1, V2 };

inline constexpr char kRemoteWriteV1ContentType[] = "application/x-protobuf";
inline constexpr char kRemoteWriteV2ContentType[] = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

/// Encodes many batches of one set: the labels are converted to UTF-8 once, not once per batch
/// (a time-ordered batch touches every series for a few samples each).
class WriteRequestEncoder
{
public:
    explicit WriteRequestEncoder(SeriesSet set);
    [[nodiscard]] QByteArray encode(const Batch &batch, RemoteWriteVersion version) const;
    [[nodiscard]] const SeriesSet &series() const { return m_set; }

    /// What every request of a series repeats, converted once instead of per request: a label.
    struct Utf8Label
    {
        std::string name;
        std::string value;
    };
    /// A series' labels and family, converted once.
    struct Utf8Series
    {
        std::vector<Utf8Label> labels;
        int family = -1; // into families; -1: no metadata to send
    };
    /// A family's metadata, converted once.
    struct Utf8Family
    {
        std::string name;
        MetricType type = MetricType::Untyped;
        std::string help;
        std::string unit;
    };

private:
    SeriesSet m_set;
    std::vector<Utf8Series> m_series;
    std::vector<Utf8Family> m_families;
};

// The snappy-compressed (block format) protobuf body of one batch, as the spec requires:
// 1.0 `prometheus.WriteRequest` (with metadata for the batch's families), or 2.0
// `io.prometheus.write.v2.Request` with its symbols table.
// It converts every series of the set first: for many batches of one set, keep one
// WriteRequestEncoder instead.
QByteArray encodeWriteRequest(const SeriesSet &set, const Batch &batch, RemoteWriteVersion version);

// The whole set as one request (the `write` command's small inputs, tests).
QByteArray encodeWriteRequest(const SeriesSet &set, RemoteWriteVersion version);

/// A remote-write body decoded back into series, or why it could not be.
struct DecodedWriteRequest
{
    SeriesSet series;
    QString error; // empty when the body decoded
};

// Back from a body to series: snappy block, then either message. For inspecting what was sent.
DecodedWriteRequest decodeWriteRequest(QByteArrayView body, RemoteWriteVersion version);

} // namespace promdesk
