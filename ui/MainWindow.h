#pragma once

#include "exposition/TextParser.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace promdesk::ui {

struct SandboxEndpoints
{
    QString pushgatewayUrl;
    QString remoteWriteUrl;
};

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

signals:
    void validated(); // a validation finished and the problem list shows it

private:
    void scheduleValidation();
    void startValidation();
    void showProblems(const ParseResult &result);
    void jumpToProblem(QTreeWidgetItem *item);
    void applyAllFixes();

    QPlainTextEdit *m_editor = nullptr;
    QComboBox *m_target = nullptr;
    QTreeWidget *m_problems = nullptr;
    QLabel *m_summary = nullptr;
    QTimer m_debounce;
    QFutureWatcher<ParseResult> m_watcher;
    bool m_pending = false;
};

} // namespace promdesk::ui
