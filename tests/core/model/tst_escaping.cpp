#include "model/Escaping.h"

#include <QTest>

#include <string>

using namespace promdesk;

Q_DECLARE_METATYPE(promdesk::EscapeContext)

class TestEscaping : public QObject
{
    Q_OBJECT

private slots:
    void unescapes_data();
    void unescapes();
    void reusesTheOutputBuffer();
    void keepsUnknownEscapesForOpenMetrics_data();
    void keepsUnknownEscapesForOpenMetrics();
    void escapeThenUnescapeIsIdentity_data();
    void escapeThenUnescapeIsIdentity();
};

void TestEscaping::unescapes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<EscapeContext>("context");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("badOffset");
    const auto label = EscapeContext::LabelValue;
    const auto help = EscapeContext::Help004;
    // clang-format off
    QTest::newRow("empty")                        << QByteArray("") << label << QByteArray("") << -1;
    QTest::newRow("no-escape")                    << QByteArray("/var/lib/docker") << label << QByteArray("/var/lib/docker") << -1;
    QTest::newRow("backslash")                    << QByteArray(R"(C:\\Program Files)") << label << QByteArray(R"(C:\Program Files)") << -1;
    QTest::newRow("quote")                        << QByteArray(R"(agent \"v4\")") << label << QByteArray(R"(agent "v4")") << -1;
    QTest::newRow("newline")                      << QByteArray(R"(a\nb)") << label << QByteArray("a\nb") << -1;
    QTest::newRow("escape-first")                 << QByteArray(R"(\\x)") << label << QByteArray(R"(\x)") << -1;
    QTest::newRow("escape-last")                  << QByteArray(R"(x\\)") << label << QByteArray(R"(x\)") << -1;
    QTest::newRow("only-escapes")                 << QByteArray(R"(\\\"\n)") << label << QByteArray("\\\"\n") << -1;
    QTest::newRow("escaped-backslash-before-n")   << QByteArray(R"(\\n)") << label << QByteArray(R"(\n)") << -1;
    QTest::newRow("utf8-kept")                    << QByteArray("caf\xc3\xa9\\\\") << label << QByteArray("caf\xc3\xa9\\") << -1;
    QTest::newRow("lone-trailing-backslash")      << QByteArray(R"(abc\)") << label << QByteArray() << 3;
    QTest::newRow("unknown-escape")               << QByteArray(R"(ab\tc)") << label << QByteArray() << 2;
    QTest::newRow("unknown-after-known")          << QByteArray(R"(\\a\z)") << label << QByteArray() << 3;
    QTest::newRow("help-keeps-no-quote-escape")   << QByteArray(R"(say \"hi\")") << help << QByteArray() << 4;
    QTest::newRow("help-backslash-and-newline")   << QByteArray(R"(a\\b\nc)") << help << QByteArray("a\\b\nc") << -1;
    QTest::newRow("openmetrics-help-quote")       << QByteArray(R"(say \"hi\")") << EscapeContext::HelpOpenMetrics << QByteArray(R"(say "hi")") << -1;
    QTest::newRow("escape-ends-a-word")           << QByteArray(R"(abcdef\\ghijklmnop)") << label << QByteArray(R"(abcdef\ghijklmnop)") << -1;
    QTest::newRow("escape-split-across-words")    << QByteArray(R"(abcdefg\nhijklmnop)") << label << QByteArray("abcdefg\nhijklmnop") << -1;
    QTest::newRow("unknown-escape-in-second-word") << QByteArray(R"(abcdefghij\xyz)") << label << QByteArray() << 10;
    QTest::newRow("eight-escapes-in-a-row")       << QByteArray(R"(\\\\\\\\\\\\\\\\)") << label << QByteArray(8, '\\') << -1;
    QTest::newRow("long-run-between-escapes")     << QByteArray(200, 'a') + "\\\\" + QByteArray(300, 'b')
                                                  << label << QByteArray(200, 'a') + "\\" + QByteArray(300, 'b') << -1;
    // clang-format on
}

void TestEscaping::unescapes()
{
    QFETCH(QByteArray, raw);
    QFETCH(EscapeContext, context);
    QFETCH(QByteArray, expected);
    QFETCH(int, badOffset);
    std::string out = "left over from before";
    const int offset = unescape(std::string_view(raw.constData(), size_t(raw.size())), context, out);
    QCOMPARE(offset, badOffset);
    if (badOffset < 0)
        QCOMPARE(QByteArray::fromStdString(out), expected);
}

// The parser unescapes every value of a file into one buffer: a short value after a long one
// leaves nothing of the long one behind.
void TestEscaping::reusesTheOutputBuffer()
{
    std::string out;
    QCOMPARE(unescape(R"(a long value with an \"escape\" in it)", EscapeContext::LabelValue, out), -1);
    QCOMPARE(out, std::string(R"(a long value with an "escape" in it)"));
    QCOMPARE(unescape(R"(\\)", EscapeContext::LabelValue, out), -1);
    QCOMPARE(out, std::string(R"(\)"));
    QCOMPARE(unescape("", EscapeContext::LabelValue, out), -1);
    QCOMPARE(out, std::string());
}

void TestEscaping::keepsUnknownEscapesForOpenMetrics_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("firstUnknown");
    // clang-format off
    QTest::newRow("known")            << QByteArray(R"(a\\b\"c\nd)") << QByteArray("a\\b\"c\nd") << -1;
    QTest::newRow("unknown-kept")     << QByteArray(R"(a\zb)") << QByteArray(R"(a\zb)") << 1;
    QTest::newRow("trailing-kept")    << QByteArray(R"(ab\)") << QByteArray(R"(ab\)") << 2;
    QTest::newRow("first-of-two")     << QByteArray(R"(\q\\\r)") << QByteArray(R"(\q\\r)") << 0;
    // clang-format on
}

void TestEscaping::keepsUnknownEscapesForOpenMetrics()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, expected);
    QFETCH(int, firstUnknown);
    std::string out = "left over";
    QCOMPARE(unescapeKeepingUnknown(std::string_view(raw.constData(), size_t(raw.size())), out), firstUnknown);
    QCOMPARE(QByteArray::fromStdString(out), expected);
}

void TestEscaping::escapeThenUnescapeIsIdentity_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("overlay");
    QTest::newRow("windows-path") << QStringLiteral(R"(C:\Program Files\app)");
    QTest::newRow("quoted-client") << QStringLiteral(R"(agent "v4")");
    QTest::newRow("multi-line") << QStringLiteral("one\ntwo\n");
    QTest::newRow("backslash-n-as-text") << QStringLiteral(R"(\n)");
    QTest::newRow("non-ascii") << QStringLiteral("Zürich \"Ost\"");
}

void TestEscaping::escapeThenUnescapeIsIdentity()
{
    QFETCH(QString, value);
    const QByteArray escaped = escapeLabelValue(value).toUtf8();
    std::string out;
    QCOMPARE(unescape(std::string_view(escaped.constData(), size_t(escaped.size())), EscapeContext::LabelValue, out),
             -1);
    QCOMPARE(QString::fromStdString(out), value);
}

QTEST_APPLESS_MAIN(TestEscaping)
#include "tst_escaping.moc"
