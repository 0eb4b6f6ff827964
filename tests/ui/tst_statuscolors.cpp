// Failure and change colours read on the base of each palette the console is checked with: the
// system's light one, --dark and --high-contrast, at WCAG AA's 4.5:1 for body text.
#include "StatusColors.h"

#include <QTest>

#include <cmath>

using namespace promdesk::ui;

namespace {

double luminance(const QColor &color)
{
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestStatusColors : public QObject
{
    Q_OBJECT

private slots:
    void readOnTheBase_data();
    void readOnTheBase();
};

void TestStatusColors::readOnTheBase_data()
{
    QTest::addColumn<QColor>("base");
    QTest::newRow("light (Fusion's white base)") << QColor(Qt::white);
    QTest::newRow("light grey base") << QColor(0xf0, 0xf0, 0xf0);
    QTest::newRow("--dark (#1e1e1e)") << QColor(0x1e, 0x1e, 0x1e);
    QTest::newRow("black base") << QColor(Qt::black);
}

void TestStatusColors::readOnTheBase()
{
    QFETCH(QColor, base);
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    const double failure = contrast(failureTextColor(palette), base);
    const double change = contrast(changeTextColor(palette), base);
    QVERIFY2(failure >= 4.5, qPrintable(QStringLiteral("failure colour at %1:1").arg(failure)));
    QVERIFY2(change >= 4.5, qPrintable(QStringLiteral("change colour at %1:1").arg(change)));
}

QTEST_MAIN(TestStatusColors)
#include "tst_statuscolors.moc"
