#pragma once

#include "history/HistoryEntry.h"

#include <QString>

namespace promdesk {

/// A stored request body made readable, with what kind of body it was.
struct DecodedBody
{
    QString kind;  // "text exposition", "protobuf-delimited", "remote write 1.0", ...
    QString text;  // readable exposition text, or the body itself when it is text
    QString error; // why it could not be decoded; text then holds what could be shown
};

// Any stored request body back into readable exposition text: text and OpenMetrics as they are,
// protobuf-delimited MetricFamilies, and remote write 1.0 and 2.0 snappy bodies (with their
// timestamps), gzip-compressed or not.
DecodedBody decodeRequestBody(const HistoryEntry &entry);

} // namespace promdesk
