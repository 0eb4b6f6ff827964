#pragma once

#include "remotewrite/BackfillPlan.h"
#include "remotewrite/BackfillRun.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QChartView;
class QLabel;
class QLineEdit;
class QListWidget;
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
    void start();
    void cancel();
    [[nodiscard]] QString planText() const;
    [[nodiscard]] QString progressText() const;
    [[nodiscard]] int batchCount() const { return int(m_plan.batches.size()); }

signals:
    void planned();
    void finished(const promdesk::BackfillSummary &summary);

private:
    struct Loaded
    {
        SeriesSet series;
        BackfillPlan plan;
        QString problems;
    };
    static Loaded read(const QString &path, qint64 nowMs);
    void showPlan();
    void drawChart();

    ConsoleContext *m_context;
    QFutureWatcher<Loaded> m_loading;
    SeriesSet m_series;
    BackfillPlan m_plan;
    std::unique_ptr<RemoteWriteClient> m_client;
    std::unique_ptr<BackfillRun> m_run;
    int m_resumeFrom = 0;
    QLineEdit *m_path;
    QPlainTextEdit *m_planText;
    QChartView *m_chart;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QListWidget *m_batches;
    QPushButton *m_start;
    QPushButton *m_cancel;
};

} // namespace promdesk::ui
