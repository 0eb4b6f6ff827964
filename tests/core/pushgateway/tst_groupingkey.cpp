#include "pushgateway/GroupingKey.h"

#include <QTest>

using namespace promdesk;

class TestGroupingKey : public QObject
{
    Q_OBJECT

private slots:
    void buildsPaths_data();
    void buildsPaths();
    void parsesPaths_data();
    void parsesPaths();
    void validates_data();
    void validates();
};

void TestGroupingKey::buildsPaths_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("path");
    // clang-format off
    QTest::newRow("safe-value-as-is")   << "db_backup" << "instance" << "web-1.example_com~x" << "/metrics/job/db_backup/instance/web-1.example_com~x";
    QTest::newRow("slash-base64")       << "backup" << "path" << "/var/tmp" << "/metrics/job/backup/path@base64/L3Zhci90bXA";
    QTest::newRow("empty-value-equals") << "backup" << "instance" << "" << "/metrics/job/backup/instance@base64/=";
    QTest::newRow("space-never-plus")   << "backup" << "db" << "a b" << "/metrics/job/backup/db@base64/YSBi";
    QTest::newRow("plus-kept-literal")  << "backup" << "db" << "a+b" << "/metrics/job/backup/db@base64/YSti";
    QTest::newRow("url-safe-alphabet")  << "backup" << "v" << "?\?>" << "/metrics/job/backup/v@base64/Pz8-";
    QTest::newRow("non-ascii")          << "backup" << "city" << "Zürich" << "/metrics/job/backup/city@base64/WsO8cmljaA";
    QTest::newRow("dot-segment")        << "backup" << "v" << ".." << "/metrics/job/backup/v@base64/Li4";
    QTest::newRow("job-needs-base64")   << "a/b" << "x" << "y" << "/metrics/job@base64/YS9i/x/y";
    // clang-format on
}

void TestGroupingKey::buildsPaths()
{
    QFETCH(QString, job);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, path);
    const GroupingKey key(job, {{name, value}});
    QCOMPARE(key.path(), path);
    const std::optional<GroupingKey> back = GroupingKey::fromPath(path);
    QVERIFY(back);
    QCOMPARE(*back, key);
}

void TestGroupingKey::parsesPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("labels");
    // clang-format off
    QTest::newRow("with-route-prefix")     << "/pgw/metrics/job/j/instance/a" << true << "j" << "{instance=\"a\",job=\"j\"}";
    QTest::newRow("percent-encoded-space") << "/metrics/job/j/db/a%20b" << true << "j" << "{db=\"a b\",job=\"j\"}";
    QTest::newRow("padded-base64")         << "/metrics/job/j/p@base64/L3Zhci90bXA=" << true << "j" << "{job=\"j\",p=\"/var/tmp\"}";
    QTest::newRow("odd-parts")             << "/metrics/job/j/instance" << false << "" << "";
    QTest::newRow("not-job-first")         << "/metrics/instance/a" << false << "" << "";
    QTest::newRow("bad-base64")            << "/metrics/job/j/p@base64/!!" << false << "" << "";
    QTest::newRow("no-metrics-part")       << "/api/v1/metrics" << false << "" << "";
    // clang-format on
}

void TestGroupingKey::parsesPaths()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    QFETCH(QString, job);
    QFETCH(QString, labels);
    QString error;
    const std::optional<GroupingKey> key = GroupingKey::fromPath(path, &error);
    QCOMPARE(key.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(key->job(), job);
    QCOMPARE(key->toString(), labels);
}

void TestGroupingKey::validates_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("expected"); // a fragment of the first problem, empty when valid
    QTest::newRow("valid") << "j" << QStringList{QStringLiteral("instance"), QStringLiteral("db")} << QString();
    QTest::newRow("empty-job") << "" << QStringList() << "job is empty";
    QTest::newRow("bad-name") << "j" << QStringList{QStringLiteral("1x")} << "not a valid label name";
    QTest::newRow("dash-in-name") << "j" << QStringList{QStringLiteral("my-label")} << "not a valid label name";
    QTest::newRow("reserved-prefix") << "j" << QStringList{QStringLiteral("__x")} << "reserves";
    QTest::newRow("duplicate") << "j" << QStringList{QStringLiteral("a"), QStringLiteral("a")} << "appears twice";
    QTest::newRow("job-as-label") << "j" << QStringList{QStringLiteral("job")} << "do not repeat it";
}

void TestGroupingKey::validates()
{
    QFETCH(QString, job);
    QFETCH(QStringList, names);
    QFETCH(QString, expected);
    GroupingKey key(job);
    for (const QString &name : names)
        key.addLabel(name, QStringLiteral("v"));
    const QStringList problems = key.validate();
    if (expected.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        return;
    }
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.constFirst().contains(expected), qPrintable(problems.constFirst()));
}

QTEST_GUILESS_MAIN(TestGroupingKey)
#include "tst_groupingkey.moc"
