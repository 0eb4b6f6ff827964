#pragma once

#include "pushgateway/OverwriteScenario.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace promdesk::ui {

class ConsoleContext;

// A guided demonstration of grouping keys against the profile's gateway: machines push the same
// job without and with an instance key, then merge and replace are compared. Each step shows
// side by side what the machine sends (with the preview of what it will change) and what the
// gateway holds afterwards, and says why.
class OverwriteLabView final : public QWidget
{
    Q_OBJECT

public:
    explicit OverwriteLabView(ConsoleContext *context, QWidget *parent = nullptr);

    void runStep();
    void runAll();
    void reset();
    [[nodiscard]] int nextStep() const { return m_next; }
    [[nodiscard]] QString sent() const;
    [[nodiscard]] QString held() const;
    [[nodiscard]] QString why() const;

signals:
    void stepFinished(int step, bool ok);
    void resetFinished();

private:
    void showStep(int step);

    ConsoleContext *m_context;
    QList<ScenarioStep> m_steps;
    int m_next = 0;
    bool m_runningAll = false;
    QListWidget *m_list;
    QPlainTextEdit *m_sent;
    QPlainTextEdit *m_held;
    QLabel *m_why;
    QPushButton *m_stepButton;
};

} // namespace promdesk::ui
