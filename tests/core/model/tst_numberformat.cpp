#include "model/NumberFormat.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <charconv>
#include <string>

#include <clocale>
#include <cmath>
#include <limits>

using namespace promdesk;

class TestNumberFormat : public QObject
{
    Q_OBJECT

private slots:
    void formatsLikeGo_data();
    void formatsLikeGo();
    void roundTripsEveryDouble_data();
    void roundTripsEveryDouble();
    void parses_data();
    void parses();
    void ignoresCommaDecimalLocale();
    void simpleDecimalsMatchFromChars_data();
    void simpleDecimalsMatchFromChars();
    void readsPlainDecimalsInPlace_data();
    void readsPlainDecimalsInPlace();
    void tellsSpellingsAsFormatted_data();
    void tellsSpellingsAsFormatted();
    void tellsRandomDecimalsAsFormatted();
    void tellsOverflow_data();
    void tellsOverflow();
};

void TestNumberFormat::formatsLikeGo_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    // Expected strings are what Go's strconv.FormatFloat(v, 'g', -1, 64) prints.
    // clang-format off
    QTest::newRow("zero")                   << 0.0 << "0";
    QTest::newRow("negative-zero")          << -0.0 << "-0";
    QTest::newRow("integer")                << 42.0 << "42";
    QTest::newRow("six-digit-integer")      << 123456.0 << "123456";
    QTest::newRow("million-uses-exponent")  << 1e6 << "1e+06";
    QTest::newRow("seven-digit-integer")    << 1234567.0 << "1.234567e+06";
    QTest::newRow("fraction")               << 0.25 << "0.25";
    QTest::newRow("small-fraction")         << 0.0001 << "0.0001";
    QTest::newRow("below-1e-4-uses-exponent") << 0.00001 << "1e-05";
    QTest::newRow("shortest-not-17-digits") << 0.1 << "0.1";
    QTest::newRow("third")                  << 1.0 / 3 << "0.3333333333333333";
    QTest::newRow("negative")               << -1.5 << "-1.5";
    QTest::newRow("large-exponent")         << 1.7976931348623157e308 << "1.7976931348623157e+308";
    QTest::newRow("subnormal")              << 5e-324 << "5e-324";
    QTest::newRow("nan")                    << std::numeric_limits<double>::quiet_NaN() << "NaN";
    QTest::newRow("plus-inf")               << std::numeric_limits<double>::infinity() << "+Inf";
    QTest::newRow("minus-inf")              << -std::numeric_limits<double>::infinity() << "-Inf";
    QTest::newRow("unix-seconds")           << 1.7e9 << "1.7e+09";
    // clang-format on
}

void TestNumberFormat::formatsLikeGo()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(formatNumber(value), expected);
}

void TestNumberFormat::roundTripsEveryDouble_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("pi") << 3.141592653589793;
    QTest::newRow("max") << std::numeric_limits<double>::max();
    QTest::newRow("min-normal") << std::numeric_limits<double>::min();
    QTest::newRow("denorm-min") << std::numeric_limits<double>::denorm_min();
    QTest::newRow("epsilon") << std::numeric_limits<double>::epsilon();
    QTest::newRow("2^53+2") << 9007199254740994.0;
    QTest::newRow("negative-tiny") << -1.2345678901234567e-200;
}

void TestNumberFormat::roundTripsEveryDouble()
{
    QFETCH(double, value);
    char buffer[kNumberBufferSize];
    const int length = formatNumber(value, buffer);
    const std::optional<ParsedNumber> parsed = parseNumber(std::string_view(buffer, size_t(length)));
    QVERIFY(parsed);
    QCOMPARE(parsed->value, value);
    QCOMPARE(parsed->spelling, NumberSpelling::Canonical);
}

