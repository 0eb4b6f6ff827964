#include "exposition/DelimitedProtobuf.h"
#include "model/Sample.h"

#include "io/prometheus/client/metrics.pb.h"

#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <QTest>

using namespace promdesk;

class TestDelimitedProtobuf : public QObject
{
    Q_OBJECT

private slots:
    void writesLengthDelimitedFamilies();
    void neverSetsTimestampForPushgateway();
    void keepsStaleMarkerBits();
    void reportsGarbage();
    void refusesWhatIsNotAMetricFamily_data();
    void refusesWhatIsNotAMetricFamily();
};

void TestDelimitedProtobuf::writesLengthDelimitedFamilies()
{
    MetricSet set;
    MetricFamily family{QStringLiteral("up"), MetricType::Gauge, QStringLiteral("Is it up."), {}, {}};
    Metric metric;
    metric.labels.set(QStringLiteral("instance"), QStringLiteral("a"));
    metric.value = 1;
    family.metrics.append(metric);
    set.families = {family, family};
    set.families[1].name = QStringLiteral("down");

    const QByteArray bytes = writeDelimitedProtobuf(set);
    // The first byte is the varint length of the first message, and that message follows.
    const int firstLength = static_cast<unsigned char>(bytes.at(0));
    QVERIFY(firstLength < 128);
    io::prometheus::client::MetricFamily decoded;
    QVERIFY(decoded.ParseFromArray(bytes.constData() + 1, firstLength));
    QCOMPARE(QString::fromStdString(decoded.name()), QStringLiteral("up"));
    QCOMPARE(decoded.type(), io::prometheus::client::GAUGE);
    QCOMPARE(decoded.metric(0).gauge().value(), 1.0);
    QCOMPARE(QString::fromStdString(decoded.metric(0).label(0).name()), QStringLiteral("instance"));
    QCOMPARE(readDelimitedProtobuf(bytes).metrics, set);
}

void TestDelimitedProtobuf::neverSetsTimestampForPushgateway()
{
    MetricSet set;
    MetricFamily family{QStringLiteral("a"), MetricType::Counter, {}, {}, {}};
    Metric metric;
    metric.value = 3;
    metric.timestampMs = 0; // even a zero timestamp must not be sent: the gateway checks presence
    family.metrics.append(metric);
    set.families = {family};

    WriteOptions options;
    options.includeTimestamps = false;
    const QByteArray bytes = writeDelimitedProtobuf(set, options);
    io::prometheus::client::MetricFamily decoded;
    QVERIFY(decoded.ParseFromArray(bytes.constData() + 1, bytes.size() - 1));
    QVERIFY(!decoded.metric(0).has_timestamp_ms());

    const QByteArray withTimestamps = writeDelimitedProtobuf(set);
    QVERIFY(decoded.ParseFromArray(withTimestamps.constData() + 1, withTimestamps.size() - 1));
    QVERIFY(decoded.metric(0).has_timestamp_ms());
}

void TestDelimitedProtobuf::keepsStaleMarkerBits()
{
    MetricSet set;
    MetricFamily family{QStringLiteral("a"), MetricType::Gauge, {}, {}, {}};
    Metric metric;
    metric.value = staleMarker();
    family.metrics.append(metric);
    set.families = {family};
    const ProtobufReadResult result = readDelimitedProtobuf(writeDelimitedProtobuf(set));
    QVERIFY(isStaleMarker(result.metrics.families.at(0).metrics.at(0).value));
}

void TestDelimitedProtobuf::reportsGarbage()
{
    const ProtobufReadResult result = readDelimitedProtobuf("\x7f"
                                                            "not protobuf");
    QVERIFY(!result.error.isEmpty());
    QVERIFY(result.error.contains(QLatin1String("byte 0")));
}

void TestDelimitedProtobuf::refusesWhatIsNotAMetricFamily_data()
{
    MetricSet good;
    good.families = {MetricFamily{QStringLiteral("up"), MetricType::Gauge, {}, {}, {Metric{}}}};
    const QByteArray valid = writeDelimitedProtobuf(good);
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("said");
    QTest::newRow("twenty 0xFF bytes") << QByteArray(20, '\xff')
                                       << QStringLiteral("at byte 0: expected the length of a MetricFamily");
    QTest::newRow("a hundred NUL bytes") << QByteArray(100, '\0')
                                         << QStringLiteral("at byte 0: a MetricFamily without a name");
    QTest::newRow("cut short") << valid.left(valid.size() - 2) << QStringLiteral("at byte 0: a MetricFamily of");
    QTest::newRow("good, then garbage")
        << (valid
            + QByteArray("\x05"
                         "\xff\xff\xff\xff\xff",
                         6))
        << QStringLiteral("at byte %1: 5 bytes that are not a MetricFamily message").arg(valid.size() + 1);
    // field 1 (name), length 5, "1bad!"
    QTest::newRow("invalid metric name") << QByteArray("\x07\x0a\x05"
                                                       "1bad!",
                                                       8)
                                         << QStringLiteral("'1bad!' is not a valid metric name");
    // Found by fuzz_delimited_protobuf (tests/fuzz/regressions): a counter with one series twice
    // decoded, and convert wrote text that validate refuses.
    QTest::newRow("one series twice") << QByteArray::fromBase64(
        "awoTaHR0cF9yZXF1ZXN0c190b3RhbBgAIigKCwoEY29kZRIDNDAwCg4KBm1ldGhvZBIEcG9zdBoJCQAAAAAADJBAIigKCwoEY29kZRIDNDAwCg"
        "4KBm1ldGhvZBIEcG9zdBoJCQAAAAAAAAhA")
                                      << QStringLiteral(
                                             "the MetricFamily at byte 0 decodes, but as metrics it is invalid: "
                                             "this series was already given on line 2");
    QTest::newRow("one name in two families")
        << (valid + valid)
        << QStringLiteral("the MetricFamily at byte %1 decodes, but as metrics it is invalid").arg(valid.size());
}

void TestDelimitedProtobuf::refusesWhatIsNotAMetricFamily()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, said);
    const ProtobufReadResult result = readDelimitedProtobuf(bytes);
    QVERIFY2(result.error.contains(said), qPrintable(result.error));
    QVERIFY(result.metrics.families.isEmpty()); // nothing converted in part
}

QTEST_GUILESS_MAIN(TestDelimitedProtobuf)
#include "tst_delimitedprotobuf.moc"
