#include "OverwriteLabView.h"
#include "StatusColors.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "LiveJobs.h"
#include "ToolTips.h"
#include "exposition/TextWriter.h"
#include "pushgateway/GroupPruning.h"
#include "pushgateway/OverwritePreview.h"
#include "pushgateway/ServerMessage.h"
#include "remotewrite/BackfillPlan.h"
#include "util/Time.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace promdesk::ui {

namespace {

enum HeldColumn { HeldSeriesColumn, HeldValueColumn, HeldChangeColumn };

QString introduction()
{
    return OverwriteLabView::tr(
        "A Pushgateway keeps what it is sent in <b>groups</b>, one per <b>grouping key</b>: the job and the labels in "
        "the push's URL (<code>/metrics/job/backup/instance/db-1</code>). A push replaces (PUT) or merges into (POST) "
        "its own group only. Labels in the body are not part of the key. So when two machines push the same job with "
        "the same key, the second one overwrites the first. TMP's guide to writing data says it plainly: put an "
        "instance identifier (IP or host name) in the grouping key, because without one, the data reported by several "
        "machines overwrites each other.");
}

} // namespace

OverwriteLabView::OverwriteLabView(ConsoleContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_steps(overwriteScenario())
    , m_records(m_steps.size())
{
    setObjectName(QStringLiteral("overwriteLab"));
    auto *layout = new QGridLayout(this);
    auto *intro = new QLabel(introduction());
    intro->setObjectName(QStringLiteral("labIntroduction"));
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("labSteps"));
    m_list->setAccessibleName(tr("Steps"));
    m_list->setMaximumWidth(260);
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_why = new QLabel(tr("Run the steps against the profile's Pushgateway. Only job \"%1\" is touched; the first step "
                          "deletes what an earlier run left of it, and Reset does so again.")
                           .arg(kOverwriteDemoJob));
    m_why->setObjectName(QStringLiteral("labWhy"));
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(intro, 0, 0, 1, 2);
    layout->addWidget(new QLabel(tr("<b>Steps</b>")), 1, 0);
    layout->addWidget(m_list, 2, 0);
    layout->addWidget(makePanes(), 1, 1, 2, 1);
    layout->addWidget(m_why, 3, 0, 1, 2);
    layout->addLayout(makeStepButtons(), 4, 0, 1, 2);
    layout->addLayout(makeLiveRow(), 5, 0, 1, 2);
    layout->setRowStretch(2, 1);
    layout->setColumnStretch(1, 1);
    markSteps();
    connectSteps();
}

// What the machine sends above what the gateway then holds, both the full width: a series, its
// value and its change read on one line.
QWidget *OverwriteLabView::makePanes()
{
    m_sent = new QPlainTextEdit;
    m_sent->setObjectName(QStringLiteral("labSent"));
    m_sent->setAccessibleName(tr("What each step sent"));
    m_sent->setReadOnly(true);
    m_sent->setLineWrapMode(QPlainTextEdit::WidgetWidth); // warnings and values wrap, never cut
    m_sent->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_held = new QTreeWidget;
    m_held->setObjectName(QStringLiteral("labHeld"));
    m_held->setAccessibleName(tr("What the gateway holds"));
    m_held->setHeaderLabels({tr("Group / series"), tr("Value"), tr("Change")});
    // Every column as wide as its text: nothing is cut, a narrow window scrolls sideways.
    m_held->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_held->header()->setStretchLastSection(false);
    const auto titled = [](const QString &title, QWidget *pane) {
        auto *box = new QWidget;
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->addWidget(new QLabel(title));
        boxLayout->addWidget(pane, 1);
        return box;
    };
    auto *panes = new QSplitter(Qt::Vertical);
    panes->addWidget(titled(tr("<b>The machine sends</b> (and what the preview says it will change)"), m_sent));
    panes->addWidget(
        titled(tr("<b>The gateway then holds</b> for job %1 (what changed is marked)").arg(kOverwriteDemoJob), m_held));
    return panes;
}

