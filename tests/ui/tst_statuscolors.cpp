// Failure and change colours read on the base of each palette the console is checked with: the
// system's light one, --dark and --high-contrast, at WCAG AA's 4.5:1 for body text.
#include "StatusColors.h"

#include <QTest>

using namespace promdesk::ui;

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
    const double failure = contrastRatio(failureTextColor(palette), base);
    const double change = contrastRatio(changeTextColor(palette), base);
    QVERIFY2(failure >= 4.5, qPrintable(QStringLiteral("failure colour at %1:1").arg(failure)));
    QVERIFY2(change >= 4.5, qPrintable(QStringLiteral("change colour at %1:1").arg(change)));
}

QTEST_MAIN(TestStatusColors)
#include "tst_statuscolors.moc"
