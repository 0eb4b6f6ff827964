#include "MainWindow.h"

#include "BackfillView.h"
#include "ComposeView.h"
#include "Confirm.h"
#include "ConsoleContext.h"
#include "GroupsView.h"
#include "HistoryView.h"
#include "JobsView.h"
#include "LiveJobs.h"
#include "OverwriteLabView.h"
#include "PushView.h"
#include "ToolTips.h"
#include "UiSettings.h"
#include "history/HistoryDatabase.h"
#include "profiles/ProfileStore.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>

#include <QListWidget>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <google/protobuf/stubs/common.h>

namespace promdesk::ui {

MainWindow::MainWindow(const SandboxEndpoints &sandbox, QWidget *parent)
    : QMainWindow(parent)
    , m_context(new ConsoleContext(HistoryDatabase::defaultPath(), this))
{
    setObjectName(QStringLiteral("mainWindow"));

    m_panel = new ProfilesPanel(m_context, sandbox);
    m_panel->setObjectName(QStringLiteral("profilesPanel"));

    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("views"));
    m_compose = new ComposeView(m_context);
    m_views->addTab(m_compose, tr("&Compose"));
    m_push = new PushView(m_context, [this] { return m_compose->text(); });
    m_views->addTab(m_push, tr("&Push"));
    m_jobs = new LiveJobs(m_context);
    m_push->setLiveJobs(m_jobs, [this] { return m_compose->generators(); });
    m_jobsView = new JobsView(m_jobs);
    m_jobsView->setObjectName(QStringLiteral("jobsView"));
    m_groups = new GroupsView(m_context);
    m_views->addTab(m_groups, tr("&Groups"));
    m_lab = new OverwriteLabView(m_context);
    m_lab->setLiveJobs(m_jobs);
    m_views->addTab(m_lab, tr("&Overwrite lab"));
    m_backfill = new BackfillView(m_context);
    m_views->addTab(m_backfill, tr("&Backfill"));
    m_views->addTab(m_jobsView, tr("&Jobs"));
    m_history = new HistoryView(m_context, HistoryDatabase::defaultPath());
    m_views->addTab(m_history, tr("&History"));
    connect(m_push, &PushView::jobStarted, this, [this] { m_views->setCurrentWidget(m_jobsView); });
    connect(m_jobs, &LiveJobs::allFinished, this, [this] {
        // Queued: the last job may finish inside the close event that stopped it.
        if (m_quitting)
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_panel);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 880});
    setCentralWidget(splitter);

    m_profileLabel = new QLabel;
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_connectionLabel = new QLabel;
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long states (every endpoint's failure) are cut at the window's edge, whole in the tooltip:
    // never wider than the window.
    m_connectionLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_profileLabel->setMaximumWidth(560);
    m_connectionLabel->setText(m_context->profile() ? tr("connection not tested (Ctrl+T tests it)") : QString());
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_profileLabel);
    connect(m_context, &ConsoleContext::profileChanged, this, &MainWindow::showProfile);
    connect(m_panel, &ProfilesPanel::connectionState, this, [this](const QString &text, bool ok) {
        m_connectionLabel->setText((ok ? QString() : QStringLiteral("✘ ")) + text);
        m_connectionLabel->setToolTip(wrappedToolTip(text));
    });
    connect(m_context, &ConsoleContext::historyProblem, this, [this](const QString &problem) {
        statusBar()->showMessage(tr("History: %1. Requests are still sent.").arg(problem));
    });
    showProfile();
    // Answers that came after their view moved on: said here, kept in the history.
    connect(m_push, &PushView::notice, this, [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_groups, &GroupsView::notice, this, [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_views->widget(index) == m_history)
            m_history->reload();
        else if (m_views->widget(index) == m_groups)
            m_groups->refresh();
    });
    buildMenus();

    connect(m_compose, &ComposeView::validated, this, &MainWindow::validated);
    // The draft is a document: its name and a modified mark in the title, kept across restarts.
    connect(m_compose, &ComposeView::documentChanged, this, &MainWindow::showDocument);
    connect(m_compose, &ComposeView::openedFile, this, &MainWindow::rememberRecent);
    m_compose->keepDraftIn(QFileInfo(HistoryDatabase::defaultPath()).dir().filePath(QStringLiteral("draft.json")));
    showDocument();
    connect(m_compose, &ComposeView::templateApplied, this,
            [this](const MetricTemplate &chosen) { m_push->setGroupingKey(chosen.job, chosen.groupingLabels); });

    resize(1100, 700);
    restoreState();
}

