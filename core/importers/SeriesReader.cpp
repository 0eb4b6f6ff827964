#include "importers/SeriesReader.h"

#include "exposition/detail/ParseInternals.h"
#include "importers/CsvImporter.h"
#include "remotewrite/SeriesCollector.h"
#include "util/Parallel.h"

#include <QThread>

#include <cstring>
#include <optional>
#include <unordered_map>

namespace promdesk {

namespace {

// A piece of the input read on its own core. Unless it is the first, it starts at a sample line
// inside a family and is read after `prelude`: the comment lines (TYPE, HELP, UNIT) that came
// before it, so its parser knows the family it starts in.
struct Piece
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QByteArrayView prelude;
    std::string family; // the metric name of its first sample
};

constexpr int kPiecesPerCore = 2;

struct PieceRead
{
    std::unique_ptr<SeriesCollector> collector;
    ParseStats stats;
    bool clean = false; // no problem at all
    std::vector<std::string> families;
    std::string lastFamily;
};

// Where the last '#' in [from, end) is, or -1. The block it starts may lie tens of megabytes back.
qsizetype lastHashBetween(QByteArrayView data, qsizetype from, qsizetype end)
{
#ifdef __GLIBC__
    const auto *hash = static_cast<const char *>(memrchr(data.data() + from, '#', size_t(end - from)));
    return hash ? hash - data.data() : -1;
#else
    const qsizetype at = data.sliced(from, end - from).lastIndexOf('#');
    return at < 0 ? -1 : from + at;
#endif
}

// The block of comment lines nearest before `at` (which starts a line) that starts at or after
// `from`, a line start that is not inside a comment block; nullopt if there is none there.
std::optional<QByteArrayView> commentBlockBetween(QByteArrayView data, qsizetype from, qsizetype at)
{
    qsizetype searchEnd = at;
    while (searchEnd > from) {
        const qsizetype lineStart = lastHashBetween(data, from, searchEnd);
        if (lineStart < 0)
            return std::nullopt;
        if (lineStart > 0 && data.at(lineStart - 1) != '\n') {
            searchEnd = lineStart; // a '#' inside a line: look further back
            continue;
        }
        qsizetype blockStart = lineStart;
        while (blockStart > 0) {
            const qsizetype previous = data.first(blockStart - 1).lastIndexOf('\n') + 1;
            if (data.at(previous) != '#')
                break;
            blockStart = previous;
        }
        const qsizetype blockEnd = data.indexOf('\n', lineStart) + 1;
        return data.sliced(blockStart, blockEnd - blockStart);
    }
    return std::nullopt;
}

// Whether `prelude` declares `family` as a type whose samples stand alone (each line one series
// of the family's own name): only then may a piece start inside it.
bool declaresSimpleFamily(QByteArrayView prelude, const std::string &family)
{
    const std::string gauge = "# TYPE " + family + " gauge\n";
    const std::string counter = "# TYPE " + family + " counter\n";
    const std::string untyped = "# TYPE " + family + " untyped\n";
    const std::string_view text(prelude.data(), size_t(prelude.size()));
    return text.find(gauge) != std::string_view::npos || text.find(counter) != std::string_view::npos
        || text.find(untyped) != std::string_view::npos;
}

// Cuts `data` into about `count` pieces at sample lines of simple families; fewer when no such
// cut is near.
std::vector<Piece> cutIntoPieces(QByteArrayView data, int count)
{
    std::vector<Piece> pieces{Piece{0, data.size(), {}, {}}};
    // The comment block before a cut: searched for back to the cut before it only (a file with
    // one TYPE line at its top would be scanned back to it from every cut), else the same block.
    QByteArrayView prelude;
    qsizetype searchedFrom = 0;
    for (int k = 1; k < count; ++k) {
        const qsizetype target = data.size() * k / count;
        const qsizetype newline = data.indexOf('\n', std::max(target, pieces.back().begin + 1));
        if (newline < 0 || newline + 1 >= data.size())
            break;
        const qsizetype at = newline + 1;
        if (data.at(at) == '#')
            continue;
        qsizetype nameEnd = at;
        while (nameEnd < data.size() && data.at(nameEnd) != '{' && data.at(nameEnd) != ' ' && data.at(nameEnd) != '\n')
            ++nameEnd;
        if (const std::optional<QByteArrayView> block = commentBlockBetween(data, searchedFrom, at))
            prelude = *block;
        searchedFrom = at;
        Piece piece{at, data.size(), prelude, std::string(data.data() + at, size_t(nameEnd - at))};
        if (!declaresSimpleFamily(piece.prelude, piece.family))
            continue;
        pieces.back().end = at;
        pieces.push_back(std::move(piece));
    }
    return pieces;
}

PieceRead readPiece(QByteArrayView data, const Piece &piece, bool first, bool last, ParseOptions parse,
                    const SeriesReadOptions &options)
{
    PieceRead read;
    read.collector = std::make_unique<SeriesCollector>(options.nowMs, options.extraLabels);
    const int preludeLines = int(piece.prelude.count('\n'));
    // The prelude's lines come before line 1 of the piece, so the piece's lines count from 1.
    detail::ParseInternals internals;
    internals.piece
        = detail::ParsePiece{piece.begin - piece.prelude.size(), -preludeLines, first, last, piece.end - piece.begin};
    TextParser parser(std::move(parse), internals, read.collector.get());
    if (!piece.prelude.isEmpty())
        parser.feed(piece.prelude);
    parser.feedLast(data.sliced(piece.begin, piece.end - piece.begin));
    parser.finish();
    read.stats = parser.stats();
    read.stats.lines -= preludeLines;
    read.clean = parser.problems().isEmpty() && read.stats.errors == 0 && read.stats.warnings == 0;
    read.families = parser.familyNames();
    read.lastFamily = parser.lastFamilyName();
    return read;
}

// The pieces join into what one parser would have read when none reported anything and no
// family shows up in two pieces other than across the cuts inside it.
bool joinable(const std::vector<Piece> &pieces, const std::vector<PieceRead> &reads)
{
    std::unordered_map<std::string, size_t> lastPieceOf;
    for (size_t i = 0; i < reads.size(); ++i) {
        if (!reads[i].clean)
            return false;
        if (i > 0 && reads[i - 1].lastFamily != pieces[i].family)
            return false;
        for (const std::string &family : reads[i].families) {
            const auto [it, first] = lastPieceOf.try_emplace(family, i);
            if (!first) {
                // Seen before: only in the piece just before, and only as the family cut in two.
                if (it->second + 1 != i || family != pieces[i].family)
                    return false;
                it->second = i;
            }
        }
    }
    return true;
}

// Reads a large exposition text on every core; nullopt when the pieces cannot stand for a whole
// reading (then the caller reads it whole, which gives the same series and the problems).
std::optional<std::pair<SeriesSet, int>> readInPieces(QByteArrayView data, const ParseOptions &parse,
                                                      const SeriesReadOptions &options)
{
    const int cores = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    // Remote-write targets only: there a series repeated at later times is no duplicate, which
    // is what lets a family be cut in two.
    const bool remoteWrite = parse.target == ValidationTarget::RemoteWrite || parse.target == ValidationTarget::Tmp;
    if (cores < 2 || data.size() < options.piecesFromBytes || parse.format != ExpositionFormat::Text || !remoteWrite)
        return std::nullopt;
    // A few pieces a core, taken in turn by one worker a core (this thread among them): a core
    // that the machine slows down then reads fewer pieces instead of holding the others up.
    const std::vector<Piece> pieces = cutIntoPieces(data, cores * kPiecesPerCore);
    if (pieces.size() < 2)
        return std::nullopt;
    std::vector<PieceRead> reads(pieces.size());
    forEachIndexInParallel(pieces.size(), cores, [&](size_t i) {
        reads[i] = readPiece(data, pieces[i], i == 0, i + 1 == pieces.size(), parse, options);
    });
    if (!joinable(pieces, reads))
        return std::nullopt;
    std::vector<SeriesCollector *> rest;
    std::vector<int> linesBefore;
    int lines = int(reads.front().stats.lines);
    for (size_t i = 1; i < reads.size(); ++i) {
        rest.push_back(reads[i].collector.get());
        linesBefore.push_back(lines);
        lines += int(reads[i].stats.lines);
    }
    if (!reads.front().collector->absorb(rest, linesBefore))
        return std::nullopt;
    return std::pair{reads.front().collector->take(), int(pieces.size())};
}

} // namespace

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
    parse.format = options.format ? *options.format : detectFormat(data); // value_or() would scan the text anyway
    parse.nowMs = options.nowMs;
    parse.futureToleranceMs = options.futureToleranceMs;
    parse.allowFuture = options.allowFuture;
    if (auto pieces = readInPieces(data, parse, options)) {
        read.series = std::move(pieces->first);
        read.pieces = pieces->second;
        return read;
    }
    SeriesCollector collector(options.nowMs, options.extraLabels);
    detail::ParseInternals internals;
    internals.piece.bytes = data.size(); // sizes the parser's duplicate index once, not by doubling
    TextParser parser(parse, internals, &collector);
    parser.feedLast(data);
    parser.finish();
    read.problems = parser.problems();
    read.errors = parser.stats().errors;
    read.series = collector.take();
    return read;
}

} // namespace promdesk
