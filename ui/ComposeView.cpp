#include "ComposeView.h"

#include "ToolTips.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "ExpositionHighlighter.h"
#include "MetricTableModel.h"
#include "exposition/Fixer.h"
#include "exposition/TextWriter.h"
#include "importers/Scrape.h"
#include "importers/SeriesReader.h"
#include "net/Redactor.h"
#include "util/Printable.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStringDecoder>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace promdesk::ui {

namespace {

constexpr int kDebounceMs = 250;
constexpr int kAutosaveMs = 1000;     // after the last keystroke: a crash loses at most a second of typing
constexpr int kMaxMarkedLines = 2000; // marking more lines slows typing, and says nothing new
constexpr qint64 kMaxEditorBytes = 16 * 1024 * 1024; // beyond this, the Backfill view and the CLI do better

enum ProblemColumn { ColumnLine, ColumnSeverity, ColumnMessage, ColumnCode };

// Runs off the GUI thread: the file's text, or why it cannot be shown.
QPair<QString, QString> readForEditor(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, QObject::tr("Cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > kMaxEditorBytes)
        return {{},
                QObject::tr("%1 is %2 MB, too large to edit here. Send it with the Backfill view, or check it with "
                            "promdesk-cli validate.")
                    .arg(path, QString::number(file.size() / (1024 * 1024)))};
    const QByteArray bytes = file.readAll();
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        SeriesReadOptions options;
        options.fileName = path;
        options.nowMs = QDateTime::currentMSecsSinceEpoch();
        const SeriesRead read = readSeries(bytes, options);
        if (read.errors > 0) {
            QStringList lines;
            for (const Problem &problem : read.problems.mid(0, 5))
                lines << formatProblem(problem);
            return {{},
                    QObject::tr("%1 has %2 error(s); nothing was imported:\n%3")
                        .arg(path, QString::number(read.errors), lines.join(QLatin1Char('\n')))};
        }
        return {seriesAsText(read.series), {}};
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        return {{}, QObject::tr("%1 is not UTF-8 text; save it as UTF-8 and open it again.").arg(path)};
    return {text, {}};
}

} // namespace

ComposeView::ComposeView(ConsoleContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("composeView"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(makeToolBar());
    layout->addLayout(makeImportRow());
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("composeTabs"));
    m_tabs->addTab(buildTextTab(), tr("Te&xt"));
    m_tabs->addTab(buildTableTab(), tr("T&able"));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tabs);
    splitter->addWidget(makeProblemList());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    connectValidation();
    connectDraft();
    m_editor->setPlainText(QString::fromUtf8(metricTemplates().constFirst().text));
    m_editor->document()->setModified(false); // an example, not the operator's work
    followProfileKind();
    startValidation();
}

// "Check for", the fixes, the templates and import menus, and the summary.
QLayout *ComposeView::makeToolBar()
{
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

    auto *templates = new QToolButton;
    templates->setObjectName(QStringLiteral("templatesButton"));
    templates->setText(tr("&Templates"));
    templates->setPopupMode(QToolButton::InstantPopup);
    auto *templateMenu = new QMenu(templates);
    for (const MetricTemplate &entry : metricTemplates()) {
        QAction *action = templateMenu->addAction(entry.title, this, [this, entry] { applyTemplate(entry); });
        action->setToolTip(entry.description);
        action->setStatusTip(entry.description);
    }
    templateMenu->setToolTipsVisible(true);
    templates->setMenu(templateMenu);

    auto *import = new QToolButton;
    import->setObjectName(QStringLiteral("importButton"));
    import->setText(tr("&Import"));
    import->setPopupMode(QToolButton::InstantPopup);
    auto *importMenu = new QMenu(import);
    importMenu->addAction(tr("From the &clipboard"), this, &ComposeView::importClipboard);
    importMenu->addAction(tr("From an &exporter's URL…"), this, &ComposeView::askForScrapeUrl);
    import->setMenu(importMenu);
    import->setToolTip(tr("Files: File ▸ Open (Ctrl+O), or drop them here"));

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    bar->addWidget(targetLabel);
    bar->addWidget(m_target);
    bar->addWidget(fixButton);
    bar->addWidget(templates);
    bar->addWidget(import);
    bar->addStretch();
    bar->addWidget(m_summary);
    connect(fixButton, &QPushButton::clicked, this, &ComposeView::applyAllFixes);
    return bar;
}

