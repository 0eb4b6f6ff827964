#include "BackfillView.h"
#include "StatusColors.h"

#include "ToolTips.h"
#include "util/Time.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "importers/SeriesReader.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

namespace promdesk::ui {

namespace {

constexpr int kChartSeries = 8;   // more lines than this are unreadable
constexpr int kChartPoints = 500; // per line, evenly thinned
constexpr int kLegendChars = 40;  // a legend entry longer than this is cut in its middle

// Legend entries that tell the series apart: what they all start with is said once in the
// chart's title (see drawChart), not in every entry; what is left, when long, keeps its start and
// end (where labels differ most) and loses its middle.
struct Legend
{
    QString common; // what every name starts with, up to a separator ("http_requests_total{job=\"api\",")
    QStringList names;
};

Legend legendNames(QStringList names, int maxChars)
{
    QString shared;
    if (names.size() > 1) {
        qsizetype common = 0;
        const QString &first = names.constFirst();
        while (common < first.size() && std::all_of(names.cbegin(), names.cend(), [&](const QString &n) {
                   return common < n.size() && n.at(common) == first.at(common);
               }))
            ++common;
        // Cut after the last separator inside the common part, never inside a label's value.
        qsizetype cut = 0;
        for (qsizetype i = 0; i < common; ++i) {
            if (first.at(i) == u'{' || first.at(i) == u',')
                cut = i + 1;
        }
        if (cut > 0) {
            shared = first.left(cut);
            for (QString &name : names) {
                name = name.mid(cut);
                if (name.endsWith(u'}')) // the brace the title opened
                    name.chop(1);
            }
        }
    }
    for (QString &name : names) {
        if (name.size() > maxChars)
            name = name.left(maxChars / 2 - 1) + QStringLiteral("…") + name.right(maxChars / 2 - 1);
    }
    return Legend{shared, names};
}

} // namespace

BackfillView::BackfillView(ConsoleContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("backfillView"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(makeFileBar());
    layout->addLayout(makeSettingsBar());
    auto *splitter = new QSplitter(Qt::Vertical);
    auto *top = new QSplitter(Qt::Horizontal);
    m_planText = new QPlainTextEdit;
    m_planText->setObjectName(QStringLiteral("backfillPlan"));
    m_planText->setAccessibleName(tr("Backfill plan"));
    m_planText->setReadOnly(true);
    m_planText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_chart = new QChartView;
    m_chart->setObjectName(QStringLiteral("backfillChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(360);
    top->addWidget(m_planText);
    top->addWidget(m_chart);
    splitter->addWidget(top);
    splitter->addWidget(makeRunBox());
    layout->addWidget(splitter, 1);
    connectPlanning();
    m_screenRefresh.setSingleShot(true);
    m_screenRefresh.setInterval(100);
    connect(&m_screenRefresh, &QTimer::timeout, this, &BackfillView::refreshProgress);
    connect(m_start, &QPushButton::clicked, this, &BackfillView::start);
    connect(m_cancel, &QPushButton::clicked, this, &BackfillView::cancel);
    connect(m_sendAnyway, &QPushButton::clicked, this, &BackfillView::sendAnyway);
}

QLayout *BackfillView::makeFileBar()
{
    auto *fileBar = new QHBoxLayout;
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("backfillPath"));
    m_path->setAccessibleName(tr("File to backfill"));
    m_path->setPlaceholderText(tr("A text exposition file with timestamps, OpenMetrics, or CSV…"));
    auto *browse = new QPushButton(tr("&Open…"));
    fileBar->addWidget(m_path, 1);
    fileBar->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Backfill from"), QString(),
                                                          tr("Metrics (*.prom *.txt *.om *.csv);;All files (*)"));
        if (!path.isEmpty())
            load(path);
    });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { load(m_path->text()); });
    return fileBar;
}

