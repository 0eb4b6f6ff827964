#include "exposition/TextParser.h"
#include "exposition/detail/ParseInternals.h"
#include "model/Sample.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <bit>
#include <cmath>

using namespace promdesk;

namespace {

constexpr qint64 kNow = 1700000000000; // 2023-11-14T22:13:20Z

ParseResult parse(const QByteArray &text, ExpositionFormat format = ExpositionFormat::Text,
                  ValidationTarget target = ValidationTarget::Generic)
{
    ParseOptions options;
    options.format = format;
    options.target = target;
    options.fileName = QStringLiteral("input.prom");
    options.nowMs = kNow;
    return parseText(text, options);
}

QString describe(const QList<Problem> &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines << formatProblem(problem);
    return lines.join(QLatin1Char('\n'));
}

const QByteArray kOm = "om";
const QByteArray kText = "text";

} // namespace

class TestTextParser : public QObject
{
    Q_OBJECT

private slots:
    void reportsEachProblemCode_data();
    void reportsEachProblemCode();
    void acceptsValidInput_data();
    void acceptsValidInput();
    void reportsEveryProblemInOnePass();
    void findsRemoteWriteRepeats_data();
    void simpleLinesReadAsByTheFullChecks_data();
    void simpleLinesReadAsByTheFullChecks();
    void manyLabelsInReverseCostAboutWhatTheyCostInOrder();
    void findsRemoteWriteRepeats();
    void chunkBoundariesDoNotMatter_data();
    void chunkBoundariesDoNotMatter();
    void buildsHistogramsAndSummariesAsOneMetric();
    void normalisesOpenMetricsCounters();
    void keepsSpecialValues();
    void capsRepeatedProblemsWithASummary();
    void emptyLabelsDoNotCountTowardsTmpsLimit();
    void crlfMessageCountsTheRefusedLines();
    void readsTypeLinesAsTheTargetDoes_data();
    void readsTypeLinesAsTheTargetDoes();
    void futureSamplesAreAWarningWhenAllowed_data();
    void futureSamplesAreAWarningWhenAllowed();
    void columnsCountCharactersNotBytes();
    void detectsFormat_data();
    void detectsFormat();
};

