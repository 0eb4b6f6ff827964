#include "MainWindow.h"

#include "BackfillView.h"
#include "ConsoleContext.h"
#include "GroupsView.h"
#include "HistoryView.h"
#include "OverwriteLabView.h"
#include "PushView.h"
#include "exposition/Fixer.h"
#include "history/HistoryDatabase.h"
#include "profiles/ProfileStore.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>

#include <google/protobuf/stubs/common.h>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace promdesk::ui {

namespace {

constexpr int kDebounceMs = 250;

const char kExample[] = "# HELP db_backup_last_success_timestamp_seconds Last time the backup finished.\n"
                        "# TYPE db_backup_last_success_timestamp_seconds gauge\n"
                        "db_backup_last_success_timestamp_seconds{db=\"customers\"} 1.7e+09\n"
                        "# HELP db_backup_duration_seconds How long the backup took.\n"
                        "# TYPE db_backup_duration_seconds gauge\n"
                        "db_backup_duration_seconds{db=\"customers\"} 41.2\n";

enum ProblemColumn { ColumnLine, ColumnSeverity, ColumnMessage, ColumnCode };

} // namespace

MainWindow::MainWindow(const SandboxEndpoints &sandbox, QWidget *parent)
    : QMainWindow(parent)
    , m_context(new ConsoleContext(HistoryDatabase::defaultPath(), this))
{
    setWindowTitle(QStringLiteral("PromDesk"));
    setObjectName(QStringLiteral("mainWindow"));

    m_panel = new ProfilesPanel(m_context, sandbox);
    m_panel->setObjectName(QStringLiteral("profilesPanel"));

    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("views"));
    m_views->addTab(buildCompose(), tr("&Compose"));
    m_push = new PushView(m_context, [this] { return m_editor->toPlainText().toUtf8(); });
    m_views->addTab(m_push, tr("&Push"));
    m_groups = new GroupsView(m_context);
    m_views->addTab(m_groups, tr("&Groups"));
    m_lab = new OverwriteLabView(m_context);
    m_views->addTab(m_lab, tr("&Overwrite lab"));
    m_backfill = new BackfillView(m_context);
    m_views->addTab(m_backfill, tr("&Backfill"));
    m_history = new HistoryView(m_context, HistoryDatabase::defaultPath());
    m_views->addTab(m_history, tr("&History"));

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
    m_connectionLabel->setText(m_context->profile() ? tr("connection not tested (Ctrl+T tests it)") : QString());
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_profileLabel);
    connect(m_context, &ConsoleContext::profileChanged, this, &MainWindow::showProfile);
    connect(m_panel, &ProfilesPanel::connectionState, this, [this](const QString &text, bool ok) {
        m_connectionLabel->setText((ok ? QString() : QStringLiteral("✘ ")) + text);
    });
    showProfile();
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_views->widget(index) == m_history)
            m_history->reload();
        else if (m_views->widget(index) == m_groups)
            m_groups->refresh();
    });
    buildMenus();

    resize(1100, 700);
    restoreState();
    startValidation();
}

namespace {

QString uiSettingsPath()
{
    return QFileInfo(ProfileStore::defaultPath()).dir().filePath(QStringLiteral("ui.ini"));
}

} // namespace

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open metrics file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open metrics"), QString(), tr("Metrics (*.prom *.txt *.om);;All files (*)"));
        if (path.isEmpty())
            return;
        QFile input(path);
        if (input.open(QIODevice::ReadOnly)) {
            m_editor->setPlainText(QString::fromUtf8(input.readAll()));
            m_views->setCurrentIndex(0);
        }
    });
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_views->count(); ++i) {
        QAction *action = view->addAction(m_views->tabText(i).remove(QLatin1Char('&')), this, [this, i] { m_views->setCurrentIndex(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *profile = menuBar()->addMenu(tr("&Profile"));
    QAction *next = profile->addAction(tr("&Next profile"), this, [this] {
        QListWidget *list = m_panel->list();
        if (list->count() > 0)
            list->setCurrentRow((list->currentRow() + 1) % list->count());
    });
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    profile->addSeparator();
    profile->addAction(tr("&New profile…"), m_panel, &ProfilesPanel::newProfile)->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    profile->addAction(tr("&Edit profile…"), m_panel, &ProfilesPanel::editProfile);
    profile->addAction(tr("&Test connection"), m_panel, &ProfilesPanel::testConnection);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PromDesk"), this, [this] {
        QMessageBox::about(this, tr("About PromDesk"),
                           tr("<h3>PromDesk %1</h3><p>A desktop console for pushing metrics to Prometheus-compatible "
                              "backends: Tencent Cloud TMP, any Pushgateway or remote-write receiver.</p>"
                              "<p>Qt %2 (built with %3) · protobuf %4</p>")
                               .arg(QStringLiteral(PROMDESK_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                                    QString::fromStdString(google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION))));
    });
}

void MainWindow::saveState() const
{
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
    saveState();
    QMainWindow::closeEvent(event);
}

QWidget *MainWindow::buildCompose()
{
    auto *compose = new QWidget;
    auto *layout = new QVBoxLayout(compose);

    auto *bar = new QHBoxLayout;
    auto *targetLabel = new QLabel(tr("Check &for:"));
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_target->setAccessibleName(tr("Validation target"));
    m_target->addItem(tr("Any receiver"), int(ValidationTarget::Generic));
    m_target->addItem(tr("Pushgateway"), int(ValidationTarget::Pushgateway));
    m_target->addItem(tr("Remote write"), int(ValidationTarget::RemoteWrite));
    m_target->addItem(tr("Tencent Cloud TMP"), int(ValidationTarget::Tmp));
    targetLabel->setBuddy(m_target);
    auto *fixButton = new QPushButton(tr("Apply safe &fixes"));
    fixButton->setObjectName(QStringLiteral("fixButton"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    bar->addWidget(targetLabel);
    bar->addWidget(m_target);
    bar->addWidget(fixButton);
    bar->addStretch();
    bar->addWidget(m_summary);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Vertical);
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("composeEditor"));
    m_editor->setAccessibleName(tr("Metrics text"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setPlaceholderText(tr("Paste or type metrics in text exposition or OpenMetrics format…"));
    m_editor->setPlainText(QString::fromUtf8(kExample));
    m_problems = new QTreeWidget;
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setRootIsDecorated(false);
    m_problems->setHeaderLabels({tr("Line"), tr("Severity"), tr("Problem"), tr("Code")});
    m_problems->header()->setStretchLastSection(false);
    m_problems->header()->setSectionResizeMode(ColumnLine, QHeaderView::ResizeToContents);
    m_problems->header()->setSectionResizeMode(ColumnSeverity, QHeaderView::ResizeToContents);
    m_problems->header()->setSectionResizeMode(ColumnMessage, QHeaderView::Stretch);
    m_problems->header()->setSectionResizeMode(ColumnCode, QHeaderView::ResizeToContents);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_problems);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &MainWindow::startValidation);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &MainWindow::scheduleValidation);
    connect(m_target, &QComboBox::currentIndexChanged, this, &MainWindow::scheduleValidation);
    connect(&m_watcher, &QFutureWatcher<ParseResult>::finished, this, [this] {
        showProblems(m_watcher.result());
        if (m_pending) {
            m_pending = false;
            startValidation();
        }
    });
    connect(m_problems, &QTreeWidget::itemActivated, this, &MainWindow::jumpToProblem);
    connect(m_problems, &QTreeWidget::itemClicked, this, &MainWindow::jumpToProblem);
    connect(fixButton, &QPushButton::clicked, this, &MainWindow::applyAllFixes);
    return compose;
}