QLayout *BackfillView::makeSettingsBar()
{
    auto *settingsBar = new QHBoxLayout;
    m_batchSize = new QSpinBox;
    m_batchSize->setObjectName(QStringLiteral("backfillBatchSize"));
    m_batchSize->setRange(1, 1'000'000);
    m_batchSize->setValue(BatchLimits{}.maxSamples);
    m_batchSize->setGroupSeparatorShown(false);
    m_batchSize->setToolTip(
        wrappedToolTip(tr("At most this many samples in one request. Prometheus' own remote write sends "
                          "2,000; a receiver with a body limit may need fewer.")));
    auto *batchLabel = new QLabel(tr("Samples per re&quest:"));
    batchLabel->setBuddy(m_batchSize);
    m_leaveOutTooOld = new QCheckBox(tr("&Leave out samples more than 1 hour old"));
    m_leaveOutTooOld->setObjectName(QStringLiteral("backfillLeaveOutTooOld"));
    m_leaveOutTooOld->setToolTip(
        wrappedToolTip(tr("A Prometheus receiver that already has current data refuses them as "
                          "\"out of bounds\", and one refused sample fails its whole request. "
                          "The plan counts what is left out.")));
    settingsBar->addWidget(batchLabel);
    settingsBar->addWidget(m_batchSize);
    settingsBar->addWidget(m_leaveOutTooOld);
    settingsBar->addStretch();
    return settingsBar;
}

// Start, cancel and send anyway, the progress, the rate and the batches' list.
QWidget *BackfillView::makeRunBox()
{
    auto *runBox = new QWidget;
    auto *runLayout = new QVBoxLayout(runBox);
    runLayout->setContentsMargins(0, 0, 0, 0);
    auto *controls = new QHBoxLayout;
    m_start = new QPushButton(tr("&Start"));
    m_start->setObjectName(QStringLiteral("backfillStart"));
    m_cancel = new QPushButton(tr("&Cancel"));
    m_cancel->setObjectName(QStringLiteral("backfillCancel"));
    m_start->setEnabled(false);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("backfillProgress"));
    // Its own row, wrapped: a refusal quotes the server, which can be long, and a label that
    // does not wrap widens the window to fit it.
    m_rate = new QLabel;
    m_rate->setObjectName(QStringLiteral("backfillRate"));
    m_rate->setWordWrap(true);
    m_rate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rate->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    controls->addWidget(m_start);
    controls->addWidget(m_cancel);
    m_sendAnyway = new QPushButton(tr("Send &anyway…"));
    m_sendAnyway->setObjectName(QStringLiteral("backfillSendAnyway"));
    m_sendAnyway->setToolTip(wrappedToolTip(tr("Plans what could be read of a file with errors, for the receiver's own "
                                               "verdict. It lists the errors and asks first.")));
    m_sendAnyway->hide();
    controls->addWidget(m_sendAnyway);
    controls->addWidget(m_progress, 1);
    runLayout->addLayout(controls);
    runLayout->addWidget(m_rate);
    m_batches = new QListWidget;
    m_batches->setObjectName(QStringLiteral("backfillBatches"));
    m_batches->setAccessibleName(tr("Batches sent"));
    m_batches->setUniformItemSizes(true); // thousands of batches: never lay every row out again per batch
    runLayout->addWidget(m_batches);
    return runBox;
}

// A plan is made again for another cut or when samples are left out, shown when it is ready, and
// weighed again against another profile.
void BackfillView::connectPlanning()
{
    const auto replan = [this] {
        if (!m_path->text().isEmpty() && !busy())
            load(m_path->text());
    };
    connect(m_batchSize, &QSpinBox::editingFinished, this, replan);
    connect(m_leaveOutTooOld, &QCheckBox::toggled, this, replan);
    connect(&m_loading, &QFutureWatcher<Loaded>::finished, this, [this] {
        Loaded loaded = m_loading.result();
        m_series = std::move(loaded.series);
        m_plan = std::move(loaded.plan);
        dropRun();
        m_errors = loaded.errors;
        m_sendAnyway->setVisible(!m_errors.isEmpty() && loaded.sendableAnyway && !m_sendAnywayArmed);
        m_planText->setPlainText(loaded.problems + renderPlan(m_plan));
        drawChart();
        m_start->setEnabled(m_plan.canSend() && m_context->profile()
                            && !m_context->profile()->remoteWriteUrl.isEmpty());
        emit planned();
    });
    connect(m_context, &ConsoleContext::profileChanged, this, [this] {
        // A stopped run resumes to the receiver it started with, or not at all: never to the
        // profile chosen now under that one's name.
        if (run() && !run()->running()) {
            dropRun();
            m_rate->setText(tr("The profile changed: Start sends the whole plan to the new profile."));
        }
        if (!busy())
            m_start->setEnabled(m_plan.canSend() && m_context->profile()
                                && !m_context->profile()->remoteWriteUrl.isEmpty());
    });
}

