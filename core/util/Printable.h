#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace promdesk {

/// Bytes from outside (a server's answer, a file's token) made safe to show a person, on a
/// terminal or in a window: control characters and bytes that are not UTF-8 are escaped as
/// `\xNN` (C1 controls as `\u0080`…), so no escape sequence reaches a terminal, and the text is cut
/// to at most `maxChars` characters, with "…" where it was cut. Only what is shown is read: a
/// 50 MB token costs no more than an 80-character one.
struct PrintableOptions
{
    qsizetype maxChars = 80;
    bool keepLineBreaks = false; // keep \n and \t (a body shown as text); otherwise escaped too
};

QString printable(QByteArrayView bytes, const PrintableOptions &options = {});
inline QString printable(QByteArrayView bytes, qsizetype maxChars)
{
    return printable(bytes, PrintableOptions{maxChars, false});
}

// The same for text that is already a QString (it came from outside all the same).
QString printable(QStringView text, const PrintableOptions &options = {});

// A server's answer shown once, as far as a screen holds: at most `maxLines` lines and
// `maxChars` characters, escaped as above, then "… (N bytes in all)" when it was cut.
QString screenful(QByteArrayView body, qint64 totalBytes = -1, int maxLines = 20, qsizetype maxChars = 2000);

// The first `most` names, joined with commas and escaped as above, then " and N more" when there
// are others: a list that a message names without growing with its input.
QString someNames(const QStringList &names, qsizetype most = 5);

} // namespace promdesk
