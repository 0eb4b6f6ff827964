#pragma once

// How the core uses a TextParser inside itself, which its callers never set: where a piece of a
// larger input sits (ParallelValidation, SeriesReader), and the switch with which the tests and
// the fuzz targets compare the one-pass reading of plain lines with the full checks.
#include <QtGlobal>

namespace promdesk::detail {

// Where the text sits when a larger input is parsed in pieces: its byte offset and the lines
// before it, and whether the checks of the input's ends apply.
struct ParsePiece
{
    qint64 firstByte = 0;
    int linesBefore = 0;
    bool atStart = true;
    bool atEnd = true;
    qint64 bytes = 0; // when known, sizes the duplicate-series index up front
};

struct ParseInternals
{
    // Plain sample lines are read in one pass; off, every line takes the full checks.
    bool simpleLinesInOnePass = true;
    ParsePiece piece;
};

} // namespace promdesk::detail