BackfillView::~BackfillView()
{
    if (m_session) {
        // The run reports its end while this view's parts are going: the session alone hears it.
        m_session->run().disconnect(this);
        m_session->disconnect(this);
        m_session->setClosingReason(tr("the console was closed"));
        m_session.reset();
    }
    m_loading.waitForFinished();
    qDeleteAll(m_pendingItems);
}

BackfillView::Settings BackfillView::settings() const
{
    return Settings{m_batchSize->value(), m_leaveOutTooOld->isChecked(), m_sendAnywayArmed};
}

void BackfillView::sendAnyway()
{
    if (m_errors.isEmpty() || m_path->text().isEmpty())
        return;
    const QStringList shown = m_errors.mid(0, 10);
    if (!Confirm::ask(
            this, tr("Send a file with errors?"),
            tr("The file has %n error(s). What could be read goes to the receiver as it is, for its own verdict; "
               "a line that could not be read is left out. The answers are kept in the history.\n\n",
               nullptr, int(m_errors.size()))
                + shown.join(QLatin1Char('\n')) + (m_errors.size() > shown.size() ? QStringLiteral("\n…") : QString()),
            tr("Plan it anyway")))
        return;
    m_sendAnywayArmed = true;
    load(m_path->text());
}

BackfillView::Loaded BackfillView::read(const QString &path, qint64 nowMs, const Settings &settings)
{
    Loaded loaded;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.problems = tr("Cannot read %1: %2\n").arg(path, file.errorString());
        return loaded;
    }
    SeriesReadOptions options;
    options.fileName = path;
    options.nowMs = nowMs;
    SeriesRead read = readSeries(file.readAll(), options);
    if (!read.description.isEmpty())
        loaded.problems = read.description + QLatin1Char('\n');
    bool ahead = false;
    for (const Problem &problem : std::as_const(read.problems)) {
        if (problem.severity == Severity::Error) {
            loaded.errors << formatProblem(problem);
            ahead = ahead || problem.code == u"timestamp-in-future";
        }
    }
    loaded.sendableAnyway = !ahead && read.series.sampleCount() > 0;
    if (read.errors > 0)
        loaded.problems += settings.sendAnyway && loaded.sendableAnyway
            ? tr("The file has errors; sent anyway, as confirmed: what could be read goes out, for the receiver's own "
                 "verdict.\n")
            : tr("The file has errors; fix them first, or use Send anyway for the receiver's own verdict:\n");
    for (const Problem &problem : std::as_const(read.problems))
        loaded.problems += formatProblem(problem) + QLatin1Char('\n');
    if (read.errors > 0 && !(settings.sendAnyway && loaded.sendableAnyway))
        return loaded;
    loaded.series = std::move(read.series);
    if (settings.leaveOutTooOld) {
        const qint64 total = loaded.series.sampleCount();
        if (const qint64 left = leaveOutTooOld(loaded.series, nowMs); left > 0)
            loaded.problems += tr("Left out: %1 of %2 samples, those before %3 (more than 1 hour old; a receiver with "
                                  "current data would refuse them).\n")
                                   .arg(left)
                                   .arg(total)
                                   .arg(formatTimestamp(nowMs - kReceiverAgeWindowMs));
    }
    BatchLimits limits;
    limits.maxSamples = settings.samplesPerRequest;
    loaded.plan = makeBackfillPlan(loaded.series, limits, nowMs, path);
    if (settings.sendAnyway)
        keepErrorsForTheReceiversVerdict(loaded.plan);
    return loaded;
}

void BackfillView::dropRun()
{
    // A run that stopped can be resumed only with its own file, client and profile: any of them
    // changing ends it. (A running one is never dropped: see load() and the profile's change.)
    if (m_session) {
        m_session->run().disconnect(this);
        m_session->disconnect(this);
    }
    m_session.reset();
    m_client.reset();
    m_resumeFrom = 0;
    m_start->setText(tr("&Start"));
}

