// Live jobs in the console, driven as an operator drives them, offscreen, against a real
// Pushgateway and a real Prometheus that scrapes it every second: a generator set in Compose's
// table, a repeating push from several machines with arrival checks, remote write, pause, resume
// and stop, and quitting while jobs run. Each test has a fresh window and home (init/cleanup).
#include "ComposeView.h"
#include "Confirm.h"
#include "JobsView.h"
#include "LiveJobs.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "OverwriteLabView.h"
#include "ProfilesPanel.h"
#include "PushView.h"
#include "ServerFixture.h"
#include "TestHome.h"
#include "history/HistoryDatabase.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

class TestJobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aRepeatingPushFromMachinesArrives();
    void remoteWriteSendsTheDraftWithItsGeneratedValue();
    void pauseResumeAndStop();
    void quittingWhileAJobRunsAsksAndWaitsForItsAnswers();
    void histogramRowsRefuseAGenerator();
    void labRunsItsMachinesLive_data();
    void labRunsItsMachinesLive();

private:
    void compose(const QString &text);
    void setGenerator(int row, const QString &generator);
    template <typename T> T *push(const char *name) const
    {
        return m_window->pushView()->findChild<T *>(QString::fromLatin1(name));
    }
    QString jobCell(int column) const;
    void waitForJobToFinish();

    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestJobs::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = startScrapingPrometheus(m_gateway->baseUrl(), true, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

void TestJobs::init()
{
    promdesk::test::enterFreshHome();
    m_window = std::make_unique<MainWindow>(
        SandboxEndpoints{m_gateway->baseUrl().toString(), m_prometheus->url(QStringLiteral("/api/v1/write")).toString(),
                         m_prometheus->baseUrl().toString()});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->profileList()->currentRow() == 0);
}

void TestJobs::cleanup()
{
    if (m_window) {
        m_window->liveJobs()->stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->liveJobs()->running(), 0, 10000);
    }
    m_window.reset();
    Confirm::setNextAnswer(std::nullopt);
}

void TestJobs::compose(const QString &text)
{
    m_window->views()->setCurrentWidget(m_window->composeView());
    QSignalSpy validated(m_window.get(), &MainWindow::validated);
    m_window->editor()->setPlainText(text);
    QVERIFY(validated.wait());
}

void TestJobs::setGenerator(int row, const QString &generator)
{
    // As a user does: open the cell's editor, type, press Enter.
    auto *table = m_window->composeView()->findChild<QTableView *>(QStringLiteral("composeTable"));
    m_window->composeView()->findChild<QTabWidget *>(QStringLiteral("composeTabs"))->setCurrentIndex(1);
    const QModelIndex cell = table->model()->index(row, MetricTableModel::ColumnGenerator);
    table->setFocus();
    table->setCurrentIndex(cell);
    QTest::keyClick(table, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(table->indexWidget(cell));
    if (!editor)
        editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QTest::keyClicks(editor, generator);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(cell.data().toString(), generator);
}

QString TestJobs::jobCell(int column) const
{
    auto *table = m_window->jobsView()->findChild<QTableWidget *>(QStringLiteral("jobsTable"));
    return table->rowCount() > 0 && table->item(0, column) ? table->item(0, column)->text() : QString();
}

void TestJobs::waitForJobToFinish()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->liveJobs()->running() == 0, 60000);
    QTest::qWait(300); // the table redraws at most four times a second
}

