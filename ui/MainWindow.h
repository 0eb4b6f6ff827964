#pragma once

#include "exposition/TextParser.h"
#include "ProfilesPanel.h"
#include "profiles/Profile.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

class QComboBox;
class QListWidget;
class QTabWidget;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace promdesk::ui {

class BackfillView;
class ConsoleContext;
class GroupsView;
class HistoryView;
class OverwriteLabView;
class PushView;

// The console's window. For now it holds the Compose view: an editor whose text is validated as
// you type (off the GUI thread), with every problem listed and a click jumping to its line.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const SandboxEndpoints &sandbox, QWidget *parent = nullptr);
    ~MainWindow() override;

    QPlainTextEdit *editor() const { return m_editor; }
    QTreeWidget *problemList() const { return m_problems; }
    PushView *pushView() const { return m_push; }
    HistoryView *historyView() const { return m_history; }
    GroupsView *groupsView() const { return m_groups; }
    OverwriteLabView *labView() const { return m_lab; }
    BackfillView *backfillView() const { return m_backfill; }
    QListWidget *profileList() const;
    ProfilesPanel *profilesPanel() const { return m_panel; }
    QTabWidget *views() const { return m_views; }
    // Window geometry, the open view and the last profile, kept in $PROMDESK_CONFIG_DIR/ui.ini.
    void saveState() const;

signals:
    void validated(); // a validation finished and the problem list shows it

private:
    void scheduleValidation();
    void startValidation();
    void showProblems(const ParseResult &result);
    void jumpToProblem(QTreeWidgetItem *item);
    void applyAllFixes();
    QWidget *buildCompose();
    void buildMenus();
    void restoreState();
    void closeEvent(QCloseEvent *event) override;
    void showProfile();

    ConsoleContext *m_context = nullptr;
    ProfilesPanel *m_panel = nullptr;
    QTabWidget *m_views = nullptr;
    PushView *m_push = nullptr;
    HistoryView *m_history = nullptr;
    GroupsView *m_groups = nullptr;
    OverwriteLabView *m_lab = nullptr;
    BackfillView *m_backfill = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QComboBox *m_target = nullptr;
    QTreeWidget *m_problems = nullptr;
    QLabel *m_summary = nullptr;
    QTimer m_debounce;
    QFutureWatcher<ParseResult> m_watcher;
    bool m_pending = false;
};

} // namespace promdesk::ui