void BackfillView::load(const QString &path)
{
    if (busy()) {
        m_rate->setText(tr("A backfill is sending: cancel it before loading another file."));
        return;
    }
    if (path != m_path->text())
        m_sendAnywayArmed = false; // confirmed for one file only
    m_sendAnyway->hide();
    m_path->setText(path);
    m_planText->setPlainText(tr("Reading %1…").arg(path));
    m_batches->clear();
    m_start->setEnabled(false);
    dropRun(); // a new file is a new run: nothing of the last one's state stays on screen
    m_latestProgress.reset();
    m_rate->clear();
    m_progress->reset();
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("&Cancel"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_loading.setFuture(QtConcurrent::run([path, now, settings = settings()] { return read(path, now, settings); }));
}

void BackfillView::refreshProgress()
{
    if (m_latestProgress && !(run() && run()->stopping())) { // "Stopping..." stays until the run ends
        const BackfillProgress &p = *m_latestProgress;
        m_progress->setValue(p.requestsSent);
        m_rate->setText(tr("%1/%2 samples · %3 samples/s · ETA %4 · %5 retries")
                            .arg(p.samplesSent)
                            .arg(p.samplesTotal)
                            .arg(qint64(p.samplesPerSecond))
                            .arg(formatDuration(p.etaMs))
                            .arg(p.retries));
    }
    for (QListWidgetItem *item : std::as_const(m_pendingItems))
        m_batches->addItem(item);
    m_pendingItems.clear();
    m_batches->scrollToBottom();
}

void BackfillView::drawChart()
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85); // room for what tells the series apart
    chart->legend()->setFont(legendFont);
    auto *timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(QStringLiteral("HH:mm"));
    timeAxis->setTickCount(5);
    auto *valueAxis = new QValueAxis;
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    double low = 0, high = 0;
    bool first = true;
    const int shown = std::min<int>(kChartSeries, int(m_series.series.size()));
    QStringList names;
    for (int s = 0; s < shown; ++s) {
        Labels others = m_series.series.at(s).labels;
        others.remove(QStringLiteral("__name__"));
        names << m_series.series.at(s).name() + others.toString();
    }
    const Legend legend = legendNames(names, kLegendChars);
    names = legend.names;
    for (int s = 0; s < shown; ++s) {
        const WriteSeries &source = m_series.series.at(s);
        auto *line = new QLineSeries;
        line->setName(names.at(s));
        const qsizetype step = std::max<qsizetype>(1, source.samples.size() / kChartPoints);
        for (qsizetype i = 0; i < source.samples.size(); i += step) {
            const double value = source.samples.at(i).value;
            if (!std::isfinite(value))
                continue;
            line->append(double(source.samples.at(i).timestampMs), value);
            low = first ? value : std::min(low, value);
            high = first ? value : std::max(high, value);
            first = false;
        }
        chart->addSeries(line);
        line->attachAxis(timeAxis);
        line->attachAxis(valueAxis);
    }
    if (m_plan.sampleCount > 0) {
        timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_plan.minTimestampMs),
                           QDateTime::fromMSecsSinceEpoch(m_plan.maxTimestampMs));
        valueAxis->setRange(low, high > low ? high : low + 1);
    }
    const QString count = m_series.series.size() > shown
        ? tr("First %1 of %2 series").arg(shown).arg(m_series.series.size())
        : tr("%n series", nullptr, shown);
    chart->setTitle(legend.common.isEmpty() ? count : tr("%1 of %2…").arg(count, legend.common.toHtmlEscaped()));
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void BackfillView::start()
{
    const std::optional<Profile> profile = m_context->profile();
    if (!profile || !m_plan.canSend() || busy())
        return;
    m_start->setEnabled(false);
    if (m_session && m_resumeFrom > 0) {
        // Resuming: the same run, so batches already accepted are never sent again; the history
        // gets an entry for this part, with its batches under it.
        m_cancel->setEnabled(true);
        m_session->start({m_resumeFrom});
        return;
    }
    const auto notStarted = [this](const QString &reason) { // nothing goes out with an empty secret
        m_startPending = false;
        m_start->setEnabled(true);
        BackfillSummary summary;
        summary.firstUnsent = 0;
        summary.stopReason = reason;
        m_rate->setText(tr("Not started. %1").arg(reason));
        emit finished(summary);
    };
    // Until the secret is read (a locked keychain asks first), nothing else starts, plans or loads.
    m_startPending = true;
    m_context->withRemoteWrite(this, notStarted, [this](const std::shared_ptr<RemoteWriteClient> &client) {
        m_startPending = false;
        dropRun(); // a stopped run goes before the client it sends through
        m_client = client;
        m_session = std::make_unique<BackfillSession>(m_client.get(), m_series, m_plan.batches, m_client->tag());
        m_batches->clear();
        qDeleteAll(m_pendingItems);
        m_pendingItems.clear();
        m_latestProgress.reset();
        m_progress->setRange(0, int(m_plan.batches.size()));
        m_cancel->setEnabled(true);
        // Batches can finish hundreds of times a second; the screen follows ten times a second.
        connect(run(), &BackfillRun::progressChanged, this, [this](const BackfillProgress &p) {
            m_latestProgress = p;
            if (!m_screenRefresh.isActive())
                m_screenRefresh.start();
        });
        connect(run(), &BackfillRun::batchFinished, this, [this](int batch, const WriteOutcome &outcome) {
            auto *item = new QListWidgetItem(tr("batch %1: %2 — %3")
                                                 .arg(batch + 1)
                                                 .arg(outcome.result.status
                                                          ? QStringLiteral("HTTP %1").arg(outcome.result.status)
                                                          : errorCategoryName(outcome.result.category))
                                                 .arg(describeBatch(m_series, m_plan.batches.at(batch))));
            if (!outcome.ok())
                item->setForeground(failureTextColor(palette()));
            m_pendingItems.append(item);
            if (!m_screenRefresh.isActive())
                m_screenRefresh.start();
            emit batchFinished(batch, outcome.ok());
        });
        connect(m_session.get(), &BackfillSession::finished, this, &BackfillView::showEnd);
        m_session->start();
    });
}

