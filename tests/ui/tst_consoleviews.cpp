// The console's views, driven offscreen in the real main window against a real Pushgateway and
// Prometheus: compose, preview, push, groups, the lab, backfill, and the history. Each test gets a
// fresh window with its own settings, history and profiles (init/cleanup); the servers are shared.
#include "AsyncWait.h"
#include "BackfillView.h"
#include "Confirm.h"
#include "GroupsView.h"
#include "HistoryView.h"
#include "MainWindow.h"
#include "OverwriteLabView.h"
#include "ProfilesPanel.h"
#include "PushView.h"
#include "ServerFixture.h"
#include "TestHome.h"
#include "exposition/TextParser.h"
#include "profiles/ProfileStore.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

class TestConsoleViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void urlFollowsTheGroupingKey();
    void previewThenPushThenHistory();
    void refusesADraftWithErrors();
    void emptyDraftEmptiesTheGroupOnlyAfterAConfirmation();
    void groupsTreeFilterAndDelete();
    void groupsAgesTickAndStaleGroupsArePruned();
    void overwriteLabRunsEveryStep();
    void backfillPlansSendsAndCancels();
    void backfillSettingsReplanAndLegendsTellSeriesApart();
    void backfillSendsAFileWithErrorsOnlyOnPurpose();

private:
    // Push's grouping key as the tests use it: job db_backup, instance gui-host.
    void useGuiHostKey();

    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers; // gone before the window
    QTemporaryDir m_dir;
};

void TestConsoleViews::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

void TestConsoleViews::init()
{
    // A home of this test's own: no settings, history, draft or profile of an earlier test.
    promdesk::test::enterFreshHome();
    m_window = std::make_unique<MainWindow>(SandboxEndpoints{
        m_gateway->baseUrl().toString(), m_prometheus->url(QStringLiteral("/api/v1/write")).toString()});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    for (QAbstractItemModel *model : {m_window->profileList()->model(), m_window->problemList()->model()})
        m_testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    QCOMPARE(m_window->profileList()->count(), 1);
    QVERIFY(m_window->profileList()->item(0)->text().startsWith(QLatin1String("Local sandbox")));
}

void TestConsoleViews::cleanup()
{
    m_testers.clear();
    m_window.reset();
    Confirm::setNextAnswer(std::nullopt);
}

void TestConsoleViews::useGuiHostKey()
{
    m_window->pushView()->setGroupingKey(QStringLiteral("db_backup"),
                                         {{QStringLiteral("instance"), QStringLiteral("gui-host")}});
}