void TestJobs::aRepeatingPushFromMachinesArrives()
{
    compose(QStringLiteral("# TYPE gui_backup_time gauge\ngui_backup_time 0\n"));
    setGenerator(0, QStringLiteral("now"));
    m_window->views()->setCurrentWidget(m_window->pushView());
    m_window->pushView()->setGroupingKey(QStringLiteral("gui_live"), {});
    push<QCheckBox>("repeatCheck")->click();
    push<QDoubleSpinBox>("repeatInterval")->setValue(1.5);
    push<QComboBox>("repeatStop")->setCurrentIndex(1);
    push<QSpinBox>("repeatStopAfter")->setValue(2);
    QTest::keyClicks(push<QLineEdit>("machinesEdit"), QStringLiteral("db-1, db-2"));
    push<QCheckBox>("verifyCheck")->click();
    QCOMPARE(push<QPushButton>("sendButton")->text(), QStringLiteral("&Start job  (Ctrl+Enter)"));
    push<QPushButton>("sendButton")->click();
    QTRY_COMPARE(m_window->views()->currentWidget(), m_window->jobsView());
    QVERIFY(jobCell(JobsView::ColumnJob).contains(QLatin1String("machines db-1, db-2")));
    waitForJobToFinish();
    QVERIFY2(jobCell(JobsView::ColumnState).contains(QLatin1String("all 2 ticks done")),
             qPrintable(jobCell(JobsView::ColumnState)));
    QCOMPARE(jobCell(JobsView::ColumnSent), QStringLiteral("4"));
    QCOMPARE(jobCell(JobsView::ColumnFailed), QStringLiteral("0"));
    QTRY_VERIFY_WITH_TIMEOUT(jobCell(JobsView::ColumnArrival).contains(QLatin1String("4/4 arrived")), 10000);
    // One group per machine, each with this run's time.
    const QJsonArray stored
        = queryPrometheus(m_prometheus->baseUrl(), QStringLiteral("gui_backup_time{job=\"gui_live\"}"));
    QCOMPARE(stored.size(), 2);
    // Each tick's arrival is in its history entry, under the job's.
    const QString historyPath = HistoryDatabase::defaultPath();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto history = HistoryDatabase::open(historyPath, nullptr);
            HistoryFilter ticks;
            ticks.operation = QStringLiteral("replace");
            const QList<HistoryEntry> entries = history->list(ticks);
            return entries.size() == 4 && std::all_of(entries.cbegin(), entries.cend(), [](const HistoryEntry &e) {
                       return e.arrival.startsWith(QLatin1String("arrived after")) && e.arrivalMs && e.tag.parentId > 0;
                   });
        }(),
        10000);
}

void TestJobs::remoteWriteSendsTheDraftWithItsGeneratedValue()
{
    compose(QStringLiteral("# TYPE gui_written gauge\ngui_written{room=\"a\"} 5\n"));
    setGenerator(0, QStringLiteral("inc:1"));
    m_window->views()->setCurrentWidget(m_window->pushView());
    m_window->pushView()->setGroupingKey(QStringLiteral("gui_rw"), {});
    push<QRadioButton>("destinationRemoteWrite")->click();
    QVERIFY(!push<QPushButton>("previewButton")->isEnabled()); // a preview is of a gateway group
    push<QPushButton>("sendButton")->click();
    waitForJobToFinish();
    QCOMPARE(jobCell(JobsView::ColumnSent), QStringLiteral("1"));
    QVERIFY2(jobCell(JobsView::ColumnLast).contains(QLatin1String("HTTP 204")),
             qPrintable(jobCell(JobsView::ColumnJob) + jobCell(JobsView::ColumnLast)));
    QTRY_VERIFY_WITH_TIMEOUT(
        !queryPrometheus(m_prometheus->baseUrl(), QStringLiteral("gui_written{job=\"gui_rw\",room=\"a\"} == 5"))
             .isEmpty(),
        10000);
}

void TestJobs::pauseResumeAndStop()
{
    compose(QStringLiteral("gui_paused 1\n"));
    m_window->views()->setCurrentWidget(m_window->pushView());
    m_window->pushView()->setGroupingKey(QStringLiteral("gui_pause"), {});
    push<QCheckBox>("repeatCheck")->click();
    push<QDoubleSpinBox>("repeatInterval")->setValue(0.2);
    push<QPushButton>("sendButton")->click();
    JobsView *jobs = m_window->jobsView();
    QTRY_VERIFY(jobCell(JobsView::ColumnSent).toInt() >= 2);
    jobs->findChild<QPushButton *>(QStringLiteral("pauseJob"))->click();
    QTRY_COMPARE(jobCell(JobsView::ColumnState), QStringLiteral("paused"));
    const QString sent = jobCell(JobsView::ColumnSent);
    QTest::qWait(700);
    QCOMPARE(jobCell(JobsView::ColumnSent), sent);
    jobs->findChild<QPushButton *>(QStringLiteral("resumeJob"))->click();
    QTRY_VERIFY(jobCell(JobsView::ColumnSent).toInt() > sent.toInt());
    jobs->findChild<QPushButton *>(QStringLiteral("stopJob"))->click();
    waitForJobToFinish();
    QCOMPARE(jobCell(JobsView::ColumnState), QStringLiteral("stopped"));
    QVERIFY(!jobs->findChild<QPushButton *>(QStringLiteral("stopJob"))->isEnabled());
}