QLayout *OverwriteLabView::makeStepButtons()
{
    auto *buttons = new QHBoxLayout;
    m_stepButton = new QPushButton(tr("&Run step"));
    m_stepButton->setObjectName(QStringLiteral("labRunStep"));
    auto *all = new QPushButton(tr("Run &all"));
    all->setObjectName(QStringLiteral("labRunAll"));
    auto *resetButton = new QPushButton(tr("R&eset"));
    m_busyButtons = {m_stepButton, all, resetButton};
    auto *exportButton = new QPushButton(tr("E&xport walkthrough…"));
    exportButton->setObjectName(QStringLiteral("labExport"));
    buttons->addWidget(m_stepButton);
    buttons->addWidget(all);
    buttons->addWidget(resetButton);
    buttons->addStretch();
    buttons->addWidget(exportButton);
    connect(m_stepButton, &QPushButton::clicked, this, &OverwriteLabView::runStep);
    connect(all, &QPushButton::clicked, this, &OverwriteLabView::runAll);
    connect(resetButton, &QPushButton::clicked, this, &OverwriteLabView::reset);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export the walkthrough"), QStringLiteral("grouping-keys.md"),
                                           tr("Markdown (*.md);;All files (*)"));
        if (!path.isEmpty())
            exportWalkthrough(path);
    });
    return buttons;
}

QLayout *OverwriteLabView::makeLiveRow()
{
    auto *live = new QHBoxLayout;
    m_liveWithInstance = new QCheckBox(tr("each with its &instance"));
    m_liveWithInstance->setObjectName(QStringLiteral("labLiveWithInstance"));
    m_liveWithInstance->setToolTip(
        wrappedToolTip(tr("Off: both push job %1 without an instance, so each push replaces the "
                          "other's group, live. On: each machine keeps its own group.")
                           .arg(kOverwriteDemoJob)));
    m_liveInterval = new QDoubleSpinBox;
    m_liveInterval->setObjectName(QStringLiteral("labLiveInterval"));
    m_liveInterval->setAccessibleName(tr("Live interval in seconds"));
    m_liveInterval->setRange(0.5, 600);
    m_liveInterval->setValue(2);
    m_liveInterval->setSuffix(tr(" s"));
    m_liveStart = new QPushButton(tr("Run &live"));
    m_liveStart->setObjectName(QStringLiteral("labLiveStart"));
    m_liveStop = new QPushButton(tr("Sto&p live"));
    m_liveStop->setObjectName(QStringLiteral("labLiveStop"));
    m_liveStop->setEnabled(false);
    live->addWidget(new QLabel(tr("Machines host-a and host-b push every")));
    live->addWidget(m_liveInterval);
    live->addWidget(m_liveWithInstance);
    live->addWidget(m_liveStart);
    live->addWidget(m_liveStop);
    live->addStretch();
    connect(m_liveStart, &QPushButton::clicked, this,
            [this] { startLive(m_liveWithInstance->isChecked(), m_liveInterval->value()); });
    connect(m_liveStop, &QPushButton::clicked, this, &OverwriteLabView::stopLive);
    return live;
}

void OverwriteLabView::connectSteps()
{
    // Any step that ran can be selected and read again; one that did not says what it will do.
    connect(m_list, &QListWidget::currentRowChanged, this, &OverwriteLabView::showStep);
    // Another profile is another gateway: what the lab showed and that it started clean belong
    // to the old one.
    connect(m_context, &ConsoleContext::profileChanged, this, [this] {
        if (m_busy)
            return; // the step in flight finishes against the gateway it started with
        m_clean = false;
        m_next = 0;
        m_records = QList<std::optional<Record>>(m_steps.size());
        markSteps();
        m_sent->clear();
        m_held->clear();
        m_why->setText(tr("Another profile: the lab starts again at step 1 on its gateway."));
    });
    connect(this, &OverwriteLabView::stepFinished, this, [this](int, bool ok) {
        if (m_runningAll && ok && m_next < m_steps.size())
            runStep();
        else
            m_runningAll = false;
    });
}

QString OverwriteLabView::sent() const
{
    return m_sent->toPlainText();
}
QString OverwriteLabView::why() const
{
    return m_why->text();
}

QString OverwriteLabView::held() const
{
    QStringList lines;
    for (int g = 0; g < m_held->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_held->topLevelItem(g);
        lines << group->text(HeldSeriesColumn);
        for (int s = 0; s < group->childCount(); ++s) {
            const QTreeWidgetItem *series = group->child(s);
            lines << QStringLiteral("  %1 %2 %3")
                         .arg(series->text(HeldSeriesColumn), series->text(HeldValueColumn),
                              series->text(HeldChangeColumn))
                         .trimmed();
        }
    }
    return lines.isEmpty() ? tr("(no groups)") : lines.join(QLatin1Char('\n'));
}

