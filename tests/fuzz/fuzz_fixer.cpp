// --fix: after every safe fix, validating again finds nothing fixable, and no sample is lost.
#include "FuzzSupport.h"
#include "exposition/Fixer.h"
#include "exposition/TextParser.h"

using namespace promdesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::optional<fuzz::ParserInput> input = fuzz::parserInput(data, size);
    if (!input)
        return 0;
    const ParseOptions &options = input->options;
    const QByteArray &text = input->text;
    const ParseResult before = parseText(text, options);
    const FixOutcome fixed = fixAll(text, options);
    for (const Problem &problem : fixed.remaining) {
        if (problem.fix && (!problem.fix->edits.isEmpty() || problem.fix->normalizeLineEndings))
            fuzz::fail("a fixable problem is left after --fix", formatProblem(problem));
    }
    if (fixed.stats.samples < before.stats.samples) {
        fuzz::fail("--fix lost samples",
                   QStringLiteral("%1 before, %2 after\n%3")
                       .arg(before.stats.samples)
                       .arg(fixed.stats.samples)
                       .arg(QString::fromUtf8(fixed.text.left(2000))));
    }
    return 0;
}
