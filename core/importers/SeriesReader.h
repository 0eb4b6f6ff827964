#pragma once

#include "exposition/Problem.h"
#include "exposition/TextParser.h"
#include "remotewrite/WriteSeries.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace promdesk {

struct SeriesReadOptions
{
    QString fileName;                        // for messages; a ".csv" name is read as CSV
    std::optional<ExpositionFormat> format;  // text files: nothing means detect from the data
    ValidationTarget target = ValidationTarget::RemoteWrite;
    qint64 nowMs = 0;                        // the time of samples without one
    Labels extraLabels;                      // added to every series; a series' own label wins
    QString metricName;                      // CSV long form without a metric column
};

struct SeriesRead
{
    SeriesSet series;
    QList<Problem> problems;
    QString description; // CSV: how the file was read (form, timestamp unit)
    qint64 errors = 0;   // nothing should be sent when this is not 0
};

// Samples for remote write from a file's bytes: exposition text (ms timestamps), OpenMetrics
// (seconds) or CSV. What `write`, `backfill` and the Backfill view read.
SeriesRead readSeries(QByteArrayView data, const SeriesReadOptions &options);

} // namespace promdesk
