#include "model/Labels.h"
#include "model/MetricFamily.h"
#include "model/Sample.h"

#include <QTest>

#include <cmath>

using namespace promdesk;

class TestLabels : public QObject
{
    Q_OBJECT

private slots:
    void keepsLabelsSorted();
    void replacesAndRemoves();
    void printsEscapedValues();
    void staleMarkerSurvivesCopies();
    void comparesValuesBitExactly();
};

void TestLabels::keepsLabelsSorted()
{
    Labels labels{{QStringLiteral("zone"), QStringLiteral("a")},
                  {QStringLiteral("app"), QStringLiteral("b")},
                  {QStringLiteral("instance"), QStringLiteral("c")}};
    QStringList names;
    for (const Label &label : labels)
        names << label.name;
    QCOMPARE(names, QStringList({QStringLiteral("app"), QStringLiteral("instance"), QStringLiteral("zone")}));
}

void TestLabels::replacesAndRemoves()
{
    Labels labels{{QStringLiteral("a"), QStringLiteral("1")}};
    labels.set(QStringLiteral("a"), QStringLiteral("2"));
    QCOMPARE(labels.size(), 1);
    QCOMPARE(labels.value(QStringLiteral("a")), QStringLiteral("2"));
    QVERIFY(labels.remove(QStringLiteral("a")));
    QVERIFY(!labels.remove(QStringLiteral("a")));
    QVERIFY(labels.isEmpty());
}

void TestLabels::printsEscapedValues()
{
    const Labels labels{{QStringLiteral("p"), QStringLiteral("C:\\x \"q\"\nz")}};
    QCOMPARE(labels.toString(), QStringLiteral("{p=\"C:\\\\x \\\"q\\\"\\nz\"}"));
}

void TestLabels::staleMarkerSurvivesCopies()
{
    Metric metric;
    metric.value = staleMarker();
    const Metric copy = metric;
    QVERIFY(isStaleMarker(copy.value));
    QVERIFY(std::isnan(copy.value));
    QVERIFY(!isStaleMarker(std::numeric_limits<double>::quiet_NaN()));
}

void TestLabels::comparesValuesBitExactly()
{
    Metric a;
    a.value = std::numeric_limits<double>::quiet_NaN();
    Metric b = a;
    QVERIFY(a == b); // NaN equals itself in the model, or round-trip tests could never pass
    b.value = staleMarker();
    QVERIFY(!(a == b)); // and the stale marker is not any NaN
}

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