namespace {

constexpr int kRecentDrafts = 8;

} // namespace

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    const QString filters = tr("Metrics (*.prom *.txt *.om *.csv);;All files (*)");
    file->addAction(tr("&New draft"), this,
                    [this] {
                        m_views->setCurrentWidget(m_compose);
                        m_compose->newDraft();
                    })
        ->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open…"), this,
                    [this, filters] {
                        const QString path = QFileDialog::getOpenFileName(this, tr("Open a draft"), QString(), filters);
                        if (path.isEmpty())
                            return;
                        m_views->setCurrentWidget(m_compose);
                        m_compose->openDraft(path);
                    })
        ->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("&Save"), this, [this] { m_compose->save(); })->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &As…"), this, [this] { m_compose->saveAs(); })->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_views->count(); ++i) {
        QAction *action = view->addAction(m_views->tabText(i).remove(QLatin1Char('&')), this,
                                          [this, i] { m_views->setCurrentIndex(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addMenu(createLanguageMenu(this, [this](const QString &text) { statusBar()->showMessage(text); }));

    QMenu *profile = menuBar()->addMenu(tr("&Profile"));
    QAction *next = profile->addAction(tr("&Next profile"), this, [this] {
        QListWidget *list = m_panel->list();
        if (list->count() > 0)
            list->setCurrentRow((list->currentRow() + 1) % list->count());
    });
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    profile->addSeparator();
    profile->addAction(tr("&New profile…"), m_panel, &ProfilesPanel::newProfile)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    profile->addAction(tr("&Edit profile…"), m_panel, &ProfilesPanel::editProfile);
    // On the window, not the sidebar's button: Ctrl+T works from every view, and the menu shows it.
    profile->addAction(tr("&Test connection"), m_panel, &ProfilesPanel::testConnection)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PromDesk"), this, [this] {
        QMessageBox::about(
            this, tr("About PromDesk"),
            tr("<h3>PromDesk %1</h3><p>A desktop console for pushing metrics to Prometheus-compatible "
               "backends: Tencent Cloud TMP, any Pushgateway or remote-write receiver.</p>"
               "<p>Qt %2 (built with %3) · protobuf %4</p>")
                .arg(QStringLiteral(PROMDESK_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                     QString::fromStdString(google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION))));
    });
}

void MainWindow::showDocument()
{
    setWindowTitle(tr("%1[*] — PromDesk").arg(m_compose->documentName()));
    setWindowModified(m_compose->isModified());
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings(uiSettingsPath(), QSettings::IniFormat);
    QStringList recent = settings.value(QStringLiteral("drafts/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("drafts/recent"), recent.mid(0, kRecentDrafts));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent
        = QSettings(uiSettingsPath(), QSettings::IniFormat).value(QStringLiteral("drafts/recent")).toStringList();
    for (const QString &path : recent) {
        QAction *open = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            m_views->setCurrentWidget(m_compose);
            m_compose->openDraft(path);
        });
        open->setToolTip(path);
        open->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::saveState() const
{
    m_compose->autosaveNow();
    QSettings settings(uiSettingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/view"), m_views->currentIndex());
    settings.setValue(QStringLiteral("window/profile"), m_context->profile() ? m_context->profile()->name : QString());
}

void MainWindow::restoreState()
{
    QSettings settings(uiSettingsPath(), QSettings::IniFormat);
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_views->setCurrentIndex(settings.value(QStringLiteral("window/view"), 0).toInt());
    m_panel->select(settings.value(QStringLiteral("window/profile")).toString());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Work in flight stops with the window: say what, and let the operator keep it running.
    if (const QString work = m_backfill->workInFlight();
        !work.isEmpty() && !Confirm::ask(this, tr("Quit while a backfill runs?"), work, tr("Stop it and quit"))) {
        event->ignore();
        return;
    }
    if (const int running = m_jobs->running(); running > 0) {
        if (m_quitting) {
            // Asked again while waiting: stop waiting. What is on the wire is cancelled and its
            // entry says so.
            m_jobs->abortAll();
            event->ignore();
            return;
        }
        if (!m_quitting
            && !Confirm::ask(
                this, tr("Quit while live jobs run?"),
                tr("%n live job(s) still push. They stop: no new tick is sent, and the requests on the wire get "
                   "their answers (up to the profile's timeout) before the window closes.",
                   nullptr, running),
                tr("Stop them and quit"))) {
            event->ignore();
            return;
        }
        m_quitting = true;
        m_backfill->stopNow();
        statusBar()->showMessage(tr("Stopping %n live job(s): waiting for the answers on the wire…", nullptr, running));
        m_jobs->stopAll();
        event->ignore(); // closed again once they have finished (allFinished)
        return;
    }
    m_backfill->stopNow();
    saveState();
    QMainWindow::closeEvent(event);
}

QListWidget *MainWindow::profileList() const
{
    return m_panel->list();
}

void MainWindow::showProfile()
{
    const std::optional<Profile> &profile = m_context->profile();
    if (!profile) {
        m_profileLabel->setText(tr("No profile"));
        return;
    }
    const QString whole
        = tr("%1 · Pushgateway %2 · remote write %3")
              .arg(profile->name, profile->pushgatewayUrl.isEmpty() ? tr("none") : profile->pushgatewayUrl,
                   profile->remoteWriteUrl.isEmpty() ? tr("none") : profile->remoteWriteUrl);
    m_profileLabel->setText(
        m_profileLabel->fontMetrics().elidedText(whole, Qt::ElideRight, m_profileLabel->maximumWidth()));
    m_profileLabel->setToolTip(wrappedToolTip(whole));
}

MainWindow::~MainWindow()
{
    // The views and the sidebar use the console context (its HTTP client, history and keychain)
    // until they are gone, a backfill's preparers included. The context is this window's first
    // child, so Qt would delete it first: the views go here, before it.
    delete takeCentralWidget();
    delete m_jobs; // what is still on the wire is cancelled, and its history entry says so
}

QPlainTextEdit *MainWindow::editor() const
{
    return m_compose->editor();
}
QTreeWidget *MainWindow::problemList() const
{
    return m_compose->problemList();
}

} // namespace promdesk::ui
