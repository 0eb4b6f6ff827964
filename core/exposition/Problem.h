#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace promdesk {

enum class Severity { Error, Warning };

QString severityName(Severity severity);

/// One change to the original bytes: replace [offset, offset+length) with `replacement`, or, when
/// copyFrom >= 0, with the original bytes [copyFrom, copyFrom+copyLength) (that is how a block of
/// lines is moved without holding a copy of it).
struct TextEdit
{
    qint64 offset = 0;
    qint64 length = 0;
    QByteArray replacement;
    qint64 copyFrom = -1;
    qint64 copyLength = 0;
};

/// A change that is safe to make without asking what the author meant.
struct Fix
{
    QString description;
    QList<TextEdit> edits;
    bool normalizeLineEndings = false; // file-wide CRLF → LF; too many edits to list one by one
};

/// One thing wrong or doubtful in an input: where, how bad, a stable code, plain words and, when
/// one is safe, a fix.
struct Problem
{
    QString file;
    int line = 0;   // 1-based; 0 for the file as a whole
    int column = 0; // 1-based, in characters
    Severity severity = Severity::Error;
    QString code; // stable, kebab-case; tests and scripts rely on it
    QString message;
    std::optional<Fix> fix;
};

// "FILE:LINE:COL: error: message [code]", the format compilers use so editors can jump to it.
QString formatProblem(const Problem &problem);

} // namespace promdesk
