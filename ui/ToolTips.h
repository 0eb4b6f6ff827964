#pragma once

#include <QString>

namespace promdesk::ui {

// A plain text as a tooltip that wraps: Qt wraps a tooltip only when it is rich text, and a
// problem's message or a server's words can be a long single line.
inline QString wrappedToolTip(const QString &plain)
{
    if (plain.isEmpty())
        return {};
    QString html = plain.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QStringLiteral("<p>%1</p>").arg(html);
}

} // namespace promdesk::ui