void OverwriteLabView::markSteps()
{
    const QSignalBlocker block(m_list);
    if (m_list->count() != m_steps.size()) {
        m_list->clear();
        for (int i = 0; i < m_steps.size(); ++i)
            m_list->addItem(QString());
    }
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setText(QStringLiteral("%1 %2  %3")
                                     .arg(m_records.at(i)   ? QStringLiteral("✓")
                                              : i == m_next ? QStringLiteral("▶")
                                                            : QStringLiteral(" "))
                                     .arg(i + 1)
                                     .arg(m_steps.at(i).title));
}

void OverwriteLabView::showHeld(const QList<HeldSeries> &held)
{
    m_held->clear();
    QTreeWidgetItem *group = nullptr;
    const QColor changed = changeTextColor(palette());
    for (const HeldSeries &row : held) {
        if (!group || group->text(HeldSeriesColumn) != row.group) {
            group = new QTreeWidgetItem(m_held, {row.group});
            group->setFirstColumnSpanned(true);
        }
        const QString change
            = row.change == HeldSeries::Change::Changed ? tr("changed (was %1)").arg(row.was) : changeName(row.change);
        auto *series = new QTreeWidgetItem(
            group, {row.series, row.change == HeldSeries::Change::Gone ? QStringLiteral("—") : row.value, change});
        series->setToolTip(HeldSeriesColumn, row.series);
        if (row.change != HeldSeries::Change::Same) {
            for (int column = HeldSeriesColumn; column <= HeldChangeColumn; ++column) {
                QFont bold = series->font(column);
                bold.setBold(true);
                series->setFont(column, bold);
                series->setForeground(column, changed);
            }
        }
    }
    m_held->expandAll();
}

void OverwriteLabView::showStep(int step)
{
    if (step < 0 || step >= m_steps.size())
        return;
    const ScenarioStep &s = m_steps.at(step);
    if (const std::optional<Record> &record = m_records.at(step)) {
        m_sent->setPlainText(record->sent);
        showHeld(record->held);
        m_why->setText(tr("Step %1 — why: %2").arg(step + 1).arg(s.why));
    } else {
        m_sent->setPlainText(tr("Not run yet: %1 will push %2 to %3.")
                                 .arg(s.machine,
                                      s.method == PushMethod::Replace ? QStringLiteral("PUT") : QStringLiteral("POST"),
                                      s.key.toString()));
        m_held->clear();
        m_why->setText(step == m_next ? tr("Step %1 is next: Run step sends it.").arg(step + 1)
                                      : tr("Step %1 runs after step %2.").arg(step + 1).arg(step));
    }
}

void OverwriteLabView::setBusy(bool busy)
{
    // One step or reset at a time: two would push the same step twice, or mark against the
    // wrong "before".
    m_busy = busy;
    for (QPushButton *button : std::as_const(m_busyButtons))
        button->setEnabled(!busy);
}

void OverwriteLabView::runStep()
{
    if (m_busy)
        return;
    if (m_next >= m_steps.size()) {
        m_why->setText(
            tr("All %1 steps have run; select one to read it again. Reset deletes the lab's groups and starts "
               "again from step 1.")
                .arg(m_steps.size()));
        emit stepFinished(int(m_steps.size()) - 1, false);
        return;
    }
    if (!m_clean) {
        // An earlier run (or another console) may have left groups of the lab's job: step 1's
        // preview would then speak of groups that exist, against its own explanation. They are
        // deleted first, and never without the operator's yes.
        startClean();
        return;
    }
    runNextStep();
}

void OverwriteLabView::startClean()
{
    setBusy(true);
    const auto failed = [this](const QString &reason) {
        setBusy(false);
        m_runningAll = false;
        m_why->setText(reason);
        emit stepFinished(m_next, false);
    };
    m_context->withGateway(this, failed, [this, failed](const std::shared_ptr<PushgatewayClient> &client) {
        client->listGroups(
            this,
            [this, failed](const HttpResult &result, const std::optional<GatewayGroups> &groups, const QString &) {
                if (!groups)
                    return failed(explainGatewayAnswer(result, tr("The Pushgateway")).summary);
                const QList<const GatewayGroup *> left = groups->ofJob(kOverwriteDemoJob);
                QStringList names;
                for (const GatewayGroup *group : left)
                    names << group->groupingKey.toString();
                if (!left.isEmpty()
                    && !Confirm::ask(
                        this, tr("Start the lab clean?"),
                        tr("The gateway holds %n group(s) of job %1, left by an earlier run of the lab (or another "
                           "console's). The lab needs the job to itself: delete them?\n\n",
                           nullptr, int(left.size()))
                                .arg(kOverwriteDemoJob)
                            + names.join(QLatin1Char('\n')),
                        tr("Delete and start"))) {
                    return failed(tr("Nothing was run: the lab needs job %1 to itself. Reset deletes its groups.")
                                      .arg(kOverwriteDemoJob));
                }
                connect(
                    this, &OverwriteLabView::resetFinished, this,
                    [this] {
                        if (m_clean) {
                            runNextStep();
                        } else {
                            setBusy(false);
                            m_runningAll = false;
                        }
                    },
                    Qt::SingleShotConnection);
                reset();
            });
    });
}