void TestTextParser::reportsEachProblemCode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");

    // clang-format off
    // Syntax
    QTest::newRow("bom")                      << QByteArray("\xEF\xBB\xBFup 1\n") << kText << "generic" << 1 << 1 << "bom" << "error";
    QTest::newRow("crlf-line-ending")         << QByteArray("a 1\nb 2\r\nc 3\r\n") << kText << "generic" << 2 << 4 << "crlf-line-ending" << "error";
    QTest::newRow("missing-final-newline")    << QByteArray("a 1\nb 2") << kText << "generic" << 2 << 1 << "missing-final-newline" << "error";
    QTest::newRow("stray-whitespace-leading") << QByteArray("  a 1\n") << kText << "generic" << 1 << 1 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-trailing")<< QByteArray("a 1  \n") << kText << "generic" << 1 << 4 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-double")  << QByteArray("a  1\n") << kText << "generic" << 1 << 2 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-tab")     << QByteArray("a\t1\n") << kText << "generic" << 1 << 2 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-double-across-8-byte-words") << QByteArray("abcdefg  1\n") << kText << "generic" << 1 << 8 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-tab-after-16-bytes") << QByteArray("abcdefghijklmnop\t1\n") << kText << "generic" << 1 << 17 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-double-in-last-bytes") << QByteArray("abcdefghij{x=\"1\"}  1\n") << kText << "generic" << 1 << 18 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-blank-line") << QByteArray("a 1\n   \nb 2\n") << kText << "generic" << 2 << 1 << "stray-whitespace" << "warning";
    QTest::newRow("stray-whitespace-openmetrics-is-error") << QByteArray("a  1\n# EOF\n") << kOm << "generic" << 1 << 2 << "stray-whitespace" << "error";
    QTest::newRow("invalid-metric-name-dash") << QByteArray("my-metric 1\n") << kText << "generic" << 1 << 3 << "invalid-metric-name" << "error";
    QTest::newRow("invalid-metric-name-digit")<< QByteArray("1metric 1\n") << kText << "generic" << 1 << 1 << "invalid-metric-name" << "error";
    QTest::newRow("invalid-metric-name-in-type") << QByteArray("# TYPE a.b gauge\n") << kText << "generic" << 1 << 8 << "invalid-metric-name" << "error";
    QTest::newRow("missing-metric-name")      << QByteArray("{a=\"b\"} 1\n") << kText << "generic" << 1 << 1 << "missing-metric-name" << "error";
    QTest::newRow("invalid-label-name")       << QByteArray("a{1x=\"b\"} 1\n") << kText << "generic" << 1 << 3 << "invalid-label-name" << "error";
    QTest::newRow("invalid-label-name-dash")  << QByteArray("a{x-y=\"b\"} 1\n") << kText << "generic" << 1 << 3 << "invalid-label-name" << "error";
    QTest::newRow("invalid-label-syntax-no-equals") << QByteArray("a{x \"b\"} 1\n") << kText << "generic" << 1 << 5 << "invalid-label-syntax" << "error";
    QTest::newRow("invalid-label-syntax-unquoted") << QByteArray("a{x=b} 1\n") << kText << "generic" << 1 << 5 << "invalid-label-syntax" << "error";
    QTest::newRow("invalid-label-syntax-unclosed") << QByteArray("a{x=\"b\" 1\n") << kText << "generic" << 1 << 9 << "invalid-label-syntax" << "error";
    QTest::newRow("invalid-label-syntax-om-trailing-comma") << QByteArray("a{x=\"b\",} 1\n# EOF\n") << kOm << "generic" << 1 << 8 << "invalid-label-syntax" << "error";
    QTest::newRow("unterminated-label-value") << QByteArray("a{x=\"b} 1\n") << kText << "generic" << 1 << 5 << "unterminated-label-value" << "error";
    QTest::newRow("invalid-escape-label")     << QByteArray("a{path=\"C:\\temp\"} 1\n") << kText << "generic" << 1 << 11 << "invalid-escape" << "error";
    QTest::newRow("invalid-escape-help")      << QByteArray("# HELP a x\\ty\na 1\n") << kText << "generic" << 1 << 11 << "invalid-escape" << "error";
    QTest::newRow("invalid-utf8")             << QByteArray("a{x=\"caf\xE9\"} 1\n") << kText << "generic" << 1 << 9 << "invalid-utf8" << "error";
    QTest::newRow("invalid-utf8-after-8-ascii-bytes") << QByteArray("a{x=\"long ascii caf\xE9\"} 1\n") << kText << "generic" << 1 << 20 << "invalid-utf8" << "error";
    QTest::newRow("invalid-utf8-after-an-escape") << QByteArray("a{x=\"a\\\\caf\xE9\"} 1\n") << kText << "generic" << 1 << 12 << "invalid-utf8" << "error";
    QTest::newRow("invalid-utf8-at-byte-8")   << QByteArray("a{x=\"01234567\xE9\"} 1\n") << kText << "generic" << 1 << 14 << "invalid-utf8" << "error";
    QTest::newRow("missing-value")            << QByteArray("a{x=\"y\"}\n") << kText << "generic" << 1 << 9 << "missing-value" << "error";
    QTest::newRow("invalid-number-comma")     << QByteArray("a 1,5\n") << kText << "generic" << 1 << 3 << "invalid-number" << "error";
    QTest::newRow("invalid-number-word")      << QByteArray("a twelve\n") << kText << "generic" << 1 << 3 << "invalid-number" << "error";
    QTest::newRow("invalid-number-le")        << QByteArray("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n") << kText << "generic" << 2 << 14 << "invalid-number" << "error";
    QTest::newRow("noncanonical-number-Nan")  << QByteArray("a Nan\n") << kText << "generic" << 1 << 3 << "noncanonical-number" << "warning";
    QTest::newRow("noncanonical-number-inf")  << QByteArray("a inf\n") << kText << "generic" << 1 << 3 << "noncanonical-number" << "warning";
    QTest::newRow("noncanonical-number-om")   << QByteArray("a nan\n# EOF\n") << kOm << "generic" << 1 << 3 << "noncanonical-number" << "warning";
    QTest::newRow("hex-number")               << QByteArray("foo 0x1\n") << kText << "generic" << 1 << 5 << "hex-number" << "error";
    QTest::newRow("hex-number-uppercase")     << QByteArray("foo 0X1\n") << kText << "pushgateway" << 1 << 5 << "hex-number" << "error";
    QTest::newRow("hex-float")                << QByteArray("foo 0x1p-3\n") << kText << "pushgateway" << 1 << 5 << "hex-number" << "error";
    QTest::newRow("hex-float-uppercase-p")    << QByteArray("foo 0x1P-3\n") << kText << "pushgateway" << 1 << 5 << "hex-number" << "error";
    QTest::newRow("hex-quantile")             << QByteArray("# TYPE metric summary\nmetric{quantile=\"0x1p-3\"} 3.14\n") << kText << "pushgateway" << 2 << 18 << "hex-number" << "error";
    QTest::newRow("trailing-characters")      << QByteArray("a 1 2 3\n") << kText << "generic" << 1 << 7 << "trailing-characters" << "error";
    QTest::newRow("exemplar-in-text")         << QByteArray("a_total 1 # {trace_id=\"x\"} 1\n") << kText << "generic" << 1 << 11 << "exemplar" << "error";
    QTest::newRow("exemplar-in-openmetrics")  << QByteArray("# TYPE a counter\na_total 1 # {trace_id=\"x\"} 1\n# EOF\n") << kOm << "generic" << 2 << 11 << "exemplar" << "warning";
    QTest::newRow("duplicate-label-name")     << QByteArray("a{x=\"1\",x=\"2\"} 1\n") << kText << "generic" << 1 << 9 << "duplicate-label-name" << "error";
    QTest::newRow("duplicate-label-name-out-of-order") << QByteArray("a{y=\"1\",z=\"1\",y=\"2\"} 1\n") << kText << "generic" << 1 << 15 << "duplicate-label-name" << "error";
    QTest::newRow("duplicate-label-name-last-in-order") << QByteArray("a{z=\"1\",x=\"1\",z=\"2\"} 1\n") << kText << "generic" << 1 << 15 << "duplicate-label-name" << "error";
    QByteArray manyLabels = "a{";
    for (int i = 0; i < 40; ++i)
        manyLabels += "l" + QByteArray::number(i) + "=\"v\",";
    QTest::newRow("duplicate-label-name-among-forty") << (manyLabels + "l7=\"w\"} 1\n") << kText << "generic" << 1 << 313 << "duplicate-label-name" << "error";
    QTest::newRow("reserved-label-name")      << QByteArray("a{__x=\"1\"} 1\n") << kText << "generic" << 1 << 3 << "reserved-label-name" << "warning";

    // Structure
    QTest::newRow("invalid-descriptor")       << QByteArray("# TYPE\n") << kText << "generic" << 1 << 7 << "invalid-descriptor" << "warning";
    QTest::newRow("unknown-type")             << QByteArray("# TYPE a countr\na 1\n") << kText << "generic" << 1 << 10 << "unknown-type" << "error";
    QTest::newRow("unknown-type-untyped-in-om") << QByteArray("# TYPE a untyped\na 1\n# EOF\n") << kOm << "generic" << 1 << 10 << "unknown-type" << "error";
    QTest::newRow("duplicate-type")           << QByteArray("# TYPE a gauge\n# TYPE a gauge\na 1\n") << kText << "generic" << 2 << 3 << "duplicate-type" << "error";
    QTest::newRow("type-after-samples")       << QByteArray("a 1\n# TYPE a gauge\n") << kText << "generic" << 2 << 3 << "type-after-samples" << "error";
    QTest::newRow("duplicate-help")           << QByteArray("# HELP a x\n# HELP a y\na 1\n") << kText << "generic" << 2 << 3 << "duplicate-help" << "error";
    QTest::newRow("help-after-samples")       << QByteArray("a 1\n# HELP a x\n") << kText << "generic" << 2 << 3 << "help-after-samples" << "warning";
    QTest::newRow("duplicate-unit")           << QByteArray("# TYPE a_seconds gauge\n# UNIT a_seconds seconds\n# UNIT a_seconds seconds\na_seconds 1\n# EOF\n") << kOm << "generic" << 3 << 3 << "duplicate-unit" << "error";
    QTest::newRow("unit-not-in-name")         << QByteArray("# TYPE a gauge\n# UNIT a seconds\na 1\n# EOF\n") << kOm << "generic" << 2 << 10 << "unit-not-in-name" << "error";
    QTest::newRow("duplicate-series")         << QByteArray("a{x=\"1\"} 1\na{x=\"1\"} 1\n") << kText << "generic" << 2 << 1 << "duplicate-series" << "error";
    QTest::newRow("duplicate-series-label-order") << QByteArray("a{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 5\n") << kText << "generic" << 2 << 1 << "duplicate-series" << "error";
    QTest::newRow("split-family")             << QByteArray("a 1\nb 1\na{x=\"2\"} 2\n") << kText << "generic" << 3 << 1 << "split-family" << "warning";
    QTest::newRow("split-family-om-is-error") << QByteArray("a 1\nb 1\na{x=\"2\"} 2\n# EOF\n") << kOm << "generic" << 3 << 1 << "split-family" << "error";
    QTest::newRow("sample-does-not-match-type") << QByteArray("# TYPE h histogram\nh 1\n") << kText << "generic" << 2 << 1 << "sample-does-not-match-type" << "error";
    QTest::newRow("om-counter-without-total") << QByteArray("# TYPE c counter\nc 1\n# EOF\n") << kOm << "generic" << 2 << 1 << "sample-does-not-match-type" << "error";
    QTest::newRow("histogram-missing-le")     << QByteArray("# TYPE h histogram\nh_bucket 1\n") << kText << "generic" << 2 << 1 << "histogram-missing-le" << "warning";
    QTest::newRow("histogram-missing-inf")    << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 1\n") << kText << "generic" << 2 << 1 << "histogram-missing-inf" << "warning";
    QTest::newRow("histogram-not-cumulative") << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 5\nh_bucket{le=\"2\"} 3\nh_bucket{le=\"+Inf\"} 5\nh_count 5\n") << kText << "generic" << 3 << 1 << "histogram-not-cumulative" << "warning";
    QTest::newRow("histogram-count-mismatch") << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 5\nh_count 4\nh_sum 1\n") << kText << "generic" << 3 << 1 << "histogram-count-mismatch" << "warning";
    QTest::newRow("summary-missing-quantile") << QByteArray("# TYPE s summary\ns 1\n") << kText << "generic" << 2 << 1 << "summary-missing-quantile" << "warning";
    QTest::newRow("summary-quantile-out-of-range") << QByteArray("# TYPE s summary\ns{quantile=\"99\"} 1\n") << kText << "generic" << 2 << 13 << "summary-quantile-out-of-range" << "warning";
    QTest::newRow("negative-counter")         << QByteArray("# TYPE c_total counter\nc_total -1\n") << kText << "generic" << 2 << 9 << "negative-counter" << "warning";
    QTest::newRow("negative-histogram-count") << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} -1\n") << kText << "generic" << 2 << 21 << "negative-counter" << "warning";

    // OpenMetrics framing
    QTest::newRow("missing-eof")              << QByteArray("# TYPE a gauge\na 1\n") << kOm << "generic" << 2 << 1 << "missing-eof" << "error";
    QTest::newRow("content-after-eof")        << QByteArray("a 1\n# EOF\nb 2\n") << kOm << "generic" << 3 << 1 << "content-after-eof" << "error";
    QTest::newRow("empty-line")               << QByteArray("a 1\n\nb 2\n# EOF\n") << kOm << "generic" << 2 << 1 << "empty-line" << "error";
    QTest::newRow("unknown-comment")          << QByteArray("# just a note\na 1\n# EOF\n") << kOm << "generic" << 1 << 3 << "unknown-comment" << "error";

    // Timestamps
    QTest::newRow("invalid-timestamp-text")   << QByteArray("a 1 soon\n") << kText << "generic" << 1 << 5 << "invalid-timestamp" << "error";
    QTest::newRow("invalid-timestamp-fraction") << QByteArray("a 1 1699999999.5\n") << kText << "generic" << 1 << 5 << "invalid-timestamp" << "error";
    QTest::newRow("invalid-timestamp-om")     << QByteArray("a 1 soon\n# EOF\n") << kOm << "generic" << 1 << 5 << "invalid-timestamp" << "error";
    QTest::newRow("timestamp-in-seconds")     << QByteArray("a 1 1699999999\n") << kText << "generic" << 1 << 5 << "timestamp-in-seconds" << "warning";
    QTest::newRow("timestamp-in-milliseconds")<< QByteArray("a 1 1699999999000\n# EOF\n") << kOm << "generic" << 1 << 5 << "timestamp-in-milliseconds" << "warning";
    QTest::newRow("timestamp-in-future")      << QByteArray("a 1 1700003600000\n") << kText << "generic" << 1 << 5 << "timestamp-in-future" << "warning";
    QTest::newRow("timestamp-in-future-remote-write") << QByteArray("a 1 1700003600000\n") << kText << "remote-write" << 1 << 5 << "timestamp-in-future" << "error";
    QTest::newRow("timestamp-in-future-tmp")  << QByteArray("a 1 1700003600000\n") << kText << "tmp" << 1 << 5 << "timestamp-in-future" << "error";
    QTest::newRow("timestamp-a-year-ahead-om") << QByteArray("a 1 1731536000\n# EOF\n") << kOm << "remote-write" << 1 << 5 << "timestamp-in-future" << "error";
    // OpenMetrics parsers take it (the suite's `timestamps` case); no receiver could store it.
    QTest::newRow("timestamp-out-of-range-om-1e16-seconds") << QByteArray("a 1 1e16\n# EOF\n") << kOm << "generic" << 1 << 5 << "timestamp-out-of-range" << "warning";
    QTest::newRow("timestamp-out-of-range-om-for-remote-write") << QByteArray("a 1 1e16\n# EOF\n") << kOm << "remote-write" << 1 << 5 << "timestamp-out-of-range" << "error";
    QTest::newRow("timestamp-out-of-range-om-negative") << QByteArray("a 1 -1e17\n# EOF\n") << kOm << "remote-write" << 1 << 5 << "timestamp-out-of-range" << "error";
    QTest::newRow("timestamp-out-of-range-text") << QByteArray("a 1 99999999999999999999\n") << kText << "generic" << 1 << 5 << "timestamp-out-of-range" << "error";
    QTest::newRow("timestamp-present-pushgateway") << QByteArray("a 1 1699999999000\n") << kText << "pushgateway" << 1 << 5 << "timestamp-present" << "error";

    // Target rules
    QTest::newRow("job-label-in-body")        << QByteArray("a{job=\"x\"} 1\n") << kText << "pushgateway" << 1 << 3 << "job-label-in-body" << "warning";
    QTest::newRow("reserved-gateway-metric")  << QByteArray("push_time_seconds 1\n") << kText << "pushgateway" << 1 << 1 << "reserved-gateway-metric" << "warning";
    // Text 0.0.4 as the Pushgateway reads it (tests/integration/tst_verdicts_pushgateway holds the proof)
    QTest::newRow("gauge-histogram-in-text")  << QByteArray("# TYPE x gauge_histogram\nx_bucket{le=\"+Inf\"} 1\n") << kText << "pushgateway" << 1 << 10 << "gauge-histogram-in-text" << "warning";
    QTest::newRow("gauge-histogram-sample")   << QByteArray("# TYPE x gauge_histogram\nx 1\n") << kText << "pushgateway" << 2 << 1 << "gauge-histogram-sample" << "error";
    QTest::newRow("type-case")                << QByteArray("# TYPE x GAUGE\nx 1\n") << kText << "pushgateway" << 1 << 10 << "type-case" << "warning";
    QTest::newRow("type-case-for-prometheus") << QByteArray("# TYPE x GAUGE\nx 1\n") << kText << "generic" << 1 << 10 << "unknown-type" << "error";
    QTest::newRow("missing-type")             << QByteArray("# TYPE x\nx 1\n") << kText << "pushgateway" << 1 << 9 << "missing-type" << "warning";
    QTest::newRow("invalid-descriptor-in-om") << QByteArray("# TYPE\n# EOF\n") << kOm << "generic" << 1 << 7 << "invalid-descriptor" << "error";
    QTest::newRow("help-invalid-utf8")        << QByteArray("# HELP a caf\xE9\na 1\n") << kText << "pushgateway" << 1 << 13 << "help-invalid-utf8" << "error";
    QTest::newRow("family-name-collision")    << QByteArray("h_bucket{le=\"+Inf\"} 1\n# TYPE h histogram\nh_count 1\n") << kText << "pushgateway" << 1 << 1 << "family-name-collision" << "error";
    QTest::newRow("trailing-blank-after-value") << QByteArray("a 1 \n") << kText << "pushgateway" << 1 << 4 << "stray-whitespace" << "error";
    QTest::newRow("trailing-blank-after-type") << QByteArray("# TYPE a gauge \na 1\n") << kText << "pushgateway" << 1 << 15 << "stray-whitespace" << "error";
    QTest::newRow("trailing-blank-for-prometheus") << QByteArray("a 1 \n") << kText << "generic" << 1 << 4 << "stray-whitespace" << "warning";
    QTest::newRow("crlf-only-in-comments")    << QByteArray("# HELP a x\r\n# note\r\na 1\n") << kText << "pushgateway" << 1 << 1 << "crlf-line-ending" << "warning";
    QTest::newRow("crlf-first-refused-line")  << QByteArray("# HELP a x\r\na 1\r\n") << kText << "pushgateway" << 2 << 4 << "crlf-line-ending" << "error";
    QTest::newRow("repeated-bucket")          << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n") << kText << "pushgateway" << 3 << 1 << "duplicate-series" << "warning";
    // Go reads a bound as a number: "1" and "1.0" name one bucket, "0.0" and "0.00" one quantile.
    QTest::newRow("repeated-bucket-spelled-otherwise") << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"1.0\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n") << kText << "pushgateway" << 3 << 1 << "duplicate-series" << "warning";
    QTest::newRow("repeated-bucket-unsorted-labels") << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\",a=\"x\"} 1\nh_bucket{le=\"1e0\",a=\"x\"} 1\nh_bucket{le=\"+Inf\",a=\"x\"} 1\nh_count{a=\"x\"} 1\n") << kText << "generic" << 3 << 1 << "duplicate-series" << "warning";
    QTest::newRow("repeated-quantile-spelled-otherwise-in-om") << QByteArray("# TYPE s summary\ns{quantile=\"0.0\"} 1\ns{quantile=\"0.00\"} 2\ns_count 1\n# EOF\n") << kOm << "generic" << 3 << 1 << "duplicate-series" << "warning";
    QTest::newRow("repeated-series-in-om")    << QByteArray("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n# EOF\n") << kOm << "generic" << 3 << 1 << "duplicate-series" << "warning";
    QTest::newRow("histogram-missing-inf-in-om") << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 1\n# EOF\n") << kOm << "generic" << 2 << 1 << "histogram-missing-inf" << "error";
    QTest::newRow("negative-counter-in-om")   << QByteArray("# TYPE c counter\nc_total -1\n# EOF\n") << kOm << "generic" << 2 << 1 << "negative-counter" << "error";
    // OpenMetrics' grammar where prometheus_client's parser is laxer (tst_openmetrics_differential)
    QTest::newRow("om-comment-without-space")  << QByteArray("#HELP a x\na 1\n# EOF\n") << kOm << "generic" << 1 << 1 << "unknown-comment" << "error";
    QTest::newRow("om-eof-with-trailing-blank") << QByteArray("a 1\n# EOF \n") << kOm << "generic" << 2 << 3 << "unknown-comment" << "error";
    QTest::newRow("om-blank-before-labels")    << QByteArray("a {x=\"1\"} 1\n# EOF\n") << kOm << "generic" << 1 << 2 << "stray-whitespace" << "error";
    QTest::newRow("om-blank-inside-labels")    << QByteArray("a{x= \"1\"} 1\n# EOF\n") << kOm << "generic" << 1 << 5 << "stray-whitespace" << "error";
    QTest::newRow("om-number-beyond-double")   << QByteArray("a 1e400\n# EOF\n") << kOm << "generic" << 1 << 3 << "number-out-of-range" << "error";
    QTest::newRow("number-beyond-double")      << QByteArray("a 1e400\n") << kText << "pushgateway" << 1 << 3 << "number-out-of-range" << "error";
    QTest::newRow("om-unknown-escape-kept")    << QByteArray("a{x=\"\\z\"} 1\n# EOF\n") << kOm << "generic" << 1 << 6 << "unknown-escape" << "warning";
    // Kept, the unknown escape \z is the value \z, which "\\z" spells too: one series, twice.
    QTest::newRow("om-kept-escape-repeats-its-spelled-out-twin") << QByteArray("a{x=\"\\z\"} 1\na{x=\"\\\\z\"} 2\n# EOF\n") << kOm << "generic" << 2 << 1 << "duplicate-series" << "warning";
    QTest::newRow("om-exemplar-on-gauge")      << QByteArray("# TYPE a gauge\na 1 # {x=\"1\"} 1\n# EOF\n") << kOm << "generic" << 2 << 5 << "invalid-exemplar" << "error";
    QTest::newRow("om-exemplar-no-space")      << QByteArray("# TYPE a counter\na_total 1 #{x=\"1\"} 1\n# EOF\n") << kOm << "generic" << 2 << 12 << "invalid-exemplar" << "error";
    QTest::newRow("om-bucket-out-of-order")    << QByteArray("# TYPE h histogram\nh_bucket{le=\"2\"} 0\nh_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 0\n# EOF\n") << kOm << "generic" << 3 << 1 << "histogram-bucket-order" << "error";
    QTest::newRow("om-timestamp-backwards")    << QByteArray("a 0 -1\na 0 -1.1\n# EOF\n") << kOm << "generic" << 2 << 1 << "timestamp-backwards" << "error";
    QTest::newRow("om-crlf-on-eof-line")       << QByteArray("a 1\n# EOF\r\n") << kOm << "generic" << 2 << 6 << "crlf-line-ending" << "error";
    QTest::newRow("om-exemplar-labels-without-comma") << QByteArray("# TYPE a counter\na_total 1 # {x=\"1\"y=\"2\"} 1\n# EOF\n") << kOm << "generic" << 2 << 19 << "invalid-exemplar" << "error";
    QTest::newRow("gateway-own-metric")       << QByteArray("go_goroutines 1\n") << kText << "pushgateway" << 1 << 1 << "gateway-own-metric" << "warning";
    QTest::newRow("type-not-supported")       << QByteArray("# TYPE a info\na 1\n") << kText << "pushgateway" << 1 << 10 << "type-not-supported" << "error";
    QTest::newRow("empty-label-value")        << QByteArray("a{x=\"\",y=\"1\"} 1\n") << kText << "remote-write" << 1 << 3 << "empty-label-value" << "warning";
    QTest::newRow("reserved-label-name-tmp")  << QByteArray("a{__x=\"1\"} 1\n") << kText << "tmp" << 1 << 3 << "reserved-label-name" << "warning";
    QTest::newRow("reserved-label-name-pushgateway") << QByteArray("a{__x=\"1\"} 1\n") << kText << "pushgateway" << 1 << 3 << "reserved-label-name" << "error";
    QTest::newRow("label-name-too-long")      << (QByteArray("a{") + QByteArray(1025, 'n') + "=\"1\"} 1\n") << kText << "tmp" << 1 << 3 << "label-name-too-long" << "error";
    QTest::newRow("label-value-too-long")     << (QByteArray("a{x=\"") + QByteArray(2049, 'v') + "\"} 1\n") << kText << "tmp" << 1 << 5 << "label-value-too-long" << "error";
    QByteArray many = "a{";
    for (int i = 0; i < 32; ++i)
        many += "l" + QByteArray::number(i) + "=\"v\",";
    many.chop(1);
    many += "} 1\n";
    QTest::newRow("too-many-labels")          << many << kText << "tmp" << 1 << 1 << "too-many-labels" << "error";
    // clang-format on
}

