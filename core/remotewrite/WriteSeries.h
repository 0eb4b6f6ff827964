#pragma once

#include "model/MetricFamily.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace promdesk {

/// One sample for remote write: a time in milliseconds and a value.
struct WriteSample
{
    qint64 timestampMs = 0;
    double value = 0; // copied bit for bit: the stale marker stays the stale marker
};

} // namespace promdesk

// All-zero bytes are the default sample: QList may append and grow by memcpy, without the
// per-element construction it uses for other types (a tenth of reading a backfill file).
Q_DECLARE_TYPEINFO(promdesk::WriteSample, Q_PRIMITIVE_TYPE);

namespace promdesk {

/// One remote-write series: its full label set (with __name__, sorted) and its samples in time order.
struct WriteSeries
{
    Labels labels;
    QList<WriteSample> samples;
    int firstLine = 0; // where it first appeared in the input, for messages
    MetricType type = MetricType::Untyped;
    QString help;
    QString unit;

    [[nodiscard]] QString name() const { return labels.value(QStringLiteral("__name__")); }
};

/// Series with their samples, ready to be cut into remote-write requests.
struct SeriesSet
{
    QList<WriteSeries> series;

    [[nodiscard]] qint64 sampleCount() const;
    [[nodiscard]] qint64 minTimestamp() const;
    [[nodiscard]] qint64 maxTimestamp() const;
};

// One text-exposition line per sample, with its timestamp: how series read back to a person.
QString seriesAsText(const SeriesSet &set);

} // namespace promdesk
