// OpenMetrics 1.0's own parser test suite (OpenObservability/OpenMetrics tests/testdata/parsers,
// copied with its origin and license in tests/data/openmetrics-parsers): every case must parse
// exactly when its test.json says shouldParse, and a refusal names the line of each error.
#include "exposition/TextParser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace promdesk;

namespace {

const QString kSuite = QStringLiteral(PROMDESK_TEST_DATA_DIR "/openmetrics-parsers");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

} // namespace

class TestOpenMetricsSuite : public QObject
{
    Q_OBJECT

private slots:
    void wholeSuiteIsHere();
    void caseParsesAsTheSuiteSays_data();
    void caseParsesAsTheSuiteSays();
};

void TestOpenMetricsSuite::wholeSuiteIsHere()
{
    const QStringList cases = QDir(kSuite).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(cases.size(), 211);
}

void TestOpenMetricsSuite::caseParsesAsTheSuiteSays_data()
{
    QTest::addColumn<QByteArray>("metrics");
    QTest::addColumn<bool>("shouldParse");
    for (const QString &name : QDir(kSuite).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QJsonObject test = QJsonDocument::fromJson(readFile(kSuite + u'/' + name + u"/test.json")).object();
        QVERIFY2(test.contains(u"shouldParse"), qPrintable(name));
        QTest::newRow(qPrintable(name)) << readFile(kSuite + u'/' + name + u"/metrics")
                                        << test.value(u"shouldParse").toBool();
    }
}

void TestOpenMetricsSuite::caseParsesAsTheSuiteSays()
{
    QFETCH(QByteArray, metrics);
    QFETCH(bool, shouldParse);
    ParseOptions options;
    options.format = ExpositionFormat::OpenMetrics;
    options.fileName = QStringLiteral("metrics");
    const ParseResult result = parseText(metrics, options);
    QStringList errors;
    for (const Problem &problem : result.problems) {
        if (problem.severity == Severity::Error) {
            errors << formatProblem(problem);
            QVERIFY2(problem.line > 0, qPrintable(formatProblem(problem)));
        }
    }
    QVERIFY2(errors.isEmpty() == shouldParse,
             qPrintable(shouldParse ? errors.join(u'\n') : QStringLiteral("no error for a case that must not parse")));
}

QTEST_GUILESS_MAIN(TestOpenMetricsSuite)
#include "tst_openmetrics_suite.moc"