void TestConsoleViews::urlFollowsTheGroupingKey()
{
    PushView *push = m_window->pushView();
    auto *labels = push->findChild<QTableWidget *>(QStringLiteral("groupingLabels"));
    QVERIFY(labels);
    QCOMPARE(labels->item(0, 0)->text(), QStringLiteral("instance")); // prefilled with this host
    labels->item(0, 1)->setText(QStringLiteral("/var/lib"));
    auto *url = push->findChild<QLabel *>(QStringLiteral("urlLabel"));
    QCOMPARE(url->text(),
             m_gateway->baseUrl().toString() + QStringLiteral("/metrics/job/db_backup/instance@base64/L3Zhci9saWI"));
    labels->item(0, 0)->setText(QStringLiteral("1bad"));
    QVERIFY(url->text().contains(QLatin1String("not a valid label name")));
    QVERIFY(!push->findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
    labels->item(0, 0)->setText(QStringLiteral("instance"));
    labels->item(0, 1)->setText(QStringLiteral("gui-host"));
}

void TestConsoleViews::previewThenPushThenHistory()
{
    useGuiHostKey();
    m_window->editor()->setPlainText(QStringLiteral("# TYPE gui_pushed gauge\ngui_pushed 7\n"));
    PushView *push = m_window->pushView();
    auto *result = push->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"));
    QSignalSpy finished(push, &PushView::finished);

    push->findChild<QPushButton *>(QStringLiteral("previewButton"))->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(
        result->toPlainText().contains(QLatin1String("+ gui_pushed{instance=\"gui-host\",job=\"db_backup\"} 7  (new)")),
        qPrintable(result->toPlainText()));

    const qint64 sentAfter = QDateTime::currentMSecsSinceEpoch();
    push->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(result->toPlainText().contains(QLatin1String("HTTP 200")), qPrintable(result->toPlainText()));

    // The push is in the history (written on the history thread a moment later). This push, not
    // one of an earlier run of this test: the test's history folder outlives it.
    HistoryView *history = m_window->historyView();
    QAbstractItemModelTester tester(history->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->views()->setCurrentWidget(history);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            history->reload();
            for (int row = 0; row < history->model()->rowCount(); ++row) {
                const HistoryEntry &e = history->model()->entry(row);
                if (e.tag.operation == u"replace" && e.status == 200 && e.url.contains(QLatin1String("gui-host"))
                    && e.startedAtMs >= sentAfter)
                    return true;
            }
            return false;
        }(),
        10000);
    // The search runs over the whole history, in any searched column and any case.
    const int everything = history->model()->rowCount();
    history->setFilterText(QStringLiteral("GUI-HOST"));
    QVERIFY(history->table()->model()->rowCount() >= 1);
    QVERIFY(history->table()->model()->rowCount() < everything || everything == HistoryModel::kPageSize);
    history->setFilterText(QStringLiteral("no-such-request-anywhere"));
    QCOMPARE(history->table()->model()->rowCount(), 0);
    history->setFilterText(QStringLiteral("gui-host"));
    history->table()->setCurrentIndex(history->model()->index(0, 0));
    QTRY_VERIFY2(history->details().contains(QLatin1String("gui_pushed 7")), qPrintable(history->details()));
    QVERIFY(history->curlForSelected().startsWith(QLatin1String("curl -sS -X PUT")));
    QVERIFY2(history->resendStatus().contains(QLatin1String("Copied the curl command")),
             qPrintable(history->resendStatus()));

    // Re-send it: asked first, naming where it goes; "no" sends nothing.
    const QAbstractItemModel *shown = history->table()->model();
    const qint64 originalId = shown->index(0, HistoryModel::ColumnId).data(Qt::UserRole).toLongLong();
    QVERIFY(originalId > 0);
    QSignalSpy resent(history, &HistoryView::resent);
    Confirm::setNextAnswer(false);
    history->findChild<QPushButton *>(QStringLiteral("resend"))->click();
    QCOMPARE(resent.count(), 1);
    QCOMPARE(resent.takeFirst().at(0).toBool(), false);
    QVERIFY2(Confirm::lastQuestion().contains(m_gateway->baseUrl().host() + QLatin1Char(':')
                                              + QString::number(m_gateway->baseUrl().port())),
             qPrintable(Confirm::lastQuestion()));
    // "Yes": the gateway answers again, and the new entry points at the old one.
    Confirm::setNextAnswer(true);
    history->findChild<QPushButton *>(QStringLiteral("resend"))->click();
    QVERIFY(resent.wait(10000));
    QVERIFY2(resent.first().at(0).toBool(), qPrintable(history->resendStatus()));
    QVERIFY(history->resendStatus().contains(QLatin1String("HTTP 200")));
    history->setFilterText({});
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            history->reload();
            for (int row = 0; row < history->model()->rowCount(); ++row) {
                const HistoryEntry &e = history->model()->entry(row);
                if (e.tag.resendOf == originalId && e.status == 200 && e.method == "PUT")
                    return true;
            }
            return false;
        }(),
        10000);
    history->setFilterText(QStringLiteral("gui-host"));
    history->table()->setCurrentIndex(history->model()->indexOf(originalId));

    // To a profile that does not exist: refused in plain words, nothing sent.
    history->resendTarget()->addItem(QStringLiteral("gone"), QStringLiteral("gone"));
    history->resendTarget()->setCurrentIndex(history->resendTarget()->count() - 1);
    history->resendSelected();
    QCOMPARE(resent.count(), 2);
    QVERIFY2(history->resendStatus().contains(QLatin1String("no profile named 'gone'")),
             qPrintable(history->resendStatus()));
    history->setFilterText({});
}

