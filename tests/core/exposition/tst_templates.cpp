#include "exposition/Templates.h"
#include "exposition/TextParser.h"

#include <QTest>

using namespace promdesk;

// Every template is a valid push as it stands: an operator starts from it at 3 a.m.
class TestTemplates : public QObject
{
    Q_OBJECT

private slots:
    void parsesCleanlyForAPushgateway_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < metricTemplates().size(); ++i)
            QTest::newRow(qPrintable(metricTemplates().at(i).title)) << i;
    }

    void parsesCleanlyForAPushgateway()
    {
        QFETCH(int, index);
        const MetricTemplate &chosen = metricTemplates().at(index);
        ParseOptions options;
        options.target = ValidationTarget::Pushgateway;
        options.format = detectFormat(chosen.text);
        const ParseResult result = parseText(chosen.text, options);
        QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.value(0).message));
        QVERIFY(result.stats.samples > 0);
        QVERIFY(!chosen.job.isEmpty());
    }

    void tmpExampleGroupsByInstanceAndDb()
    {
        const MetricTemplate &tmp = metricTemplates().constFirst();
        QCOMPARE(tmp.job, QStringLiteral("db_backup"));
        QStringList names;
        for (const Label &label : tmp.groupingLabels)
            names << label.name;
        QCOMPARE(names, (QStringList{QStringLiteral("instance"), QStringLiteral("db")}));
    }
};

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
