#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace promdesk::ui {

// Colours text exposition and OpenMetrics as it is typed: comments, the HELP/TYPE/UNIT keywords,
// metric names, label names and values, and timestamps. The colours follow the palette, so dark
// themes get light colours. Line-level problems are shown by the editor, not here.
class ExpositionHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit ExpositionHighlighter(QTextDocument *document);

    // Picks colours that read on this palette's base colour.
    void usePalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightComment(const QString &text);
    void highlightSample(const QString &text);

    QTextCharFormat m_comment;
    QTextCharFormat m_keyword;
    QTextCharFormat m_name;
    QTextCharFormat m_labelName;
    QTextCharFormat m_labelValue;
    QTextCharFormat m_timestamp;
};

} // namespace promdesk::ui