QLayout *ComposeView::makeImportRow()
{
    auto *importRow = new QHBoxLayout;
    m_importStatus = new QLabel;
    m_importStatus->setObjectName(QStringLiteral("importStatus"));
    m_importStatus->setWordWrap(true);
    m_importStatus->setSizePolicy(QSizePolicy::Ignored,
                                  QSizePolicy::Preferred); // a long path must not widen the window
    m_importStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancelImport = new QPushButton(tr("Cancel"));
    m_cancelImport->setObjectName(QStringLiteral("cancelImport"));
    m_cancelImport->hide();
    importRow->addWidget(m_importStatus, 1);
    importRow->addWidget(m_cancelImport);
    return importRow;
}

QWidget *ComposeView::makeProblemList()
{
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
    return m_problems;
}

// Validation after each pause in typing or a change of target, and files read off the GUI
// thread.
void ComposeView::connectValidation()
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ComposeView::startValidation);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposeView::scheduleValidation);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ComposeView::scheduleValidation);
    connect(&m_watcher, &QFutureWatcher<ParseResult>::finished, this, [this] {
        showProblems(m_watcher.result());
        if (m_pending) {
            m_pending = false;
            startValidation();
        }
    });
    connect(&m_fileWatcher, &QFutureWatcher<QPair<QString, QString>>::finished, this, [this] {
        const auto [text, error] = m_fileWatcher.result();
        const QString opened = std::exchange(m_openingPath, QString());
        if (!error.isEmpty())
            return finishImport(error, false);
        replaceText(text);
        const QString path = m_fileWatcher.property("path").toString();
        if (!opened.isEmpty()) {
            // Opened as the draft's file; a CSV was read into samples, which save as a new .prom.
            const bool csv = opened.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
            m_importedName = csv ? QFileInfo(opened).completeBaseName() + QStringLiteral(".prom") : QString();
            setDocument(csv ? QString() : opened, csv);
            emit openedFile(opened);
            return finishImport(csv ? tr("Read %1 as samples; Save writes them as a new .prom file.").arg(opened)
                                    : tr("Opened %1.").arg(opened),
                                true);
        }
        finishImport(tr("Imported %1.").arg(path), true);
    });
}

// Problems lead to their line; the draft follows the profile's kind and is saved as it changes.
void ComposeView::connectDraft()
{
    connect(m_problems, &QTreeWidget::itemActivated, this, &ComposeView::jumpToProblem);
    connect(m_problems, &QTreeWidget::itemClicked, this, &ComposeView::jumpToProblem);
    connect(m_cancelImport, &QPushButton::clicked, this, &ComposeView::cancelImport);

    // The operator's choice of "Check for" wins over the profile's kind from then on.
    connect(m_target, &QComboBox::activated, this, [this] { m_targetChosen = true; });
    connect(m_context, &ConsoleContext::profileChanged, this, &ComposeView::followProfileKind);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &ComposeView::documentChanged);
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &ComposeView::autosaveNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_autosavePath.isEmpty())
            m_autosave.start();
    });
}

ComposeView::~ComposeView()
{
    m_watcher.waitForFinished();
    m_fileWatcher.waitForFinished();
}

