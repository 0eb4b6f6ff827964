// Which groups a prune removes: Prometheus selectors and durations, as operators write them.
#include "pushgateway/GroupPruning.h"

#include <QTest>

using namespace promdesk;

class TestGroupPruning : public QObject
{
    Q_OBJECT

private slots:
    void selectors_data();
    void selectors();
    void badSelectorsSayWhy_data();
    void badSelectorsSayWhy();
    void durations_data();
    void durations();
    void chooseByAgeAndSelector_data();
    void chooseByAgeAndSelector();
};

namespace {

const Labels kBatchA{{QStringLiteral("instance"), QStringLiteral("a")},
                     {QStringLiteral("job"), QStringLiteral("batch_nightly")}};

GatewayGroups sample(qint64 nowMs)
{
    auto group = [&](const QString &job, const QString &instance, std::optional<double> agoSeconds) {
        GatewayGroup g;
        g.groupingKey = Labels{{QStringLiteral("instance"), instance}, {QStringLiteral("job"), job}};
        if (agoSeconds)
            g.pushTimeSeconds = double(nowMs) / 1000.0 - *agoSeconds;
        return g;
    };
    GatewayGroups groups;
    groups.groups = {group(QStringLiteral("batch_nightly"), QStringLiteral("a"), 3 * 3600),
                     group(QStringLiteral("batch_nightly"), QStringLiteral("b"), 60),
                     group(QStringLiteral("db_backup"), QStringLiteral("a"), 8 * 86400),
                     group(QStringLiteral("db_backup"), QStringLiteral("c"), std::nullopt)};
    return groups;
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

} // namespace

void TestGroupPruning::selectors_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matchesBatchA");
    QTest::newRow("equal") << R"(job="batch_nightly")" << true;
    QTest::newRow("equal other") << R"(job="db_backup")" << false;
    QTest::newRow("regex anchored") << R"(job=~"batch.*")" << true;
    QTest::newRow("regex not a prefix match") << R"(job=~"batch")" << false;
    QTest::newRow("not equal") << R"(instance!="a")" << false;
    QTest::newRow("not regex") << R"(instance!~"b|c")" << true;
    QTest::newRow("two matchers both hold") << R"(job=~"batch.*", instance="a")" << true;
    QTest::newRow("two matchers one fails") << R"(job=~"batch.*",instance="b")" << false;
    QTest::newRow("braces") << R"({job="batch_nightly"})" << true;
    QTest::newRow("missing label is empty") << R"(db="")" << true;
    QTest::newRow("trailing comma") << R"(instance="a",)" << true;
    QTest::newRow("escaped quote in value") << R"(job!="x\"y")" << true;
}

void TestGroupPruning::selectors()
{
    QFETCH(QString, selector);
    QFETCH(bool, matchesBatchA);
    QString error;
    const std::optional<Selector> parsed = parseSelector(selector, &error);
    QVERIFY2(parsed, qPrintable(error));
    const bool all
        = std::all_of(parsed->cbegin(), parsed->cend(), [](const LabelMatcher &m) { return m.matches(kBatchA); });
    QCOMPARE(all, matchesBatchA);
}

void TestGroupPruning::badSelectorsSayWhy_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << ""
                           << "expected a label name";
    QTest::newRow("unquoted value") << "job=batch"
                                    << "double quotes";
    QTest::newRow("unclosed quote") << R"(job="batch)"
                                    << "double quotes";
    QTest::newRow("no operator") << R"(job "x")"
                                 << "expected =";
    QTest::newRow("bad regex") << R"(job=~"(")"
                               << "job=~";
    QTest::newRow("no comma") << R"(job="a" instance="b")"
                              << "comma";
    QTest::newRow("name starting with digit") << R"(1job="a")"
                                              << "label name";
}

void TestGroupPruning::badSelectorsSayWhy()
{
    QFETCH(QString, selector);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!parseSelector(selector, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestGroupPruning::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::newRow("seconds") << "90s" << qint64(90'000);
    QTest::newRow("minutes") << "15m" << qint64(900'000);
    QTest::newRow("hours") << "2h" << qint64(7'200'000);
    QTest::newRow("days") << "7d" << qint64(604'800'000);
    QTest::newRow("combined") << "1h30m" << qint64(5'400'000);
    QTest::newRow("milliseconds") << "500ms" << qint64(500);
    QTest::newRow("zero") << "0s" << qint64(-1);
    QTest::newRow("no unit") << "90" << qint64(-1);
    QTest::newRow("unknown unit") << "3 days" << qint64(-1);
    QTest::newRow("negative") << "-5m" << qint64(-1);
    QTest::newRow("overflow") << "99999999999999999y" << qint64(-1);
}

void TestGroupPruning::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QString error;
    const std::optional<qint64> parsed = parseDurationMs(text, &error);
    if (ms < 0) {
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, ms);
    }
}

void TestGroupPruning::chooseByAgeAndSelector_data()
{
    QTest::addColumn<QString>("olderThan");
    QTest::addColumn<QStringList>("selectors");
    QTest::addColumn<QStringList>("chosen"); // job/instance
    QTest::newRow("older than 2h") << "2h" << QStringList{}
                                   << strings({"batch_nightly/a", "db_backup/a", "db_backup/c"});
    QTest::newRow("older than 7d") << "7d" << QStringList{} << strings({"db_backup/a", "db_backup/c"});
    QTest::newRow("older than 30d only never pushed") << "30d" << QStringList{} << strings({"db_backup/c"});
    QTest::newRow("age and selector") << "2h" << strings({R"(job=~"batch.*")"}) << strings({"batch_nightly/a"});
    QTest::newRow("selectors are alternatives")
        << "" << strings({R"(instance="b")", R"(instance="c")"}) << strings({"batch_nightly/b", "db_backup/c"});
    QTest::newRow("nothing matches") << "1h" << strings({R"(job="none")"}) << QStringList{};
}

void TestGroupPruning::chooseByAgeAndSelector()
{
    QFETCH(QString, olderThan);
    QFETCH(QStringList, selectors);
    QFETCH(QStringList, chosen);
    const qint64 now = 1'800'000'000'000;
    PruneRule rule;
    QString error;
    if (!olderThan.isEmpty())
        rule.olderThanMs = parseDurationMs(olderThan, &error);
    for (const QString &text : selectors)
        rule.selectors.append(*parseSelector(text, &error));
    const GatewayGroups groups = sample(now);
    QStringList names;
    for (const GatewayGroup *group : groupsToPrune(groups, rule, now))
        names << group->groupingKey.value(QStringLiteral("job")) + QLatin1Char('/')
                + group->groupingKey.value(QStringLiteral("instance"));
    QCOMPARE(names, chosen);
    if (!groupsToPrune(groups, rule, now).isEmpty())
        QCOMPARE(groupingKeyOf(*groupsToPrune(groups, rule, now).constFirst()).job(),
                 chosen.constFirst().section(QLatin1Char('/'), 0, 0));
}

QTEST_MAIN(TestGroupPruning)
#include "tst_grouppruning.moc"
