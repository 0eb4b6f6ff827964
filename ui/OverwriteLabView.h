#pragma once

#include "pushgateway/Holdings.h"
#include "pushgateway/OverwriteScenario.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLayout;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace promdesk::ui {

class ConsoleContext;
class LiveJobs;

// A guided demonstration of grouping keys against the profile's gateway, for someone new to the
// Pushgateway: machines push the same job without and with an instance key, then merge and
// replace are compared. An introduction says what a grouping key is; each step shows what the
// machine sends (with the preview of what it will change), what the gateway holds afterwards as
// a table with the changed series marked, and why. Every step that ran can be read again, and the
// whole walkthrough exported as Markdown.
class OverwriteLabView final : public QWidget
{
    Q_OBJECT

public:
    explicit OverwriteLabView(ConsoleContext *context, QWidget *parent = nullptr);

    // Live: both machines push every `seconds`, with their instance or (withInstance false)
    // without it, so that an audience watches the groups change in the Groups view. It is a
    // job of the Jobs view; stopLive() ends it.
    void setLiveJobs(LiveJobs *jobs) { m_jobs = jobs; }
    void startLive(bool withInstance, double seconds);
    void stopLive();
    [[nodiscard]] int liveJob() const { return m_liveJob; }

    void runStep();
    void runAll();
    // Deletes the lab's own groups (job overwrite_demo) and starts again at step 1.
    void reset();
    // Writes the steps that ran, their requests and what the gateway held after each.
    bool exportWalkthrough(const QString &path);
    [[nodiscard]] int nextStep() const { return m_next; }
    [[nodiscard]] QString sent() const;
    [[nodiscard]] QString held() const; // the held table as text, a line per series
    [[nodiscard]] QString why() const;
    [[nodiscard]] QTreeWidget *heldTable() const { return m_held; }

signals:
    void stepFinished(int step, bool ok);
    void resetFinished();

private:
    struct Record
    {
        QString sent;
        QList<HeldSeries> held;
        GatewayGroups after;
    };
    QWidget *makePanes();
    QLayout *makeStepButtons();
    QLayout *makeLiveRow();
    void connectSteps();
    void showStep(int step);
    void markSteps();
    void runNextStep();
    // Before the first step: deletes what an earlier run left of the lab's job, after a yes.
    void startClean();
    void setBusy(bool busy);
    void showHeld(const QList<HeldSeries> &held);

    ConsoleContext *m_context;
    QList<ScenarioStep> m_steps;
    QList<std::optional<Record>> m_records; // per step, once it ran
    int m_next = 0;
    bool m_clean = false; // the lab's groups were deleted since it was opened
    bool m_runningAll = false;
    bool m_busy = false; // a step or a reset is on its way
    QList<QPushButton *> m_busyButtons;
    QListWidget *m_list;
    QPlainTextEdit *m_sent;
    QTreeWidget *m_held;
    QLabel *m_why;
    QPushButton *m_stepButton;
    LiveJobs *m_jobs = nullptr;
    int m_liveJob = 0;
    QCheckBox *m_liveWithInstance;
    QDoubleSpinBox *m_liveInterval;
    QPushButton *m_liveStart;
    QPushButton *m_liveStop;
};

} // namespace promdesk::ui
