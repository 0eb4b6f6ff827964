#include "TestFiles.h"
#include "pushgateway/GatewayGroups.h"

#include <QIODevice>
#include <QTest>
#include <QTextStream>

#include <cmath>

using namespace promdesk;

class TestGatewayGroups : public QObject
{
    Q_OBJECT

private slots:
    void parsesARealAnswer();
    void keepsRepeatedLabelTextOnce();
    void printsGroupsAsItGoes();
    void refusesMalformedAnswers_data();
    void refusesMalformedAnswers();
};

void TestGatewayGroups::parsesARealAnswer()
{
    // Captured from prometheus-pushgateway 1.5.1: one good group, one whose push failed.
    const std::optional<GatewayGroups> groups
        = parseGatewayGroups(test::readTestData(QStringLiteral("pushgateway-1.5-metrics.json")));
    QVERIFY(groups);
    QCOMPARE(groups->groups.size(), 2);
    // In the gateway's order.
    QCOMPARE(groups->groups.at(0).groupingKey.value(QStringLiteral("job")), QStringLiteral("cap"));
    QCOMPARE(groups->groups.at(1).groupingKey.value(QStringLiteral("job")), QStringLiteral("failed"));
    const GatewayGroup *cap = groups->find(
        Labels{{QStringLiteral("job"), QStringLiteral("cap")}, {QStringLiteral("instance"), QStringLiteral("x")}});
    QVERIFY(cap);
    QVERIFY(cap->lastPushSuccessful);
    QVERIFY(*cap->pushTimeSeconds > 1.7e9);
    QCOMPARE(*cap->pushFailureTimeSeconds, 0.0);
    QCOMPARE(cap->metrics.families.size(), 3); // push_time_seconds and push_failure_time_seconds are not metrics
    const MetricFamily *h = cap->metrics.family(QStringLiteral("h"));
    QVERIFY(h);
    QCOMPARE(h->type, MetricType::Histogram);
    QCOMPARE(h->help, QStringLiteral("Latency."));
    QCOMPARE(h->metrics.at(0).buckets.size(), 2);
    QCOMPARE(h->metrics.at(0).buckets.at(0).upperBound, 0.5); // sorted, +Inf last
    QVERIFY(std::isinf(h->metrics.at(0).buckets.at(1).upperBound));
    QCOMPARE(*h->metrics.at(0).count, 2.0);
    const MetricFamily *s = cap->metrics.family(QStringLiteral("s"));
    QCOMPARE(s->metrics.at(0).quantiles.at(0).quantile, 0.9);
    const MetricFamily *up = cap->metrics.family(QStringLiteral("up"));
    QVERIFY(std::isnan(up->metrics.at(0).value));
    QCOMPARE(up->metrics.at(0).labels.value(QStringLiteral("db")), QStringLiteral("a b"));

    const QList<const GatewayGroup *> failed = groups->ofJob(QStringLiteral("failed"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.at(0)->lastPushSuccessful);
    QVERIFY(*failed.at(0)->pushFailureTimeSeconds > 1.7e9);
}

void TestGatewayGroups::keepsRepeatedLabelTextOnce()
{
    // Every metric of a group repeats the grouping labels, and every label name repeats from
    // metric to metric: held once each, a large gateway's groups take a fraction of the memory.
    const std::optional<GatewayGroups> groups
        = parseGatewayGroups(test::readTestData(QStringLiteral("pushgateway-1.5-metrics.json")));
    QVERIFY(groups);
    const GatewayGroup *cap = groups->find(
        Labels{{QStringLiteral("job"), QStringLiteral("cap")}, {QStringLiteral("instance"), QStringLiteral("x")}});
    QVERIFY(cap);
    const QString &job = cap->groupingKey.list().at(1).value;
    QCOMPARE(job, QStringLiteral("cap"));
    QList<const Label *> jobLabels;
    for (const MetricFamily &family : cap->metrics.families) {
        for (const Metric &metric : family.metrics) {
            for (const Label &label : metric.labels) {
                if (label.name == u"job")
                    jobLabels.append(&label);
            }
        }
    }
    QCOMPARE(jobLabels.size(), 3);
    for (const Label *label : std::as_const(jobLabels)) {
        QCOMPARE(label->value.constData(), job.constData());
        QCOMPARE(label->name.constData(), jobLabels.at(0)->name.constData());
    }
}

namespace {

// Remembers how much each write hands over.
class WriteSizes : public QIODevice
{
public:
    WriteSizes() { open(QIODevice::WriteOnly); }
    qint64 largest = 0;
    QByteArray written;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        largest = std::max(largest, size);
        written.append(data, size);
        return size;
    }
};

} // namespace

void TestGatewayGroups::printsGroupsAsItGoes()
{
    // A gateway of 200 groups x 100 series prints about 2 MB: written to a device, the stream
    // hands it over in pieces of about one group, never all of it at once.
    GatewayGroups groups;
    for (int g = 0; g < 200; ++g) {
        GatewayGroup group;
        group.groupingKey = Labels{{QStringLiteral("job"), QStringLiteral("j")},
                                   {QStringLiteral("instance"), QStringLiteral("host-%1").arg(g)}};
        MetricFamily family;
        family.name = QStringLiteral("requests_total");
        for (int m = 0; m < 100; ++m) {
            Metric metric;
            metric.labels = group.groupingKey;
            metric.labels.set(QStringLiteral("path"), QStringLiteral("/srv/volume/%1/shard/data").arg(m));
            metric.value = m;
            family.metrics.append(metric);
        }
        group.metrics.families.append(family);
        groups.groups.append(group);
    }
    WriteSizes device;
    QTextStream stream(&device);
    renderGroups(stream, groups);
    stream.flush();
    QCOMPARE(QString::fromUtf8(device.written), renderGroups(groups));
    QVERIFY2(device.written.startsWith(
                 "{instance=\"host-0\",job=\"j\"}  last push never\n"
                 "    requests_total{instance=\"host-0\",job=\"j\",path=\"/srv/volume/0/shard/data\"} 0\n"
                 "    requests_total{instance=\"host-0\",job=\"j\",path=\"/srv/volume/1/shard/data\"} 1\n"),
             device.written.left(300).constData());
    QVERIFY2(device.written.size() > 1'000'000, QByteArray::number(device.written.size()).constData());
    QVERIFY2(device.largest < 64 * 1024, QByteArray::number(device.largest).constData());
}

void TestGatewayGroups::refusesMalformedAnswers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not-json") << QByteArray("<html>") << "not JSON";
    QTest::newRow("error-status") << QByteArray(R"({"status":"error","error":"boom"})") << "boom";
}

void TestGatewayGroups::refusesMalformedAnswers()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, fragment);
    QString error;
    QVERIFY(!parseGatewayGroups(json, &error));
    QVERIFY2(error.contains(fragment), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestGatewayGroups)
#include "tst_gatewaygroups.moc"