QListWidget *MainWindow::profileList() const { return m_panel->list(); }

void MainWindow::showProfile()
{
    const std::optional<Profile> &profile = m_context->profile();
    if (!profile) {
        m_profileLabel->setText(tr("No profile"));
        return;
    }
    m_profileLabel->setText(tr("%1 · Pushgateway %2 · remote write %3")
                                .arg(profile->name, profile->pushgatewayUrl.isEmpty() ? tr("none") : profile->pushgatewayUrl,
                                     profile->remoteWriteUrl.isEmpty() ? tr("none") : profile->remoteWriteUrl));
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
}

void MainWindow::scheduleValidation()
{
    m_debounce.start();
}

ParseOptions optionsFor(ValidationTarget target)
{
    ParseOptions options;
    options.fileName = QStringLiteral("compose");
    options.target = target;
    return options;
}

void MainWindow::startValidation()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // validate the newest text once the running pass is done
        return;
    }
    const QByteArray text = m_editor->toPlainText().toUtf8();
    ParseOptions options = optionsFor(ValidationTarget(m_target->currentData().toInt()));
    options.format = detectFormat(text, text.right(64));
    m_watcher.setFuture(QtConcurrent::run([text, options] { return parseText(text, options); }));
}

void MainWindow::showProblems(const ParseResult &result)
{
    m_problems->clear();
    QList<QTreeWidgetItem *> items;
    for (const Problem &problem : result.problems) {
        auto *item = new QTreeWidgetItem;
        item->setText(ColumnLine, problem.line > 0 ? QString::number(problem.line) : QString());
        item->setData(ColumnLine, Qt::UserRole, problem.line);
        item->setText(ColumnSeverity, severityName(problem.severity));
        item->setIcon(ColumnSeverity, style()->standardIcon(problem.severity == Severity::Error
                                                                ? QStyle::SP_MessageBoxCritical
                                                                : QStyle::SP_MessageBoxWarning));
        item->setText(ColumnMessage, problem.fix ? problem.message + tr("  (fix: %1)").arg(problem.fix->description)
                                                 : problem.message);
        item->setToolTip(ColumnMessage, problem.message);
        item->setText(ColumnCode, problem.code);
        items.append(item);
    }
    m_problems->addTopLevelItems(items);
    m_summary->setText(result.problems.isEmpty()
                           ? tr("No problems · %n sample(s)", nullptr, int(result.stats.samples))
                           : tr("%1 error(s), %2 warning(s)").arg(result.stats.errors).arg(result.stats.warnings));
    emit validated();
}

void MainWindow::jumpToProblem(QTreeWidgetItem *item)
{
    const int line = item->data(ColumnLine, Qt::UserRole).toInt();
    if (line <= 0)
        return;
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    QTextCursor cursor(block);
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

void MainWindow::applyAllFixes()
{
    const QByteArray text = m_editor->toPlainText().toUtf8();
    ParseOptions options = optionsFor(ValidationTarget(m_target->currentData().toInt()));
    options.format = detectFormat(text, text.right(64));
    const FixOutcome outcome = fixAll(text, options);
    if (outcome.fixesApplied > 0)
        m_editor->setPlainText(QString::fromUtf8(outcome.text));
    statusBar()->showMessage(tr("%n fix(es) applied", nullptr, outcome.fixesApplied), 5000);
}

} // namespace promdesk::ui
