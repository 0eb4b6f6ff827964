// The token readers both readings of a sample line share. The label-value scan takes 16 or 8
// bytes a step: its answers must not depend on where the stop or a non-ASCII byte falls inside
// or across those steps.
#include "exposition/detail/TextLexer.h"

#include <QTest>

#include <string>

using namespace promdesk::detail;

class TestTextLexer : public QObject
{
    Q_OBJECT

private slots:
    void quotedValueStopsAtTheFirstQuoteOrBackslash_data();
    void quotedValueStopsAtTheFirstQuoteOrBackslash();
    void quotedValueSeesEveryNonAsciiByteBeforeTheStop();
    void quotedValueIgnoresNonAsciiBytesAfterTheStop();
    void escapedValueEndsAtTheUnescapedQuote_data();
    void escapedValueEndsAtTheUnescapedQuote();
    void escapedValueEndsWhereAByteWalkEnds();
    void prefixCompareSeesEveryByte();
    void labelNameEndsAtTheFirstByteNotInTheTable();
    void readersReturnWhereTheirTokenEnds_data();
    void readersReturnWhereTheirTokenEnds();
};

void TestTextLexer::quotedValueStopsAtTheFirstQuoteOrBackslash_data()
{
    QTest::addColumn<char>("stop");
    QTest::newRow("closing-quote") << '"';
    QTest::newRow("backslash") << '\\';
}

// Every length from 0 to 40 (across one and two 16-byte blocks and the 8-byte tail), with and
// without text after the stop.
void TestTextLexer::quotedValueStopsAtTheFirstQuoteOrBackslash()
{
    QFETCH(char, stop);
    for (size_t length = 0; length <= 40; ++length) {
        const std::string text = std::string(length, 'a') + stop + "b\"c\"";
        const QuotedValue read = readQuotedValue(text, 0);
        if (stop == '"') {
            QCOMPARE(read.end, length);
            QVERIFY(!read.escaped);
            QVERIFY(read.ascii);
        } else {
            QCOMPARE(read.end, length + 2); // `\b` is skipped as an escape, then the quote
            QVERIFY(read.escaped);
            QVERIFY(!read.ascii); // escaped values are unescaped, never taken as written
        }
    }
    for (size_t length = 0; length <= 40; ++length) { // no stop at all: the line's end
        const std::string text(length, 'a');
        QCOMPARE(readQuotedValue(text, 0).end, length);
    }
}

void TestTextLexer::quotedValueSeesEveryNonAsciiByteBeforeTheStop()
{
    for (size_t length = 1; length <= 40; ++length) {
        for (size_t at = 0; at < length; ++at) {
            std::string text = std::string(length, 'a') + "\"";
            text[at] = '\xC3';
            const QuotedValue read = readQuotedValue(text, 0);
            QCOMPARE(read.end, length);
            QVERIFY2(!read.ascii, qPrintable(QStringLiteral("length %1, non-ASCII at %2").arg(length).arg(at)));
        }
    }
}

void TestTextLexer::quotedValueIgnoresNonAsciiBytesAfterTheStop()
{
    for (size_t length = 0; length <= 40; ++length) {
        const std::string text = std::string(length, 'a') + "\"" + std::string(20, '\xC3');
        const QuotedValue read = readQuotedValue(text, 0);
        QCOMPARE(read.end, length);
        QVERIFY2(read.ascii, qPrintable(QStringLiteral("length %1").arg(length)));
    }
}

void TestTextLexer::escapedValueEndsAtTheUnescapedQuote_data()
{
    QTest::addColumn<QByteArray>("value"); // after the opening quote
    QTest::addColumn<int>("end");
    QTest::newRow("escaped-quote") << QByteArray(R"(a\"b")") << 4;
    QTest::newRow("escaped-backslash-then-quote") << QByteArray(R"(a\\")") << 3;
    QTest::newRow("backslash-at-line-end") << QByteArray(R"(abc\)") << 4;
    QTest::newRow("escaped-quote-unclosed") << QByteArray(R"(a\")") << 3;
    QTest::newRow("escapes-blocks-apart")
        << QByteArray(R"(/var/lib/docker/\"overlay2\"/23b8c1e9392456de3eb13b90466\\85257bdd640fb06671ad11c8/merged")")
        << 89;
    QTest::newRow("escaped-quote-at-a-block-end") << QByteArray(R"(0123456789abcd\"0123456789abcdef")") << 32;
}

void TestTextLexer::escapedValueEndsAtTheUnescapedQuote()
{
    QFETCH(QByteArray, value);
    QFETCH(int, end);
    const std::string text = value.toStdString();
    const QuotedValue read = readQuotedValue(text, 0);
    QCOMPARE(int(read.end), end);
    QVERIFY(read.escaped);
}