void TestConsoleViews::refusesADraftWithErrors()
{
    m_window->editor()->setPlainText(QStringLiteral("gui_bad 1,5\n"));
    PushView *push = m_window->pushView();
    QSignalSpy finished(push, &PushView::finished);
    push->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    const QString text = push->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"))->toPlainText();
    QVERIFY2(text.contains(QLatin1String("nothing was sent")) && text.contains(QLatin1String("[invalid-number]")),
             qPrintable(text));

    // On purpose: "Send anyway" lists the errors and asks; a "no" sends nothing.
    m_window->views()->setCurrentWidget(push);
    auto *anyway = push->findChild<QPushButton *>(QStringLiteral("sendAnywayButton"));
    QVERIFY(anyway->isVisible());
    Confirm::setNextAnswer(false);
    QTest::mouseClick(anyway, Qt::LeftButton);
    QCOMPARE(push->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"))->toPlainText(), text);
    // A "yes" sends the draft as it is: the real gateway's own verdict, shown and kept.
    Confirm::setNextAnswer(true);
    QTest::mouseClick(anyway, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const QString verdict = push->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"))->toPlainText();
    QVERIFY2(verdict.contains(QLatin1String("HTTP 400"))
                 && verdict.contains(QLatin1String("text format parsing error")),
             qPrintable(verdict));
    QVERIFY(!anyway->isVisible());
}

void TestConsoleViews::emptyDraftEmptiesTheGroupOnlyAfterAConfirmation()
{
    useGuiHostKey();
    PushView *push = m_window->pushView();
    auto *result = push->findChild<QPlainTextEdit *>(QStringLiteral("pushResult"));
    QSignalSpy finished(push, &PushView::finished);
    const QUrl groupUrl(m_gateway->baseUrl().toString() + QStringLiteral("/metrics/job/db_backup/instance/gui-host"));
    QCOMPARE(httpRequest("PUT", groupUrl, "# TYPE gui_kept gauge\ngui_kept 1\n").status, 200);
    const auto groupHolds = [&](const QByteArray &name) {
        return httpRequest("GET", m_gateway->url(QStringLiteral("/metrics")))
            .body.contains(QByteArray(name + "{instance=\"gui-host\""));
    };

    m_window->editor()->setPlainText(QStringLiteral("# nothing today\n"));
    Confirm::setNextAnswer(false);
    push->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QVERIFY2(result->toPlainText().contains(QLatin1String("Nothing was sent")), qPrintable(result->toPlainText()));
    QVERIFY(groupHolds("gui_kept"));

    Confirm::setNextAnswer(true);
    push->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(result->toPlainText().contains(QLatin1String("HTTP 200")), qPrintable(result->toPlainText()));
    QVERIFY(!groupHolds("gui_kept"));
}

void TestConsoleViews::groupsTreeFilterAndDelete()
{
    HttpClient http;
    PushgatewayClient client(GatewayEndpoint{m_gateway->baseUrl(), {}, {}, 10000, {}, {}}, &http);
    for (const QString &host : {QStringLiteral("gui-a"), QStringLiteral("gui-b")}) {
        const HttpResult result
            = awaitCall<HttpResult>([&](QObject *context, std::function<void(const HttpResult &)> done) {
                  client.push(GroupingKey(QStringLiteral("gui_groups"), {{QStringLiteral("instance"), host}}),
                              parseText("gui_group_metric 1\n", ParseOptions{}).metrics, PushOptions{}, context, done);
              });
        QVERIFY(result.ok());
    }
    GroupsView *groups = m_window->groupsView();
    QSignalSpy refreshed(groups, &GroupsView::refreshed);
    m_window->views()->setCurrentWidget(groups); // opening the view refreshes it
    QVERIFY(refreshed.wait(10000));
    QTreeWidget *tree = groups->tree();
    auto jobItem = [&]() -> QTreeWidgetItem * {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == u"job=\"gui_groups\"")
                return tree->topLevelItem(i);
        }
        return nullptr;
    };
    QVERIFY(jobItem());
    QCOMPARE(jobItem()->childCount(), 2);
    QCOMPARE(jobItem()->child(0)->text(3), QStringLiteral("ok"));

    groups->findChild<QLineEdit *>(QStringLiteral("groupsFilter"))->setText(QStringLiteral("gui-b"));
    QCOMPARE(jobItem()->childCount(), 1);
    groups->findChild<QLineEdit *>(QStringLiteral("groupsFilter"))->clear();

    jobItem()->child(0)->setSelected(true);
    QSignalSpy deleted(groups, &GroupsView::deleted);
    Confirm::setNextAnswer(true);
    groups->deleteSelected();
    QVERIFY(deleted.wait(10000));
    QCOMPARE(deleted.constFirst().at(0).toInt(), 0); // no failures
    QTRY_VERIFY_WITH_TIMEOUT(jobItem() && jobItem()->childCount() == 1, 10000);
}

