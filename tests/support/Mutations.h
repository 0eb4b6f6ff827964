#pragma once

// Deterministic mutations of a text input, for differential tests: the same seed gives the same
// inputs on every machine, so a disagreement found once can be found again and kept as a row.
#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <random>

namespace promdesk::test {

struct Mutation
{
    QString kind; // names the edit, e.g. "flip@12"
    QByteArray text;
};

namespace detail {

inline QList<QByteArray> splitKeepingEnds(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype newline = text.indexOf('\n', start);
        const qsizetype end = newline < 0 ? text.size() : newline + 1;
        lines << text.mid(start, end - start);
        start = end;
    }
    return lines;
}

} // namespace detail

// `count` mutations of `text`, in turn: a byte flipped, a special character inserted, the text
// cut short, a line repeated, two lines swapped, a character dropped.
inline QList<Mutation> mutate(const QByteArray &text, int count, std::uint32_t seed)
{
    // Characters that mean something to exposition parsers, plus bytes that mean nothing.
    // (The two NULs after '0' keep the draws, and so the stored tables, as they were made.)
    static const QByteArray kSpecial = QByteArray("{}\",=\\\n# \t:_+-.eE0\0\0", 20) + QByteArray("\x00\xff\r", 3);
    std::mt19937 random(seed);
    auto below = [&](qsizetype n) { return n <= 0 ? 0 : qsizetype(random() % std::uint32_t(n)); };
    QList<Mutation> mutations;
    for (int i = 0; i < count; ++i) {
        QByteArray out = text;
        QString kind;
        const QList<QByteArray> lines = detail::splitKeepingEnds(text);
        switch (i % 6) {
        case 0: { // flip one byte to any other value
            if (out.isEmpty())
                continue;
            const qsizetype at = below(out.size());
            out[at] = char(out[at] ^ char(1 + below(255)));
            kind = QStringLiteral("flip@%1").arg(at);
            break;
        }
        case 1: { // insert a special character
            const qsizetype at = below(out.size() + 1);
            out.insert(at, kSpecial[below(kSpecial.size())]);
            kind = QStringLiteral("insert@%1").arg(at);
            break;
        }
        case 2: { // cut the text short
            if (out.isEmpty())
                continue;
            const qsizetype at = below(out.size());
            out.truncate(at);
            kind = QStringLiteral("truncate@%1").arg(at);
            break;
        }
        case 3: { // repeat one line
            if (lines.isEmpty())
                continue;
            const qsizetype at = below(lines.size());
            QList<QByteArray> edited = lines;
            edited.insert(at + 1, lines[at].endsWith('\n') ? lines[at] : lines[at] + '\n');
            out = edited.join();
            kind = QStringLiteral("duplicate-line@%1").arg(at + 1);
            break;
        }
        case 4: { // swap two lines
            if (lines.size() < 2)
                continue;
            const qsizetype a = below(lines.size() - 1);
            QList<QByteArray> edited = lines;
            if (!edited.last().endsWith('\n'))
                edited.last() += '\n';
            edited.swapItemsAt(a, a + 1);
            out = edited.join();
            kind = QStringLiteral("swap-lines@%1").arg(a + 1);
            break;
        }
        case 5: { // drop a character
            if (out.isEmpty())
                continue;
            const qsizetype at = below(out.size());
            out.remove(at, 1);
            kind = QStringLiteral("delete@%1").arg(at);
            break;
        }
        }
        mutations << Mutation{kind, out};
    }
    return mutations;
}

// A seed from an input's name (FNV-1a): adding an input leaves the mutations of the others, and
// so the stored tables' rows for them, as they were.
inline std::uint32_t seedFor(const QString &name)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : name.toUtf8()) {
        hash ^= std::uint8_t(c);
        hash *= 16777619u;
    }
    return hash;
}

// A byte string as one printable line (C escapes), for tables kept in the repository.
inline QByteArray escapeForTable(const QByteArray &bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (u < 0x20 || u >= 0x7f)
                out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    return out;
}

} // namespace promdesk::test