void BackfillView::cancel()
{
    if (!m_session)
        return;
    const bool again = run()->stopping();
    m_session->cancel();
    if (!again && run()->stopping()) {
        m_cancel->setText(tr("&Abort now"));
        m_rate->setText(tr("Stopping after the requests on their way; Abort now does not wait for their answers."));
    }
}

void BackfillView::showEnd(const BackfillEnd &end)
{
    const BackfillSummary &summary = end.summary;
    m_screenRefresh.stop();
    refreshProgress();
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("&Cancel"));
    m_resumeFrom = summary.firstUnsent < 0 ? 0 : summary.firstUnsent;
    m_start->setText(summary.firstUnsent < 0 ? tr("&Start") : tr("&Resume from batch %1").arg(summary.firstUnsent + 1));
    m_start->setEnabled(true);
    m_rate->setText(summary.firstUnsent < 0 ? (
                        summary.sentBefore == 0
                            ? tr("All %1 batches sent in %2.").arg(summary.sent).arg(formatDuration(summary.durationMs))
                            : tr("All %1 batches sent: %2 now, in %3, and %4 before.")
                                  .arg(summary.sent + summary.sentBefore)
                                  .arg(summary.sent)
                                  .arg(formatDuration(summary.durationMs))
                                  .arg(summary.sentBefore))
                                            : tr("Stopped: %1").arg(summary.stopReason));
    emit finished(summary);
}

void BackfillView::stopNow()
{
    if (m_session)
        m_session->abort();
}

QString BackfillView::workInFlight() const
{
    if (!run() || !run()->running())
        return {};
    const BackfillProgress &p = run()->progress();
    return tr("A backfill is sending: %1 of %2 requests are delivered. Quitting stops it at once: the requests on "
              "their way are cancelled (the receiver may have applied them) and the rest is not sent. The history "
              "shows which batches were delivered.")
        .arg(p.requestsSent)
        .arg(p.requestsTotal);
}

QString BackfillView::planText() const
{
    return m_planText->toPlainText();
}
QString BackfillView::progressText() const
{
    return m_rate->text();
}

} // namespace promdesk::ui