void TestNumberFormat::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("canonical");
    // clang-format off
    QTest::newRow("integer")          << QByteArray("12") << true << 12.0 << true;
    QTest::newRow("exponent")         << QByteArray("1.5E3") << true << 1500.0 << true;
    QTest::newRow("leading-dot")      << QByteArray(".5") << true << 0.5 << true;
    QTest::newRow("explicit-plus")    << QByteArray("+3") << true << 3.0 << false;
    QTest::newRow("hex-float")        << QByteArray("0x1p-2") << true << 0.25 << false;
    QTest::newRow("lowercase-nan")    << QByteArray("nan") << true << 0.0 << false;
    QTest::newRow("Nan")              << QByteArray("Nan") << true << 0.0 << false;
    QTest::newRow("Inf-without-sign") << QByteArray("Inf") << true << std::numeric_limits<double>::infinity() << false;
    QTest::newRow("infinity-word")    << QByteArray("-infinity") << true << -std::numeric_limits<double>::infinity() << false;
    QTest::newRow("decimal-comma")    << QByteArray("1,5") << false << 0.0 << false;
    QTest::newRow("empty")            << QByteArray("") << false << 0.0 << false;
    QTest::newRow("sign-only")        << QByteArray("-") << false << 0.0 << false;
    QTest::newRow("dangling-exponent")<< QByteArray("1e") << false << 0.0 << false;
    QTest::newRow("out-of-range")     << QByteArray("1e999") << false << 0.0 << false;
    // Go's ParseFloat takes a sign before Inf but not before NaN: Prometheus refuses "+NaN".
    QTest::newRow("plus-NaN")         << QByteArray("+NaN") << false << 0.0 << false;
    QTest::newRow("minus-nan")        << QByteArray("-nan") << false << 0.0 << false;
    // It rounds what is too small for a double to 0 (or a subnormal) without an error.
    QTest::newRow("underflow-to-zero")<< QByteArray("1e-400") << true << 0.0 << true;
    QTest::newRow("negative-underflow")<< QByteArray("-2e-324") << true << -0.0 << true;
    QTest::newRow("subnormal")        << QByteArray("1e-310") << true << 1e-310 << true;
    QTest::newRow("underflow-beyond-long-double") << QByteArray("1e-99999") << true << 0.0 << true;
    QTest::newRow("overflow-beyond-long-double")  << QByteArray("1e99999") << false << 0.0 << false;
    QTest::newRow("many-leading-zeros") << QByteArray("0.") + QByteArray(400, '0') + "1" << true << 0.0 << true;
    QTest::newRow("words")            << QByteArray("twelve") << false << 0.0 << false;
    // clang-format on
}

void TestNumberFormat::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    QFETCH(bool, canonical);
    const std::optional<ParsedNumber> parsed = parseNumber(std::string_view(text.constData(), size_t(text.size())));
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    if (text.toLower().contains("nan"))
        QVERIFY(std::isnan(parsed->value));
    else
        QCOMPARE(parsed->value, value);
    QCOMPARE(parsed->spelling == NumberSpelling::Canonical, canonical);
}

void TestNumberFormat::simpleDecimalsMatchFromChars_data()
{
    QTest::addColumn<int>("digits");
    QTest::addColumn<bool>("exponent");
    QTest::addColumn<int>("seed");
    // Short decimals take a fast path; it must give bit for bit what from_chars gives, at every
    // length up to where the fast path stops (15 digits) and just beyond it, with and without an
    // exponent (where it stops at 10^22 and three exponent digits, and just beyond).
    for (int digits : {1, 3, 7, 12, 15, 16, 17}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 digits").arg(digits))) << digits << false << digits * 7919;
        QTest::newRow(qPrintable(QStringLiteral("%1 digits and an exponent").arg(digits)))
            << digits << true << digits * 7927;
    }
}

void TestNumberFormat::simpleDecimalsMatchFromChars()
{
    QFETCH(int, digits);
    QFETCH(bool, exponent);
    QFETCH(int, seed);
    QRandomGenerator random{quint32(seed)};
    for (int i = 0; i < 20000; ++i) {
        // Digits with a point at a random place (or none, one time in four).
        const int point = random.bounded(4) != 0 ? int(random.bounded(digits + 1)) : -1;
        std::string text;
        for (int d = 0; d < digits; ++d) {
            if (d == point)
                text.push_back('.');
            text.push_back(char('0' + random.bounded(10)));
        }
        if (point == digits)
            text.push_back('.');
        if (exponent) { // e or E, a sign or none, 1 to 4 digits (leading zeros too): -40 to 40 mostly
            text.push_back(random.bounded(2) != 0 ? 'e' : 'E');
            const int sign = int(random.bounded(3));
            if (sign != 0)
                text.push_back(sign == 1 ? '+' : '-');
            const int value = int(random.bounded(41));
            const int width = int(random.bounded(4)) + 1;
            const std::string written = std::to_string(value);
            text += std::string(size_t(std::max(0, width - int(written.size()))), '0') + written;
        }
        double expected = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), expected);
        QVERIFY(result.ec == std::errc());
        const std::optional<ParsedNumber> parsed = parseNumber(text);
        QVERIFY2(parsed, text.c_str());
        QVERIFY2(std::bit_cast<quint64>(parsed->value) == std::bit_cast<quint64>(expected), text.c_str());
        // Read in place in a sample line, it is the same number, or left to parseNumber.
        const std::string line = "m{a=\"1\"} " + text + " 1700000000000";
        if (const std::optional<PlainDecimal> plain = readPlainDecimal(line, 9)) {
            QVERIFY2(std::bit_cast<quint64>(plain->value) == std::bit_cast<quint64>(expected), text.c_str());
            QCOMPARE(plain->end, 9 + text.size());
        } else {
            QVERIFY2(digits > 15 || exponent, text.c_str()); // only those may be beyond the fast path
        }
        const std::optional<ParsedNumber> negative = parseNumber("-" + text);
        QVERIFY2(negative && std::bit_cast<quint64>(negative->value) == std::bit_cast<quint64>(-expected),
                 text.c_str());
    }
    QVERIFY(!parseNumber("."));
    QVERIFY(!parseNumber("1.2.3"));
    for (const char *broken : {"1e", "1e+", "1E-", "e5", ".e5", "1e5.", "1e+-5", "1e5e5", "1e 5"})
        QVERIFY2(!parseNumber(broken), broken);
    QCOMPARE(parseNumber("+1.5")->spelling, NumberSpelling::NonCanonical);
}