// An empty label value is no label: remote write drops it before sending, so TMP's 32 labels
// (with __name__) count only the others.
void TestTextParser::emptyLabelsDoNotCountTowardsTmpsLimit()
{
    QByteArray line = "a{";
    for (int i = 0; i < 31; ++i)
        line += "l" + QByteArray::number(i) + "=\"v\",";
    line += "dropped=\"\"} 1\n";
    const ParseResult result = parse(line, ExpositionFormat::Text, ValidationTarget::Tmp);
    QStringList codes;
    for (const Problem &problem : result.problems)
        codes << problem.code;
    QCOMPARE(codes, QStringList{QStringLiteral("empty-label-value")});
}

// Parsers keep the '\r' of a comment or HELP line in its text; only the other lines are refused.
void TestTextParser::crlfMessageCountsTheRefusedLines()
{
    const ParseResult result
        = parse("# HELP a x\r\n# note\r\na 1\r\n", ExpositionFormat::Text, ValidationTarget::Pushgateway);
    QCOMPARE(result.problems.size(), 1);
    const QString message = result.problems.constFirst().message;
    QVERIFY2(message.startsWith(QLatin1String("3 line(s) end in CRLF"))
                 && message.contains(QLatin1String("reject 1 of them")),
             qPrintable(message));
}

