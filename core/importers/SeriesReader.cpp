#include "importers/SeriesReader.h"

#include "importers/CsvImporter.h"
#include "remotewrite/SeriesCollector.h"

namespace promdesk {

SeriesRead readSeries(QByteArrayView data, const SeriesReadOptions &options)
{
    SeriesRead read;
    if (options.fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        CsvImportOptions csv;
        csv.fileName = options.fileName;
        csv.metricName = options.metricName;
        csv.extraLabels = options.extraLabels;
        CsvImport imported = importCsv(data, csv);
        read.series = std::move(imported.series);
        read.problems = std::move(imported.problems);
        read.description = imported.description;
        read.errors = std::count_if(read.problems.cbegin(), read.problems.cend(),
                                    [](const Problem &p) { return p.severity == Severity::Error; });
        return read;
    }
    ParseOptions parse;
    parse.fileName = options.fileName;
    parse.target = options.target;
    parse.format = options.format.value_or(detectFormat(data));
    parse.nowMs = options.nowMs;
    SeriesCollector collector(options.nowMs, options.extraLabels);
    TextParser parser(parse, &collector);
    parser.feed(data);
    parser.finish();
    read.problems = parser.problems();
    read.errors = parser.stats().errors;
    read.series = collector.take();
    return read;
}

} // namespace promdesk