void TestNumberFormat::readsPlainDecimalsInPlace_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("at");
    QTest::addColumn<bool>("plain");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("end");
    // clang-format off
    QTest::newRow("value-ends-the-line")        << QByteArray("m 8810500") << 2 << true << 8810500.0 << 9;
    QTest::newRow("value-then-timestamp")       << QByteArray("m 1.5 1700000000000") << 2 << true << 1.5 << 5;
    QTest::newRow("value-then-tab")             << QByteArray("m 1.5\t17") << 2 << true << 1.5 << 5;
    QTest::newRow("exponent")                   << QByteArray("m 1.158323e+11") << 2 << true << 1.158323e+11 << 14;
    QTest::newRow("three-digit-exponent")       << QByteArray("m 5e-010") << 2 << true << 5e-10 << 8;
    QTest::newRow("point-first")                << QByteArray("m .25") << 2 << true << 0.25 << 5;
    QTest::newRow("point-last")                 << QByteArray("m 3.") << 2 << true << 3.0 << 4;
    QTest::newRow("negative-is-not-plain")      << QByteArray("m -1") << 2 << false << 0.0 << 0;
    QTest::newRow("plus-inf-is-not-plain")      << QByteArray("m +Inf") << 2 << false << 0.0 << 0;
    QTest::newRow("nan-is-not-plain")           << QByteArray("m NaN") << 2 << false << 0.0 << 0;
    QTest::newRow("hex-is-not-plain")           << QByteArray("m 0x1p3") << 2 << false << 0.0 << 0;
    QTest::newRow("four-exponent-digits")       << QByteArray("m 1e0005") << 2 << false << 0.0 << 0;
    QTest::newRow("sixteen-digits")             << QByteArray("m 1234567890123456") << 2 << false << 0.0 << 0;
    QTest::newRow("exponent-without-digits")    << QByteArray("m 1e 5") << 2 << false << 0.0 << 0;
    QTest::newRow("second-point")               << QByteArray("m 1.5.3") << 2 << false << 0.0 << 0;
    QTest::newRow("comma-decimal")              << QByteArray("m 1,5") << 2 << false << 0.0 << 0;
    QTest::newRow("letter-after-digits")        << QByteArray("m 15x 17") << 2 << false << 0.0 << 0;
    QTest::newRow("nothing-at-the-end")         << QByteArray("m ") << 2 << false << 0.0 << 0;
    QTest::newRow("scale-beyond-exact-powers")  << QByteArray("m 1e23") << 2 << false << 0.0 << 0;
    // clang-format on
}

void TestNumberFormat::readsPlainDecimalsInPlace()
{
    QFETCH(QByteArray, line);
    QFETCH(int, at);
    QFETCH(bool, plain);
    QFETCH(double, value);
    QFETCH(int, end);
    const std::optional<PlainDecimal> read
        = readPlainDecimal(std::string_view(line.constData(), size_t(line.size())), size_t(at));
    QCOMPARE(read.has_value(), plain);
    if (!plain)
        return;
    QCOMPARE(read->value, value);
    QCOMPARE(read->end, size_t(end));
}

