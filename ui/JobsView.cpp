#include "JobsView.h"

#include "LiveJobs.h"
#include "ToolTips.h"
#include "remotewrite/BackfillPlan.h"
#include "util/Time.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace promdesk::ui {

namespace {

constexpr int kLatencyRole = Qt::UserRole + 1;
constexpr int kNumberRole = Qt::UserRole + 2;
constexpr qsizetype kChartPoints = 60;

// The last arrival latencies as a line, the newest at the right, scaled to the largest shown;
// the text (p50) is drawn beside it.
class SparklineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QList<qint64> points = index.data(kLatencyRole).value<QList<qint64>>();
        if (points.size() < 2)
            return;
        const QRect area = option.rect.adjusted(4, 4, -option.rect.width() / 2, -4);
        const qint64 highest = std::max<qint64>(1, *std::max_element(points.cbegin(), points.cend()));
        QPainterPath path;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF point(area.left() + double(area.width()) * double(i) / double(points.size() - 1),
                                area.bottom() - double(area.height()) * double(points.at(i)) / double(highest));
            i == 0 ? path.moveTo(point) : path.lineTo(point);
        }
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(
            option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Link),
            1.5));
        painter->drawPath(path);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(size.width() + 100);
        return size;
    }
};

QString stateText(const LiveJobs::Job &job)
{
    const LiveJob &live = *job.job;
    if (live.state() == LiveJob::State::Finished)
        return describeEnd(live);
    return liveJobStateName(live.state());
}

QString nextTickText(const LiveJob &job)
{
    const qint64 next = job.stats().nextDueMs;
    if (next <= 0)
        return QStringLiteral("—");
    const qint64 inMs = next - QDateTime::currentMSecsSinceEpoch();
    if (inMs < 500)
        return JobsView::tr("now");
    return JobsView::tr("in %1 s").arg((inMs + 500) / 1000);
}

QString arrivalText(const LiveJobs::Job &job)
{
    if (!job.arrival)
        return JobsView::tr("not checked");
    const ArrivalTracker &arrival = *job.arrival;
    if (arrival.checked() == 0)
        return arrival.pending() > 0 ? JobsView::tr("checking…") : QStringLiteral("—");
    QString text = JobsView::tr("p50 %1, %2/%3 arrived")
                       .arg(formatDuration(arrival.percentile(0.5).value_or(0)))
                       .arg(arrival.arrived())
                       .arg(arrival.checked());
    return text;
}

} // namespace

JobsView::JobsView(LiveJobs *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(
        tr("No live job yet. Start one from the Push view with \"Repeat every\", or from the Overwrite lab."));
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setAccessibleName(tr("Live jobs"));
    m_table->setTabKeyNavigation(false); // arrows move between rows; Tab leaves the table
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Job"), tr("State"), tr("Sent"), tr("Skipped"), tr("Failed"),
                                        tr("Last answer"), tr("Next tick"), tr("Arrival")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column : {ColumnNumber, ColumnState, ColumnSent, ColumnSkipped, ColumnFailed, ColumnNext})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ColumnJob, QHeaderView::Stretch);
    header->setSectionResizeMode(ColumnLast, QHeaderView::Interactive);
    header->resizeSection(ColumnLast, 170);
    header->setSectionResizeMode(ColumnArrival, QHeaderView::Interactive);
    header->resizeSection(ColumnArrival, 220);
    m_table->setItemDelegateForColumn(ColumnArrival, new SparklineDelegate(m_table));
    layout->addWidget(m_table, 1);
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("jobDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long answers wrap, never widen the window
    layout->addWidget(m_details);

    auto *buttons = new QHBoxLayout;
    m_pause = new QPushButton(tr("&Pause"));
    m_pause->setObjectName(QStringLiteral("pauseJob"));
    m_resume = new QPushButton(tr("&Resume"));
    m_resume->setObjectName(QStringLiteral("resumeJob"));
    m_stop = new QPushButton(tr("&Stop"));
    m_stop->setObjectName(QStringLiteral("stopJob"));
    m_stopAll = new QPushButton(tr("Stop &all"));
    m_stopAll->setObjectName(QStringLiteral("stopAllJobs"));
    m_clear = new QPushButton(tr("&Clear finished"));
    m_clear->setObjectName(QStringLiteral("clearJobs"));
    for (QPushButton *button : {m_pause, m_resume, m_stop, m_stopAll, m_clear})
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &JobsView::refresh);
    // The next tick's countdown moves on its own.
    auto *clock = new QTimer(this);
    clock->start(1000);
    connect(clock, &QTimer::timeout, this, [this] {
        if (m_jobs->running() > 0)
            scheduleRefresh();
    });
    connect(m_jobs, &LiveJobs::added, this, [this](int number) {
        refresh();
        selectJob(number);
    });
    connect(m_jobs, &LiveJobs::changed, this, &JobsView::scheduleRefresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &JobsView::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &JobsView::showDetails);
    connect(m_pause, &QPushButton::clicked, this, &JobsView::pauseSelected);
    connect(m_resume, &QPushButton::clicked, this, &JobsView::resumeSelected);
    connect(m_stop, &QPushButton::clicked, this, &JobsView::stopSelected);
    connect(m_stopAll, &QPushButton::clicked, m_jobs, &LiveJobs::stopAll);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_jobs->clearFinished();
        refresh();
    });
    refresh();
}

void JobsView::scheduleRefresh()
{
    if (!m_refresh->isActive())
        m_refresh->start();
}

