#pragma once

#include "exposition/Problem.h"
#include "exposition/TextParser.h"
#include "remotewrite/WriteSeries.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace promdesk {

/// How readSeries reads a file for remote write: format, target rules, time and labels.
struct SeriesReadOptions
{
    QString fileName;                       // for messages; a ".csv" name is read as CSV
    std::optional<ExpositionFormat> format; // text files: nothing means detect from the data
    ValidationTarget target = ValidationTarget::RemoteWrite;
    qint64 nowMs = 0;                                     // the time of samples without one
    qint64 futureToleranceMs = kDefaultFutureToleranceMs; // see ParseOptions
    bool allowFuture = false;
    Labels extraLabels; // added to every series; a series' own label wins
    QString metricName; // CSV long form without a metric column
    // Large exposition text is read on every core in pieces (see readSeries); these set how.
    int threads = 0;                     // 0: one per core
    qsizetype piecesFromBytes = 4 << 20; // smaller inputs are read on one core
};

/// Series read for remote write, with every problem found.
struct SeriesRead
{
    SeriesSet series;
    QList<Problem> problems;
    QString description; // CSV: how the file was read (form, timestamp unit)
    qint64 errors = 0;   // nothing should be sent when this is not 0
    int pieces = 1;      // how many pieces were read at once
};

// Samples for remote write from a file's bytes: exposition text (ms timestamps), OpenMetrics
// (seconds) or CSV. What `write`, `backfill` and the Backfill view read.
//
// Large text is cut at sample lines of gauge, counter or untyped families and the pieces are
// read at once, each after the TYPE and HELP lines before it. They are joined only when that is
// exactly what one reading would give: no piece found any problem, no family shows up in two
// pieces except across a cut, and every series cut in two goes on strictly later in time.
// Otherwise the text is read again whole, so the series and the problems are always the same.
SeriesRead readSeries(QByteArrayView data, const SeriesReadOptions &options);

} // namespace promdesk
