// The text and OpenMetrics parser on any bytes, for every format and target: no crash, no
// undefined behaviour, problems that point into the input, and an input without errors that is
// written out again (as `convert` does) and read back without errors and with every sample.
#include "FuzzSupport.h"
#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"

using namespace promdesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::optional<fuzz::ParserInput> input = fuzz::parserInput(data, size);
    if (!input)
        return 0;
    const ParseOptions &options = input->options;
    const QByteArray &text = input->text;
    const ParseResult result = parseText(text, options);
    for (const Problem &problem : result.problems) {
        if (problem.line < 0 || problem.line > result.stats.lines + 1 || problem.column < 0)
            fuzz::fail("a problem points outside the input", formatProblem(problem));
        if (problem.code.isEmpty() || problem.message.isEmpty())
            fuzz::fail("a problem without code or message", formatProblem(problem));
    }
    if (result.hasErrors())
        return 0;
    const bool openMetrics = options.format == ExpositionFormat::OpenMetrics;
    const QByteArray written = openMetrics ? writeOpenMetrics(result.metrics) : writeText(result.metrics);
    ParseOptions again = options;
    again.allowFuture = true; // the text written is checked for what it says, not for when
    const ParseResult reread = parseText(written, again);
    if (reread.hasErrors() || reread.stats.samples != result.stats.samples) {
        QString problems;
        for (const Problem &problem : reread.problems)
            problems += formatProblem(problem) + u'\n';
        fuzz::fail("what was read without an error is written as text that reads otherwise",
                   QStringLiteral("%1 samples, then %2\n%3%4")
                       .arg(result.stats.samples)
                       .arg(reread.stats.samples)
                       .arg(problems, QString::fromUtf8(written.left(2000))));
    }
    return 0;
}
