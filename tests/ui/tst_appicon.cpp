// The application's icon: drawn from its one SVG at every hicolor size, for the window and for the
// installed PNGs alike.
#include "AppIcon.h"
#include "IconRendering.h"

#include <QImage>
#include <QTest>

using namespace promdesk;

class TestAppIcon : public QObject
{
    Q_OBJECT

private slots:
    void windowIconHasEverySize();
    void eachSizeIsTheTileOnATransparentGround_data();
    void eachSizeIsTheTileOnATransparentGround();
    void installedPngsAreTheRenderedSizes_data();
    void installedPngsAreTheRenderedSizes();
};

void TestAppIcon::windowIconHasEverySize()
{
    const QIcon icon = ui::applicationIcon();
    QList<QSize> expected;
    for (const int size : kIconSizes)
        expected << QSize(size, size);
    QCOMPARE(icon.availableSizes(), expected);
}

namespace {

// A row per size of the hicolor theme, named after it.
void addSizeRows()
{
    QTest::addColumn<int>("size");
    for (const int size : kIconSizes)
        QTest::newRow(qPrintable(QStringLiteral("%1px").arg(size))) << size;
}

} // namespace

void TestAppIcon::eachSizeIsTheTileOnATransparentGround_data()
{
    addSizeRows();
}

// The corners are outside the rounded tile, the middle is on it: a blank or unreadable SVG fails.
void TestAppIcon::eachSizeIsTheTileOnATransparentGround()
{
    QFETCH(int, size);
    const QImage image = ui::applicationIcon().pixmap(size, size).toImage();
    QCOMPARE(image.size(), QSize(size, size));
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(size - 1, size - 1)), 0);
    QCOMPARE(qAlpha(image.pixel(size / 2, size * 3 / 4)), 255);
}

void TestAppIcon::installedPngsAreTheRenderedSizes_data()
{
    addSizeRows();
}

void TestAppIcon::installedPngsAreTheRenderedSizes()
{
    QFETCH(int, size);
    const QString path = QStringLiteral(PROMDESK_ICONS_DIR "/hicolor/%1x%1/apps/" PROMDESK_APP_ID ".png").arg(size);
    const QImage png(path);
    QVERIFY2(!png.isNull(), qPrintable(path));
    QCOMPARE(png.size(), QSize(size, size));
    QCOMPARE(png.convertToFormat(QImage::Format_ARGB32_Premultiplied),
             ui::applicationIcon().pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied));
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
