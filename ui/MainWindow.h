#pragma once

#include "ProfilesPanel.h"
#include "exposition/TextParser.h"
#include "profiles/Profile.h"

#include <QMainWindow>

class QListWidget;
class QTabWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTreeWidget;

namespace promdesk::ui {

class BackfillView;
class ComposeView;
class ConsoleContext;
class GroupsView;
class HistoryView;
class JobsView;
class LiveJobs;
class OverwriteLabView;
class PushView;

// The console's window: the profiles sidebar, the views (Compose, Push, Groups, Overwrite lab,
// Backfill, History), menus with shortcuts, and a status bar with the profile and its connection.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const SandboxEndpoints &sandbox, QWidget *parent = nullptr);
    ~MainWindow() override;

    QPlainTextEdit *editor() const;
    QTreeWidget *problemList() const;
    ComposeView *composeView() const { return m_compose; }
    PushView *pushView() const { return m_push; }
    HistoryView *historyView() const { return m_history; }
    GroupsView *groupsView() const { return m_groups; }
    OverwriteLabView *labView() const { return m_lab; }
    BackfillView *backfillView() const { return m_backfill; }
    JobsView *jobsView() const { return m_jobsView; }
    LiveJobs *liveJobs() const { return m_jobs; }
    QListWidget *profileList() const;
    ProfilesPanel *profilesPanel() const { return m_panel; }
    QTabWidget *views() const { return m_views; }
    // Window geometry, the open view and the last profile, kept in $PROMDESK_CONFIG_DIR/ui.ini.
    void saveState() const;

signals:
    void validated(); // a validation finished and the problem list shows it

private:
    void buildMenus();
    void restoreState();
    void closeEvent(QCloseEvent *event) override;
    void showProfile();
    void showDocument();
    void rememberRecent(const QString &path);
    void fillRecentMenu();

    ConsoleContext *m_context = nullptr;
    ProfilesPanel *m_panel = nullptr;
    QTabWidget *m_views = nullptr;
    PushView *m_push = nullptr;
    HistoryView *m_history = nullptr;
    GroupsView *m_groups = nullptr;
    OverwriteLabView *m_lab = nullptr;
    BackfillView *m_backfill = nullptr;
    QLabel *m_profileLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_connectionLabel = nullptr;
    ComposeView *m_compose = nullptr;
    LiveJobs *m_jobs = nullptr; // deleted before the context, after the views
    JobsView *m_jobsView = nullptr;
    bool m_quitting = false; // waiting for live jobs' last answers before closing
};

} // namespace promdesk::ui
