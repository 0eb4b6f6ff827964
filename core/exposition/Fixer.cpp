#include "exposition/Fixer.h"

#include <algorithm>
#include <climits>

namespace promdesk {

namespace {

// Fixes that overlap wait for the next round: a file split into many pieces of one family needs a
// round per move it cannot make at once. Each round is one parse, so the work stays bounded.
constexpr int kMaxRounds = 64;

struct PlacedEdit
{
    const TextEdit *edit;
    int order; // keeps the fixes' order for insertions at one offset
};

bool conflicts(const TextEdit &edit, const QList<const TextEdit *> &accepted)
{
    for (const TextEdit *other : accepted) {
        const qint64 a = edit.offset, aEnd = edit.offset + edit.length;
        const qint64 b = other->offset, bEnd = other->offset + other->length;
        if (edit.length > 0 && other->length > 0 && a < bEnd && b < aEnd)
            return true;
        if (edit.length == 0 && other->length > 0 && a > b && a < bEnd)
            return true;
        if (other->length == 0 && edit.length > 0 && b > a && b < aEnd)
            return true;
    }
    return false;
}

QByteArray normalizeLineEndings(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    // A run of '\r' before a newline is one line ending ("\r\r\n" too), removed in one pass.
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            while (out.endsWith('\r'))
                out.chop(1);
        }
        out.append(text[i]);
    }
    return out;
}

ParseOptions exhaustive(ParseOptions options)
{
    options.maxProblemsPerCode = INT_MAX;
    return options;
}

} // namespace

QByteArray applyFixes(QByteArrayView original, const QList<Fix> &fixes, int *applied, int *skipped)
{
    QList<const TextEdit *> accepted;
    QList<PlacedEdit> placed;
    int appliedCount = 0;
    int skippedCount = 0;
    for (const Fix &fix : fixes) {
        const bool clash = std::any_of(fix.edits.cbegin(), fix.edits.cend(),
                                       [&](const TextEdit &edit) { return conflicts(edit, accepted); });
        if (clash || fix.edits.isEmpty()) {
            skippedCount += clash ? 1 : 0;
            continue;
        }
        for (const TextEdit &edit : fix.edits) {
            accepted.append(&edit);
            placed.append(PlacedEdit{&edit, int(placed.size())});
        }
        ++appliedCount;
    }
    std::stable_sort(placed.begin(), placed.end(), [](const PlacedEdit &x, const PlacedEdit &y) {
        if (x.edit->offset != y.edit->offset)
            return x.edit->offset < y.edit->offset;
        // At one offset, insertions go before the deletion that starts there.
        if ((x.edit->length == 0) != (y.edit->length == 0))
            return x.edit->length == 0;
        return x.order < y.order;
    });

    QByteArray out;
    out.reserve(original.size() + 64);
    qint64 position = 0;
    for (const PlacedEdit &p : placed) {
        const TextEdit &edit = *p.edit;
        if (edit.offset > position)
            out.append(original.sliced(position, edit.offset - position));
        if (edit.copyFrom >= 0) {
            const QByteArrayView copied = original.sliced(edit.copyFrom, edit.copyLength);
            out.append(copied);
            if (!copied.isEmpty() && copied.back() != '\n')
                out.append('\n');
        } else {
            out.append(edit.replacement);
        }
        position = std::max(position, edit.offset + edit.length);
    }
    if (position < original.size())
        out.append(original.sliced(position));
    if (applied)
        *applied = appliedCount;
    if (skipped)
        *skipped = skippedCount;
    return out;
}

FixOutcome fixAll(QByteArrayView input, const ParseOptions &options)
{
    FixOutcome outcome;
    // Whole-file fixes first: they shift every offset, so they go before the per-line ones.
    QByteArray text = input.toByteArray();
    if (text.startsWith("\xEF\xBB\xBF")) {
        text.remove(0, 3);
        ++outcome.fixesApplied;
    }
    // The final newline before the line endings: a last line ending in '\r' becomes CRLF, and LF.
    if (!text.isEmpty() && !text.endsWith('\n')) {
        text.append('\n');
        ++outcome.fixesApplied;
    }
    if (text.contains("\r\n")) {
        text = normalizeLineEndings(text);
        ++outcome.fixesApplied;
    }

    for (int round = 0; round < kMaxRounds; ++round) {
        TextParser parser(exhaustive(options));
        parser.feedLast(text);
        parser.finish();
        QList<Fix> fixes;
        bool lineEndings = false;
        for (const Problem &problem : parser.problems()) {
            if (problem.fix && !problem.fix->edits.isEmpty())
                fixes.append(*problem.fix);
            lineEndings = lineEndings || (problem.fix && problem.fix->normalizeLineEndings);
        }
        // A fix can make a CRLF of its own: "x\r \r\n" loses its trailing blank and becomes "x\r\n".
        if (lineEndings) {
            text = normalizeLineEndings(text);
            ++outcome.fixesApplied;
            continue;
        }
        if (fixes.isEmpty())
            break;
        int applied = 0;
        text = applyFixes(text, fixes, &applied);
        outcome.fixesApplied += applied;
        if (applied == 0)
            break;
    }

    TextParser finalParse(options);
    finalParse.feedLast(text);
    finalParse.finish();
    outcome.remaining = finalParse.problems();
    outcome.stats = finalParse.stats();
    outcome.text = std::move(text);
    return outcome;
}

} // namespace promdesk
