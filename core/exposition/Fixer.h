#pragma once

#include "exposition/Problem.h"
#include "exposition/TextParser.h"

#include <QByteArray>
#include <QList>

namespace promdesk {

// Applies the edits of the given fixes to `original`. Fixes whose edits overlap an earlier
// fix's are skipped (and counted in `skipped`): fixAll() picks them up on its next round.
QByteArray applyFixes(QByteArrayView original, const QList<Fix> &fixes, int *applied = nullptr, int *skipped = nullptr);

/// A text after its safe fixes were applied, and what a parse of it still reports.
struct FixOutcome
{
    QByteArray text;
    int fixesApplied = 0;
    QList<Problem> remaining; // what a parse of the fixed text still reports
    ParseStats stats;

    [[nodiscard]] bool hasErrors() const { return stats.errors > 0; }
};

// Applies every safe fix, re-parsing between rounds until nothing fixable is left.
FixOutcome fixAll(QByteArrayView text, const ParseOptions &options);

} // namespace promdesk