QWidget *ComposeView::buildTextTab()
{
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("composeEditor"));
    m_editor->setAccessibleName(tr("Metrics text"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tab moves on to the next control, so the keyboard alone leaves the editor (a pasted tab
    // still separates tokens; none needs typing).
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(
        tr("Type or paste metrics in text exposition or OpenMetrics format, pick a template, or "
           "drop a .prom, .txt or .csv file here…"));
    m_editor->viewport()->installEventFilter(this); // file drops become imports; text drops stay text
    m_highlighter = new ExpositionHighlighter(m_editor->document());
    m_highlighter->usePalette(palette());
    return m_editor;
}

QWidget *ComposeView::buildTableTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    m_model = new MetricTableModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("composeTable"));
    m_table->setAccessibleName(tr("Metrics table"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table
    m_table->verticalHeader()->hide();
    for (int column : {MetricTableModel::ColumnName, MetricTableModel::ColumnType, MetricTableModel::ColumnValue,
                       MetricTableModel::ColumnTimestamp, MetricTableModel::ColumnGenerator})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MetricTableModel::ColumnHelp, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(MetricTableModel::ColumnLabels, QHeaderView::Stretch);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add &metric"));
    add->setObjectName(QStringLiteral("addMetric"));
    auto *addSeries = new QPushButton(tr("Add &series like this"));
    addSeries->setObjectName(QStringLiteral("addSeries"));
    auto *remove = new QPushButton(tr("Re&move row"));
    remove->setObjectName(QStringLiteral("removeMetric"));
    m_tableHint = new QLabel;
    m_tableHint->setObjectName(QStringLiteral("tableHint"));
    m_tableHint->setWordWrap(true);
    buttons->addWidget(add);
    buttons->addWidget(addSeries);
    buttons->addWidget(remove);
    buttons->addWidget(m_tableHint, 1);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_model->addMetric();
        if (added.isValid())
            m_table->setCurrentIndex(added);
    });
    connect(addSeries, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_model->addMetric(m_table->currentIndex().row());
        if (added.isValid())
            m_table->setCurrentIndex(added);
    });
    connect(remove, &QPushButton::clicked, this, [this] { m_model->removeMetric(m_table->currentIndex().row()); });
    connect(m_model, &MetricTableModel::edited, this, &ComposeView::writeTableToText);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { m_tableHint->clear(); });
    // A refused cell edit says why where the operator is looking.
    connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (!m_model->lastError().isEmpty())
            m_tableHint->setText(QStringLiteral("✘ ") + m_model->lastError());
    });
    return tab;
}

QByteArray ComposeView::text() const
{
    return m_editor->toPlainText().toUtf8();
}

QString ComposeView::importStatus() const
{
    return m_importStatus->text();
}

void ComposeView::scheduleValidation()
{
    m_debounce.start();
}

void ComposeView::replaceText(const QString &text)
{
    QTextCursor cursor(m_editor->document()); // one undo step, not a cleared undo history
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

ParseOptions ComposeView::currentOptions(const QByteArray &text) const
{
    ParseOptions options;
    options.fileName = QStringLiteral("compose");
    options.target = ValidationTarget(m_target->currentData().toInt());
    options.format = detectFormat(text);
    return options;
}

void ComposeView::startValidation()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // check the newest text once the running pass is done
        return;
    }
    const QByteArray current = text();
    const ParseOptions options = currentOptions(current);
    m_format = options.format;
    m_watcher.setFuture(QtConcurrent::run([current, options] { return parseText(current, options); }));
}

void ComposeView::showProblems(const ParseResult &result)
{
    m_problems->clear();
    QList<QTreeWidgetItem *> items;
    for (const Problem &problem : result.problems) {
        auto *item = new QTreeWidgetItem;
        item->setText(ColumnLine, problem.line > 0 ? QString::number(problem.line) : QString());
        item->setData(ColumnLine, Qt::UserRole, problem.line);
        item->setData(ColumnSeverity, Qt::UserRole, problem.column);
        // Words for the operator here; severityName()'s stay for the CLI's compiler-style lines.
        item->setText(ColumnSeverity, problem.severity == Severity::Error ? tr("error") : tr("warning"));
        item->setIcon(ColumnSeverity,
                      style()->standardIcon(problem.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                                                                                : QStyle::SP_MessageBoxWarning));
        item->setText(ColumnMessage,
                      problem.fix ? problem.message + tr("  (fix: %1)").arg(problem.fix->description)
                                  : problem.message);
        item->setToolTip(ColumnMessage, wrappedToolTip(problem.message));
        item->setText(ColumnCode, problem.code);
        items.append(item);
    }
    m_problems->addTopLevelItems(items);
    markProblemLines(result.problems);
    if (m_fixStatusShown && result.problems.isEmpty()) { // "n fixes applied; m errors need a change" is done with
        m_importStatus->clear();
        m_fixStatusShown = false;
    }
    m_summary->setText(result.problems.isEmpty()
                           ? tr("No problems · %n sample(s)", nullptr, int(result.stats.samples))
                           : tr("%1 error(s), %2 warning(s)").arg(result.stats.errors).arg(result.stats.warnings));

    // The table follows the text; it can be edited only while the text reads without errors.
    const QModelIndex current = m_table->currentIndex();
    m_model->setMetrics(result.metrics, !result.hasErrors());
    if (current.isValid())
        m_table->setCurrentIndex(m_model->index(std::min(current.row(), m_model->rowCount() - 1), current.column()));
    if (result.hasErrors())
        m_tableHint->setText(tr("Read-only while the text has errors: fix them in the Text tab first."));
    else if (m_tableHint->text().startsWith(tr("Read-only")))
        m_tableHint->clear();
    emit validated();
}

