// Reading exposition text for remote write in pieces on several cores must give exactly what one
// reading gives: the same series in the same order, the same samples bit for bit, the same first
// lines, the same problems. Each row is read both ways and compared.
#include "importers/SeriesReader.h"

#include <QTest>

#include <cstring>

using namespace promdesk;

namespace {

constexpr qint64 kStart = 1795600000000;

// `points` samples 15 s apart for each of `seriesCount` series of one family, time-major (every
// series at one time, then the next time), as backfill files usually are.
QByteArray timeMajor(const QByteArray &family, const QByteArray &type, int seriesCount, int points)
{
    QByteArray text = "# HELP " + family + " Generated for the test.\n# TYPE " + family + ' ' + type + '\n';
    for (int p = 0; p < points; ++p) {
        for (int s = 0; s < seriesCount; ++s) {
            text += family + "{host=\"h" + QByteArray::number(s % 7) + "\",series=\"" + QByteArray::number(s) + "\"} "
                + QByteArray::number(s * 1000 + p) + ".25 " + QByteArray::number(kStart + p * 15000) + '\n';
        }
    }
    return text;
}

SeriesRead read(const QByteArray &text, int threads)
{
    SeriesReadOptions options;
    options.fileName = QStringLiteral("input.prom");
    options.format = ExpositionFormat::Text;
    options.nowMs = kStart + 3600000;
    options.threads = threads;
    options.piecesFromBytes = 1024; // small rows are cut too
    return readSeries(text, options);
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestSeriesReader : public QObject
{
    Q_OBJECT

private slots:
    void piecesReadLikeOneReading_data();
    void piecesReadLikeOneReading();
};

void TestSeriesReader::piecesReadLikeOneReading_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("joined"); // read in pieces, not again whole

    const QByteArray gauge = timeMajor("cpu_temp", "gauge", 40, 60);
    QTest::newRow("one-gauge-family-cut-inside") << gauge << true;
    QTest::newRow("counter-family") << timeMajor("jobs_done_total", "counter", 25, 80) << true;
    QTest::newRow("several-families") << timeMajor("a_gauge", "gauge", 20, 40) + timeMajor("b_gauge", "untyped", 20, 40)
            + timeMajor("c_total", "counter", 20, 40)
                                      << true;
    // '#' inside label values, where a cut looks back for the TYPE line before it.
    QByteArray hashes = timeMajor("tagged", "gauge", 30, 40);
    hashes.replace("host=\"h", "host=\"#h");
    QTest::newRow("hash-signs-in-label-values") << hashes << true;
    // Not joined, read whole instead: the answers must still match.
    QTest::newRow("histogram-family-is-not-cut") << timeMajor("lat_seconds_bucket", "histogram", 30, 60) << false;
    QByteArray split = timeMajor("x", "gauge", 30, 30) + timeMajor("y", "gauge", 30, 30);
    split += split.mid(split.indexOf("\nx{") + 1, 20000); // x again after y
    QTest::newRow("family-split-apart") << split << false;
    QByteArray repeated = gauge;
    const QByteArray lastTime = ' ' + QByteArray::number(kStart + 59 * 15000);
    const QByteArray firstTime = ' ' + QByteArray::number(kStart);
    repeated.replace(lastTime, firstTime);
    QTest::newRow("duplicate-samples-across-a-cut") << repeated << false;
    QByteArray withoutTimestamps;
    for (int i = 0; i < 3000; ++i)
        withoutTimestamps += "up{job=\"j" + QByteArray::number(i % 100) + "\"} 1\n";
    QTest::newRow("series-repeated-without-timestamps") << "# TYPE up gauge\n" + withoutTimestamps << false;
    QByteArray late = gauge;
    late += "cpu_temp{host=\"h0\",series=\"0\"} 1 " + QByteArray::number(kStart - 15000) + '\n';
    QTest::newRow("older-sample-after-the-cut") << late << false;
    QByteArray crlf = gauge;
    crlf.replace("\n", "\r\n");
    QTest::newRow("crlf-line-endings") << crlf << false;
    QTest::newRow("no-final-newline") << gauge.chopped(1) << false;
}

void TestSeriesReader::piecesReadLikeOneReading()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, joined);
    const SeriesRead whole = read(text, 1);
    const SeriesRead pieces = read(text, 4);
    QCOMPARE(whole.pieces, 1);
    QCOMPARE(pieces.pieces > 1, joined);
    QCOMPARE(pieces.errors, whole.errors);
    QCOMPARE(pieces.problems.size(), whole.problems.size());
    for (qsizetype i = 0; i < whole.problems.size(); ++i) {
        QCOMPARE(pieces.problems.at(i).line, whole.problems.at(i).line);
        QCOMPARE(pieces.problems.at(i).code, whole.problems.at(i).code);
    }
    QCOMPARE(pieces.series.series.size(), whole.series.series.size());
    for (qsizetype i = 0; i < whole.series.series.size(); ++i) {
        const WriteSeries &a = whole.series.series.at(i);
        const WriteSeries &b = pieces.series.series.at(i);
        QCOMPARE(b.labels, a.labels);
        QCOMPARE(b.firstLine, a.firstLine);
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.help, a.help);
        QCOMPARE(b.samples.size(), a.samples.size());
        for (qsizetype k = 0; k < a.samples.size(); ++k) {
            QCOMPARE(b.samples.at(k).timestampMs, a.samples.at(k).timestampMs);
            QVERIFY(sameBits(b.samples.at(k).value, a.samples.at(k).value));
        }
    }
}

QTEST_GUILESS_MAIN(TestSeriesReader)
#include "tst_seriesreader.moc"
