// Every colour the Compose editor's highlighter gives text reads on the editor's base: comments,
// keywords, metric and label names, label values and timestamps, at WCAG AA's 4.5:1 for body
// text, on each palette the console is checked with.
#include "ExpositionHighlighter.h"
#include "StatusColors.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <memory>

using namespace promdesk::ui;

namespace {

// A colour as drawn on `base`: a translucent one (Qt's default placeholder grey) mixed into it.
QColor drawnOn(const QColor &color, const QColor &base)
{
    const double alpha = color.alphaF();
    return QColor::fromRgbF(float(color.redF() * alpha + base.redF() * (1 - alpha)),
                            float(color.greenF() * alpha + base.greenF() * (1 - alpha)),
                            float(color.blueF() * alpha + base.blueF() * (1 - alpha)));
}

QPalette fusionPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// The --dark and --high-contrast palettes' base and grey (app/promdesk/main.cpp).
QPalette paletteWith(const QColor &base, const QColor &text, const QColor &placeholder)
{
    QPalette palette = fusionPalette();
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::PlaceholderText, placeholder);
    return palette;
}

} // namespace

class TestExpositionHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void contrastRatioOfKnownPairs();
    void everyColourReadsOnTheBase_data();
    void everyColourReadsOnTheBase();
};

void TestExpositionHighlighter::contrastRatioOfKnownPairs()
{
    QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(qRound(contrastRatio(Qt::white, Qt::white) * 100), 100);
    QCOMPARE(qRound(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454); // the lightest AA grey
}

void TestExpositionHighlighter::everyColourReadsOnTheBase_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("Fusion's light palette (translucent placeholder grey)") << fusionPalette();
    QTest::newRow("--dark") << paletteWith(QColor(0x1e, 0x1e, 0x1e), QColor(0xee, 0xee, 0xee),
                                           QColor(0x9a, 0x9a, 0x9a));
    QTest::newRow("--high-contrast") << paletteWith(Qt::white, Qt::black, QColor(0x40, 0x40, 0x40));
    QTest::newRow("light grey base") << paletteWith(QColor(0xf0, 0xf0, 0xf0), Qt::black, QColor(0, 0, 0, 110));
}

void TestExpositionHighlighter::everyColourReadsOnTheBase()
{
    QFETCH(QPalette, palette);
    QTextDocument document;
    document.setPlainText(QStringLiteral("# HELP jobs_done Jobs done, by queue.\n"
                                         "# TYPE jobs_done counter\n"
                                         "jobs_done{queue=\"mail\",host=\"web-1\"} 42 1700000000000\n"
                                         "# a comment\n"));
    ExpositionHighlighter highlighter(&document);
    highlighter.usePalette(palette);
    const QColor base = palette.color(QPalette::Base);
    int formatted = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (!range.format.hasProperty(QTextFormat::ForegroundBrush))
                continue;
            ++formatted;
            const QColor drawn = drawnOn(range.format.foreground().color(), base);
            const double ratio = contrastRatio(drawn, base);
            QVERIFY2(ratio >= 4.5,
                     qPrintable(QStringLiteral("\"%1\" in %2 at %3:1")
                                    .arg(block.text().mid(range.start, range.length), drawn.name(),
                                         QString::number(ratio, 'f', 2))));
        }
    }
    QVERIFY2(formatted >= 10, "the highlighter coloured too little to judge");
}

QTEST_MAIN(TestExpositionHighlighter)
#include "tst_exposition_highlighter.moc"
