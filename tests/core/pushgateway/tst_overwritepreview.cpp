#include "exposition/TextParser.h"
#include "pushgateway/OverwritePreview.h"

#include <QTest>

using namespace promdesk;

namespace {

MetricSet parse(const char *text)
{
    return parseText(QByteArray(text), ParseOptions{}).metrics;
}

// A gateway holding groups given as {grouping labels, exposition text as the gateway stores it}.
GatewayGroups live(const QList<QPair<Labels, const char *>> &groups)
{
    GatewayGroups result;
    for (const auto &[key, text] : groups)
        result.groups.append(GatewayGroup{key, true, 1.7e9, 0.0, parse(text)});
    return result;
}

QStringList describe(const OverwritePreview &preview)
{
    QStringList out;
    for (const SeriesChange &change : preview.changes)
        out << changeKindName(change.kind) + QLatin1Char(' ') + change.family + change.labels.toString();
    return out;
}

QStringList warningCodes(const OverwritePreview &preview)
{
    QStringList codes;
    for (const PreviewWarning &warning : preview.warnings)
        codes << warning.code;
    return codes;
}

const Labels kJobOnly{{QStringLiteral("job"), QStringLiteral("backup")}};
const Labels kHostA{{QStringLiteral("job"), QStringLiteral("backup")},
                    {QStringLiteral("instance"), QStringLiteral("a")}};

} // namespace

class TestOverwritePreview : public QObject
{
    Q_OBJECT

private slots:
    void newGroupAddsEverything();
    void replaceRemovesFamiliesThePushLacks();
    void mergeKeepsOtherFamilies();
    void mergeReplacesWholeFamily();
    void groupingKeyOverridesBodyLabels();
    void warnsWithoutInstanceAndListsOtherMachines();
    void typeConflictBlocksThePush();
    void rendersForATerminal();
};

void TestOverwritePreview::newGroupAddsEverything()
{
    const OverwritePreview preview
        = previewPush(parse("a 1\nb{x=\"1\"} 2\n"),
                      GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
                      PushMethod::Replace, live({}));
    QVERIFY(!preview.groupExists);
    QCOMPARE(describe(preview),
             QStringList({QStringLiteral("added a{instance=\"a\",job=\"backup\"}"),
                          QStringLiteral("added b{instance=\"a\",job=\"backup\",x=\"1\"}")}));
    QVERIFY(!warningCodes(preview).contains(QStringLiteral("no-instance-key")));
}

void TestOverwritePreview::replaceRemovesFamiliesThePushLacks()
{
    const GatewayGroups gateway
        = live({{kHostA, "a{instance=\"a\",job=\"backup\"} 1\nold{instance=\"a\",job=\"backup\"} 5\n"}});
    const OverwritePreview preview = previewPush(
        parse("a 2\n"), GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
        PushMethod::Replace, gateway);
    QVERIFY(preview.groupExists);
    QCOMPARE(describe(preview),
             QStringList({QStringLiteral("replaced a{instance=\"a\",job=\"backup\"}"),
                          QStringLiteral("removed old{instance=\"a\",job=\"backup\"}")}));
    QCOMPARE(preview.changes.at(0).oldValue, QStringLiteral("1"));
    QCOMPARE(preview.changes.at(0).newValue, QStringLiteral("2"));
}

void TestOverwritePreview::mergeKeepsOtherFamilies()
{
    const GatewayGroups gateway
        = live({{kHostA, "a{instance=\"a\",job=\"backup\"} 2\nold{instance=\"a\",job=\"backup\"} 5\n"}});
    const OverwritePreview preview = previewPush(
        parse("a 2\n"), GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
        PushMethod::Merge, gateway);
    QCOMPARE(describe(preview),
             QStringList({QStringLiteral("unchanged a{instance=\"a\",job=\"backup\"}"),
                          QStringLiteral("kept old{instance=\"a\",job=\"backup\"}")}));
}