// Two escapes at every pair of positions in values of 0 to 40 bytes (the walk goes a block at a
// time between them): the value ends where a walk byte by byte ends.
void TestTextLexer::escapedValueEndsWhereAByteWalkEnds()
{
    auto byteWalk = [](const std::string &text) {
        size_t pos = 0;
        while (pos < text.size() && text[pos] != '"')
            pos += text[pos] == '\\' ? 2 : 1;
        return std::min(pos, text.size());
    };
    for (size_t length = 2; length <= 40; ++length) {
        for (size_t first = 0; first < length; ++first) {
            for (size_t second = first + 2; second < length; ++second) {
                std::string text = std::string(length, 'a') + "\"tail\"";
                text[first] = '\\';
                text[first + 1] = '"';
                text[second] = '\\';
                const QuotedValue read = readQuotedValue(text, 0);
                QVERIFY2(
                    read.end == byteWalk(text) && read.escaped,
                    qPrintable(QStringLiteral("length %1, escapes at %2 and %3").arg(length).arg(first).arg(second)));
            }
        }
    }
}

// Names are compared eight bytes a step: a difference at any position, in a word or in the tail,
// and a text shorter than the prefix, are all seen.
void TestTextLexer::prefixCompareSeesEveryByte()
{
    for (size_t length = 0; length <= 40; ++length) {
        std::string prefix(length, 'a');
        for (size_t i = 0; i < length; ++i)
            prefix[i] = char('a' + i % 26);
        const std::string text = prefix + "_total{";
        QVERIFY(startsWithShort(text, prefix));
        QVERIFY(length == 0 || !startsWithShort(prefix.substr(0, length - 1), prefix));
        for (size_t at = 0; at < length; ++at) {
            std::string other = text;
            other[at] = '~';
            QVERIFY2(!startsWithShort(other, prefix),
                     qPrintable(QStringLiteral("length %1, difference at %2").arg(length).arg(at)));
        }
    }
}

void TestTextLexer::readersReturnWhereTheirTokenEnds_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("metricNameEnd");
    QTest::addColumn<int>("labelNameEnd");
    QTest::addColumn<int>("tokenEnd");
    QTest::newRow("name-then-labels") << QByteArray("up{job=\"x\"} 1") << 2 << 2 << 11;
    QTest::newRow("name-with-colon") << QByteArray("a:b_c 1") << 5 << 1 << 5;
    QTest::newRow("name-then-tab") << QByteArray("abc\t1") << 3 << 3 << 3;
    QTest::newRow("digit-first") << QByteArray("9abc 1") << 4 << 4 << 4;
}

void TestTextLexer::readersReturnWhereTheirTokenEnds()
{
    QFETCH(QByteArray, line);
    QFETCH(int, metricNameEnd);
    QFETCH(int, labelNameEnd);
    QFETCH(int, tokenEnd);
    const std::string text = line.toStdString();
    QCOMPARE(int(promdesk::detail::metricNameEnd(text, 0, {})), metricNameEnd);
    QCOMPARE(int(promdesk::detail::metricNameEnd(text, 0, "up")), metricNameEnd); // the hint changes nothing
    QCOMPARE(int(promdesk::detail::labelNameEnd(text, 0)), labelNameEnd);
    QCOMPARE(int(promdesk::detail::tokenEnd(text, 0)), tokenEnd);
    QCOMPARE(int(blanksEnd(text, size_t(tokenEnd))), tokenEnd + 1);
}

// Every byte value as the first one after names of 0 to 40 characters (across one and two
// 16-byte blocks and the byte-at-a-time tail), with and without more text after it: the name
// ends where the character table says.
void TestTextLexer::labelNameEndsAtTheFirstByteNotInTheTable()
{
    const std::string alphabet = "abcxyzABCXYZ0189_";
    for (size_t length = 0; length <= 40; ++length) {
        std::string name;
        for (size_t i = 0; i < length; ++i)
            name.push_back(alphabet[i % alphabet.size()]);
        for (int byte = 0; byte < 256; ++byte) {
            for (const std::string &after : {std::string(), std::string("=\"value\"} 1")}) {
                const std::string text = name + char(byte) + after;
                const size_t expected = isLabelChar(char(byte)) ? length + 1 : length;
                QVERIFY2(labelNameEnd(text, 0) == expected,
                         qPrintable(QStringLiteral("length %1, byte %2").arg(length).arg(byte)));
            }
        }
    }
}

QTEST_APPLESS_MAIN(TestTextLexer)
#include "tst_textlexer.moc"
