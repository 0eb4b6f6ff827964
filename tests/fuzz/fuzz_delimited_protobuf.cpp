// Protobuf-delimited MetricFamily decoding: garbage is refused with the offset where it breaks,
// and whatever decodes is written as text that validates without an error.
#include "FuzzSupport.h"
#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"

#include <google/protobuf/stubs/logging.h>

using namespace promdesk;

// libprotobuf logs every string field that is not UTF-8: megabytes of log per run, no finding.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const ProtobufReadResult read = readDelimitedProtobuf(fuzz::bytes(data, size));
    if (!read.error.isEmpty())
        return 0;
    const QByteArray text = writeText(read.metrics);
    ParseOptions options;
    options.nowMs = 1'700'000'000'000;
    options.allowFuture = true;
    const ParseResult reparsed = parseText(text, options);
    if (reparsed.hasErrors()) {
        QString errors;
        for (const Problem &problem : reparsed.problems)
            errors += formatProblem(problem) + u'\n';
        fuzz::fail("decoded protobuf writes text that does not validate", errors + QString::fromUtf8(text.left(2000)));
    }
    return 0;
}
