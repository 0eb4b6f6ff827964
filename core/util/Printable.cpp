#include "util/Printable.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Printable)
};

QString hexEscape(unsigned value, int digits, const char *prefix)
{
    return QLatin1String(prefix) + QStringLiteral("%1").arg(value, digits, 16, QLatin1Char('0'));
}

// The length of the UTF-8 sequence at `at` when it is valid (shortest form, no surrogates,
// at most U+10FFFF), else 0.
int validSequence(QByteArrayView bytes, qsizetype at, char32_t *codePoint)
{
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(at);
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead < 0x80)
        return *codePoint = lead, 1;
    if ((lead & 0xE0) == 0xC0)
        length = 2, value = lead & 0x1F, minimum = 0x80;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, value = lead & 0x0F, minimum = 0x800;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, value = lead & 0x07, minimum = 0x10000;
    else
        return 0;
    if (at + length > bytes.size())
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *codePoint = value;
    return length;
}

} // namespace

QString printable(QByteArrayView bytes, const PrintableOptions &options)
{
    QString out;
    qsizetype shown = 0;
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (shown >= options.maxChars) {
            out += QChar(0x2026); // …
            return out;
        }
        char32_t codePoint = 0;
        const int length = validSequence(bytes, at, &codePoint);
        if (length == 0) {
            out += hexEscape(static_cast<unsigned char>(bytes[at]), 2, "\\x");
            ++at;
        } else {
            const bool lineBreak = codePoint == '\n' || codePoint == '\t';
            if ((codePoint < 0x20 && !(lineBreak && options.keepLineBreaks)) || codePoint == 0x7F)
                out += hexEscape(unsigned(codePoint), 2, "\\x");
            else if (codePoint >= 0x80 && codePoint <= 0x9F)
                out += hexEscape(unsigned(codePoint), 4, "\\u");
            else
                out += QString::fromUcs4(&codePoint, 1);
            at += length;
        }
        ++shown;
    }
    return out;
}

QString printable(QStringView text, const PrintableOptions &options)
{
    // Only as much of it as can be shown is converted.
    return printable(QByteArrayView(text.left(options.maxChars + 1).toUtf8()), options);
}

QString screenful(QByteArrayView body, qint64 totalBytes, int maxLines, qsizetype maxChars)
{
    if (totalBytes < 0)
        totalBytes = body.size();
    // Up to the end of the last line that fits.
    qsizetype end = 0;
    for (int line = 0; line < maxLines && end < body.size(); ++line) {
        const qsizetype newline = body.indexOf('\n', end);
        end = newline < 0 ? body.size() : newline + 1;
    }
    const QByteArrayView shown = body.first(end);
    QString text = printable(shown, PrintableOptions{maxChars, true});
    const bool cut = end < body.size() || text.endsWith(QChar(0x2026)) || totalBytes > body.size();
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (cut)
        text += QStringLiteral("\n… (%1 bytes in all)").arg(totalBytes);
    return text;
}

QString someNames(const QStringList &names, qsizetype most)
{
    constexpr qsizetype kMostChars = 400;
    QString shown = printable(names.mid(0, most).join(QStringLiteral(", ")), PrintableOptions{kMostChars, false});
    if (names.size() > most)
        shown += Tr::tr(" and %n more", nullptr, int(names.size() - most));
    return shown;
}

} // namespace promdesk
