#pragma once

#include "exposition/TextParser.h"

#include <QFile>
#include <QMutex>

namespace promdesk {

/// Every problem of a validation and its counts, whether it was read whole or in pieces.
struct Validation
{
    QList<Problem> problems;
    ParseStats stats;
    int pieces = 1; // how many pieces the report was joined from (1 when parsed whole)
};

/// Bytes to be checked, read a range at a time, from several threads at once.
class ValidationSource
{
public:
    virtual ~ValidationSource() = default;
    [[nodiscard]] virtual qint64 size() const = 0;
    // Thread-safe. Fewer bytes than asked only at the end. The bytes may be put in `buffer`, which
    // callers reuse so that reading a large input does not allocate (and fault in) every chunk anew.
    [[nodiscard]] virtual QByteArrayView read(qint64 offset, qint64 length, QByteArray &buffer) const = 0;
};

/// An open file, read at any offset from several threads: every read is of that file, even when
/// a new one is renamed over its name meanwhile (exporters' files are written so). Its size is
/// taken once, when the source is made; the file must stay open while the source is used.
class FileValidationSource final : public ValidationSource
{
public:
    explicit FileValidationSource(QFile &file);
    [[nodiscard]] qint64 size() const override { return m_size; }
    [[nodiscard]] QByteArrayView read(qint64 offset, qint64 length, QByteArray &buffer) const override;

private:
    QFile &m_file; // read with pread() where there is one: it leaves the shared position alone
    qint64 m_size;
#ifndef Q_OS_UNIX
    mutable QMutex m_positionLock; // elsewhere a read seeks, and holds this meanwhile
#endif
};

/// Text already in memory; reads are views of it, without copies.
class MemoryValidationSource final : public ValidationSource
{
public:
    explicit MemoryValidationSource(QByteArrayView text)
        : m_text(text)
    {}
    [[nodiscard]] qint64 size() const override { return m_text.size(); }
    [[nodiscard]] QByteArrayView read(qint64 offset, qint64 length, QByteArray &buffer) const override;

private:
    QByteArrayView m_text;
};

// Checks a whole input as one TextParser does, on up to `threads` cores: the input is cut into
// pieces at metric-family boundaries, and each piece is streamed through its own parser. When the
// pieces turn out not to be independent (a family in two pieces, a cut after '# EOF', CRLF in
// several pieces, more problems of a kind than are listed), the input is parsed again as one
// piece, so the report is always the one a single parser gives. Pieces after the first are
// parsed before the lines ahead of them are counted; one that finds problems is parsed again
// with its true line numbers (messages cite lines), which valid inputs never need.
// Inputs are cut only into pieces of at least `minimumPieceBytes`: below that, a thread costs
// more than it saves.
Validation validateInParallel(const ValidationSource &source, const ParseOptions &options, int threads,
                              qint64 minimumPieceBytes = 4 << 20);

// How many pieces an input of `size` bytes is cut into for `workers`: pieces of at least
// `minimumPieceBytes`, at most four a worker (a worker slowed by another process leaves its
// pieces to the others), and a multiple of the workers once there are more pieces than workers,
// so that each worker gets the same share: five pieces on two workers would keep one of them at
// work on its third piece while the other waits.
int pieceCount(qint64 size, qint64 minimumPieceBytes, int workers);

// Where the pieces start: offsets of lines that open a family ('# HELP' or '# TYPE' right after a
// sample line), near equal shares of the input. Always starts with 0; fewer when no cut is found.
std::vector<qint64> pieceStarts(const ValidationSource &source, int pieces);

} // namespace promdesk