void TestOverwritePreview::mergeReplacesWholeFamily()
{
    // POST replaces a named family entirely: its series that the push lacks disappear too.
    const GatewayGroups gateway
        = live({{kHostA, "a{instance=\"a\",job=\"backup\",x=\"1\"} 1\na{instance=\"a\",job=\"backup\",x=\"2\"} 1\n"}});
    const OverwritePreview preview
        = previewPush(parse("a{x=\"1\"} 1\n"),
                      GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
                      PushMethod::Merge, gateway);
    QCOMPARE(describe(preview),
             QStringList({QStringLiteral("unchanged a{instance=\"a\",job=\"backup\",x=\"1\"}"),
                          QStringLiteral("removed a{instance=\"a\",job=\"backup\",x=\"2\"}")}));
}

void TestOverwritePreview::groupingKeyOverridesBodyLabels()
{
    const OverwritePreview preview
        = previewPush(parse("a{instance=\"from-body\",job=\"other\"} 1\n"),
                      GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
                      PushMethod::Replace, live({}));
    QCOMPARE(describe(preview), QStringList({QStringLiteral("added a{instance=\"a\",job=\"backup\"}")}));
    QCOMPARE(warningCodes(preview),
             QStringList({QStringLiteral("label-overwritten"), QStringLiteral("label-overwritten")}));
}

void TestOverwritePreview::warnsWithoutInstanceAndListsOtherMachines()
{
    const GatewayGroups gateway
        = live({{kJobOnly, "a{instance=\"\",job=\"backup\"} 1\n"}, {kHostA, "a{instance=\"a\",job=\"backup\"} 1\n"}});
    const OverwritePreview preview
        = previewPush(parse("a 7\n"), GroupingKey(QStringLiteral("backup")), PushMethod::Replace, gateway);
    QCOMPARE(describe(preview), QStringList({QStringLiteral("replaced a{instance=\"\",job=\"backup\"}")}));
    QCOMPARE(warningCodes(preview), QStringList({QStringLiteral("instance-empty"), QStringLiteral("no-instance-key")}));
    QCOMPARE(preview.otherGroupsOfJob, QList<Labels>({kHostA}));
    QVERIFY(preview.warnings.last().message.contains(QLatin1String("{instance=\"a\",job=\"backup\"}")));
    QVERIFY(!preview.blocked());
}

void TestOverwritePreview::typeConflictBlocksThePush()
{
    const GatewayGroups gateway = live({{kHostA, "# TYPE a counter\na{instance=\"a\",job=\"backup\"} 1\n"}});
    const OverwritePreview preview
        = previewPush(parse("# TYPE a gauge\na 7\n"),
                      GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("b")}}),
                      PushMethod::Replace, gateway);
    QVERIFY(warningCodes(preview).contains(QStringLiteral("type-conflict")));
    QVERIFY(preview.blocked());
}

void TestOverwritePreview::rendersForATerminal()
{
    const GatewayGroups gateway
        = live({{kHostA, "a{instance=\"a\",job=\"backup\"} 1\nold{instance=\"a\",job=\"backup\"} 5\n"}});
    const QString text = renderPreview(
        previewPush(parse("a 2\nnew 3\n"),
                    GroupingKey(QStringLiteral("backup"), {{QStringLiteral("instance"), QStringLiteral("a")}}),
                    PushMethod::Replace, gateway));
    QVERIFY2(text.contains(QLatin1String("~ a{instance=\"a\",job=\"backup\"} 1 -> 2")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("+ new{instance=\"a\",job=\"backup\"} 3  (new)")));
    QVERIFY(text.contains(
        QLatin1String("- old{instance=\"a\",job=\"backup\"} 5  (removed: PUT replaces the whole group)")));
    QVERIFY(text.contains(QLatin1String("1 added, 1 replaced, 0 unchanged, 1 removed")));
}

QTEST_GUILESS_MAIN(TestOverwritePreview)
#include "tst_overwritepreview.moc"