void ComposeView::markProblemLines(const QList<Problem> &problems)
{
    QList<QTextEdit::ExtraSelection> marks;
    // Translucent tints read on light and dark palettes alike.
    const QColor errorTint(224, 27, 36, 60);
    const QColor warningTint(229, 165, 10, 60);
    for (const Problem &problem : problems) {
        if (problem.line <= 0 || marks.size() >= kMaxMarkedLines)
            continue;
        const QTextBlock block = m_editor->document()->findBlockByNumber(problem.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.format.setBackground(problem.severity == Severity::Error ? errorTint : warningTint);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.format.setToolTip(wrappedToolTip(problem.message));
        marks.append(mark);
    }
    m_editor->setExtraSelections(marks);
}

void ComposeView::jumpToProblem(QTreeWidgetItem *item)
{
    const int line = item->data(ColumnLine, Qt::UserRole).toInt();
    if (line <= 0)
        return;
    m_tabs->setCurrentIndex(0);
    // At the problem's column (in characters, as the parser counts them), not the line's start.
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    QTextCursor cursor(block);
    const int column = item->data(ColumnSeverity, Qt::UserRole).toInt();
    cursor.setPosition(block.position() + std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
    m_editor->setFocus();
}

void ComposeView::applyAllFixes()
{
    const QByteArray current = text();
    const FixOutcome outcome = fixAll(current, currentOptions(current));
    if (outcome.fixesApplied > 0)
        replaceText(QString::fromUtf8(outcome.text));
    m_importStatus->setText(tr("%n fix(es) applied", nullptr, outcome.fixesApplied)
                            + (outcome.hasErrors()
                                   ? tr("; %n error(s) need a change by hand", nullptr, int(outcome.stats.errors))
                                   : QString()));
    m_fixStatusShown = true;
}

void ComposeView::writeTableToText()
{
    const MetricSet &metrics = m_model->metrics();
    const bool openMetrics = m_format == ExpositionFormat::OpenMetrics;
    replaceText(QString::fromUtf8(openMetrics ? writeOpenMetrics(metrics) : writeText(metrics)));
    noteRetypedFamilies(openMetrics ? familiesRetypedInOpenMetrics(metrics) : QStringList());
}

void ComposeView::noteRetypedFamilies(const QStringList &retyped)
{
    // The text reads without a word after such an edit (it says unknown, not counter), and once
    // read back the table holds the family as unknown too: the view says what the edit did, and
    // that undoing it keeps the type. The next table edit replaces the note, and only the note.
    if (!retyped.isEmpty()) {
        m_retypeNote = tr("Written as unknown or gauge: %1. OpenMetrics names a counter's samples NAME_total and "
                          "an info's NAME_info; undo the edit (Ctrl+Z in the text) to keep the type.")
                           .arg(someNames(retyped));
        m_importStatus->setText(m_retypeNote);
    } else if (!m_retypeNote.isEmpty()) {
        if (m_importStatus->text() == m_retypeNote)
            m_importStatus->clear();
        m_retypeNote.clear();
    }
}

void ComposeView::applyTemplate(const MetricTemplate &chosen)
{
    if (!mayReplaceDraft(tr("the template \"%1\"").arg(chosen.title)))
        return;
    replaceText(QString::fromUtf8(chosen.text));
    m_importStatus->setText(
        tr("Template \"%1\": %2. The Push view's grouping key is set for it.").arg(chosen.title, chosen.description));
    emit templateApplied(chosen);
}

void ComposeView::importFile(const QString &path)
{
    if (m_fileWatcher.isRunning() || !mayReplaceDraft(path))
        return;
    m_importStatus->setText(tr("Reading %1…").arg(path));
    m_fileWatcher.setProperty("path", path);
    m_fileWatcher.setFuture(QtConcurrent::run(readForEditor, path));
}

void ComposeView::importClipboard()
{
    const QMimeData *clipboardData = QApplication::clipboard()->mimeData();
    if (clipboardData && clipboardData->hasUrls() && !clipboardData->urls().isEmpty()
        && clipboardData->urls().constFirst().isLocalFile())
        return importFile(clipboardData->urls().constFirst().toLocalFile());
    const QString clipboard = QApplication::clipboard()->text();
    if (clipboard.trimmed().isEmpty())
        return finishImport(tr("The clipboard holds no text to import."), false);
    if (!mayReplaceDraft(tr("the clipboard's text")))
        return;
    replaceText(clipboard);
    finishImport(tr("Imported %n line(s) from the clipboard.", nullptr, int(clipboard.count(QLatin1Char('\n')) + 1)),
                 true);
}

void ComposeView::askForScrapeUrl()
{
    bool ok = false;
    const QString url = QInputDialog::getText(
        this, tr("Import from an exporter"), tr("The exporter's metrics URL (what Prometheus would scrape):"),
        QLineEdit::Normal,
        m_lastScrapeUrl.isEmpty() ? QStringLiteral("http://127.0.0.1:9100/metrics") : m_lastScrapeUrl, &ok);
    if (ok && !url.trimmed().isEmpty())
        scrape(QUrl::fromUserInput(url.trimmed()));
}

void ComposeView::scrape(const QUrl &url)
{
    if (!url.userInfo().isEmpty()) {
        // It would be kept in this field, in the history and on screen in clear.
        finishImport(tr("The exporter's URL has a user or password in it; credentials never go in a URL. Nothing "
                        "was read."),
                     false);
        return;
    }
    if (!mayReplaceDraft(redactUrl(url)))
        return;
    if (m_scrape)
        m_scrape->cancel();
    m_lastScrapeUrl = url.toString();
    m_importStatus->setText(tr("Reading %1…").arg(redactUrl(url)));
    m_cancelImport->show();
    m_scrape = m_context->http().send(scrapeRequest(url));
    connect(m_scrape, &HttpCall::finished, this, [this, url](const HttpResult &result) {
        const ScrapedMetrics scraped = scrapedMetrics(result, url);
        if (!scraped.ok())
            return finishImport(result.category == ErrorCategory::Cancelled ? tr("Cancelled.") : scraped.error, false);
        replaceText(QString::fromUtf8(scraped.text));
        // One arg() call: a chained one would read the URL's escapes ("%3D") as its placeholders.
        finishImport(tr("Imported %1 (HTTP %2, %3 ms, %4 KB).")
                         .arg(redactUrl(url), QString::number(result.status), QString::number(result.durationMs),
                              QString::number(result.body.size() / 1024.0, 'f', 1)),
                     true);
    });
}

void ComposeView::cancelImport()
{
    if (m_scrape)
        m_scrape->cancel();
}

void ComposeView::finishImport(const QString &status, bool ok)
{
    m_cancelImport->hide();
    m_importStatus->setText((ok ? QString() : QStringLiteral("✘ ")) + status);
    if (ok)
        m_tabs->setCurrentIndex(0);
    emit importFinished(ok);
}

bool ComposeView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport() && (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QMimeData *dropped = drop->mimeData();
        if (dropped->hasUrls() && !dropped->urls().isEmpty() && dropped->urls().constFirst().isLocalFile()) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop)
                importFile(dropped->urls().constFirst().toLocalFile());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ComposeView::isModified() const
{
    return m_editor->document()->isModified();
}

QString ComposeView::documentName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_importedName.isEmpty() ? tr("Untitled") : m_importedName;
}

bool ComposeView::mayReplaceDraft(const QString &what)
{
    if (!isModified() || m_editor->document()->isEmpty())
        return true;
    return Confirm::ask(
        this, tr("Replace the draft?"),
        tr("The draft %1 has changes that are not saved. Replace it with %2? (Edit ▸ Undo brings it back.)")
            .arg(documentName(), what),
        tr("Replace the draft"));
}

bool ComposeView::newDraft()
{
    if (!mayReplaceDraft(tr("an empty draft")))
        return false;
    m_editor->clear();
    m_importedName.clear();
    setDocument({}, false);
    return true;
}

void ComposeView::openDraft(const QString &path)
{
    if (m_fileWatcher.isRunning() || !mayReplaceDraft(path))
        return;
    m_openingPath = path;
    m_importStatus->setText(tr("Reading %1…").arg(path));
    m_fileWatcher.setProperty("path", path);
    m_fileWatcher.setFuture(QtConcurrent::run(readForEditor, path));
}

bool ComposeView::save()
{
    return m_filePath.isEmpty() ? saveAs() : writeTo(m_filePath);
}

bool ComposeView::saveAs(const QString &path)
{
    QString target = path;
    if (target.isEmpty()) {
        const QString suggested = !m_filePath.isEmpty() ? m_filePath
            : m_importedName.isEmpty()                  ? QStringLiteral("metrics.prom")
                                                        : m_importedName;
        target = QFileDialog::getSaveFileName(this, tr("Save draft"), suggested,
                                              tr("Text exposition (*.prom *.txt);;OpenMetrics (*.om);;All files (*)"));
        if (target.isEmpty())
            return false;
    }
    return writeTo(target);
}

bool ComposeView::writeTo(const QString &path)
{
    QSaveFile file(path); // the old file stays whole until the new one is complete
    if (!file.open(QIODevice::WriteOnly) || file.write(text()) < 0 || !file.commit()) {
        finishImport(tr("Not saved: %1: %2").arg(path, file.errorString()), false);
        return false;
    }
    m_importedName.clear();
    setDocument(path, false);
    emit openedFile(path);
    m_importStatus->setText(tr("Saved %1.").arg(path));
    return true;
}

void ComposeView::setDocument(const QString &path, bool modified)
{
    m_filePath = path;
    m_editor->document()->setModified(modified);
    emit documentChanged();
    if (!m_autosavePath.isEmpty())
        m_autosave.start();
}

void ComposeView::keepDraftIn(const QString &path)
{
    m_autosavePath = path;
    restoreDraft();
    // The Generator column is not part of the text: it is kept beside it.
    connect(m_model, &MetricTableModel::generatorsChanged, this, [this] { m_autosave.start(); });
}

void ComposeView::restoreDraft()
{
    QFile file(m_autosavePath);
    if (!file.open(QIODevice::ReadOnly))
        return; // a first start: the example stays
    const QJsonObject kept = QJsonDocument::fromJson(file.readAll()).object();
    if (!kept.contains(QStringLiteral("text")))
        return;
    m_editor->setPlainText(kept.value(QStringLiteral("text")).toString());
    m_importedName = kept.value(QStringLiteral("importedName")).toString();
    QList<GeneratorAssignment> generators;
    for (const QJsonValue entry : kept.value(QStringLiteral("generators")).toArray()) {
        QString error;
        const QString assignment
            = entry[QStringLiteral("series")].toString() + u'=' + entry[QStringLiteral("generator")].toString();
        if (const std::optional<GeneratorAssignment> parsed = parseGeneratorAssignment(assignment, &error))
            generators.append(*parsed);
    }
    m_model->setGenerators(generators);
    setDocument(kept.value(QStringLiteral("file")).toString(), kept.value(QStringLiteral("modified")).toBool());
    m_autosave.stop(); // what is on disk is what was just read
}

void ComposeView::autosaveNow()
{
    m_autosave.stop();
    if (m_autosavePath.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_autosavePath).absolutePath());
    QSaveFile file(m_autosavePath);
    QJsonArray generators;
    for (const GeneratorAssignment &assignment : m_model->generators()) {
        generators.append(
            QJsonObject{{QStringLiteral("series"),
                         QString(assignment.series.name + assignment.series.labels.value_or(Labels()).toString())},
                        {QStringLiteral("generator"), assignment.generator.toString()}});
    }
    const QJsonObject kept{{QStringLiteral("text"), m_editor->toPlainText()},
                           {QStringLiteral("file"), m_filePath},
                           {QStringLiteral("importedName"), m_importedName},
                           {QStringLiteral("modified"), isModified()},
                           {QStringLiteral("generators"), generators}};
    // 0600: a draft may hold what the operator would not show (hosts, paths).
    if (file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(kept).toJson(QJsonDocument::Compact)) >= 0) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.commit();
    }
}

void ComposeView::followProfileKind()
{
    const std::optional<Profile> &profile = m_context->profile();
    if (m_targetChosen || !profile)
        return;
    ValidationTarget target = ValidationTarget::Generic;
    switch (profile->kind) {
    case ProfileKind::Tmp:
        target = ValidationTarget::Tmp;
        break;
    case ProfileKind::Pushgateway:
        target = ValidationTarget::Pushgateway;
        break;
    case ProfileKind::RemoteWrite:
        target = ValidationTarget::RemoteWrite;
        break;
    case ProfileKind::Generic:
        break;
    }
    m_target->setCurrentIndex(m_target->findData(int(target)));
}

void ComposeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->usePalette(palette());
    QWidget::changeEvent(event);
}

QList<GeneratorAssignment> ComposeView::generators() const
{
    return m_model->generators();
}

} // namespace promdesk::ui
