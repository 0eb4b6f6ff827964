#pragma once

#include "remotewrite/BackfillPlan.h"
#include "remotewrite/BackfillSession.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QChartView;
class QCheckBox;
class QLabel;
class QLayout;
class QSpinBox;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace promdesk::ui {

class ConsoleContext;

// Backfill through remote write: choose a file (exposition text or CSV), see the plan and a
// chart of the series, start, watch progress (rate, ETA, per-batch results), cancel, and resume
// after a refusal. Reading and planning run off the GUI thread.
class BackfillView final : public QWidget
{
    Q_OBJECT

public:
    explicit BackfillView(ConsoleContext *context, QWidget *parent = nullptr);
    ~BackfillView() override;

    void load(const QString &path);
    // For a file with errors: lists them, asks, and plans what could be read, for the receiver's
    // own verdict. Lines that could not be read and samples ahead of the clock never go.
    void sendAnyway();
    void start();
    void cancel();
    [[nodiscard]] QString planText() const;
    [[nodiscard]] QString progressText() const;
    [[nodiscard]] int batchCount() const { return int(m_plan.batches.size()); }
    // What a quit would stop, in words ("batch 3 of 10 is on its way"); empty when nothing runs.
    [[nodiscard]] QString workInFlight() const;
    // Aborts a running backfill (for quitting): see BackfillRun::abort().
    void stopNow();

signals:
    void planned();
    void batchFinished(int batch, bool ok); // as it happens; the screen follows a little later
    void finished(const promdesk::BackfillSummary &summary);

private:
    QLayout *makeFileBar();
    QLayout *makeSettingsBar();
    QWidget *makeRunBox();
    void connectPlanning();
    struct Loaded
    {
        SeriesSet series;
        BackfillPlan plan;
        QString problems;
        QStringList errors;          // the file's errors, a line each
        bool sendableAnyway = false; // they leave samples read, none of them ahead of the clock
    };
    // How the file is cut and what is left out: the operator's settings above the plan.
    struct Settings
    {
        int samplesPerRequest = BatchLimits{}.maxSamples;
        bool leaveOutTooOld = false;
        bool sendAnyway = false; // the operator confirmed sending a file with errors
    };
    static Loaded read(const QString &path, qint64 nowMs, const Settings &settings);
    [[nodiscard]] Settings settings() const;
    void showPlan();
    void drawChart();
    void refreshProgress();
    void dropRun();
    void showEnd(const BackfillEnd &end);
    // The session's run; nullptr before the first start, or once dropped.
    [[nodiscard]] BackfillRun *run() const { return m_session ? &m_session->run() : nullptr; }
    // A start waits for the secret, or a run is sending: the plan and the file stay as they are.
    [[nodiscard]] bool busy() const { return m_startPending || (run() && run()->running()); }

    ConsoleContext *m_context;
    QFutureWatcher<Loaded> m_loading;
    SeriesSet m_series;
    BackfillPlan m_plan;
    std::shared_ptr<RemoteWriteClient> m_client;
    std::unique_ptr<BackfillSession> m_session; // after m_client, which it sends through
    int m_resumeFrom = 0;
    bool m_startPending = false; // Start was clicked; the secret is being read
    QLineEdit *m_path;
    QSpinBox *m_batchSize;
    QCheckBox *m_leaveOutTooOld;
    QPlainTextEdit *m_planText;
    QChartView *m_chart;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QListWidget *m_batches;
    QPushButton *m_start;
    QPushButton *m_sendAnyway;
    QStringList m_errors;           // of the file shown, when it has some
    bool m_sendAnywayArmed = false; // confirmed for the file shown
    QPushButton *m_cancel;
    QTimer m_screenRefresh;
    std::optional<BackfillProgress> m_latestProgress;
    QList<QListWidgetItem *> m_pendingItems; // owned until shown
};

} // namespace promdesk::ui