void TestConsoleViews::groupsAgesTickAndStaleGroupsArePruned()
{
    for (const char *instance : {"a", "b"}) {
        const QUrl group(m_gateway->baseUrl().toString() + QStringLiteral("/metrics/job/gui_prune/instance/")
                         + QLatin1String(instance));
        QCOMPARE(httpRequest("PUT", group, "gui_prune_metric 1\n").status, 200);
    }
    GroupsView *groups = m_window->groupsView();
    QSignalSpy refreshed(groups, &GroupsView::refreshed);
    m_window->views()->setCurrentWidget(m_window->pushView());
    m_window->views()->setCurrentWidget(groups); // opening the view refreshes it
    QVERIFY(refreshed.wait(10000));
    QTreeWidget *tree = groups->tree();
    const auto groupItem = [&](const QString &instance) -> QTreeWidgetItem * {
        for (int j = 0; j < tree->topLevelItemCount(); ++j) {
            for (int g = 0; g < tree->topLevelItem(j)->childCount(); ++g) {
                QTreeWidgetItem *item = tree->topLevelItem(j)->child(g);
                if (item->text(0).contains(QLatin1String("gui_prune"))
                    && item->text(0).contains(QStringLiteral("\"%1\"").arg(instance)))
                    return item;
            }
        }
        return nullptr;
    };
    QVERIFY(groupItem(QStringLiteral("a")));
    const QString ageBefore = groupItem(QStringLiteral("a"))->text(2);
    // The age ticks with no Refresh (and no request: the refresh count stays).
    QTRY_VERIFY_WITH_TIMEOUT(groupItem(QStringLiteral("a"))->text(2) != ageBefore, 5000);
    QCOMPARE(refreshed.count(), 1);

    // Delete matching: chosen from the gateway as it is now (c was pushed after the last
    // Refresh), the exact list asked first with each group's last push; "no" keeps all.
    QCOMPARE(httpRequest("PUT",
                         QUrl(m_gateway->baseUrl().toString() + QStringLiteral("/metrics/job/gui_prune/instance/c")),
                         "gui_prune_metric 1\n")
                 .status,
             200);
    groups->findChild<QSpinBox *>(QStringLiteral("staleMinutes"))->setValue(0);
    auto *match = groups->findChild<QLineEdit *>(QStringLiteral("groupsMatch"));
    match->setText(QStringLiteral("job=~\"gui_pr.*\", instance=~\"a|c\""));
    Confirm::setNextAnswer(false);
    QTest::mouseClick(groups->findChild<QPushButton *>(QStringLiteral("deleteMatching")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        Confirm::lastQuestion().contains(QLatin1String("{instance=\"c\",job=\"gui_prune\"}  last pushed")), 10000);
    QVERIFY2(Confirm::lastQuestion().contains(QLatin1String("{instance=\"a\",job=\"gui_prune\"}"))
                 && !Confirm::lastQuestion().contains(QLatin1String("instance=\"b\"")),
             qPrintable(Confirm::lastQuestion()));
    QVERIFY(groupItem(QStringLiteral("a")) && groupItem(QStringLiteral("c"))); // "no": all kept
    QSignalSpy deleted(groups, &GroupsView::deleted);
    Confirm::setNextAnswer(true);
    QTest::mouseClick(groups->findChild<QPushButton *>(QStringLiteral("deleteMatching")), Qt::LeftButton);
    QVERIFY(deleted.wait(10000));
    // (The gateway applies a DELETE a moment after its 202: the view lists again until it has.)
    QTRY_VERIFY_WITH_TIMEOUT(
        !groupItem(QStringLiteral("a")) && !groupItem(QStringLiteral("c")) && groupItem(QStringLiteral("b")), 10000);

    // A stale age alone: b was pushed just now, so an hour finds nothing, and says so.
    match->clear();
    groups->findChild<QSpinBox *>(QStringLiteral("staleMinutes"))->setValue(60);
    QTest::mouseClick(groups->findChild<QPushButton *>(QStringLiteral("deleteMatching")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(groups->status().contains(QLatin1String("nothing to delete")),
                              qPrintable(groups->status()), 10000);
    groups->findChild<QSpinBox *>(QStringLiteral("staleMinutes"))->setValue(0);
    match->setText(QStringLiteral("job=gui_prune"));
    QTest::mouseClick(groups->findChild<QPushButton *>(QStringLiteral("deleteMatching")), Qt::LeftButton);
    QVERIFY2(groups->status().contains(QLatin1String("double quotes")), qPrintable(groups->status()));
    match->clear();
}

void TestConsoleViews::overwriteLabRunsEveryStep()
{
    // An earlier run left a group of the lab's job: the first step deletes it first, and says so.
    QCOMPARE(httpRequest("PUT",
                         QUrl(m_gateway->baseUrl().toString()
                              + QStringLiteral("/metrics/job/overwrite_demo/instance/left-over")),
                         "left_over 1\n")
                 .status,
             200);
    OverwriteLabView *lab = m_window->labView();
    m_window->views()->setCurrentWidget(lab);
    QVERIFY(lab->findChild<QLabel *>(QStringLiteral("labIntroduction"))
                ->text()
                .contains(QLatin1String("overwrites each other")));
    QSignalSpy steps(lab, &OverwriteLabView::stepFinished);
    // "No": nothing is deleted and nothing runs.
    Confirm::setNextAnswer(false);
    QTest::mouseClick(lab->findChild<QPushButton *>(QStringLiteral("labRunStep")), Qt::LeftButton);
    QVERIFY(steps.wait(10000));
    QCOMPARE(steps.takeFirst().at(1).toBool(), false);
    QVERIFY2(Confirm::lastQuestion().contains(QLatin1String("{instance=\"left-over\",job=\"overwrite_demo\"}")),
             qPrintable(Confirm::lastQuestion()));
    QVERIFY2(lab->why().contains(QLatin1String("Nothing was run")), qPrintable(lab->why()));
    QCOMPARE(lab->nextStep(), 0);
    // "Yes": deleted first, then step 1 runs; no second click goes out while it is on its way.
    Confirm::setNextAnswer(true);
    QTest::mouseClick(lab->findChild<QPushButton *>(QStringLiteral("labRunStep")), Qt::LeftButton);
    QVERIFY(!lab->findChild<QPushButton *>(QStringLiteral("labRunAll"))->isEnabled());
    QVERIFY(steps.wait(10000));
    QCOMPARE(steps.size(), 1);
    QVERIFY2(!lab->held().contains(QLatin1String("left-over")), qPrintable(lab->held()));
    // Its preview agrees with its explanation: a new group (an earlier run's is gone).
    QVERIFY2(lab->sent().contains(QLatin1String("a new group"))
                 && !lab->sent().contains(QLatin1String("the group exists")),
             qPrintable(lab->sent()));
    QVERIFY(lab->why().contains(QLatin1String("a new group")));
    QTest::mouseClick(lab->findChild<QPushButton *>(QStringLiteral("labRunStep")), Qt::LeftButton);
    QVERIFY(steps.wait(10000));
    // Step 2: B's push without instance replaced A's values in the one shared group: marked.
    QVERIFY2(lab->sent().contains(QLatin1String(
                 "~ backup_size_bytes{db=\"customers\",instance=\"\",job=\"overwrite_demo\"} 1.2e+09 -> 3.4e+09")),
             qPrintable(lab->sent()));
    QVERIFY2(lab->held().contains(QLatin1String("3.4e+09 changed (was 1.2e+09)")), qPrintable(lab->held()));
    QVERIFY(lab->why().contains(QLatin1String("A's values are gone")));
    QTest::mouseClick(lab->findChild<QPushButton *>(QStringLiteral("labRunAll")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(lab->nextStep(), 6, 20000);
    QVERIFY(lab->held().contains(QLatin1String("{instance=\"host-b\",job=\"overwrite_demo\"}")));
    QVERIFY(lab->why().contains(QLatin1String("PUT replaces the whole group")));

    // Every step can still be read: step 2 shows what it showed when it ran.
    auto *list = lab->findChild<QListWidget *>(QStringLiteral("labSteps"));
    list->setCurrentRow(1);
    QVERIFY2(lab->held().contains(QLatin1String("changed (was 1.2e+09)")), qPrintable(lab->held()));
    QVERIFY(lab->why().startsWith(QLatin1String("Step 2")));
    // Run step on a finished lab says why nothing happened.
    QTest::mouseClick(lab->findChild<QPushButton *>(QStringLiteral("labRunStep")), Qt::LeftButton);
    QVERIFY2(lab->why().contains(QLatin1String("All 6 steps have run")), qPrintable(lab->why()));

    // The walkthrough, for training: every step, its request and what the gateway then held.
    const QString exported = m_dir.filePath(QStringLiteral("walkthrough.md"));
    QVERIFY(lab->exportWalkthrough(exported));
    QFile markdown(exported);
    QVERIFY(markdown.open(QIODevice::ReadOnly));
    const QByteArray text = markdown.readAll();
    QCOMPARE(text.count("\n## Step "), 6);
    QVERIFY(text.contains("| Group | Series | Value | Change |"));
    QVERIFY(text.contains("**changed** (was 1.2e+09)"));
    QVERIFY(text.contains("overwrites each other"));

    // Another profile is another gateway: the lab starts again.
    Profile second;
    second.name = QStringLiteral("second gateway");
    second.kind = ProfileKind::Pushgateway;
    second.pushgatewayUrl = m_gateway->baseUrl().toString();
    QString error;
    QVERIFY(ProfileStore(ProfileStore::defaultPath()).save(second, &error));
    m_window->profilesPanel()->reload(second.name);
    QCOMPARE(lab->nextStep(), 0);
    QVERIFY2(lab->why().contains(QLatin1String("Another profile")), qPrintable(lab->why()));
}

void TestConsoleViews::backfillPlansSendsAndCancels()
{
    // 2 series × 5,000 points, a second apart, ending now: one series per shard, 3 batches each
    // (2,000 + 2,000 + 1,000 samples).
    QFile file(m_dir.filePath(QStringLiteral("backfill.prom")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const qint64 end = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    for (int p = 0; p < 5000; ++p) {
        for (int s = 0; s < 2; ++s)
            file.write("gui_backfill{s=\"" + QByteArray::number(s) + "\"} " + QByteArray::number(p) + " "
                       + QByteArray::number(end - qint64(5000 - p) * 1000) + "\n");
    }
    file.close();

    BackfillView *backfill = m_window->backfillView();
    m_window->views()->setCurrentWidget(backfill);
    QSignalSpy planned(backfill, &BackfillView::planned);
    backfill->load(file.fileName());
    QVERIFY(planned.wait(20000));
    QVERIFY2(backfill->planText().contains(QLatin1String("Plan: 2 series, 10000 samples")),
             qPrintable(backfill->planText()));
    QCOMPARE(backfill->batchCount(), 6);

    // Cancel as soon as the first batch is in: the run stops with batches left unsent, after the
    // other shard's request on the wire has had its answer.
    QSignalSpy finished(backfill, &BackfillView::finished);
    connect(backfill, &BackfillView::batchFinished, backfill, &BackfillView::cancel, Qt::SingleShotConnection);
    backfill->start();
    QVERIFY(finished.wait(20000));
    const auto first = finished.takeFirst().at(0).value<BackfillSummary>();
    QVERIFY(first.cancelled);
    QVERIFY(first.sent >= 1 && first.sent < 6);
    QVERIFY(first.firstUnsent >= 0);

    // Resume: the rest goes, nothing is sent twice.
    backfill->start();
    QVERIFY(finished.wait(20000));
    const auto second = finished.takeFirst().at(0).value<BackfillSummary>();
    QCOMPARE(second.firstUnsent, -1);
    QCOMPARE(second.sentBefore, first.sent); // what the first run sent is not counted again
    QCOMPARE(second.sent, 6 - first.sent);
    QVERIFY2(backfill->progressText().startsWith(QStringLiteral("All 6 batches sent: %1 now").arg(6 - first.sent)),
             qPrintable(backfill->progressText()));
    // Each batch is listed once, from both runs, when the screen has caught up.
    QTRY_COMPARE(backfill->findChild<QListWidget *>(QStringLiteral("backfillBatches"))->count(), 6);

    // In the history each run is one row, its batches under it (as the CLI records them).
    HistoryView *history = m_window->historyView();
    m_window->views()->setCurrentWidget(history);
    QModelIndex parent;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            history->reload();
            parent = {};
            for (int row = 0; row < history->model()->rowCount() && !parent.isValid(); ++row) {
                const HistoryEntry &e = history->model()->entry(row);
                if (e.tag.operation == u"backfill" && e.finishedAtMs > 0 && e.status == 204 && e.startedAtMs >= end)
                    parent = history->model()->index(row, 0);
            }
            return parent.isValid();
        }(),
        10000);
    for (int row = 0; row < history->model()->rowCount(); ++row) { // this run's batches: none at the top level
        const HistoryEntry &e = history->model()->entry(row);
        QVERIFY(e.startedAtMs < end || e.tag.operation != u"backfill-batch");
    }
    history->table()->expand(parent);
    QVERIFY(history->model()->rowCount(parent) >= 1);
    const QModelIndex batch = history->model()->index(0, 0, parent);
    QCOMPARE(history->model()->entryAt(batch)->tag.operation, QStringLiteral("backfill-batch"));

    // The backfill's own entry is not a request: nothing to re-send or copy.
    history->table()->setCurrentIndex(parent);
    QSignalSpy resent(history, &HistoryView::resent);
    history->resendSelected();
    QCOMPARE(resent.count(), 1);
    QVERIFY2(history->resendStatus().contains(QLatin1String("backfill's own entry")),
             qPrintable(history->resendStatus()));
    QCOMPARE(history->curlForSelected(), QString());

    // A refresh (every new request brings one) keeps the batch selected and its backfill open.
    history->table()->setCurrentIndex(batch);
    const qint64 batchId = history->model()->entryAt(batch)->id;
    history->reload();
    QVERIFY(history->model()->entryAt(history->table()->currentIndex()));
    QCOMPARE(history->model()->entryAt(history->table()->currentIndex())->id, batchId);
    QVERIFY(history->table()->isExpanded(history->table()->currentIndex().parent()));

    // A batch's body is protobuf + snappy: "Save as curl script" writes it beside the command.
    QTemporaryDir scripts;
    const QString script = history->saveCurlScript(scripts.path());
    QVERIFY2(!script.isEmpty(), qPrintable(history->resendStatus()));
    QFile written(script);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray command = written.readAll();
    QVERIFY2(command.contains("curl ") && command.contains("--data-binary '@"), command.constData());
    const QStringList bodies = QDir(scripts.path()).entryList({QStringLiteral("*.bin")}, QDir::Files);
    QCOMPARE(bodies.size(), 1);
    QVERIFY(command.contains(bodies.constFirst().toUtf8()));
    QVERIFY(QFileInfo(scripts.filePath(bodies.constFirst())).size() > 0);
}

void TestConsoleViews::backfillSettingsReplanAndLegendsTellSeriesApart()
{
    // A first run, sent in full: its "All 1 batches sent" must not stay on screen with the next file.
    BackfillView *backfill = m_window->backfillView();
    m_window->views()->setCurrentWidget(backfill);
    {
        QFile first(m_dir.filePath(QStringLiteral("one-sample.prom")));
        QVERIFY(first.open(QIODevice::WriteOnly));
        first.write("one_sample 1 " + QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 60000) + "\n");
        first.close();
        QSignalSpy loaded(backfill, &BackfillView::planned);
        QSignalSpy sent(backfill, &BackfillView::finished);
        backfill->load(first.fileName());
        QVERIFY(loaded.wait(20000));
        backfill->start();
        QVERIFY(sent.wait(20000));
        QVERIFY2(backfill->progressText().startsWith(QLatin1String("All 1 batches sent")),
                 qPrintable(backfill->progressText()));
    }
    QFile file(m_dir.filePath(QStringLiteral("two-hours.prom")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    for (int minutesAgo = 120; minutesAgo >= 1; --minutesAgo) {
        for (int host = 1; host <= 3; ++host)
            file.write("node_filesystem_avail_bytes{job=\"node\",mountpoint=\"/var/lib/postgresql/data\",instance=\"db-"
                       + QByteArray::number(host) + "\"} 1e9 " + QByteArray::number(now - qint64(minutesAgo) * 60000)
                       + "\n");
    }
    file.close();
    QSignalSpy planned(backfill, &BackfillView::planned);
    backfill->load(file.fileName());
    QCOMPARE(backfill->progressText(), QString()); // the last run's words went with its file
    QVERIFY(planned.wait(20000));
    QVERIFY2(backfill->planText().contains(QLatin1String("Plan: 3 series, 360 samples")),
             qPrintable(backfill->planText()));
    const int batchesBefore = backfill->batchCount();

    // Fewer samples per request: the same file, cut again.
    auto *batchSize = backfill->findChild<QSpinBox *>(QStringLiteral("backfillBatchSize"));
    batchSize->setValue(50);
    emit batchSize->editingFinished();
    QVERIFY(planned.wait(20000));
    QVERIFY2(backfill->batchCount() >= 9 && backfill->batchCount() > batchesBefore,
             qPrintable(QString::number(backfill->batchCount())));

    // Leaving out what a receiver with current data refuses: the plan counts it.
    QTest::mouseClick(backfill->findChild<QCheckBox *>(QStringLiteral("backfillLeaveOutTooOld")), Qt::LeftButton);
    QVERIFY(planned.wait(20000));
    QVERIFY2(backfill->planText().contains(QLatin1String("Left out: "))
                 && backfill->planText().contains(QLatin1String("of 360 samples")),
             qPrintable(backfill->planText()));
    QVERIFY2(backfill->planText().contains(QLatin1String("Plan: 3 series, 1")),
             qPrintable(backfill->planText())); // 177–180 left
    QVERIFY2(!backfill->planText().contains(QLatin1String("older-than-age-window")), qPrintable(backfill->planText()));

    // The legend tells the three series apart: the shared start is said once, in the title.
    QChart *chart = backfill->findChild<QChartView *>(QStringLiteral("backfillChart"))->chart();
    QStringList names;
    for (QAbstractSeries *series : chart->series())
        names << series->name();
    QCOMPARE(names.size(), 3);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 3);
    for (const QString &name : std::as_const(names)) {
        QVERIFY2(name.size() <= 40 && name.contains(QLatin1String("db-"))
                     && !name.contains(QLatin1String("node_filesystem")),
                 qPrintable(name));
    }
    QVERIFY2(chart->title().contains(QLatin1String("node_filesystem_avail_bytes")), qPrintable(chart->title()));
    batchSize->setValue(2000);
    QTest::mouseClick(backfill->findChild<QCheckBox *>(QStringLiteral("backfillLeaveOutTooOld")), Qt::LeftButton);
    QVERIFY(planned.wait(20000));
}

void TestConsoleViews::backfillSendsAFileWithErrorsOnlyOnPurpose()
{
    // Two values of one series at one timestamp are an error for remote write (Prometheus keeps
    // one without a word); the lines are still read whole, so the receiver can be asked. The
    // other line is fine.
    QFile file(m_dir.filePath(QStringLiteral("with-errors.prom")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray ts = QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 60000);
    file.write("gui_anyway_twice 1 " + ts + "\ngui_anyway_twice 2 " + ts + "\ngui_anyway_ok 1 " + ts + "\n");
    file.close();
    BackfillView *backfill = m_window->backfillView();
    m_window->views()->setCurrentWidget(backfill);
    auto *start = backfill->findChild<QPushButton *>(QStringLiteral("backfillStart"));
    auto *anyway = backfill->findChild<QPushButton *>(QStringLiteral("backfillSendAnyway"));
    QSignalSpy planned(backfill, &BackfillView::planned);
    backfill->load(file.fileName());
    QVERIFY(planned.wait(20000));
    QVERIFY2(backfill->planText().contains(QLatin1String("[duplicate-series]")), qPrintable(backfill->planText()));
    QVERIFY(!start->isEnabled()); // by default never sent
    QVERIFY(anyway->isVisible());

    Confirm::setNextAnswer(false);
    QTest::mouseClick(anyway, Qt::LeftButton);
    QVERIFY(!planned.wait(300));
    QVERIFY(!start->isEnabled());
    QVERIFY(Confirm::lastQuestion().contains(QLatin1String("[duplicate-series]")));

    Confirm::setNextAnswer(true);
    QTest::mouseClick(anyway, Qt::LeftButton);
    QVERIFY(planned.wait(20000));
    QVERIFY2(backfill->planText().contains(QLatin1String("sent anyway"))
                 && backfill->planText().contains(QLatin1String("Plan: 2 series")),
             qPrintable(backfill->planText()));
    QVERIFY(start->isEnabled());
    QSignalSpy finished(backfill, &BackfillView::finished);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    // The receiver's own verdict, whatever it is, is what the run reports; the good line is in.
    QVERIFY2(backfill->progressText().startsWith(QLatin1String("All 1 batches sent")),
             qPrintable(backfill->progressText()));
    QUrl query = m_prometheus->url(QStringLiteral("/api/v1/query"));
    query.setQuery(QStringLiteral("query=gui_anyway_ok"));
    QTRY_VERIFY_WITH_TIMEOUT(httpRequest("GET", query).body.contains("gui_anyway_ok"), 10000);
}

QTEST_MAIN(TestConsoleViews)
#include "tst_consoleviews.moc"
