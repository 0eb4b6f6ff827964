// Three ways of reading the same input must report the same problems and samples:
//   - the one-pass reading of plain lines and the full checks of every line;
//   - the whole input at once and one byte at a time;
//   - pieces parsed in parallel and the whole input.
#include "FuzzSupport.h"
#include "exposition/ParallelValidation.h"
#include "exposition/TextParser.h"
#include "exposition/detail/ParseInternals.h"

#include <bit>
#include <vector>

using namespace promdesk;

namespace {

struct Recorder final : SampleSink
{
    QStringList events;
    void onFamily(const FamilyDescriptor &family) override
    {
        events << QStringLiteral("family %1 %2")
                      .arg(QString::fromUtf8(family.familyName.data(), qsizetype(family.familyName.size())))
                      .arg(int(family.type));
    }
    void onSample(const SampleEvent &sample) override
    {
        // The labels as the event gives them (sorted, unescaped, without le or quantile) and the
        // family: the one-pass reading unescapes and sorts by itself.
        QString labels;
        for (const LabelView &label : sample.labels)
            labels += QString::fromUtf8(label.name.data(), qsizetype(label.name.size())) + u'='
                + QString::fromUtf8(label.value.data(), qsizetype(label.value.size())).toHtmlEscaped() + u';';
        events << QStringLiteral("sample %1 %2 %3 %4 %5 %6 %7 [%8]")
                      .arg(QString::fromUtf8(sample.seriesKey.data(), qsizetype(sample.seriesKey.size())))
                      .arg(int(sample.role))
                      .arg(std::bit_cast<quint64>(sample.value))
                      .arg(sample.timestampMs.value_or(-1))
                      .arg(sample.line)
                      .arg(std::bit_cast<quint64>(sample.bound))
                      .arg(QString::fromUtf8(sample.familyName.data(), qsizetype(sample.familyName.size())), labels);
    }
};

struct Reading
{
    QStringList problems;
    QStringList events;
    QString stats;
};

QString describe(const QList<Problem> &problems, const ParseStats &stats, QStringList *out)
{
    for (const Problem &problem : problems) {
        QString fix;
        if (problem.fix) {
            for (const TextEdit &edit : problem.fix->edits)
                fix += QStringLiteral(" [%1+%2:%3]")
                           .arg(edit.offset)
                           .arg(edit.length)
                           .arg(QString::fromLatin1(edit.replacement.toHex()));
        }
        *out << formatProblem(problem) + fix;
    }
    return QStringLiteral("samples=%1 errors=%2 warnings=%3 families=%4")
        .arg(stats.samples)
        .arg(stats.errors)
        .arg(stats.warnings)
        .arg(stats.families);
}

Reading read(const QByteArray &text, ParseOptions options, bool oneByteAtATime, bool onePass = true)
{
    Recorder recorder;
    detail::ParseInternals internals;
    internals.simpleLinesInOnePass = onePass;
    TextParser parser(std::move(options), internals, &recorder);
    if (oneByteAtATime) {
        for (qsizetype i = 0; i < text.size(); ++i)
            parser.feed(QByteArrayView(text).sliced(i, 1));
    } else {
        parser.feedLast(text);
    }
    parser.finish();
    Reading reading;
    reading.stats = describe(parser.problems(), parser.stats(), &reading.problems);
    reading.events = recorder.events;
    return reading;
}

void compare(const char *what, const Reading &a, const Reading &b)
{
    if (a.problems != b.problems)
        fuzz::fail(what, a.problems.join(u'\n') + QStringLiteral("\n-- versus --\n") + b.problems.join(u'\n'));
    if (a.stats != b.stats)
        fuzz::fail(what, a.stats + QStringLiteral(" versus ") + b.stats);
    if (a.events != b.events)
        fuzz::fail(what, a.events.join(u'\n') + QStringLiteral("\n-- versus --\n") + b.events.join(u'\n'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::optional<fuzz::ParserInput> input = fuzz::parserInput(data, size);
    if (!input)
        return 0;
    const ParseOptions &options = input->options;
    const QByteArray &text = input->text;

    const Reading whole = read(text, options, false);
    compare("one-pass reading differs from the full checks", whole, read(text, options, false, false));
    compare("one byte at a time differs from the whole input", whole, read(text, options, true));

    const MemoryValidationSource source(text);
    const Validation pieces = validateInParallel(source, options, 3, 1);
    Reading joined;
    joined.stats = describe(pieces.problems, pieces.stats, &joined.problems);
    Reading wholeWithoutEvents = whole;
    wholeWithoutEvents.events.clear();
    compare("pieces differ from the whole input", wholeWithoutEvents, joined);
    return 0;
}
