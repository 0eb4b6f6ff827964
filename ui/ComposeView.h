#pragma once

#include "exposition/Templates.h"
#include "exposition/TextParser.h"
#include "live/ValueGenerator.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace promdesk {
class HttpCall;
}

namespace promdesk::ui {

class ConsoleContext;
class ExpositionHighlighter;
class MetricTableModel;

// Compose: the metrics to push, as highlighted text and as a table kept in sync with it. The
// text is checked as you type (off the GUI thread) with every problem listed beside it, its line
// marked and a click away, and safe fixes one button away. Metrics come from templates, files
// (text, OpenMetrics, CSV; opened, dropped or pasted) or an exporter's URL.
class ComposeView final : public QWidget
{
    Q_OBJECT

public:
    explicit ComposeView(ConsoleContext *context, QWidget *parent = nullptr);
    ~ComposeView() override;

    QPlainTextEdit *editor() const { return m_editor; }
    QTreeWidget *problemList() const { return m_problems; }
    QTableView *table() const { return m_table; }
    MetricTableModel *tableModel() const { return m_model; }
    // The generators set in the table's Generator column, for a live push.
    [[nodiscard]] QList<GeneratorAssignment> generators() const;
    [[nodiscard]] QByteArray text() const;
    [[nodiscard]] QString importStatus() const;

    // The draft as a document: a file it was opened from or saved to (none: untitled), and
    // whether it changed since. CSV opens as samples with no file: it saves as a new .prom.
    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] bool isModified() const;
    // What the window's title says: "name.prom", or "Untitled".
    [[nodiscard]] QString documentName() const;
    // Each asks first when unsaved changes would go; false when the operator said no.
    bool newDraft();
    void openDraft(const QString &path);
    // Writes the draft (atomically) to its file, or asks for one; false when it was not written.
    bool save();
    bool saveAs(const QString &path = {});
    // Keeps the draft (text, file, modified) in `path` after every change, and restores it from there.
    void keepDraftIn(const QString &path);
    void autosaveNow();

    void applyTemplate(const MetricTemplate &chosen);
    // Reads a file off the GUI thread: exposition text, OpenMetrics, or CSV (shown as samples
    // with their timestamps).
    void importFile(const QString &path);
    void importClipboard();
    void scrape(const QUrl &url);
    void cancelImport();
    void applyAllFixes();

signals:
    void validated(); // a check finished and the problem list shows it
    // The file or the modified state changed: the window's title follows.
    void documentChanged();
    void openedFile(const QString &path); // for Open Recent
    void templateApplied(const promdesk::MetricTemplate &chosen);
    void importFinished(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QLayout *makeToolBar();
    QLayout *makeImportRow();
    QWidget *makeProblemList();
    void connectValidation();
    void connectDraft();
    QWidget *buildTextTab();
    QWidget *buildTableTab();
    void scheduleValidation();
    void replaceText(const QString &text);
    void startValidation();
    void showProblems(const ParseResult &result);
    void markProblemLines(const QList<Problem> &problems);
    void jumpToProblem(QTreeWidgetItem *item);
    void writeTableToText();
    // Says which families the table's last edit left written as unknown or gauge, or clears that note.
    void noteRetypedFamilies(const QStringList &retyped);
    void askForScrapeUrl();
    void finishImport(const QString &status, bool ok);
    // Replacing a draft with unsaved changes asks first (Undo brings it back, but only here).
    bool mayReplaceDraft(const QString &what);
    bool writeTo(const QString &path);
    void setDocument(const QString &path, bool modified);
    void restoreDraft();
    void followProfileKind();
    [[nodiscard]] ParseOptions currentOptions(const QByteArray &text) const;

    ConsoleContext *m_context;
    QComboBox *m_target;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_editor;
    ExpositionHighlighter *m_highlighter;
    QTableView *m_table;
    MetricTableModel *m_model;
    QLabel *m_tableHint;
    QTreeWidget *m_problems;
    QLabel *m_importStatus;
    QPushButton *m_cancelImport;
    QPointer<HttpCall> m_scrape;
    QFutureWatcher<QPair<QString, QString>> m_fileWatcher; // (text, error)
    QTimer m_debounce;
    QFutureWatcher<ParseResult> m_watcher;
    bool m_pending = false;
    bool m_writingFromTable = false;
    ExpositionFormat m_format = ExpositionFormat::Text;
    QString m_lastScrapeUrl;
    QString m_filePath;
    QString m_importedName; // a CSV read in: the name it had, for the title and Save As
    QString m_openingPath;  // the file an import in progress was opened as a document from
    QString m_autosavePath;
    QTimer m_autosave;
    bool m_targetChosen = false; // the operator picked "Check for": the profile no longer sets it
    bool m_fixStatusShown = false;
    QString m_retypeNote; // the status naming families a table edit left retyped, while it shows
};

} // namespace promdesk::ui