void OverwriteLabView::runNextStep()
{
    const int index = m_next;
    const ScenarioStep step = m_steps.at(index);
    setBusy(true);
    const auto failed = [this, index](const QString &reason) {
        setBusy(false);
        m_why->setText(reason);
        emit stepFinished(index, false);
    };
    m_context->withGateway(this, failed, [this, index, step](const std::shared_ptr<PushgatewayClient> &client) {
        client->listGroups(
            this,
            [this, index, step, client](const HttpResult &, const std::optional<GatewayGroups> &before,
                                        const QString &) {
                const QString body = QString::fromUtf8(writeText(step.metrics, WriteOptions{false}));
                const QString sent
                    //: %1 a machine, %2 PUT or POST, %3 the URL's path, %4 the body, %5 the preview
                    = tr("%1 sends %2 %3\n\n%4\n%5")
                          .arg(step.machine,
                               step.method == PushMethod::Replace ? QStringLiteral("PUT") : QStringLiteral("POST"),
                               client->groupUrl(step.key).path(), body,
                               before ? renderPreview(previewPush(step.metrics, step.key, step.method, *before))
                                      : QString());
                m_sent->setPlainText(sent);
                PushOptions options;
                options.method = step.method;
                client->push(step.key, step.metrics, options, this,
                             [this, index, step, client, before, sent](const HttpResult &result) {
                                 if (!result.ok()) {
                                     setBusy(false);
                                     const Explanation explanation
                                         = explainGatewayAnswer(result, tr("The Pushgateway"));
                                     m_why->setText(explanation.summary + QLatin1Char(' ') + explanation.advice);
                                     emit stepFinished(index, false);
                                     return;
                                 }
                                 client->listGroups(this,
                                                    [this, index, step, client, before,
                                                     sent](const HttpResult &,
                                                           const std::optional<GatewayGroups> &after, const QString &) {
                                                        setBusy(false);
                                                        Record record;
                                                        record.sent = sent;
                                                        record.after = after.value_or(GatewayGroups{});
                                                        // Marked against what the gateway held before this step, as the step saw it.
                                                        record.held = compareHoldings(before ? &*before : nullptr,
                                                                                      record.after, kOverwriteDemoJob);
                                                        m_records[index] = record;
                                                        m_next = index + 1;
                                                        markSteps();
                                                        {
                                                            const QSignalBlocker block(m_list);
                                                            m_list->setCurrentRow(index);
                                                        }
                                                        showStep(index);
                                                        emit stepFinished(index, true);
                                                    });
                             });
            });
    });
}

void OverwriteLabView::runAll()
{
    m_runningAll = true;
    runStep();
}

void OverwriteLabView::reset()
{
    setBusy(true);
    const auto failed = [this](const QString &reason) {
        setBusy(false);
        m_why->setText(reason);
        emit resetFinished();
    };
    m_context->withGateway(this, failed, [this](const std::shared_ptr<PushgatewayClient> &client) {
        client->listGroups(
            this,
            [this, client](const HttpResult &result, const std::optional<GatewayGroups> &groups, const QString &) {
                if (!groups) {
                    setBusy(false);
                    m_why->setText(explainGatewayAnswer(result, tr("The Pushgateway")).summary);
                    emit resetFinished();
                    return;
                }
                const QList<const GatewayGroup *> ofJob = groups->ofJob(kOverwriteDemoJob);
                auto remaining = std::make_shared<int>(int(ofJob.size()));
                auto refused = std::make_shared<int>(0);
                auto done = [this, count = int(ofJob.size()), refused] {
                    setBusy(false);
                    m_clean = *refused == 0;
                    m_next = 0;
                    m_records = QList<std::optional<Record>>(m_steps.size());
                    markSteps();
                    m_sent->clear();
                    m_held->clear();
                    m_why->setText(
                        *refused > 0 ? tr("%n group(s) of job %1 could not be deleted; the lab does not start from a "
                                          "clean gateway.",
                                          nullptr, *refused)
                                           .arg(kOverwriteDemoJob)
                            : count == 0
                            ? tr("The gateway holds nothing of job %1: the lab starts clean.").arg(kOverwriteDemoJob)
                            : tr("Deleted %n group(s) of job %1 left from an earlier run: the lab starts clean.",
                                 nullptr, count)
                                  .arg(kOverwriteDemoJob));
                    emit resetFinished();
                };
                if (ofJob.isEmpty()) {
                    done();
                    return;
                }
                for (const GatewayGroup *group : ofJob) {
                    client->deleteGroup(groupingKeyOf(*group), this,
                                        [client, remaining, refused, done](const HttpResult &deleted) {
                                            if (!deleted.ok())
                                                ++*refused;
                                            if (--*remaining == 0)
                                                done();
                                        });
                }
            });
    });
}