void TestNumberFormat::tellsSpellingsAsFormatted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("asFormatted");
    QTest::newRow("integer") << QByteArray("1") << true;
    QTest::newRow("zero") << QByteArray("0") << true;
    QTest::newRow("negative-zero") << QByteArray("-0") << true;
    QTest::newRow("fraction") << QByteArray("0.005") << true;
    QTest::newRow("smallest-plain") << QByteArray("0.0001") << true;
    QTest::newRow("largest-plain") << QByteArray("999999") << true;
    QTest::newRow("fifteen-digits") << QByteArray("0.123456789012345") << true;
    QTest::newRow("plus-inf") << QByteArray("+Inf") << true;
    QTest::newRow("nan") << QByteArray("NaN") << true;
    QTest::newRow("go-exponent") << QByteArray("1e-05") << true;
    QTest::newRow("trailing-zero") << QByteArray("1.0") << false;
    QTest::newRow("zero-with-point") << QByteArray("0.0") << false;
    QTest::newRow("zero-with-two-zeros") << QByteArray("0.00") << false;
    QTest::newRow("leading-zero") << QByteArray("01") << false;
    QTest::newRow("plus-sign") << QByteArray("+1") << false;
    QTest::newRow("exponent-of-plain") << QByteArray("1e0") << false;
    QTest::newRow("plain-below-exponent-range") << QByteArray("0.00001") << false;
    QTest::newRow("plain-above-exponent-range") << QByteArray("1000000") << false;
    QTest::newRow("more-digits-than-round-trip") << QByteArray("0.10000000000000000555") << false;
    QTest::newRow("lower-case-inf") << QByteArray("inf") << false;
    QTest::newRow("point-without-fraction") << QByteArray("1.") << false;
}

// Whatever the quick reading of plain decimals says agrees with writing the number out.
void TestNumberFormat::tellsSpellingsAsFormatted()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, asFormatted);
    const std::optional<ParsedNumber> parsed = parseNumber(std::string_view(text.constData(), size_t(text.size())));
    QVERIFY(parsed);
    QCOMPARE(spelledAsFormatted(std::string_view(text.constData(), size_t(text.size())), parsed->value), asFormatted);
    QCOMPARE(text == formatNumber(parsed->value).toLatin1(), asFormatted);
}

void TestNumberFormat::tellsRandomDecimalsAsFormatted()
{
    QRandomGenerator random(7);
    for (int i = 0; i < 200000; ++i) {
        std::string text = random.bounded(4) == 0 ? "-" : "";
        text += std::to_string(random.bounded(random.bounded(2) ? 10 : 10000000));
        if (random.bounded(3) != 0) {
            text += '.';
            const int digits = 1 + int(random.bounded(18));
            for (int d = 0; d < digits; ++d)
                text += char('0' + random.bounded(10));
        }
        const std::optional<ParsedNumber> parsed = parseNumber(text);
        QVERIFY(parsed);
        const bool formatted = text == formatNumber(parsed->value).toStdString();
        if (spelledAsFormatted(text, parsed->value) != formatted)
            QFAIL(qPrintable(
                QStringLiteral("%1: formatted as %2").arg(QString::fromStdString(text), formatNumber(parsed->value))));
    }
}

void TestNumberFormat::tellsOverflow_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("overflows");
    QTest::newRow("beyond-max") << QByteArray("1e400") << true;
    QTest::newRow("negative-beyond-max") << QByteArray("-2e999") << true;
    QTest::newRow("many-digits-beyond-max") << (QByteArray("2") + QByteArray(309, '0')) << true;
    QTest::newRow("max") << QByteArray("1.7976931348623157e308") << false;
    QTest::newRow("underflow") << QByteArray("2e-400") << false;
    QTest::newRow("negative-underflow") << QByteArray("-1e-99999") << false;
    QTest::newRow("plain") << QByteArray("1.5") << false;
    QTest::newRow("not-a-number") << QByteArray("1,5") << false;
    QTest::newRow("hex-beyond-max") << QByteArray("0x1p99999") << false;
}

void TestNumberFormat::tellsOverflow()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, overflows);
    QCOMPARE(overflowsDouble(std::string_view(text.constData(), size_t(text.size()))), overflows);
}

void TestNumberFormat::ignoresCommaDecimalLocale()
{
    // A German locale writes 1,5; the exposition format must still say 1.5.
    const char *set = std::setlocale(LC_ALL, "de_DE.UTF-8");
    if (!set)
        set = std::setlocale(LC_NUMERIC, "C.UTF-8");
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(QLocale().toString(1.5), QStringLiteral("1,5")); // the locale really is active
    QCOMPARE(formatNumber(1.5), QStringLiteral("1.5"));
    QCOMPARE(formatNumber(1234567.25), QStringLiteral("1.23456725e+06"));
    const std::optional<ParsedNumber> parsed = parseNumber("2.5");
    QVERIFY(parsed);
    QCOMPARE(parsed->value, 2.5);
    QLocale::setDefault(QLocale::c());
    std::setlocale(LC_ALL, "C");
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
