#include "ExpositionHighlighter.h"

#include <QPalette>

namespace promdesk::ui {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':';
}

} // namespace

ExpositionHighlighter::ExpositionHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    usePalette(QPalette());
}

void ExpositionHighlighter::usePalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    // GNOME's palette: readable on white and on near-black alike, in its light or dark shade.
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    m_keyword = m_comment;
    m_keyword.setFontWeight(QFont::Bold);
    m_keyword.setFontItalic(false);
    m_name.setForeground(QColor(dark ? QStringLiteral("#99c1f1") : QStringLiteral("#1a5fb4")));
    m_name.setFontWeight(QFont::DemiBold);
    m_labelName.setForeground(QColor(dark ? QStringLiteral("#dc8add") : QStringLiteral("#813d9c")));
    m_labelValue.setForeground(QColor(dark ? QStringLiteral("#8ff0a4") : QStringLiteral("#26a269")));
    m_timestamp.setForeground(palette.color(QPalette::PlaceholderText));
    rehighlight();
}

void ExpositionHighlighter::highlightBlock(const QString &text)
{
    qsizetype first = 0;
    while (first < text.size() && (text.at(first) == u' ' || text.at(first) == u'\t'))
        ++first;
    if (first == text.size())
        return;
    if (text.at(first) == u'#')
        highlightComment(text);
    else
        highlightSample(text);
}

void ExpositionHighlighter::highlightComment(const QString &text)
{
    setFormat(0, int(text.size()), m_comment);
    static const QString kKeywords[]
        = {QStringLiteral("# HELP "), QStringLiteral("# TYPE "), QStringLiteral("# UNIT "), QStringLiteral("# EOF")};
    for (const QString &keyword : kKeywords) {
        if (!text.startsWith(keyword))
            continue;
        setFormat(0, int(keyword.size()), m_keyword);
        qsizetype end = keyword.size();
        while (end < text.size() && isNameChar(text.at(end)))
            ++end;
        setFormat(int(keyword.size()), int(end - keyword.size()), m_name);
        if (keyword == u"# TYPE ")
            setFormat(int(end), int(text.size() - end), m_keyword);
        return;
    }
}

void ExpositionHighlighter::highlightSample(const QString &text)
{
    qsizetype pos = 0;
    while (pos < text.size() && (text.at(pos) == u' ' || text.at(pos) == u'\t'))
        ++pos;
    const qsizetype nameStart = pos;
    while (pos < text.size() && isNameChar(text.at(pos)))
        ++pos;
    setFormat(int(nameStart), int(pos - nameStart), m_name);
    if (pos < text.size() && text.at(pos) == u'{') {
        ++pos;
        while (pos < text.size() && text.at(pos) != u'}') {
            const qsizetype labelStart = pos;
            while (pos < text.size() && text.at(pos) != u'=' && text.at(pos) != u'}' && text.at(pos) != u'"')
                ++pos;
            setFormat(int(labelStart), int(pos - labelStart), m_labelName);
            if (pos < text.size() && text.at(pos) == u'=')
                ++pos;
            if (pos < text.size() && text.at(pos) == u'"') {
                const qsizetype valueStart = pos++;
                while (pos < text.size() && text.at(pos) != u'"') {
                    if (text.at(pos) == u'\\')
                        ++pos;
                    ++pos;
                }
                pos = std::min(pos + 1, text.size());
                setFormat(int(valueStart), int(pos - valueStart), m_labelValue);
            }
            while (pos < text.size() && text.at(pos) != u'}' && text.at(pos) != u'=' && !text.at(pos).isLetter()
                   && text.at(pos) != u'_')
                ++pos; // the comma and blanks between labels
        }
        if (pos < text.size())
            ++pos;
    }
    // value, then an optional timestamp
    while (pos < text.size() && text.at(pos).isSpace())
        ++pos;
    while (pos < text.size() && !text.at(pos).isSpace())
        ++pos;
    while (pos < text.size() && text.at(pos).isSpace())
        ++pos;
    if (pos < text.size() && text.at(pos) != u'#')
        setFormat(int(pos), int(text.size() - pos), m_timestamp);
}

} // namespace promdesk::ui
