#include "util/Gzip.h"

#include <QTest>

using namespace promdesk;

class TestGzip : public QObject
{
    Q_OBJECT

private slots:
    void inflatesWhatItDeflated_data();
    void inflatesWhatItDeflated();
    void readsEveryMemberOfABody();
    void refusesWhatItCannotInflateWhole_data();
    void refusesWhatItCannotInflateWhole();
    void knowsAGzipBodyByItsStart_data();
    void knowsAGzipBodyByItsStart();
};

void TestGzip::inflatesWhatItDeflated_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("maxBytes");
    QTest::newRow("empty") << QByteArray() << qint64(0);
    QTest::newRow("exposition-text") << QByteArray("# TYPE up gauge\nup{job=\"a\"} 1\n") << kMaxUncompressedGzipBytes;
    QTest::newRow("exactly-the-limit") << QByteArray(200'000, 'x') << qint64(200'000);
    QTest::newRow("several-output-buffers") << QByteArray(1'000'000, 'y') << kMaxUncompressedGzipBytes;
}

void TestGzip::readsEveryMemberOfABody()
{
    // Two members one after the other are one body to Go's and Python's readers: all of it.
    const QByteArray twoMembers = gzipCompress("up 1\n") + gzipCompress("down 0\n");
    const std::optional<QByteArray> inflated = gzipDecompress(twoMembers);
    QVERIFY(inflated);
    QCOMPARE(*inflated, QByteArray("up 1\ndown 0\n"));
    // Both members count against the bound.
    bool tooLarge = false;
    QVERIFY(!gzipDecompress(twoMembers, 8, &tooLarge));
    QVERIFY(tooLarge);
}

void TestGzip::inflatesWhatItDeflated()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, maxBytes);
    bool tooLarge = true;
    const std::optional<QByteArray> inflated = gzipDecompress(gzipCompress(data), maxBytes, &tooLarge);
    QVERIFY(inflated);
    QCOMPARE(*inflated, data);
    QVERIFY(!tooLarge);
}

void TestGzip::refusesWhatItCannotInflateWhole_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<bool>("tooLarge");
    const QByteArray zeros = gzipCompress(QByteArray(2'000'000, '\0')); // about 2 KB
    QTest::newRow("one-byte-past-the-limit") << zeros << qint64(1'999'999) << true;
    QTest::newRow("thousandfold-bomb-under-a-small-limit") << zeros << qint64(64 * 1024) << true;
    QTest::newRow("cut-short") << zeros.left(zeros.size() / 2) << kMaxUncompressedGzipBytes << false;
    QTest::newRow("without-its-trailer") << zeros.chopped(8) << kMaxUncompressedGzipBytes << false;
    QTest::newRow("not-gzip") << QByteArray("up 1\n") << kMaxUncompressedGzipBytes << false;
    QTest::newRow("garbage-after-the-member") << zeros + "up 1\n" << kMaxUncompressedGzipBytes << false;
    QTest::newRow("second-member-cut-short") << zeros + zeros.left(10) << kMaxUncompressedGzipBytes << false;
    QTest::newRow("empty-body") << QByteArray() << kMaxUncompressedGzipBytes << false;
}

void TestGzip::refusesWhatItCannotInflateWhole()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, maxBytes);
    QFETCH(bool, tooLarge);
    bool saidTooLarge = !tooLarge;
    QVERIFY(!gzipDecompress(body, maxBytes, &saidTooLarge));
    QCOMPARE(saidTooLarge, tooLarge);
}

void TestGzip::knowsAGzipBodyByItsStart_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("compressed-text") << gzipCompress("up 1\n") << true;
    QTest::newRow("magic-bytes-alone") << QByteArray("\x1f\x8b") << true;
    QTest::newRow("first-magic-byte-only") << QByteArray("\x1f") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("exposition-text") << QByteArray("up 1\n") << false;
    QTest::newRow("bytes-swapped") << QByteArray("\x8b\x1f") << false;
}

void TestGzip::knowsAGzipBodyByItsStart()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, gzip);
    QCOMPARE(looksLikeGzip(body), gzip);
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
