// What the lab shows after each step: the job's series, marked against the step before.
#include "pushgateway/Holdings.h"

#include <QTest>

using namespace promdesk;

namespace {

GatewayGroup group(const QString &instance, QList<std::pair<QString, double>> series)
{
    GatewayGroup g;
    g.groupingKey = Labels{{QStringLiteral("instance"), instance}, {QStringLiteral("job"), QStringLiteral("demo")}};
    for (const auto &[name, value] : series) {
        MetricFamily family;
        family.name = name;
        family.type = MetricType::Gauge;
        Metric metric;
        metric.value = value;
        family.metrics.append(metric);
        g.metrics.families.append(family);
    }
    return g;
}

} // namespace

class TestHoldings : public QObject
{
    Q_OBJECT

private slots:
    void marksWhatChanged_data();
    void marksWhatChanged();
    void markdownHasATablePerStep();
};

void TestHoldings::marksWhatChanged_data()
{
    QTest::addColumn<bool>("hadBefore");
    QTest::addColumn<QStringList>("expected"); // series=change
    QTest::newRow("first step: all new") << false
                                         << QStringList{QStringLiteral("a/size=new"), QStringLiteral("b/size=new")};
    QTest::newRow("overwritten value") << true
                                       << QStringList{QStringLiteral("a/size=changed"), QStringLiteral("a/time=gone"),
                                                      QStringLiteral("b/size=new")};
}

void TestHoldings::marksWhatChanged()
{
    QFETCH(bool, hadBefore);
    QFETCH(QStringList, expected);
    GatewayGroups before;
    before.groups = {group(QStringLiteral("a"), {{QStringLiteral("size"), 1.2e9}, {QStringLiteral("time"), 5}})};
    GatewayGroups after;
    after.groups = {group(QStringLiteral("a"), {{QStringLiteral("size"), 3.4e9}}),
                    group(QStringLiteral("b"), {{QStringLiteral("size"), 7}})};
    QStringList got;
    for (const HeldSeries &row : compareHoldings(hadBefore ? &before : nullptr, after, QStringLiteral("demo")))
        got << row.group.section(QLatin1Char('"'), 1, 1) + QLatin1Char('/') + row.series + QLatin1Char('=')
                + changeName(row.change);
    QCOMPARE(got, expected);
    if (hadBefore) {
        const QList<HeldSeries> rows = compareHoldings(&before, after, QStringLiteral("demo"));
        QCOMPARE(rows.constFirst().was, QStringLiteral("1.2e+09"));
        QCOMPARE(rows.constFirst().value, QStringLiteral("3.4e+09"));
    }
    QVERIFY(compareHoldings(&before, after, QStringLiteral("other_job")).isEmpty());
}

void TestHoldings::markdownHasATablePerStep()
{
    ScenarioStep step;
    step.title = QStringLiteral("B pushes");
    step.machine = QStringLiteral("Machine B");
    step.why = QStringLiteral("same key");
    GatewayGroups after;
    after.groups = {group(QStringLiteral("a|b"), {{QStringLiteral("size"), 3}})};
    const QString markdown
        = walkthroughMarkdown(QStringLiteral("Intro."),
                              {WalkthroughStep{step, QStringLiteral("PUT /metrics/job/demo"),
                                               compareHoldings(nullptr, after, QStringLiteral("demo"))}});
    QVERIFY(markdown.contains(QLatin1String("## Step 1: B pushes")));
    QVERIFY(markdown.contains(QLatin1String("| Group | Series | Value | Change |")));
    QVERIFY2(markdown.contains(QLatin1String("a\\|b")),
             qPrintable(markdown)); // a pipe in a value does not break the table
    QVERIFY(markdown.contains(QLatin1String("**Why:** same key")));
}

QTEST_GUILESS_MAIN(TestHoldings)
#include "tst_holdings.moc"