// A TYPE line as each target's reader takes it: the Pushgateway (Go's text parser) skips every
// blank before the type and drops backslashes in it; Prometheus' own parser takes exactly one
// space and the five text types (tests/integration/tst_verdicts_pushgateway holds the proof).
void TestTextParser::readsTypeLinesAsTheTargetDoes_data()
{
    QTest::addColumn<QByteArray>("typeLine");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("type");    // the family's type: untyped when the line is refused
    QTest::addColumn<QString>("problem"); // the TYPE line's problem (code and severity), or ""

    // clang-format off
    QTest::newRow("tab-and-space-before-type-pushgateway") << QByteArray("# TYPE h\t histogram") << "pushgateway" << "histogram" << "stray-whitespace warning";
    QTest::newRow("tab-and-space-before-type-prometheus")  << QByteArray("# TYPE h\t histogram") << "generic" << "untyped" << "stray-whitespace warning, unknown-type error";
    QTest::newRow("backslash-after-type-pushgateway")     << QByteArray("# TYPE h counter\\") << "pushgateway" << "counter" << "type-backslash warning";
    QTest::newRow("backslash-inside-type-pushgateway")    << QByteArray("# TYPE h coun\\ter") << "pushgateway" << "counter" << "type-backslash warning";
    QTest::newRow("backslash-and-case-pushgateway")       << QByteArray("# TYPE h Counter\\") << "pushgateway" << "counter" << "type-backslash warning";
    QTest::newRow("backslash-after-type-prometheus")      << QByteArray("# TYPE h counter\\") << "generic" << "untyped" << "unknown-type error";
    QTest::newRow("only-a-backslash-pushgateway")         << QByteArray("# TYPE h \\") << "pushgateway" << "untyped" << "unknown-type error";
    QTest::newRow("openmetrics-type-for-prometheus")      << QByteArray("# TYPE h info") << "generic" << "untyped" << "type-not-supported error";
    QTest::newRow("openmetrics-type-for-pushgateway")     << QByteArray("# TYPE h stateset") << "pushgateway" << "untyped" << "type-not-supported error";
    QTest::newRow("openmetrics-type-for-remote-write")    << QByteArray("# TYPE h info") << "remote-write" << "info" << "type-not-supported warning";
    QTest::newRow("unknown-for-prometheus")               << QByteArray("# TYPE h unknown") << "generic" << "untyped" << "type-not-supported error";
    // clang-format on
}