void TestJobs::quittingWhileAJobRunsAsksAndWaitsForItsAnswers()
{
    compose(QStringLiteral("gui_quit 1\n"));
    m_window->views()->setCurrentWidget(m_window->pushView());
    m_window->pushView()->setGroupingKey(QStringLiteral("gui_quit"), {});
    push<QCheckBox>("repeatCheck")->click();
    push<QDoubleSpinBox>("repeatInterval")->setValue(0.2);
    push<QPushButton>("sendButton")->click();
    QTRY_VERIFY(jobCell(JobsView::ColumnSent).toInt() >= 2);
    Confirm::setNextAnswer(false);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY2(Confirm::lastQuestion().contains(QLatin1String("1 live job(s) still push")),
             qPrintable(Confirm::lastQuestion()));
    QCOMPARE(m_window->liveJobs()->running(), 1);
    Confirm::setNextAnswer(true);
    m_window->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 10000);
    QCOMPARE(m_window->liveJobs()->running(), 0);
    const QString historyPath = HistoryDatabase::defaultPath();
    m_window.reset(); // the history is written to the end
    const auto history = HistoryDatabase::open(historyPath, nullptr);
    HistoryFilter all;
    all.limit = 1000;
    const QList<HistoryEntry> entries = history->list(all);
    QVERIFY(entries.size() >= 3);
    for (const HistoryEntry &entry : entries)
        QVERIFY2(entry.finishedAtMs > 0,
                 qPrintable(QStringLiteral("#%1 %2 is unknown").arg(entry.id).arg(entry.tag.operation)));
}

void TestJobs::histogramRowsRefuseAGenerator()
{
    compose(QStringLiteral(
        "# TYPE gui_latency histogram\ngui_latency_bucket{le=\"+Inf\"} 3\ngui_latency_sum 1\ngui_latency_count 3\n"));
    const MetricTableModel *model = m_window->composeView()->tableModel();
    const QModelIndex cell = model->index(0, MetricTableModel::ColumnGenerator);
    QVERIFY(!(model->flags(cell) & Qt::ItemIsEditable));
    QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("is a histogram")),
             qPrintable(cell.data(Qt::ToolTipRole).toString()));
}

void TestJobs::labRunsItsMachinesLive_data()
{
    QTest::addColumn<bool>("withInstance");
    QTest::addColumn<QStringList>("groups");
    QTest::newRow("without-instance-one-group") << false << QStringList{QString()};
    QTest::newRow("with-instance-a-group-each")
        << true << QStringList{QStringLiteral("host-a"), QStringLiteral("host-b")};
}

void TestJobs::labRunsItsMachinesLive()
{
    QFETCH(bool, withInstance);
    QFETCH(QStringList, groups);
    // What an earlier row left of the lab's groups goes first (the gateway applies it in order).
    for (const QString &instance : {QString(), QStringLiteral("host-a"), QStringLiteral("host-b")})
        httpRequest("DELETE",
                    m_gateway->url(QStringLiteral("/metrics/job/overwrite_demo")
                                   + (instance.isEmpty() ? QString() : QStringLiteral("/instance/") + instance)));
    OverwriteLabView *lab = m_window->labView();
    m_window->views()->setCurrentWidget(lab);
    if (withInstance)
        lab->findChild<QCheckBox *>(QStringLiteral("labLiveWithInstance"))->click();
    lab->findChild<QDoubleSpinBox *>(QStringLiteral("labLiveInterval"))->setValue(0.5);
    lab->findChild<QPushButton *>(QStringLiteral("labLiveStart"))->click();
    QTRY_VERIFY(lab->liveJob() != 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->liveJobs()->find(lab->liveJob())->job->stats().ok >= 4, 10000);
    lab->findChild<QPushButton *>(QStringLiteral("labLiveStop"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->liveJobs()->running(), 0, 10000);
    QTRY_VERIFY(lab->findChild<QPushButton *>(QStringLiteral("labLiveStart"))->isEnabled());
    const QJsonArray all
        = QJsonDocument::fromJson(httpRequest("GET", m_gateway->url(QStringLiteral("/api/v1/metrics"))).body)
              .object()[QStringLiteral("data")]
              .toArray();
    QStringList seen;
    for (const QJsonValue &group : all) {
        const QJsonObject labels = group[QStringLiteral("labels")].toObject();
        if (labels[QStringLiteral("job")].toString() == u"overwrite_demo")
            seen << labels[QStringLiteral("instance")].toString();
    }
    seen.sort();
    QCOMPARE(seen, groups);
}

QTEST_MAIN(TestJobs)
#include "tst_jobs.moc"
