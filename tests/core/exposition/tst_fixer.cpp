#include "exposition/Fixer.h"

#include <QTest>

using namespace promdesk;

namespace {
constexpr qint64 kNow = 1700000000000;
}

class TestFixer : public QObject
{
    Q_OBJECT

private slots:
    void fixes_data();
    void fixes();
    void leavesUnfixableErrors();
    void appliesOneFixAtATime();
    void skipsOverlappingFixes();
    void convergesOnAFamilyInManyPieces();
};

void TestFixer::fixes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("expected");

    // clang-format off
    QTest::newRow("crlf-line-ending")      << QByteArray("a 1\r\nb 2\r\n") << "text" << "generic" << QByteArray("a 1\nb 2\n");
    QTest::newRow("missing-final-newline") << QByteArray("a 1") << "text" << "generic" << QByteArray("a 1\n");
    // Found by fuzz_fixer: the newline was added after the CRLF pass, which left "\r\n" behind.
    QTest::newRow("last-line-ends-in-cr")  << QByteArray("a 1\r") << "text" << "generic" << QByteArray("a 1\n");
    // Found by fuzz_fixer: removing the trailing blank of "a 1\r \r\n" made a new CRLF.
    // Found by fuzz_fixer: moving a TYPE up past "h_bucket 1" made that line a bucket without le.
    QTest::newRow("split-family-type-stays") << QByteArray("# HELP h x\nh_bucket 1\n# TYPE h histogram") << "text" << "generic" << QByteArray("# HELP h x\nh_bucket 1\n# TYPE h histogram\n");
    QTest::newRow("many-cr-before-a-newline") << QByteArray("a 1" + QByteArray(12, '\r') + "\n") << "text" << "generic" << QByteArray("a 1\n");
    QTest::newRow("crlf-made-by-a-fix")    << QByteArray("a 1\r \r\n") << "text" << "generic" << QByteArray("a 1\n");
    QTest::newRow("bom")                   << QByteArray("\xEF\xBB\xBF" "a 1\n") << "text" << "generic" << QByteArray("a 1\n");
    QTest::newRow("stray-whitespace")      << QByteArray("  a{x=\"a  b\"}   1  \n") << "text" << "generic" << QByteArray("a{x=\"a  b\"} 1\n");
    QTest::newRow("noncanonical-number")   << QByteArray("a nan\nb +inf\nc +2\n") << "text" << "generic" << QByteArray("a NaN\nb +Inf\nc 2\n");
    QTest::newRow("timestamp-present")     << QByteArray("a 1 1699999999000\nb{x=\"1\"} 2 1699999999000\n") << "text" << "pushgateway" << QByteArray("a 1\nb{x=\"1\"} 2\n");
    QTest::newRow("timestamp-in-seconds")  << QByteArray("a 1 1699999999\n") << "text" << "remote-write" << QByteArray("a 1 1699999999000\n");
    QTest::newRow("fractional-seconds")    << QByteArray("a 1 1699999999.25\n") << "text" << "remote-write" << QByteArray("a 1 1699999999250\n");
    QTest::newRow("timestamp-in-milliseconds") << QByteArray("a 1 1699999999250\n# EOF\n") << "openmetrics" << "generic" << QByteArray("a 1 1699999999.25\n# EOF\n");
    QTest::newRow("duplicate-series")      << QByteArray("a 1\nb 2\na 1\n") << "text" << "generic" << QByteArray("a 1\nb 2\n");
    QTest::newRow("split-family")          << QByteArray("# TYPE a gauge\na{x=\"1\"} 1\nb 1\na{x=\"2\"} 2\na{x=\"3\"} 3\nc 1\n") << "text" << "generic"
                                           << QByteArray("# TYPE a gauge\na{x=\"1\"} 1\na{x=\"2\"} 2\na{x=\"3\"} 3\nb 1\nc 1\n");
    QTest::newRow("split-family-at-end-without-newline") << QByteArray("a 1\nb 1\na{x=\"2\"} 2") << "text" << "generic" << QByteArray("a 1\na{x=\"2\"} 2\nb 1\n");
    QTest::newRow("split-family-three-blocks") << QByteArray("a 1\nb 1\na{x=\"2\"} 2\nc 1\na{x=\"3\"} 3\n") << "text" << "generic"
                                           << QByteArray("a 1\na{x=\"2\"} 2\na{x=\"3\"} 3\nb 1\nc 1\n");
    QTest::newRow("split-and-duplicate")   << QByteArray("a 1\nb 1\na 1\n") << "text" << "generic" << QByteArray("a 1\nb 1\n");
    QTest::newRow("empty-label-value-first") << QByteArray("a{x=\"\",y=\"1\"} 1\n") << "text" << "remote-write" << QByteArray("a{y=\"1\"} 1\n");
    QTest::newRow("empty-label-value-last")  << QByteArray("a{y=\"1\",x=\"\"} 1\n") << "text" << "remote-write" << QByteArray("a{y=\"1\"} 1\n");
    QTest::newRow("empty-label-value-only")  << QByteArray("a{x=\"\"} 1\n") << "text" << "remote-write" << QByteArray("a{} 1\n");
    QTest::newRow("duplicate-type-identical") << QByteArray("# TYPE a gauge\n# TYPE a gauge\na 1\n") << "text" << "generic" << QByteArray("# TYPE a gauge\na 1\n");
    QTest::newRow("exemplar")              << QByteArray("a_total 1 # {t=\"x\"} 1\n") << "text" << "generic" << QByteArray("a_total 1\n");
    QTest::newRow("missing-eof")           << QByteArray("a 1\n") << "openmetrics" << "generic" << QByteArray("a 1\n# EOF\n");
    QTest::newRow("missing-eof-and-newline") << QByteArray("a 1") << "openmetrics" << "generic" << QByteArray("a 1\n# EOF\n");
    QTest::newRow("empty-line-openmetrics") << QByteArray("a 1\n\nb 1\n# EOF\n") << "openmetrics" << "generic" << QByteArray("a 1\nb 1\n# EOF\n");
    QTest::newRow("trailing-comma-openmetrics") << QByteArray("a{x=\"1\",} 1\n# EOF\n") << "openmetrics" << "generic" << QByteArray("a{x=\"1\"} 1\n# EOF\n");
    QTest::newRow("windows-file-for-pushgateway") << QByteArray("\xEF\xBB\xBF# TYPE a gauge\r\na 1 1699999999000\r\na 1 1699999999000") << "text" << "pushgateway"
                                           << QByteArray("# TYPE a gauge\na 1\n");
    // clang-format on
}