void TestTextParser::readsTypeLinesAsTheTargetDoes()
{
    QFETCH(QByteArray, typeLine);
    QFETCH(QString, target);
    QFETCH(QString, type);
    QFETCH(QString, problem);
    const ParseResult result = parse(typeLine + "\n", ExpositionFormat::Text, *targetFromName(target));
    QStringList seen;
    for (const Problem &each : result.problems)
        seen.append(each.code + u' ' + severityName(each.severity));
    QCOMPARE(seen.join(u", "), problem);
    const QString declared
        = result.metrics.families.isEmpty() ? QString() : metricTypeName(result.metrics.families.constFirst().type);
    QCOMPARE(declared, type);
}

void TestTextParser::futureSamplesAreAWarningWhenAllowed_data()
{
    QTest::addColumn<qint64>("toleranceMs");
    QTest::addColumn<bool>("allowFuture");
    QTest::addColumn<QString>("severity"); // of the one problem, or "" for none
    QTest::newRow("default-window") << qint64(600000) << false << QStringLiteral("error");
    QTest::newRow("allowed") << qint64(600000) << true << QStringLiteral("warning");
    QTest::newRow("wider-window") << qint64(2 * 3600000) << false << QString();
    QTest::newRow("no-window") << qint64(0) << false << QStringLiteral("error");
}

void TestTextParser::futureSamplesAreAWarningWhenAllowed()
{
    QFETCH(qint64, toleranceMs);
    QFETCH(bool, allowFuture);
    QFETCH(QString, severity);
    ParseOptions options;
    options.target = ValidationTarget::RemoteWrite;
    options.nowMs = kNow;
    options.futureToleranceMs = toleranceMs;
    options.allowFuture = allowFuture;
    const ParseResult result = parseText("a 1 1700003600000\n", options); // an hour ahead
    QCOMPARE(result.problems.size(), severity.isEmpty() ? 0 : 1);
    if (!severity.isEmpty()) {
        QCOMPARE(severityName(result.problems.constFirst().severity), severity);
        QVERIFY2(result.problems.constFirst().message.contains(
                     QLatin1String("2023-11-14T23:13:20.000Z is 60 minutes ahead")),
                 qPrintable(result.problems.constFirst().message));
    }
}

void TestTextParser::reportsEachProblemCode()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, format);
    QFETCH(QString, target);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(QString, severity);

    const ParseResult result
        = parse(input, format == kOm ? ExpositionFormat::OpenMetrics : ExpositionFormat::Text, *targetFromName(target));
    QList<Problem> matching;
    for (const Problem &problem : result.problems) {
        if (problem.code == code)
            matching.append(problem);
    }
    QVERIFY2(matching.size() == 1,
             qPrintable(QStringLiteral("expected one [%1], got:\n%2").arg(code, describe(result.problems))));
    const Problem &problem = matching.constFirst();
    QCOMPARE(problem.line, line);
    QCOMPARE(problem.column, column);
    QCOMPARE(severityName(problem.severity), severity);
    QCOMPARE(problem.file, QStringLiteral("input.prom"));
    QVERIFY2(!problem.message.isEmpty() && !problem.message.contains(QLatin1String("%1")), qPrintable(problem.message));
}

void TestTextParser::acceptsValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("samples");

    // clang-format off
    QTest::newRow("empty-input")              << QByteArray() << kText << "generic" << 0;
    QTest::newRow("comments-and-blank-lines") << QByteArray("# a comment\n\na 1\n") << kText << "generic" << 1;
    QTest::newRow("escaped-label-values")     << QByteArray("a{p=\"C:\\\\dir\",q=\"say \\\"hi\\\"\",n=\"l1\\nl2\"} 1\n") << kText << "pushgateway" << 1;
    QTest::newRow("utf8-label-value")         << QByteArray("a{city=\"Zürich 東京\"} 1\n") << kText << "tmp" << 1;
    QTest::newRow("special-values")           << QByteArray("a{k=\"1\"} NaN\na{k=\"2\"} +Inf\na{k=\"3\"} -Inf\na{k=\"4\"} -0.5e-3\n") << kText << "generic" << 4;
    QTest::newRow("trailing-comma-in-text")   << QByteArray("a{x=\"1\",} 1\n") << kText << "generic" << 1;
    QTest::newRow("histogram")                << QByteArray("# HELP h Latency.\n# TYPE h histogram\nh_bucket{le=\"0.1\"} 1\nh_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 4\nh_sum 2.5\nh_count 4\n") << kText << "pushgateway" << 5;
    QTest::newRow("summary")                  << QByteArray("# TYPE s summary\ns{quantile=\"0.5\"} 1\ns{quantile=\"0.99\"} 3\ns_sum 10\ns_count 4\n") << kText << "pushgateway" << 4;
    QTest::newRow("timestamps-for-remote-write") << QByteArray("a 1 1699999000000\na 2 1699999060000\n") << kText << "remote-write" << 2;
    QTest::newRow("openmetrics-counter")      << QByteArray("# TYPE c counter\n# HELP c Count.\nc_total 1\nc_created 1699999000.5\n# EOF\n") << kOm << "generic" << 2;
    QTest::newRow("openmetrics-units-and-seconds") << QByteArray("# TYPE t_seconds gauge\n# UNIT t_seconds seconds\nt_seconds 1 1699999999.123\n# EOF\n") << kOm << "generic" << 1;
    QTest::newRow("openmetrics-info-stateset") << QByteArray("# TYPE b info\nb_info{v=\"1\"} 1\n# TYPE s stateset\ns{s=\"a\"} 1\ns{s=\"b\"} 0\n# EOF\n") << kOm << "generic" << 3;
    QTest::newRow("openmetrics-gaugehistogram") << QByteArray("# TYPE g gaugehistogram\ng_bucket{le=\"+Inf\"} 2\ng_gcount 2\ng_gsum 3\n# EOF\n") << kOm << "generic" << 3;
    // Qt's qHashBits gave these two the same 64-bit hash; the series index must not.
    QTest::newRow("distinct-series-a-weak-hash-confuses") << QByteArray("rpc_latency_407_seconds_sum{m=\"m109\"} 1\nrpc_latency_497_seconds_sum{m=\"m105\"} 2\n") << kText << "generic" << 2;
    QTest::newRow("tmp-32-labels-with-name")  << [] { QByteArray b = "a{"; for (int i = 0; i < 31; ++i) b += "l" + QByteArray::number(i) + "=\"v\","; b.chop(1); b += "} 1\n"; return b; }() << kText << "tmp" << 1;
    // clang-format on
}