bool OverwriteLabView::exportWalkthrough(const QString &path)
{
    QList<WalkthroughStep> steps;
    for (int i = 0; i < m_steps.size(); ++i) {
        if (const std::optional<Record> &record = m_records.at(i))
            steps.append(WalkthroughStep{m_steps.at(i), record->sent, record->held});
    }
    QString intro = introduction();
    intro.replace(QLatin1String("<b>"), QLatin1String("**")).replace(QLatin1String("</b>"), QLatin1String("**"));
    intro.replace(QLatin1String("<code>"), QLatin1String("`")).replace(QLatin1String("</code>"), QLatin1String("`"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(walkthroughMarkdown(intro, steps).toUtf8()) < 0
        || !file.commit()) {
        m_why->setText(tr("Not exported: %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_why->setText(steps.isEmpty() ? tr("Exported %1 (no step has run yet).").arg(path)
                                   : tr("Exported %n step(s) to %1.", nullptr, int(steps.size())).arg(path));
    return true;
}

void OverwriteLabView::startLive(bool withInstance, double seconds)
{
    const std::optional<Profile> profile = m_context->profile();
    if (!m_jobs || !profile) {
        m_why->setText(tr("Choose a profile with a Pushgateway first."));
        return;
    }
    LiveJobSpec spec;
    spec.key = GroupingKey(kOverwriteDemoJob);
    spec.draft = overwriteScenario().constFirst().metrics;
    spec.machines = {QStringLiteral("host-a"), QStringLiteral("host-b")};
    spec.machinesOverwrite = !withInstance;
    spec.intervalMs = qint64(std::llround(seconds * 1000));
    // Each push says when and how much, so the audience sees whose values the group holds.
    QString error;
    spec.generators = {*parseGeneratorAssignment(u"backup_last_success_timestamp_seconds=now", &error),
                       *parseGeneratorAssignment(u"backup_size_bytes=walk:1e9:4e9:1e8", &error)};
    m_liveStart->setEnabled(false);
    m_context->readSecret(*profile, this, [this, spec, profile = *profile](const SecretResult &secret) {
        QString why;
        m_liveJob = secret.ok() || profile.auth == Credentials::Kind::None
            ? m_jobs->start(spec, profile, secret, false, &why)
            : 0;
        if (m_liveJob == 0) {
            m_liveStart->setEnabled(true);
            m_why->setText(tr("The live run did not start: %1").arg(why.isEmpty() ? secret.message : why));
            return;
        }
        m_liveStop->setEnabled(true);
        m_why->setText(
            spec.machinesOverwrite
                ? tr("Live: host-a and host-b push job %1 without an instance every %2. Open Groups: one group, "
                     "whose values flip between the machines at each push.")
                      .arg(kOverwriteDemoJob, formatDuration(spec.intervalMs))
                : tr("Live: host-a and host-b push job %1 with their instance every %2. Open Groups: two groups, "
                     "each keeping its machine's values.")
                      .arg(kOverwriteDemoJob, formatDuration(spec.intervalMs)));
        const int number = m_liveJob;
        connect(m_jobs->find(number)->job.get(), &LiveJob::finished, this, [this, number] {
            if (m_liveJob != number)
                return;
            m_liveJob = 0;
            m_liveStart->setEnabled(true);
            m_liveStop->setEnabled(false);
        });
    });
}

void OverwriteLabView::stopLive()
{
    if (LiveJobs::Job *job = m_jobs ? m_jobs->find(m_liveJob) : nullptr)
        job->job->stop();
}

} // namespace promdesk::ui
