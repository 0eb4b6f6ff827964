#include "exposition/ParallelValidation.h"

#include "exposition/detail/ParseInternals.h"
#include "util/Parallel.h"

#include <QDateTime>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#ifdef Q_OS_UNIX
#include <unistd.h>

#include <cerrno>
#endif

namespace promdesk {

namespace {

constexpr qint64 kChunkBytes = 256 << 10; // read into a buffer that stays in a core's L2 cache while it is parsed
constexpr qint64 kCutWindowBytes = 64 << 10;
constexpr int kCutWindows = 64; // give up on a cut after this many windows without a family start

// Names a sample of family `name` may be written as, or the family a sample name may belong to.
std::vector<std::string> relatedNames(const std::string &name)
{
    static constexpr std::string_view kSuffixes[]
        = {"_bucket", "_count", "_sum", "_total", "_created", "_info", "_gcount", "_gsum"};
    std::vector<std::string> related{name};
    for (std::string_view suffix : kSuffixes) {
        if (name.size() > suffix.size() && std::string_view(name).ends_with(suffix))
            related.push_back(name.substr(0, name.size() - suffix.size()));
    }
    return related;
}

// The first line start at or after `from` where a family opens (a HELP or TYPE line) after a
// sample line, with only comments or blank lines between them; -1 if none is found soon enough.
// Those comments stay with the piece before, where one pass over the whole input meets them too:
// their problems come before the ones the family's end reports, in a piece as in the whole.
qint64 findCut(const ValidationSource &source, qint64 from)
{
    qint64 windowStart = from;
    bool afterSample = false; // every line since the last sample line is a comment or blank
    for (int window = 0; window < kCutWindows && windowStart < source.size(); ++window) {
        QByteArray buffer;
        const QByteArrayView bytes = source.read(windowStart, kCutWindowBytes, buffer);
        qsizetype newline = bytes.indexOf('\n');
        while (newline >= 0) {
            const qsizetype lineStart = newline + 1;
            const QByteArrayView line = bytes.sliced(lineStart);
            if (line.size() < 7)
                break; // too close to the window's end to tell; the next window starts here
            const bool opensFamily = line.startsWith("# HELP ") || line.startsWith("# TYPE ");
            if (opensFamily && afterSample)
                return windowStart + lineStart;
            if (opensFamily || line.startsWith("# UNIT "))
                afterSample = false;
            else if (line.front() != '#' && line.front() != '\n' && line.front() != '\r')
                afterSample = true;
            newline = bytes.indexOf('\n', lineStart);
        }
        if (bytes.size() < kCutWindowBytes)
            return -1;
        const qsizetype lastNewline = bytes.lastIndexOf('\n');
        windowStart += lastNewline > 0 ? lastNewline : bytes.size();
    }
    return -1;
}

struct PieceResult
{
    QList<Problem> problems;
    ParseStats stats;
    std::vector<std::string> families;
    bool sawEof = false;
    bool unlisted = false;
};

PieceResult parsePiece(const ValidationSource &source, qint64 begin, qint64 end, ParseOptions options,
                       const detail::ParsePiece &piece)
{
    detail::ParseInternals internals;
    internals.piece = piece;
    TextParser parser(std::move(options), internals);
    QByteArray buffer;
    for (qint64 at = begin; at < end; at += kChunkBytes)
        parser.feed(source.read(at, std::min(kChunkBytes, end - at), buffer));
    parser.finish();
    return PieceResult{parser.problems(), parser.stats(), parser.familyNames(), parser.sawEofMarker(),
                       parser.leftProblemsUnlisted()};
}

Validation parseWhole(const ValidationSource &source, const ParseOptions &givenOptions)
{
    detail::ParsePiece piece;
    piece.bytes = source.size();
    PieceResult whole = parsePiece(source, 0, source.size(), givenOptions, piece);
    return Validation{std::move(whole.problems), whole.stats};
}

// The pieces can be joined when no family, and no file-wide report, spans two of them.
bool independent(const std::vector<PieceResult> &pieces, int maxProblemsPerCode)
{
    std::unordered_map<std::string, size_t> owner;
    for (size_t i = 0; i < pieces.size(); ++i) {
        const PieceResult &piece = pieces[i];
        if (piece.unlisted || (piece.sawEof && i + 1 < pieces.size()))
            return false;
        for (const std::string &name : piece.families) {
            if (!owner.emplace(name, i).second)
                return false;
        }
    }
    for (size_t i = 0; i < pieces.size(); ++i) {
        for (const std::string &name : pieces[i].families) {
            for (const std::string &related : relatedNames(name)) {
                const auto it = owner.find(related);
                if (it != owner.end() && it->second != i)
                    return false;
            }
        }
    }
    QHash<QString, int> perCode;
    for (const PieceResult &piece : pieces) {
        for (const Problem &problem : piece.problems) {
            int &count = perCode[problem.code];
            if (++count > maxProblemsPerCode || (problem.code == u"crlf-line-ending" && count > 1))
                return false;
        }
    }
    return true;
}

} // namespace

FileValidationSource::FileValidationSource(QFile &file)
    : m_file(file)
    , m_size(file.size())
{}

QByteArrayView FileValidationSource::read(qint64 offset, qint64 length, QByteArray &buffer) const
{
    if (length <= 0)
        return {};
    if (buffer.size() < length)
        buffer.resize(length);
    qint64 got = 0;
#ifdef Q_OS_UNIX
    while (got < length) { // fewer bytes than asked before the end: a signal came; read on
        const ssize_t part = ::pread(m_file.handle(), buffer.data() + got, size_t(length - got), off_t(offset + got));
        if (part < 0 && errno == EINTR)
            continue;
        if (part <= 0)
            break;
        got += part;
    }
#else
    const QMutexLocker lock(&m_positionLock);
    if (!m_file.seek(offset))
        return {};
    got = std::max<qint64>(m_file.read(buffer.data(), length), 0);
#endif
    return QByteArrayView(buffer).first(got);
}

QByteArrayView MemoryValidationSource::read(qint64 offset, qint64 length, QByteArray &) const
{
    if (offset >= m_text.size())
        return {};
    return m_text.sliced(offset, std::min(length, m_text.size() - offset));
}

int pieceCount(qint64 size, qint64 minimumPieceBytes, int workers)
{
    workers = std::max(workers, 1);
    const auto pieces = int(std::clamp<qint64>(size / std::max<qint64>(minimumPieceBytes, 1), 1, qint64(workers) * 4));
    return pieces > workers ? pieces - pieces % workers : pieces;
}

std::vector<qint64> pieceStarts(const ValidationSource &source, int pieces)
{
    std::vector<qint64> starts{0};
    for (int k = 1; k < pieces; ++k) {
        const qint64 cut = findCut(source, std::max(starts.back() + 1, source.size() * k / pieces));
        if (cut < 0)
            break;
        starts.push_back(cut);
    }
    return starts;
}

Validation validateInParallel(const ValidationSource &source, const ParseOptions &givenOptions, int threads,
                              qint64 minimumPieceBytes)
{
    ParseOptions options = givenOptions;
    if (!options.nowMs) // one "now" for every piece
        options.nowMs = QDateTime::currentMSecsSinceEpoch();
    // More pieces than cores, taken by one worker per core as each finishes: when another process
    // holds a core for a while, the other worker takes on the pieces that are left.
    const int workers = std::max(threads, 1);
    const std::vector<qint64> starts = pieceStarts(source, pieceCount(source.size(), minimumPieceBytes, workers));
    if (starts.size() < 2)
        return parseWhole(source, options);
    std::vector<qint64> ends(starts.begin() + 1, starts.end());
    ends.push_back(source.size());

    std::vector<PieceResult> results(starts.size());
    // Parses the listed pieces, each knowing how many lines come before it (0: not yet known).
    auto parsePieces = [&](const std::vector<size_t> &which, const std::vector<int> &linesBefore) {
        forEachIndexInParallel(which.size(), workers, [&](size_t k) {
            const size_t i = which[k];
            const detail::ParsePiece piece{starts[i], linesBefore[i], i == 0, i + 1 == starts.size(),
                                           ends[i] - starts[i]};
            results[i] = parsePiece(source, starts[i], ends[i], options, piece);
        });
    };
    std::vector<size_t> all(starts.size());
    std::iota(all.begin(), all.end(), size_t(0));
    parsePieces(all, std::vector<int>(starts.size(), 0));

    // Each piece counted its own lines; one with problems is read again knowing the lines before it
    // (its messages cite line numbers).
    std::vector<int> linesBefore(starts.size(), 0);
    std::vector<size_t> again;
    for (size_t i = 1; i < results.size(); ++i) {
        linesBefore[i] = linesBefore[i - 1] + int(results[i - 1].stats.lines);
        if (!results[i].problems.isEmpty())
            again.push_back(i);
    }
    if (!again.empty())
        parsePieces(again, linesBefore);
    if (!independent(results, options.maxProblemsPerCode))
        return parseWhole(source, options);

    Validation joined;
    joined.pieces = int(results.size());
    for (PieceResult &piece : results) {
        joined.problems.append(std::move(piece.problems));
        joined.stats.bytes += piece.stats.bytes;
        joined.stats.samples += piece.stats.samples;
        joined.stats.families += piece.stats.families;
        joined.stats.errors += piece.stats.errors;
        joined.stats.warnings += piece.stats.warnings;
        joined.stats.lines += piece.stats.lines;
    }
    std::stable_sort(joined.problems.begin(), joined.problems.end(), [](const Problem &a, const Problem &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return joined;
}

} // namespace promdesk