void TestTextParser::acceptsValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, format);
    QFETCH(QString, target);
    QFETCH(int, samples);
    const ParseResult result
        = parse(input, format == kOm ? ExpositionFormat::OpenMetrics : ExpositionFormat::Text, *targetFromName(target));
    QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
    QCOMPARE(result.stats.samples, samples);
}

void TestTextParser::findsRemoteWriteRepeats_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("repeats"); // "line:earlier line:exact|other"
    QTest::addColumn<int>("samples");

    // clang-format off
    QTest::newRow("in-time-order")            << QByteArray("a 1 1000\na 2 2000\nb 1 1000\nb 2 2000\n") << QStringList() << 4;
    QTest::newRow("same-time-other-series")   << QByteArray("a{x=\"1\"} 1 1000\na{x=\"2\"} 1 1000\n") << QStringList() << 2;
    QTest::newRow("repeat-of-the-last-time")  << QByteArray("a 1 1000\na 1 1000\n") << QStringList{QStringLiteral("2:1:exact")} << 1;
    QTest::newRow("repeat-of-an-early-time")  << QByteArray("a 1 1000\na 2 2000\na 3 3000\na 9 1000\n") << QStringList{QStringLiteral("4:1:other")} << 3;
    QTest::newRow("back-in-time-no-repeat")   << QByteArray("a 1 1000\na 3 3000\na 2 2000\n") << QStringList() << 3;
    QTest::newRow("repeat-once-gone-back")    << QByteArray("a 1 1000\na 3 3000\na 2 2000\na 3 3000\n") << QStringList{QStringLiteral("4:2:exact")} << 3;
    QTest::newRow("third-time-names-first")   << QByteArray("a 1 1000\na 1 1000\na 2 1000\n") << QStringList{QStringLiteral("2:1:exact"), QStringLiteral("3:1:other")} << 1;
    QTest::newRow("without-timestamps")       << QByteArray("a 1\na 1\n") << QStringList{QStringLiteral("2:1:exact")} << 1;
    QTest::newRow("with-and-without-time")    << QByteArray("a 1 1000\na 1\n") << QStringList() << 2;
    QTest::newRow("other-series-goes-back")   << QByteArray("a 1 1000\nb 1 1000\na 2 2000\nb 2 500\nb 3 1000\n") << QStringList{QStringLiteral("5:2:other")} << 4;
    // Remote write drops a label whose value is empty: a{x=""} is the series a.
    QTest::newRow("empty-label-is-no-label")  << QByteArray("a{x=\"\"} 1 1000\na 1 1000\na{x=\"\",y=\"1\"} 1 1000\na{y=\"1\",z=\"\"} 2 1000\n") << QStringList{QStringLiteral("2:1:exact"), QStringLiteral("4:3:other")} << 2;
    QTest::newRow("label-order-same-series")  << QByteArray("a{x=\"1\",y=\"2\"} 1 1000\na{y=\"2\",x=\"1\"} 1 1000\n") << QStringList{QStringLiteral("2:1:exact")} << 1;
    // clang-format on
}

void TestTextParser::findsRemoteWriteRepeats()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, repeats);
    QFETCH(int, samples);
    const ParseResult result = parse(input, ExpositionFormat::Text, ValidationTarget::RemoteWrite);
    QStringList found;
    for (const Problem &problem : result.problems) {
        if (problem.code == u"empty-label-value")
            continue;
        QCOMPARE(problem.code, QStringLiteral("duplicate-series"));
        const QString earlier = QRegularExpression(QStringLiteral("line (\\d+)")).match(problem.message).captured(1);
        const bool exact = problem.message.contains(QLatin1String("exactly"));
        found << QStringLiteral("%1:%2:%3")
                     .arg(problem.line)
                     .arg(earlier, exact ? QStringLiteral("exact") : QStringLiteral("other"));
        // An exact repeat is sent once and Prometheus would store it once anyway (a warning); a
        // second value at one time is one that Prometheus drops without a word (an error).
        QCOMPARE(severityName(problem.severity), exact ? QStringLiteral("warning") : QStringLiteral("error"));
    }
    QCOMPARE(found, repeats);
    QCOMPARE(result.stats.samples, samples);
}

namespace {

// Everything a parse gives, as text: problems with their fixes, counts, and each event.
class RecordingSink final : public SampleSink
{
public:
    QStringList events;
    void onFamily(const FamilyDescriptor &family) override
    {
        events << QStringLiteral("family %1 %2")
                      .arg(QString::fromUtf8(family.familyName.data(), qsizetype(family.familyName.size())))
                      .arg(int(family.type));
    }
    void onSample(const SampleEvent &e) override
    {
        QString labels;
        for (const LabelView &label : e.labels)
            labels += QString::fromUtf8(label.name.data(), qsizetype(label.name.size())) + QLatin1Char('=')
                + QString::fromUtf8(label.value.data(), qsizetype(label.value.size())) + QLatin1Char(';');
        events << QStringLiteral("sample line %1 %2 role %3 {%4} bound %5 value %6 ts %7 key %8 hash %9")
                      .arg(e.line)
                      .arg(QString::fromUtf8(e.familyName.data(), qsizetype(e.familyName.size())))
                      .arg(int(e.role))
                      .arg(labels)
                      .arg(std::bit_cast<quint64>(e.bound))
                      .arg(std::bit_cast<quint64>(e.value))
                      .arg(e.timestampMs ? QString::number(*e.timestampMs) : QStringLiteral("none"))
                      .arg(QString::fromUtf8(e.seriesKey.data(), qsizetype(e.seriesKey.size())))
                      .arg(e.seriesHash);
    }
};

QStringList everything(const QByteArray &input, ExpositionFormat format, ValidationTarget target, bool onePass,
                       qint64 &simpleLines)
{
    ParseOptions options;
    options.format = format;
    options.target = target;
    options.fileName = QStringLiteral("input.prom");
    options.nowMs = kNow;
    detail::ParseInternals internals;
    internals.simpleLinesInOnePass = onePass;
    RecordingSink sink;
    TextParser parser(options, internals, &sink);
    parser.feed(input);
    parser.finish();
    QStringList all = sink.events;
    for (const Problem &problem : parser.problems()) {
        all << formatProblem(problem) + QStringLiteral(" [col %1]").arg(problem.column);
        if (problem.fix) {
            all << QStringLiteral("  fix: %1").arg(problem.fix->description);
            for (const TextEdit &edit : problem.fix->edits)
                all << QStringLiteral("  edit %1+%2 '%3'")
                           .arg(edit.offset)
                           .arg(edit.length)
                           .arg(QString::fromUtf8(edit.replacement));
        }
    }
    const ParseStats &stats = parser.stats();
    all << QStringLiteral("stats %1 %2 %3 %4 %5")
               .arg(stats.lines)
               .arg(stats.samples)
               .arg(stats.families)
               .arg(stats.errors)
               .arg(stats.warnings);
    simpleLines = stats.simpleLines;
    return all;
}

} // namespace

