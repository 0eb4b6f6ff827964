#include "ExpositionHighlighter.h"

#include "StatusColors.h"

#include <QPalette>

namespace promdesk::ui {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':';
}

// `from` moved `share` of the way to `to`, opaque.
QColor mixed(const QColor &from, const QColor &to, double share)
{
    auto channel = [share](double a, double b) { return float(a + (b - a) * share); };
    return QColor::fromRgbF(channel(from.redF(), to.redF()), channel(from.greenF(), to.greenF()),
                            channel(from.blueF(), to.blueF()));
}

// The palette's placeholder grey for comments and timestamps, as it is drawn on the base (Qt's
// own is the text colour at half opacity: 4:1 on white), darkened or lightened towards the text
// colour just enough to read at 4.5:1: they are text too.
QColor readableGrey(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor placeholder = palette.color(QPalette::PlaceholderText);
    const QColor drawn = mixed(base, QColor(placeholder.rgb()), placeholder.alphaF());
    const QColor text = palette.color(QPalette::Text);
    for (int step = 0; step <= 10; ++step) {
        const QColor grey = mixed(drawn, text, step / 10.0);
        if (contrastRatio(grey, base) >= 4.5)
            return grey;
    }
    return text;
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
    // GNOME's palette, in its light or dark shade: each at 4.5:1 or more on white and on near-black
    // (tst_exposition_highlighter).
    m_comment.setForeground(readableGrey(palette));
    m_comment.setFontItalic(true);
    m_keyword = m_comment;
    m_keyword.setFontWeight(QFont::Bold);
    m_keyword.setFontItalic(false);
    m_name.setForeground(QColor(dark ? QStringLiteral("#99c1f1") : QStringLiteral("#1a5fb4")));
    m_name.setFontWeight(QFont::DemiBold);
    m_labelName.setForeground(QColor(dark ? QStringLiteral("#dc8add") : QStringLiteral("#813d9c")));
    m_labelValue.setForeground(QColor(dark ? QStringLiteral("#8ff0a4") : QStringLiteral("#187035")));
    m_timestamp.setForeground(readableGrey(palette));
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