int JobsView::selectedJob() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? 0
                              : m_table->item(selected.constFirst()->row(), ColumnNumber)->data(kNumberRole).toInt();
}

void JobsView::selectJob(int number)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, ColumnNumber)->data(kNumberRole).toInt() == number)
            m_table->selectRow(row);
    }
}

void JobsView::pauseSelected()
{
    if (LiveJobs::Job *job = m_jobs->find(selectedJob()))
        job->job->pause();
}

void JobsView::resumeSelected()
{
    if (LiveJobs::Job *job = m_jobs->find(selectedJob()))
        job->job->resume();
}

void JobsView::stopSelected()
{
    if (LiveJobs::Job *job = m_jobs->find(selectedJob())) {
        if (job->arrival)
            job->arrival->cancelAll();
        job->job->stop();
    }
}

void JobsView::refresh()
{
    const int selected = selectedJob();
    const auto &jobs = m_jobs->jobs();
    m_table->setRowCount(int(jobs.size()));
    const auto cell = [this](int row, int column) {
        QTableWidgetItem *item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, column, item);
        }
        return item;
    };
    for (int row = 0; row < int(jobs.size()); ++row) {
        const LiveJobs::Job &job = *jobs.at(size_t(row));
        const LiveJobStats &s = job.job->stats();
        cell(row, ColumnNumber)->setText(QStringLiteral("#%1").arg(job.number));
        cell(row, ColumnNumber)->setData(kNumberRole, job.number);
        cell(row, ColumnJob)->setText(job.description);
        cell(row, ColumnJob)->setToolTip(wrappedToolTip(tr("Profile %1: %2").arg(job.profile, job.description)));
        cell(row, ColumnState)->setText(stateText(job));
        cell(row, ColumnState)->setToolTip(wrappedToolTip(stateText(job)));
        cell(row, ColumnSent)->setText(QString::number(s.sent));
        cell(row, ColumnSkipped)->setText(QString::number(s.skipped()));
        cell(row, ColumnSkipped)
            ->setToolTip(tr("%1 still waiting for the previous answer, %2 backing off after failures")
                             .arg(s.skippedBusy)
                             .arg(s.skippedBackoff));
        cell(row, ColumnFailed)->setText(QString::number(s.failed));
        cell(row, ColumnLast)->setText(s.lastMessage);
        cell(row, ColumnLast)->setToolTip(wrappedToolTip(s.lastMessage));
        cell(row, ColumnNext)->setText(nextTickText(*job.job));
        cell(row, ColumnArrival)->setText(QStringLiteral("      ") + arrivalText(job));
        cell(row, ColumnArrival)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (job.arrival) {
            const QList<qint64> &all = job.arrival->latencies();
            cell(row, ColumnArrival)
                ->setData(kLatencyRole,
                          QVariant::fromValue(all.mid(std::max<qsizetype>(0, all.size() - kChartPoints))));
            cell(row, ColumnArrival)->setToolTip(wrappedToolTip(job.arrival->lastVerdict()));
        }
    }
    if (selected)
        selectJob(selected);
    const int running = m_jobs->running();
    if (!jobs.empty())
        m_summary->setText(tr("%n job(s) running", nullptr, running)
                           + tr(", %n in the list", nullptr, int(jobs.size())));
    updateButtons();
    showDetails();
}

void JobsView::showDetails()
{
    const LiveJobs::Job *job = m_jobs->find(selectedJob());
    if (!job) {
        m_details->clear();
        return;
    }
    const LiveJobStats &s = job->job->stats();
    QStringList lines;
    lines << tr("<b>#%1</b> %2 · profile %3")
                 .arg(job->number)
                 .arg(job->description.toHtmlEscaped(), job->profile.toHtmlEscaped());
    lines << tr("%1 · %2 sent, %3 ok, %4 failed, %5 skipped (%6 waiting for an answer, %7 backing off)")
                 .arg(stateText(*job).toHtmlEscaped(), QString::number(s.sent), QString::number(s.ok),
                      QString::number(s.failed), QString::number(s.skipped()), QString::number(s.skippedBusy),
                      QString::number(s.skippedBackoff));
    if (!s.lastMessage.isEmpty())
        lines << tr("Last answer: %1").arg(s.lastMessage.toHtmlEscaped());
    if (job->arrival && !job->arrival->lastVerdict().isEmpty()) {
        const ArrivalTracker &arrival = *job->arrival;
        lines << tr("Arrival: last %1; p50 %2, p99 %3 over %4 checked")
                     .arg(arrival.lastVerdict().toHtmlEscaped(), formatDuration(arrival.percentile(0.5).value_or(0)),
                          formatDuration(arrival.percentile(0.99).value_or(0)), QString::number(arrival.checked()));
    }
    m_details->setText(lines.join(QStringLiteral("<br>")));
}

void JobsView::updateButtons()
{
    const LiveJobs::Job *job = m_jobs->find(selectedJob());
    const LiveJob::State state = job ? job->job->state() : LiveJob::State::Finished;
    m_pause->setEnabled(state == LiveJob::State::Running);
    m_resume->setEnabled(state == LiveJob::State::Paused);
    m_stop->setEnabled(state == LiveJob::State::Running || state == LiveJob::State::Paused);
    m_stopAll->setEnabled(m_jobs->running() > 0);
    m_clear->setEnabled(m_jobs->jobs().size() > size_t(m_jobs->running()));
}

} // namespace promdesk::ui