void TestTextParser::simpleLinesReadAsByTheFullChecks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("target");

    // Lines the one-pass reading takes, and near misses it must leave to the full checks.
    const QList<QByteArray> lines = {
        "m 1",
        "m 1 1699999000000",
        "m{a=\"x\"} 1",
        "m{a=\"x\",b=\"y\"} 2 1699999000001",
        "m{b=\"y\",a=\"x\"} 3",
        "m{a=\"x\",a=\"y\"} 4",
        "m{a=\"\"} 5",
        "m{__x=\"1\"} 6",
        "m{job=\"j\"} 7",
        "m{a=\"x\",} 8",
        "m{} 9",
        "m{ a=\"x\"} 10",
        "m{a=\"x\"}  11",
        "m  12",
        "m 13  1699999000002",
        "m 14 1699999000003 ",
        "m 15 ",
        "m\t16",
        "m{a=\"caf\xC3\xA9\"} 17",
        "m{a=\"bad\xE9\"} 18",
        "m{a=\"x\\\\y\"} 19",
        "m{a=\"x\\qy\"} 20",
        "m{a=\"x\ty\"} 21",
        "m 22.0",
        "m 023",
        "m -24",
        "m NaN",
        "m +Inf",
        "m 2.5e1",
        "m 26,5",
        "m 27 1700000000",
        "m 28 99999999999999",
        "m 29 1.5",
        "m 30 +1699999000004",
        "m 31 # {t=\"1\"} 1",
        "m 32 1699999000005 # {t=\"1\"} 1",
        "m{a=\"x\"} 33",
        "m{a=\"x\"} 33",
        "m{a=\"x\"} 34 1699999000000",
        "m 35 1699999000000",
        "m_total 36",
        "m{a=\"x\"",
        "m{a=x} 37",
        "m{1a=\"x\"} 38",
        "m{a=\"x\"}39",
        "m 40\r",
        "mx 41",
        "m 42",
        "m{" + QByteArray(40, 'l') + "=\"v\"} 43",
        "m{a=\"" + QByteArray(3000, 'v') + "\"} 44",
        // Buckets, quantiles, sums and counts, in histogram and summary families and out of them.
        "m_bucket{le=\"0.5\"} 46",
        "m_bucket{b=\"y\",le=\"+Inf\",a=\"x\"} 47",
        "m_bucket{le=\"1e1\"} 48",
        "m_bucket{le=\"0x1\"} 49",
        "m_bucket{le=\"NaN\"} 50",
        "m_bucket{le=\"+inf\"} 51",
        "m_bucket{a=\"x\"} 52",
        "m_bucket{le=\"0.5\"} -53",
        "m{quantile=\"0.5\"} 54",
        "m{quantile=\"1.5\"} 55",
        "m{b=\"y\",quantile=\"0.9\",a=\"x\"} 56",
        "m_sum 57",
        "m_sum -58",
        "m_count 59",
        "m_count -60",
        "m_created 61",
        "m_total -62",
    };
    QByteArray body;
    for (const QByteArray &line : lines)
        body += line + '\n';
    QByteArray manyLabels = "m{";
    for (int i = 0; i < 40; ++i)
        manyLabels += "l" + QByteArray::number(100 + i) + "=\"v\",";
    manyLabels.chop(1);
    body += manyLabels + "} 45\n";

    const QList<std::pair<QByteArray, QByteArray>> declarations = {{"undeclared", ""},
                                                                   {"gauge", "# TYPE m gauge\n"},
                                                                   {"counter", "# TYPE m counter\n"},
                                                                   {"untyped", "# TYPE m untyped\n"},
                                                                   {"histogram", "# TYPE m histogram\n"},
                                                                   {"summary", "# TYPE m summary\n"}};
    for (const auto &[type, declaration] : declarations) {
        for (const QString &target : {QStringLiteral("generic"), QStringLiteral("pushgateway"),
                                      QStringLiteral("remote-write"), QStringLiteral("tmp")}) {
            QTest::addRow("%s-text-%s", type.constData(), qPrintable(target)) << declaration + body << kText << target;
            QTest::addRow("%s-openmetrics-%s", type.constData(), qPrintable(target)) << declaration + body + "# EOF\n"
                                                                                     << kOm << target;
        }
    }
}

void TestTextParser::simpleLinesReadAsByTheFullChecks()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, format);
    QFETCH(QString, target);
    const ExpositionFormat parsedFormat = format == kOm ? ExpositionFormat::OpenMetrics : ExpositionFormat::Text;
    qint64 simple = 0;
    qint64 none = 0;
    const QStringList onePass = everything(input, parsedFormat, *targetFromName(target), true, simple);
    const QStringList fullChecks = everything(input, parsedFormat, *targetFromName(target), false, none);
    QCOMPARE(onePass, fullChecks);
    QCOMPARE(none, 0);
    // Every kind of family has lines the one-pass reading takes: the plain ones of gauges and
    // untyped metrics, an OpenMetrics counter's _total, a histogram's buckets, sums and counts, a
    // summary's quantiles.
    QVERIFY2(simple >= 3, qPrintable(QStringLiteral("only %1 line(s) read in one pass").arg(simple)));
}

// A hostile line of 20,000 labels in reverse order is sorted in n log n, not n²: it costs a few
// times what the same labels in order cost (a quadratic sort took hundreds of times as long).
void TestTextParser::manyLabelsInReverseCostAboutWhatTheyCostInOrder()
{
    constexpr int kLabels = 20000;
    QByteArray inOrder = "m{";
    QByteArray reversed = "m{";
    for (int i = 0; i < kLabels; ++i) {
        inOrder += "l" + QByteArray::number(100000 + i) + "=\"v\",";
        reversed += "l" + QByteArray::number(100000 + kLabels - 1 - i) + "=\"v\",";
    }
    inOrder.back() = '}';
    reversed.back() = '}';
    const auto fastest = [](const QByteArray &line) {
        qint64 best = std::numeric_limits<qint64>::max();
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            // After a first line of the family, as lines of a family come: the one-pass reading tries it.
            const ParseResult result = parseText(QByteArray("m 0\n" + line + " 1\n"), ParseOptions{});
            best = std::min(best, timer.nsecsElapsed());
            if (result.hasErrors())
                return qint64(-1);
        }
        return best;
    };
    const qint64 sorted = fastest(inOrder);
    const qint64 unsorted = fastest(reversed);
    QVERIFY(sorted > 0 && unsorted > 0);
    qInfo("in order %.1f ms, reversed %.1f ms", double(sorted) / 1e6, double(unsorted) / 1e6);
    QVERIFY2(unsorted < 20 * sorted,
             qPrintable(QStringLiteral("in order %1 ms, reversed %2 ms").arg(sorted / 1e6).arg(unsorted / 1e6)));
}

