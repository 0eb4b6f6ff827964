#include "model/Sample.h"
#include "remotewrite/WriteRequestCodec.h"

#include "io/prometheus/write/v2/types.pb.h"

#include <snappy.h>

#include <QTest>

#include <limits>

using namespace promdesk;

namespace {

SeriesSet specialValues()
{
    SeriesSet set;
    WriteSeries a;
    a.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("temp")},
                      {QStringLiteral("zone"), QStringLiteral("Zürich \"1\"")}};
    a.samples = {{1700000000000, 1.5},
                 {1700000060000, std::numeric_limits<double>::quiet_NaN()},
                 {1700000120000, std::numeric_limits<double>::infinity()},
                 {1700000180000, -std::numeric_limits<double>::infinity()},
                 {1700000240000, staleMarker()},
                 {-5, -0.0}};
    a.type = MetricType::Gauge;
    a.help = QStringLiteral("Temperature.");
    WriteSeries b;
    b.labels
        = Labels{{QStringLiteral("__name__"), QStringLiteral("temp")}, {QStringLiteral("zone"), QStringLiteral("b")}};
    b.samples = {{1700000000000, 2}};
    set.series = {a, b};
    return set;
}

bool sameSeries(const SeriesSet &x, const SeriesSet &y)
{
    if (x.series.size() != y.series.size())
        return false;
    for (qsizetype i = 0; i < x.series.size(); ++i) {
        const WriteSeries &a = x.series.at(i);
        const WriteSeries &b = y.series.at(i);
        if (a.labels != b.labels || a.samples.size() != b.samples.size())
            return false;
        for (qsizetype k = 0; k < a.samples.size(); ++k) {
            if (a.samples.at(k).timestampMs != b.samples.at(k).timestampMs
                || !sameBits(a.samples.at(k).value, b.samples.at(k).value))
                return false;
        }
    }
    return true;
}

} // namespace

class TestWriteRequestCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsBitExactly_data();
    void roundTripsBitExactly();
    void usesSnappyBlockFormat();
    void v2SymbolsStartEmptyAndAreShared();
    void encodesOnlyTheBatch();
    void reportsGarbage();
    void refusesLabelRefsPastTheSymbols_data();
    void refusesLabelRefsPastTheSymbols();
};

void TestWriteRequestCodec::roundTripsBitExactly_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("v1") << int(RemoteWriteVersion::V1);
    QTest::newRow("v2") << int(RemoteWriteVersion::V2);
}

void TestWriteRequestCodec::roundTripsBitExactly()
{
    QFETCH(int, version);
    const SeriesSet set = specialValues();
    const DecodedWriteRequest decoded
        = decodeWriteRequest(encodeWriteRequest(set, RemoteWriteVersion(version)), RemoteWriteVersion(version));
    QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
    QVERIFY(sameSeries(decoded.series, set));
    QVERIFY(isStaleMarker(decoded.series.series.at(0).samples.at(4).value));
}

void TestWriteRequestCodec::usesSnappyBlockFormat()
{
    const QByteArray body = encodeWriteRequest(specialValues(), RemoteWriteVersion::V1);
    // The framed format starts with the stream identifier chunk 0xff 0x06 0x00 0x00 "sNaPpY".
    QVERIFY(!body.startsWith(QByteArray::fromHex("ff060000734e61507059")));
    QVERIFY(snappy::IsValidCompressedBuffer(body.constData(), size_t(body.size())));
}

void TestWriteRequestCodec::v2SymbolsStartEmptyAndAreShared()
{
    const QByteArray body = encodeWriteRequest(specialValues(), RemoteWriteVersion::V2);
    std::string raw;
    QVERIFY(snappy::Uncompress(body.constData(), size_t(body.size()), &raw));
    io::prometheus::write::v2::Request request;
    QVERIFY(request.ParseFromString(raw));
    QCOMPARE(request.symbols(0), std::string());
    int nameSymbols = 0;
    for (const std::string &symbol : request.symbols())
        nameSymbols += symbol == "__name__" ? 1 : 0;
    QCOMPARE(nameSymbols, 1); // both series refer to one "__name__" symbol
    QCOMPARE(request.timeseries(0).metadata().type(), io::prometheus::write::v2::Metadata::METRIC_TYPE_GAUGE);
    QCOMPARE(request.symbols(int(request.timeseries(0).metadata().help_ref())), std::string("Temperature."));
}

void TestWriteRequestCodec::encodesOnlyTheBatch()
{
    const SeriesSet set = specialValues();
    Batch batch;
    batch.slices = {BatchSlice{0, 1, 3}};
    const DecodedWriteRequest decoded
        = decodeWriteRequest(encodeWriteRequest(set, batch, RemoteWriteVersion::V1), RemoteWriteVersion::V1);
    QCOMPARE(decoded.series.series.size(), 1);
    QCOMPARE(decoded.series.series.at(0).samples.size(), 2);
    QCOMPARE(decoded.series.series.at(0).samples.at(0).timestampMs, 1700000060000);
}

void TestWriteRequestCodec::reportsGarbage()
{
    QVERIFY(!decodeWriteRequest("not snappy", RemoteWriteVersion::V1).error.isEmpty());
    // Found by fuzz_remote_write_decode: a snappy header that claims 2.2 GB made the decoder
    // allocate all of it before finding that the 60 bytes after it could never fill it.
    const QByteArray claimsGigabytes = QByteArray("\xfe\xff\xff\x99\x08", 5) + QByteArray(60, 'a');
    const DecodedWriteRequest decoded = decodeWriteRequest(claimsGigabytes, RemoteWriteVersion::V1);
    QVERIFY2(decoded.error.contains(QLatin1String("not snappy")), qPrintable(decoded.error));
}

void TestWriteRequestCodec::refusesLabelRefsPastTheSymbols_data()
{
    QTest::addColumn<QList<quint32>>("refs");
    QTest::addColumn<QString>("said");
    // Found by fuzz_remote_write_decode: a ref of 2^31 or more was read as a negative index.
    QTest::newRow("ref-above-int-max") << QList<quint32>{0, 0x9EDDB7FBu} << QStringLiteral("past the symbols table");
    QTest::newRow("ref-all-ones") << QList<quint32>{0xFFFFFFFFu, 0} << QStringLiteral("past the symbols table");
    QTest::newRow("ref-one-past-the-end") << QList<quint32>{0, 2} << QStringLiteral("past the symbols table");
    QTest::newRow("odd-number-of-refs") << QList<quint32>{1, 1, 1} << QStringLiteral("odd number of label refs");
}

void TestWriteRequestCodec::refusesLabelRefsPastTheSymbols()
{
    QFETCH(QList<quint32>, refs);
    QFETCH(QString, said);
    io::prometheus::write::v2::Request request;
    request.add_symbols("");
    request.add_symbols("up");
    io::prometheus::write::v2::TimeSeries *series = request.add_timeseries();
    for (const quint32 ref : refs)
        series->add_labels_refs(ref);
    std::string body;
    snappy::Compress(request.SerializeAsString().data(), request.ByteSizeLong(), &body);
    const DecodedWriteRequest decoded
        = decodeWriteRequest(QByteArrayView(body.data(), qsizetype(body.size())), RemoteWriteVersion::V2);
    QVERIFY2(decoded.error.contains(said), qPrintable(decoded.error));
}

QTEST_GUILESS_MAIN(TestWriteRequestCodec)
#include "tst_writerequestcodec.moc"
