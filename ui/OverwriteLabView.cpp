#include "OverwriteLabView.h"

#include "ConsoleContext.h"
#include "exposition/TextWriter.h"
#include "pushgateway/OverwritePreview.h"
#include "pushgateway/ServerMessage.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace promdesk::ui {

namespace {

QPlainTextEdit *pane(const QString &name)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

} // namespace

OverwriteLabView::OverwriteLabView(ConsoleContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_steps(overwriteScenario())
{
    setObjectName(QStringLiteral("overwriteLab"));
    auto *layout = new QGridLayout(this);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("labSteps"));
    m_list->setAccessibleName(tr("Steps"));
    for (int i = 0; i < m_steps.size(); ++i)
        m_list->addItem(QStringLiteral("%1  %2").arg(i + 1).arg(m_steps.at(i).title));
    m_list->setMaximumWidth(260);
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_sent = pane(QStringLiteral("labSent"));
    m_held = pane(QStringLiteral("labHeld"));
    m_why = new QLabel(tr("Run the steps against the profile's Pushgateway. Only job \"%1\" is touched; Reset deletes its groups.")
                           .arg(kOverwriteDemoJob));
    m_why->setObjectName(QStringLiteral("labWhy"));
    m_why->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    m_stepButton = new QPushButton(tr("&Run step"));
    m_stepButton->setObjectName(QStringLiteral("labRunStep"));
    auto *all = new QPushButton(tr("Run &all"));
    auto *resetButton = new QPushButton(tr("R&eset"));
    buttons->addWidget(m_stepButton);
    buttons->addWidget(all);
    buttons->addWidget(resetButton);
    buttons->addStretch();

    layout->addWidget(new QLabel(tr("<b>Steps</b>")), 0, 0);
    layout->addWidget(new QLabel(tr("<b>The machine sends</b> (and what the preview says it will change)")), 0, 1);
    layout->addWidget(new QLabel(tr("<b>The gateway holds</b> for job %1").arg(kOverwriteDemoJob)), 0, 2);
    layout->addWidget(m_list, 1, 0);
    layout->addWidget(m_sent, 1, 1);
    layout->addWidget(m_held, 1, 2);
    layout->addWidget(m_why, 2, 0, 1, 3);
    layout->addLayout(buttons, 3, 0, 1, 3);
    layout->setRowStretch(1, 1);

    connect(m_stepButton, &QPushButton::clicked, this, &OverwriteLabView::runStep);
    connect(all, &QPushButton::clicked, this, &OverwriteLabView::runAll);
    connect(resetButton, &QPushButton::clicked, this, &OverwriteLabView::reset);
    connect(this, &OverwriteLabView::stepFinished, this, [this](int, bool ok) {
        if (m_runningAll && ok && m_next < m_steps.size())
            runStep();
        else
            m_runningAll = false;
    });
}

QString OverwriteLabView::sent() const { return m_sent->toPlainText(); }
QString OverwriteLabView::held() const { return m_held->toPlainText(); }
QString OverwriteLabView::why() const { return m_why->text(); }

void OverwriteLabView::showStep(int step)
{
    m_list->setCurrentRow(step);
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setText(QStringLiteral("%1 %2  %3").arg(i < m_next ? QStringLiteral("✓") : i == m_next ? QStringLiteral("▶") : QStringLiteral(" ")).arg(i + 1).arg(m_steps.at(i).title));
}

void OverwriteLabView::runStep()
{
    if (m_next >= m_steps.size())
        return;
    const int index = m_next;
    const ScenarioStep step = m_steps.at(index);
    m_stepButton->setEnabled(false);
    const auto failed = [this, index](const QString &reason) {
        m_stepButton->setEnabled(true);
        m_why->setText(reason);
        emit stepFinished(index, false);
    };
    m_context->withGateway(this, failed, [this, index, step](const std::shared_ptr<PushgatewayClient> &client) {
        client->listGroups(this, [this, index, step, client](const HttpResult &, const std::optional<GatewayGroups> &before, const QString &) {
            const QString body = QString::fromUtf8(writeText(step.metrics, WriteOptions{false}));
            m_sent->setPlainText(QStringLiteral("%1 sends %2 %3\n\n%4\n%5")
                                     .arg(step.machine, step.method == PushMethod::Replace ? QStringLiteral("PUT") : QStringLiteral("POST"),
                                          client->groupUrl(step.key).path(), body,
                                          before ? renderPreview(previewPush(step.metrics, step.key, step.method, *before)) : QString()));
            PushOptions options;
            options.method = step.method;
            client->push(step.key, step.metrics, options, this, [this, index, step, client](const HttpResult &result) {
                m_stepButton->setEnabled(true);
                if (!result.ok()) {
                    const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                    m_why->setText(explanation.summary + QLatin1Char(' ') + explanation.advice);
                    emit stepFinished(index, false);
                    return;
                }
                client->listGroups(this, [this, index, step, client](const HttpResult &, const std::optional<GatewayGroups> &after, const QString &) {
                    m_held->setPlainText(after ? renderGroups(*after, kOverwriteDemoJob) : tr("(could not list the groups)"));
                    m_why->setText(tr("Step %1 — why: %2").arg(index + 1).arg(step.why));
                    m_next = index + 1;
                    showStep(std::min<int>(m_next, int(m_steps.size()) - 1));
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
    const auto failed = [this](const QString &reason) {
        m_why->setText(reason);
        emit resetFinished();
    };
    m_context->withGateway(this, failed, [this](const std::shared_ptr<PushgatewayClient> &client) {
        client->listGroups(this, [this, client](const HttpResult &, const std::optional<GatewayGroups> &groups, const QString &) {
            auto remaining = std::make_shared<int>(0);
            auto done = [this] {
                m_next = 0;
                showStep(0);
                m_sent->clear();
                m_held->setPlainText(tr("(no groups)"));
                emit resetFinished();
            };
            const QList<const GatewayGroup *> ofJob = groups ? groups->ofJob(kOverwriteDemoJob) : QList<const GatewayGroup *>();
            if (ofJob.isEmpty()) {
                done();
                return;
            }
            *remaining = int(ofJob.size());
            for (const GatewayGroup *group : ofJob) {
                GroupingKey key(kOverwriteDemoJob);
                for (const Label &label : group->groupingKey) {
                    if (label.name != u"job")
                        key.addLabel(label.name, label.value);
                }
                client->deleteGroup(key, this, [client, remaining, done](const HttpResult &) {
                    if (--*remaining == 0)
                        done();
                });
            }
        });
    });
}

} // namespace promdesk::ui