void TestFixer::fixes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, format);
    QFETCH(QString, target);
    QFETCH(QByteArray, expected);

    ParseOptions options;
    options.format = *formatFromName(format);
    options.target = *targetFromName(target);
    options.nowMs = kNow;
    const FixOutcome outcome = fixAll(input, options);
    QCOMPARE(outcome.text, expected);
    QVERIFY(outcome.fixesApplied > 0);
    // A fixed file parses with no errors.
    QCOMPARE(outcome.stats.errors, 0);
    for (const Problem &problem : outcome.remaining)
        QVERIFY2(!problem.fix, qPrintable(formatProblem(problem)));
}

void TestFixer::leavesUnfixableErrors()
{
    ParseOptions options;
    const FixOutcome outcome = fixAll("a 1,5\r\nb 2\r\n", options);
    QCOMPARE(outcome.text, QByteArray("a 1,5\nb 2\n")); // what is safe is still fixed
    QCOMPARE(outcome.stats.errors, 1);
    QCOMPARE(outcome.remaining.constFirst().code, QStringLiteral("invalid-number"));
}

void TestFixer::appliesOneFixAtATime()
{
    const QByteArray text = "a nan\nb nan\n";
    ParseOptions options;
    const ParseResult result = parseText(text, options);
    QCOMPARE(result.problems.size(), 2);
    QCOMPARE(applyFixes(text, {*result.problems.at(1).fix}), QByteArray("a nan\nb NaN\n"));
}

void TestFixer::skipsOverlappingFixes()
{
    const Fix first{QStringLiteral("first"), {TextEdit{0, 4, "xx"}}, false};
    const Fix overlapping{QStringLiteral("second"), {TextEdit{2, 4, "yy"}}, false};
    int applied = 0;
    int skipped = 0;
    QCOMPARE(applyFixes("0123456789", {first, overlapping}, &applied, &skipped), QByteArray("xx456789"));
    QCOMPARE(applied, 1);
    QCOMPARE(skipped, 1);
}

// Found by fuzz_fixer: a family in many pieces needs a round per move that overlaps another, and
// eight rounds left fixable problems behind.
void TestFixer::convergesOnAFamilyInManyPieces()
{
    QByteArray text;
    for (int i = 0; i < 20; ++i)
        text += "a{i=\"" + QByteArray::number(i) + "\"} 1\nb{i=\"" + QByteArray::number(i) + "\"} 1\n";
    const ParseResult before = parseText(text, ParseOptions{});
    const FixOutcome fixed = fixAll(text, ParseOptions{});
    for (const Problem &problem : fixed.remaining)
        QVERIFY2(!problem.fix, qPrintable(formatProblem(problem)));
    QCOMPARE(fixed.stats.samples, before.stats.samples);
    QVERIFY(fixed.text.startsWith("a{i=\"0\"} 1\na{i=\"1\"} 1\n"));
}

QTEST_GUILESS_MAIN(TestFixer)
#include "tst_fixer.moc"
