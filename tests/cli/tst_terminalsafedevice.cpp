// What the CLI prints to a terminal: control characters escaped, whatever wrote them.
#include "TerminalSafeDevice.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>

using namespace promdesk::cli;

class TestTerminalSafeDevice : public QObject
{
    Q_OBJECT

private slots:
    void escapesControlCharacters_data();
    void escapesControlCharacters();
    void reachesTheFileAtOnce();
};

void TestTerminalSafeDevice::escapesControlCharacters_data()
{
    QTest::addColumn<QList<QByteArray>>("writes");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("colour-and-clear-screen")
        << QList<QByteArray>{"\x1b[31mred\x1b[2J"} << QByteArray("\\x1b[31mred\\x1b[2J");
    QTest::newRow("window-title") << QList<QByteArray>{"\x1b]0;owned\x07"} << QByteArray("\\x1b]0;owned\\x07");
    QTest::newRow("line-feed-tab-return-pass") << QList<QByteArray>{"a\tb\r\nc\n"} << QByteArray("a\tb\r\nc\n");
    QTest::newRow("c1-csi") << QList<QByteArray>{"x\xc2\x9b"
                                                 "2J"}
                            << QByteArray("x\\u009b2J");
    QTest::newRow("c1-csi-split-across-writes") << QList<QByteArray>{"x\xc2",
                                                                     "\x9b"
                                                                     "2J"}
                                                << QByteArray("x\\u009b2J");
    QTest::newRow("cent-sign-passes") << QList<QByteArray>{"\xc2\xa2 and \xc3\xa9"}
                                      << QByteArray("\xc2\xa2 and \xc3\xa9");
    QTest::newRow("nul-and-delete") << QList<QByteArray>{QByteArray("a\0b\x7f", 4)} << QByteArray("a\\x00b\\x7f");
}

void TestTerminalSafeDevice::escapesControlCharacters()
{
    QFETCH(QList<QByteArray>, writes);
    QFETCH(QByteArray, shown);
    QBuffer terminal;
    terminal.open(QIODevice::WriteOnly);
    {
        TerminalSafeDevice safe(&terminal);
        for (const QByteArray &bytes : writes)
            QCOMPARE(safe.write(bytes), bytes.size());
    }
    QCOMPARE(terminal.data(), shown);
}

void TestTerminalSafeDevice::reachesTheFileAtOnce()
{
    // stdout is a buffered QFile: what goes through the device must not wait in its buffer, behind
    // what is printed later on stderr.
    QTemporaryFile file;
    QVERIFY(file.open());
    TerminalSafeDevice safe(&file);
    QCOMPARE(safe.write("plan\n"), qint64(5));
    QFile reader(file.fileName());
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QCOMPARE(reader.readAll(), QByteArray("plan\n"));
}

QTEST_GUILESS_MAIN(TestTerminalSafeDevice)
#include "tst_terminalsafedevice.moc"
