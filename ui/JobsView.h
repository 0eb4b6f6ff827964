#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace promdesk::ui {

class LiveJobs;

// Every live job: where it sends and as which machines, ticks sent, skipped and failed, the last
// answer in the server's words, the next tick, and the arrival latency as a small chart; pause,
// resume and stop. The table is redrawn at most four times a second, whatever the tick rate.
class JobsView final : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        ColumnNumber,
        ColumnJob,
        ColumnState,
        ColumnSent,
        ColumnSkipped,
        ColumnFailed,
        ColumnLast,
        ColumnNext,
        ColumnArrival,
        ColumnCount
    };

    explicit JobsView(LiveJobs *jobs, QWidget *parent = nullptr);

    // The job number of the selected row (0: none).
    [[nodiscard]] int selectedJob() const;
    void selectJob(int number);
    void pauseSelected();
    void resumeSelected();
    void stopSelected();

private:
    void scheduleRefresh();
    void refresh();
    void updateButtons();
    void showDetails();

    LiveJobs *m_jobs;
    QTableWidget *m_table;
    QLabel *m_summary;
    QLabel *m_details; // the selected job in full: what, where, the last answer and arrival
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_stop;
    QPushButton *m_stopAll;
    QPushButton *m_clear;
    QTimer *m_refresh;
};

} // namespace promdesk::ui
