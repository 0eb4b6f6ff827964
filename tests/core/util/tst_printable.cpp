// Bytes from outside shown safely: escaped, never raw control characters, and cut short.
#include "util/Printable.h"

#include <QElapsedTimer>
#include <QTest>

using namespace promdesk;

class TestPrintable : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data();
    void escapes();
    void cutsLongTokensReadingOnlyTheirStart();
    void screenfulShowsTheStartAndSaysHowBig();
    void someNames_data();
    void someNames();
};

void TestPrintable::escapes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepLineBreaks");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QByteArray("up 1") << false << QStringLiteral("up 1");
    QTest::newRow("terminal-escape-sequence")
        << QByteArray("\x1b[2J\x1b]0;pwned\x07") << true << QStringLiteral("\\x1b[2J\\x1b]0;pwned\\x07");
    QTest::newRow("carriage-return-rewrites-a-line") << QByteArray("ok\rFAIL") << true << QStringLiteral("ok\\x0dFAIL");
    QTest::newRow("newline-escaped-in-a-token") << QByteArray("a\nb\tc") << false << QStringLiteral("a\\x0ab\\x09c");
    QTest::newRow("newline-kept-in-a-body") << QByteArray("a\nb\tc") << true << QStringLiteral("a\nb\tc");
    QTest::newRow("delete") << QByteArray("a\x7f") << false << QStringLiteral("a\\x7f");
    QTest::newRow("c1-csi") << QByteArray("a\xc2\x9b"
                                          "2J")
                            << false << QStringLiteral("a\\u009b2J");
    QTest::newRow("not-utf8") << QByteArray("caf\xe9 \xff") << false << QStringLiteral("caf\\xe9 \\xff");
    QTest::newRow("overlong-slash") << QByteArray("\xc0\xaf") << false << QStringLiteral("\\xc0\\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false << QStringLiteral("\\xed\\xa0\\x80");
    QTest::newRow("truncated-sequence-at-the-end") << QByteArray("\xe2\x82") << false << QStringLiteral("\\xe2\\x82");
    QTest::newRow("utf8-kept") << QByteArray("température €") << false << QStringLiteral("température €");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << false << QStringLiteral("a\\x00b");
}

void TestPrintable::escapes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepLineBreaks);
    QFETCH(QString, shown);
    QCOMPARE(printable(bytes, PrintableOptions{80, keepLineBreaks}), shown);
}

void TestPrintable::cutsLongTokensReadingOnlyTheirStart()
{
    const QByteArray token(50 << 20, 'x');
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(printable(token), QString(80, QLatin1Char('x')) + QChar(0x2026));
    QVERIFY2(clock.elapsed() < 1000,
             qPrintable(QString::number(clock.elapsed()))); // 1000 quotes of 50 MB: reads 80 bytes each
    QCOMPARE(printable(QByteArray("ééé"), 2), QStringLiteral("éé") + QChar(0x2026)); // characters, not bytes
}

void TestPrintable::screenfulShowsTheStartAndSaysHowBig()
{
    QByteArray body;
    for (int i = 0; i < 100; ++i)
        body += "line " + QByteArray::number(i) + "\n";
    const QString shown = screenful(body, 200 << 20, 20, 2000);
    QCOMPARE(shown.count(QLatin1Char('\n')), 20);
    QVERIFY(shown.startsWith(QLatin1String("line 0\nline 1\n")));
    QVERIFY2(shown.endsWith(QStringLiteral("line 19\n… (209715200 bytes in all)")), qPrintable(shown));
    QCOMPARE(screenful("short answer\n"), QStringLiteral("short answer"));
    QCOMPARE(screenful(QByteArray(5000, 'y'), -1, 20, 100),
             QString(100, QLatin1Char('y')) + QChar(0x2026) + QStringLiteral("\n… (5000 bytes in all)"));
}

void TestPrintable::someNames_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("shown");
    QTest::newRow("none") << QStringList() << QString();
    QTest::newRow("one") << QStringList{QStringLiteral("a")} << QStringLiteral("a");
    QTest::newRow("five-all-shown") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                                   QStringLiteral("d"), QStringLiteral("e")}
                                    << QStringLiteral("a, b, c, d, e");
    QTest::newRow("seven-two-more") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                                   QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f"),
                                                   QStringLiteral("g")}
                                    << QStringLiteral("a, b, c, d, e and 2 more");
    QTest::newRow("control-character-escaped")
        << QStringList{QStringLiteral("a\x1b[2J")} << QStringLiteral("a\\x1b[2J");
}

void TestPrintable::someNames()
{
    QFETCH(QStringList, names);
    QFETCH(QString, shown);
    QCOMPARE(promdesk::someNames(names), shown);
}

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