void TestTextParser::reportsEveryProblemInOnePass()
{
    const QByteArray input = "bad-name 1\n"
                             "ok 1\n"
                             "x{a=\"b} 1\n"
                             "y 1,5\n"
                             "z{q=\"\\x\"} 1\n";
    const ParseResult result = parse(input);
    QStringList codes;
    for (const Problem &problem : result.problems)
        codes << QStringLiteral("%1:%2").arg(problem.line).arg(problem.code);
    QCOMPARE(codes,
             QStringList({QStringLiteral("1:invalid-metric-name"), QStringLiteral("3:unterminated-label-value"),
                          QStringLiteral("4:invalid-number"), QStringLiteral("5:invalid-escape")}));
    QCOMPARE(result.stats.samples, 1); // the one good line still counts
}

void TestTextParser::chunkBoundariesDoNotMatter_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::newRow("one-byte") << 1;
    QTest::newRow("two-bytes-splits-bom") << 2;
    QTest::newRow("seven-bytes") << 7;
    QTest::newRow("whole-text") << 100000;
}

void TestTextParser::chunkBoundariesDoNotMatter()
{
    QFETCH(int, chunkSize);
    const QByteArray input
        = "\xEF\xBB\xBF# TYPE h histogram\r\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n"
          "a{x=\"1\"} 1 1699999999000\nb 1,5\nc 1";
    ParseOptions options;
    options.nowMs = kNow;
    const ParseResult whole = parseText(input, options);
    TextParser parser(options);
    for (qsizetype i = 0; i < input.size(); i += chunkSize)
        parser.feed(QByteArrayView(input).sliced(i, std::min<qsizetype>(chunkSize, input.size() - i)));
    parser.finish();
    QCOMPARE(describe(parser.problems()), describe(whole.problems));
    QCOMPARE(parser.stats().samples, whole.stats.samples);
    QVERIFY(!whole.problems.isEmpty());
}

void TestTextParser::buildsHistogramsAndSummariesAsOneMetric()
{
    const ParseResult result
        = parse("# HELP h Latency.\n# TYPE h histogram\n"
                "h_bucket{path=\"/a\",le=\"0.5\"} 1\nh_bucket{path=\"/a\",le=\"+Inf\"} 2\n"
                "h_sum{path=\"/a\"} 0.7\nh_count{path=\"/a\"} 2\n"
                "h_bucket{path=\"/b\",le=\"+Inf\"} 0\nh_sum{path=\"/b\"} 0\nh_count{path=\"/b\"} 0\n"
                "# TYPE s summary\ns{quantile=\"0.9\"} 3\ns_sum 9\ns_count 3\n");
    QVERIFY2(!result.hasErrors(), qPrintable(describe(result.problems)));
    QCOMPARE(result.metrics.families.size(), 2);
    const MetricFamily &h = result.metrics.families.at(0);
    QCOMPARE(h.name, QStringLiteral("h"));
    QCOMPARE(h.type, MetricType::Histogram);
    QCOMPARE(h.help, QStringLiteral("Latency."));
    QCOMPARE(h.metrics.size(), 2);
    QCOMPARE(h.metrics.at(0).labels, Labels({{QStringLiteral("path"), QStringLiteral("/a")}}));
    QCOMPARE(h.metrics.at(0).buckets.size(), 2);
    QCOMPARE(h.metrics.at(0).buckets.at(0).upperBound, 0.5);
    QVERIFY(std::isinf(h.metrics.at(0).buckets.at(1).upperBound));
    QCOMPARE(*h.metrics.at(0).sum, 0.7);
    QCOMPARE(*h.metrics.at(0).count, 2.0);
    const MetricFamily &s = result.metrics.families.at(1);
    QCOMPARE(s.metrics.size(), 1);
    QCOMPARE(s.metrics.at(0).quantiles.size(), 1);
    QCOMPARE(s.metrics.at(0).quantiles.at(0).quantile, 0.9);
    QCOMPARE(*s.metrics.at(0).count, 3.0);
}

void TestTextParser::normalisesOpenMetricsCounters()
{
    const ParseResult result = parse("# TYPE jobs counter\n# HELP jobs Jobs done.\njobs_total{q=\"a\"} 5 1699999999.5\n"
                                     "jobs_created{q=\"a\"} 1699990000 1699999999.5\n# EOF\n",
                                     ExpositionFormat::OpenMetrics);
    QVERIFY2(!result.hasErrors(), qPrintable(describe(result.problems)));
    QCOMPARE(result.metrics.families.size(), 1);
    const MetricFamily &family = result.metrics.families.constFirst();
    QCOMPARE(family.name, QStringLiteral("jobs_total"));
    QCOMPARE(family.type, MetricType::Counter);
    QCOMPARE(family.metrics.size(), 1);
    QCOMPARE(family.metrics.at(0).value, 5.0);
    QCOMPARE(*family.metrics.at(0).created, 1699990000.0);
    QCOMPARE(*family.metrics.at(0).timestampMs, qint64(1699999999500));
}

void TestTextParser::keepsSpecialValues()
{
    const ParseResult result = parse("a{k=\"nan\"} NaN\na{k=\"inf\"} +Inf\na{k=\"ninf\"} -Inf\na{k=\"negzero\"} -0\n");
    const QList<Metric> &metrics = result.metrics.families.constFirst().metrics;
    QVERIFY(std::isnan(metrics.at(0).value));
    QCOMPARE(metrics.at(1).value, std::numeric_limits<double>::infinity());
    QCOMPARE(metrics.at(2).value, -std::numeric_limits<double>::infinity());
    QVERIFY(std::signbit(metrics.at(3).value));
}

void TestTextParser::capsRepeatedProblemsWithASummary()
{
    QByteArray input;
    for (int i = 0; i < 30; ++i)
        input += "m" + QByteArray::number(i) + " 1,5\n";
    ParseOptions options;
    options.maxProblemsPerCode = 10;
    const ParseResult result = parseText(input, options);
    QCOMPARE(result.stats.errors, 30);
    QCOMPARE(result.problems.size(), 11);
    QCOMPARE(result.problems.last().line, 0);
    QVERIFY(result.problems.last().message.startsWith(QLatin1String("20 more")));
}

void TestTextParser::columnsCountCharactersNotBytes()
{
    const ParseResult result = parse("a{city=\"東京\",b=\"\\q\"} 1\n");
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.at(0).column, 16);
}

void TestTextParser::detectsFormat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("openMetrics");
    QTest::newRow("ends-with-eof") << QByteArray("a 1\n# EOF\n") << true;
    QTest::newRow("ends-with-eof-no-newline") << QByteArray("a 1\n# EOF") << true;
    QTest::newRow("declares-unit") << QByteArray("# TYPE a_s gauge\n# UNIT a_s s\na_s 1\n") << true;
    QTest::newRow("plain-text") << QByteArray("# TYPE a gauge\na 1\n") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestTextParser::detectsFormat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, openMetrics);
    QCOMPARE(detectFormat(text, text.right(64)) == ExpositionFormat::OpenMetrics, openMetrics);
}

QTEST_GUILESS_MAIN(TestTextParser)
#include "tst_textparser.moc"
