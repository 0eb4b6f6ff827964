#include "PushView.h"

#include "ToolTips.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "exposition/TextParser.h"
#include "net/Redactor.h"
#include "pushgateway/OverwritePreview.h"
#include "pushgateway/ServerMessage.h"
#include "util/Printable.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace promdesk::ui {

PushView::PushView(ConsoleContext *context, std::function<QByteArray()> draft, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_draft(std::move(draft))
{
    setObjectName(QStringLiteral("pushView"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_job = new QLineEdit(QStringLiteral("db_backup"));
    m_job->setObjectName(QStringLiteral("jobEdit"));
    m_job->setAccessibleName(tr("Job"));
    form->addRow(tr("&Job:"), m_job);

    m_labels = new QTableWidget(0, 2);
    m_labels->setObjectName(QStringLiteral("groupingLabels"));
    m_labels->setAccessibleName(tr("Grouping labels"));
    m_labels->setHorizontalHeaderLabels({tr("Label"), tr("Value")});
    m_labels->horizontalHeader()->setStretchLastSection(true);
    m_labels->verticalHeader()->hide();
    m_labels->setMaximumHeight(110);
    auto addRow = [this](const QString &name, const QString &value) {
        const int row = m_labels->rowCount();
        m_labels->insertRow(row);
        m_labels->setItem(row, 0, new QTableWidgetItem(name));
        m_labels->setItem(row, 1, new QTableWidgetItem(value));
    };
    addRow(QStringLiteral("instance"), QHostInfo::localHostName());
    auto *labelButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add label"));
    auto *remove = new QPushButton(tr("&Remove label"));
    labelButtons->addWidget(add);
    labelButtons->addWidget(remove);
    labelButtons->addStretch();
    auto *labelBox = new QVBoxLayout;
    labelBox->addWidget(m_labels);
    labelBox->addLayout(labelButtons);
    form->addRow(tr("Grouping labels:"), labelBox);

    m_url = new QLabel;
    m_url->setObjectName(QStringLiteral("urlLabel"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_url->setWordWrap(true);
    m_url->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long grouping key is one token: it must not widen the window
    form->addRow(tr("URL:"), m_url);

    auto *methods = new QHBoxLayout;
    m_replace = new QRadioButton(tr("Re&place group (PUT)"));
    m_replace->setObjectName(QStringLiteral("replaceRadio"));
    m_merge = new QRadioButton(tr("&Merge into group (POST)"));
    m_merge->setObjectName(QStringLiteral("mergeRadio"));
    m_replace->setChecked(true);
    methods->addWidget(m_replace);
    methods->addWidget(m_merge);
    methods->addStretch();
    form->addRow(tr("Method:"), methods);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_previewButton = new QPushButton(tr("Pre&view"));
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_sendButton = new QPushButton(tr("&Send  (Ctrl+Enter)"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cance&l  (Esc)"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(wrappedToolTip(tr("Stops waiting for the gateway. A push that had gone out whole may still be applied; the result says which.")));
    m_cancelButton->setEnabled(false);
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_sendButton);
    m_sendAnyway = new QPushButton(tr("Send &anyway…"));
    m_sendAnyway->setObjectName(QStringLiteral("sendAnywayButton"));
    m_sendAnyway->setToolTip(wrappedToolTip(tr("Sends the draft exactly as it is, errors included, to see the gateway's own "
                                               "verdict. It lists the errors and asks first.")));
    m_sendAnyway->hide();
    buttons->addWidget(m_sendAnyway);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_result = new QPlainTextEdit;
    m_result->setObjectName(QStringLiteral("pushResult"));
    m_result->setAccessibleName(tr("Preview and result"));
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->setPlaceholderText(tr("Preview shows what the push will add, replace and remove before anything is sent."));
    layout->addWidget(m_result, 1);

    connect(add, &QPushButton::clicked, this, [this, addRow] { addRow(QString(), QString()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_labels->currentRow() >= 0)
            m_labels->removeRow(m_labels->currentRow());
        updateUrl();
    });
    connect(m_job, &QLineEdit::textChanged, this, &PushView::updateUrl);
    connect(m_labels, &QTableWidget::cellChanged, this, &PushView::updateUrl);
    connect(m_context, &ConsoleContext::profileChanged, this, &PushView::profileChanged);
    connect(m_previewButton, &QPushButton::clicked, this, &PushView::preview);
    connect(m_sendButton, &QPushButton::clicked, this, &PushView::send);
    connect(m_cancelButton, &QPushButton::clicked, this, &PushView::cancel);
    connect(m_sendAnyway, &QPushButton::clicked, this, &PushView::sendAnyway);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &PushView::send);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &PushView::cancel);
    updateUrl();
}

GroupingKey PushView::groupingKey() const
{
    GroupingKey key(m_job->text().trimmed());
    for (int row = 0; row < m_labels->rowCount(); ++row) {
        const QTableWidgetItem *name = m_labels->item(row, 0);
        const QTableWidgetItem *value = m_labels->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            key.addLabel(name->text().trimmed(), value ? value->text() : QString());
    }
    return key;
}

void PushView::updateUrl()
{
    const GroupingKey key = groupingKey();
    const QStringList problems = key.validate();
    const std::optional<Profile> &profile = m_context->profile();
    const QString base = profile && !profile->pushgatewayUrl.isEmpty() ? redactUrl(QUrl(profile->pushgatewayUrl))
                                                                      : tr("(no Pushgateway in this profile)");
    m_url->setText(problems.isEmpty() ? base + key.path() : tr("⚠ %1").arg(problems.join(QStringLiteral("; "))));
    m_urlUsable = problems.isEmpty() && profile && !profile->pushgatewayUrl.isEmpty();
    setWaiting(m_waiting);
}

void PushView::setWaiting(bool waiting)
{
    m_waiting = waiting;
    m_previewButton->setEnabled(m_urlUsable && !waiting);
    m_sendButton->setEnabled(m_urlUsable && !waiting);
    m_cancelButton->setEnabled(waiting);
}

quint64 PushView::begin(const QString &waitingText)
{
    m_shown = m_epoch.moveOn();
    m_call = nullptr; // an earlier request still on its way is the history's now
    setWaiting(true);
    m_result->setPlainText(waitingText);
    return m_shown;
}

void PushView::profileChanged()
{
    // What the pane shows belongs to the old profile: it goes, and so do its answers to come.
    m_shown = m_epoch.moveOn();
    m_call = nullptr;
    m_waiting = false;
    m_result->clear();
    // The profile's default grouping labels, as the CLI uses them; the job stays as typed.
    if (const std::optional<Profile> &profile = m_context->profile(); profile && !profile->groupingLabels.isEmpty())
        setGroupingKey(m_job->text(), profile->groupingLabels);
    updateUrl();
}

void PushView::cancel()
{
    if (!m_waiting)
        return;
    if (m_call) {
        m_call->cancel(); // its answer, "cancelled", is shown as any other
        return;
    }
    // Still reading the profile's secret: nothing has gone out.
    m_shown = m_epoch.moveOn();
    setWaiting(false);
    showResult(tr("Cancelled before anything was sent."), false);
}

void PushView::showResult(const QString &text, bool error)
{
    m_result->setPlainText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::Text, error ? QColor(0xb0, 0x1e, 0x1e) : QApplication::palette().color(QPalette::Text));
    m_result->setPalette(palette);
    emit finished();
}

std::optional<MetricSet> PushView::parsedDraft()
{
    ParseOptions options;
    options.fileName = QStringLiteral("compose");
    options.target = ValidationTarget::Pushgateway;
    const QByteArray text = m_draft();
    options.format = detectFormat(text);
    const ParseResult result = parseText(text, options);
    if (result.hasErrors()) {
        QStringList lines;
        for (const Problem &problem : result.problems)
            lines << formatProblem(problem);
        m_sendAnyway->show(); // for the gateway's own verdict, after a confirmation
        showResult(tr("The draft has errors; nothing was sent. Fix them in Compose (\"Apply safe fixes\" does what is safe), "
                      "or use Send anyway to see the gateway's own verdict:\n\n") +
                 lines.join(QLatin1Char('\n')),
             true);
        return std::nullopt;
    }
    m_sendAnyway->hide();
    return result.metrics;
}

void PushView::setGroupingKey(const QString &job, const QList<Label> &labels)
{
    m_job->setText(job);
    m_labels->setRowCount(0);
    for (const Label &label : labels) {
        const int row = m_labels->rowCount();
        m_labels->insertRow(row);
        m_labels->setItem(row, 0, new QTableWidgetItem(label.name));
        m_labels->setItem(row, 1, new QTableWidgetItem(label.value.isEmpty() ? QHostInfo::localHostName() : label.value));
    }
    updateUrl();
}

void PushView::withClient(quint64 epoch, const std::function<void(const std::shared_ptr<PushgatewayClient> &)> &use)
{
    m_context->withGateway(
        this,
        [this, epoch](const QString &reason) {
            if (!m_epoch.isCurrent(epoch))
                return;
            setWaiting(false);
            showResult(reason, true);
        },
        [this, epoch, use](const std::shared_ptr<PushgatewayClient> &client) {
            if (m_epoch.isCurrent(epoch)) // the view moved on while the secret was read: nothing goes out
                use(client);
        });
}

void PushView::preview()
{
    const std::optional<MetricSet> metrics = parsedDraft();
    if (!metrics)
        return;
    const GroupingKey key = groupingKey();
    const PushMethod method = m_merge->isChecked() ? PushMethod::Merge : PushMethod::Replace;
    const quint64 epoch = begin(tr("Reading the gateway's groups…"));
    withClient(epoch, [this, epoch, metrics = *metrics, key, method](const std::shared_ptr<PushgatewayClient> &client) {
        m_call = client->listGroups(this, [this, epoch, metrics, key, method, client](const HttpResult &result, const std::optional<GatewayGroups> &groups,
                                                                      const QString &error) {
            if (!m_epoch.isCurrent(epoch))
                return; // a preview nobody looks at any more
            setWaiting(false);
            if (!groups) {
                const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                showResult(explanation.summary + QLatin1Char('\n') + explanation.advice + (error.isEmpty() ? QString() : QLatin1Char('\n') + error), true);
                return;
            }
            showResult(renderPreview(previewPush(metrics, key, method, *groups)), false);
        });
    });
}

bool PushView::confirmEmptyPush(const GroupingKey &key, PushMethod method)
{
    // A draft emptied by mistake would wipe the group's metrics: that takes a second yes.
    const QString effect = method == PushMethod::Replace
        ? tr("A replace (PUT) with it empties the group %1 on the gateway: every metric in it is gone.")
        : tr("A merge (POST) with it changes nothing in the group %1 but its push time.");
    return Confirm::ask(this, tr("Push an empty draft?"),
                        tr("The draft has no samples.") + QLatin1Char(' ') + effect.arg(key.toString()) + QLatin1Char(' ')
                            + tr("To remove a group, use Delete in Groups."),
                        method == PushMethod::Replace ? tr("Empty the group") : tr("Push nothing"));
}

void PushView::send()
{
    if (!m_sendButton->isEnabled())
        return;
    const std::optional<MetricSet> metrics = parsedDraft();
    if (!metrics)
        return;
    const GroupingKey key = groupingKey();
    PushOptions options;
    options.method = m_merge->isChecked() ? PushMethod::Merge : PushMethod::Replace;
    if (metrics->seriesCount() == 0 && !confirmEmptyPush(key, options.method)) {
        showResult(tr("Nothing was sent: the draft has no samples."), true);
        return;
    }
    startPush(key, options, [metrics = *metrics](PushgatewayClient &client, const GroupingKey &group, const PushOptions &how,
                                                 QObject *context, PushgatewayClient::Done done) {
        return client.push(group, metrics, how, context, std::move(done));
    });
}

void PushView::sendAnyway()
{
    if (!m_sendButton->isEnabled())
        return;
    const QByteArray draft = m_draft();
    const QStringList errors = draftErrors(draft);
    if (errors.isEmpty()) {
        send();
        return;
    }
    const GroupingKey key = groupingKey();
    const QStringList shown = errors.mid(0, 10);
    if (!Confirm::ask(this, tr("Send a draft with errors?"),
                      tr("The draft has %n error(s). It goes to %1 exactly as it is; the gateway will most likely refuse it, "
                         "and its answer is kept in History.\n\n", nullptr, int(errors.size()))
                              .arg(key.toString())
                          + shown.join(QLatin1Char('\n')) + (errors.size() > shown.size() ? QStringLiteral("\n…") : QString()),
                      tr("Send anyway")))
        return;
    PushOptions options;
    options.method = m_merge->isChecked() ? PushMethod::Merge : PushMethod::Replace;
    startPush(key, options, [draft](PushgatewayClient &client, const GroupingKey &group, const PushOptions &how, QObject *context,
                                    PushgatewayClient::Done done) { return client.push(group, draft, how, context, std::move(done)); });
}

QStringList PushView::draftErrors(const QByteArray &draft) const
{
    ParseOptions options;
    options.fileName = QStringLiteral("compose");
    options.target = ValidationTarget::Pushgateway;
    options.format = detectFormat(draft);
    QStringList errors;
    for (const Problem &problem : parseText(draft, options).problems) {
        if (problem.severity == Severity::Error)
            errors << formatProblem(problem);
    }
    return errors;
}

void PushView::startPush(const GroupingKey &key, const PushOptions &options, PushCall call)
{
    SentRequest sent;
    sent.profile = m_context->profile()->name;
    sent.method = options.method == PushMethod::Replace ? QStringLiteral("PUT") : QStringLiteral("POST");
    sent.url = m_url->text();
    sent.sentAt = QDateTime::currentDateTime();
    m_sendAnyway->hide();
    const quint64 epoch = begin(tr("Sending…\n%1").arg(sent.describe()));
    withClient(epoch, [this, epoch, sent, key, options, call](const std::shared_ptr<PushgatewayClient> &client) mutable {
        sent.sentAt = QDateTime::currentDateTime();
        m_result->setPlainText(tr("Sending…\n%1").arg(sent.describe()));
        m_call = call(*client, key, options, this, [this, epoch, sent, client](const HttpResult &result) {
            const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
            if (!m_epoch.isCurrent(epoch)) {
                emit notice(lateAnswerNotice(sent, tr("Push"), result, explanation.summary));
                return;
            }
            setWaiting(false);
            QString text = QStringLiteral("%1\n%2 in %3 ms\n\n%4")
                               .arg(sent.describe(),
                                    result.status ? tr("HTTP %1").arg(result.status) : errorCategoryName(result.category))
                               .arg(result.durationMs)
                               .arg(explanation.summary);
            if (!explanation.advice.isEmpty())
                text += QLatin1Char('\n') + explanation.advice;
            if (!result.body.isEmpty()) // escaped, and the start of a long answer (all of it is in History)
                text += tr("\n\nServer said:\n") + screenful(result.body, result.bodyBytes, 200, 20000);
            showResult(text, !result.ok());
        });
    });
}

} // namespace promdesk::ui
