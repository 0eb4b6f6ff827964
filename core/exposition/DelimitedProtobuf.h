#pragma once

#include "exposition/TextWriter.h"
#include "model/MetricFamily.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace promdesk {

// `application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited`:
// each MetricFamily preceded by its varint length. With includeTimestamps false (what a
// Pushgateway needs) the timestamp field is left out entirely, not set to 0.
QByteArray writeDelimitedProtobuf(const MetricSet &metrics, const WriteOptions &options = {});

/// What readDelimitedProtobuf read: the metrics, or where and why decoding stopped.
struct ProtobufReadResult
{
    MetricSet metrics;
    QString error; // empty on success; names the byte offset where decoding stopped
};

ProtobufReadResult readDelimitedProtobuf(QByteArrayView bytes);

inline constexpr char kDelimitedProtobufContentType[]
    = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

} // namespace promdesk
