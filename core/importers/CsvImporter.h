#pragma once

#include "exposition/Problem.h"
#include "remotewrite/WriteSeries.h"

#include <QByteArrayView>
#include <QString>

namespace promdesk {

/// How importCsv reads a file: its name for messages, a metric name and extra labels.
struct CsvImportOptions
{
    QString fileName = QStringLiteral("-");
    QString metricName; // long form without a metric column
    Labels extraLabels; // added to every series; the row's own labels win
};

/// Series read from a CSV file, its problems, and how the file was understood.
struct CsvImport
{
    SeriesSet series;
    QList<Problem> problems;
    QString timestampFormat; // "unix-seconds", "unix-milliseconds" or "rfc3339"
    QString description;     // how the file was read, in words, with an example
};

// Reads samples from CSV, in one of two shapes:
//  long: a `timestamp` column, a `value` column, a `metric` column (or --metric), and every other
//        column a label: timestamp,metric,host,value
//  wide: a `timestamp` column, then one column per series named by a selector such as
//        cpu_temp{host="a"}; an empty cell is no sample.
// Timestamps are Unix seconds, milliseconds or RFC 3339; the unit is detected from all rows and
// reported, and a file where it cannot be told is refused rather than guessed.
CsvImport importCsv(QByteArrayView data, const CsvImportOptions &options);

} // namespace promdesk
