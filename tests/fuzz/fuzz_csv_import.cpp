// CSV import, long and wide, every timestamp unit: no crash, and every problem names a line.
#include "FuzzSupport.h"
#include "importers/CsvImporter.h"

using namespace promdesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    CsvImportOptions options;
    if (data[0] & 1)
        options.metricName = QStringLiteral("imported_metric");
    const CsvImport imported = importCsv(fuzz::bytes(data + 1, size - 1), options);
    for (const Problem &problem : imported.problems) {
        if (problem.line < 0 || problem.message.isEmpty())
            fuzz::fail("a CSV problem without a line or message", formatProblem(problem));
    }
    return 0;
}
