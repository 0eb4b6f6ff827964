#include "PushView.h"
#include "StatusColors.h"

#include "ToolTips.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "LiveJobs.h"
#include "exposition/TextParser.h"
#include "net/Redactor.h"
#include "pushgateway/OverwritePreview.h"
#include "pushgateway/ServerMessage.h"
#include "util/Printable.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
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
#include <QSpinBox>
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
    m_labels->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table
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
    m_url->setSizePolicy(QSizePolicy::Ignored,
                         QSizePolicy::Preferred); // a long grouping key is one token: it must not widen the window
    form->addRow(tr("URL:"), m_url);

    auto *methods = new QHBoxLayout;
    m_replace = new QRadioButton(tr("Re&place group (PUT)"));
    m_replace->setObjectName(QStringLiteral("replaceRadio"));
    m_merge = new QRadioButton(tr("&Merge into group (POST)"));
    m_merge->setObjectName(QStringLiteral("mergeRadio"));
    m_replace->setChecked(true);
    // Radio buttons of one parent exclude each other: each choice is a group of its own.
    auto *methodGroup = new QButtonGroup(this);
    methodGroup->addButton(m_replace);
    methodGroup->addButton(m_merge);
    methods->addWidget(m_replace);
    methods->addWidget(m_merge);
    methods->addStretch();
    form->addRow(tr("Method:"), methods);
    buildLiveControls(form);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_previewButton = new QPushButton(tr("Pre&view"));
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_sendButton = new QPushButton(tr("&Send  (Ctrl+Enter)"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cance&l  (Esc)"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(wrappedToolTip(tr(
        "Stops waiting for the gateway. A push that had gone out whole may still be applied; the result says which.")));
    m_cancelButton->setEnabled(false);
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_sendButton);
    m_sendAnyway = new QPushButton(tr("Send &anyway…"));
    m_sendAnyway->setObjectName(QStringLiteral("sendAnywayButton"));
    m_sendAnyway->setToolTip(
        wrappedToolTip(tr("Sends the draft exactly as it is, errors included, to see the gateway's own "
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
    m_result->setPlaceholderText(
        tr("Preview shows what the push will add, replace and remove before anything is sent."));
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
    connect(m_context, &ConsoleContext::profileChanged, this, &PushView::updateLiveControls);
    connect(m_previewButton, &QPushButton::clicked, this, &PushView::preview);
    connect(m_sendButton, &QPushButton::clicked, this, &PushView::send);
    connect(m_cancelButton, &QPushButton::clicked, this, &PushView::cancel);
    connect(m_sendAnyway, &QPushButton::clicked, this, &PushView::sendAnyway);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &PushView::send);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &PushView::cancel);
    updateLiveControls(); // updates the URL too
}

void PushView::buildLiveControls(QFormLayout *form)
{
    auto *destinations = new QHBoxLayout;
    m_toGateway = new QRadioButton(tr("Push&gateway group"));
    m_toGateway->setObjectName(QStringLiteral("destinationGateway"));
    m_toRemoteWrite = new QRadioButton(tr("Remote &write (samples stamped at each send)"));
    m_toRemoteWrite->setObjectName(QStringLiteral("destinationRemoteWrite"));
    m_toGateway->setChecked(true);
    auto *destinationGroup = new QButtonGroup(this);
    destinationGroup->addButton(m_toGateway);
    destinationGroup->addButton(m_toRemoteWrite);
    destinations->addWidget(m_toGateway);
    destinations->addWidget(m_toRemoteWrite);
    destinations->addStretch();
    form->addRow(tr("Send to:"), destinations);

    auto *repeat = new QHBoxLayout;
    m_repeat = new QCheckBox(tr("Repeat e&very"));
    m_repeat->setObjectName(QStringLiteral("repeatCheck"));
    m_interval = new QDoubleSpinBox;
    m_interval->setObjectName(QStringLiteral("repeatInterval"));
    m_interval->setAccessibleName(tr("Interval in seconds"));
    m_interval->setRange(0.1, 3600);
    m_interval->setDecimals(1);
    m_interval->setValue(2);
    m_interval->setSuffix(tr(" s"));
    m_stopWhen = new QComboBox;
    m_stopWhen->setObjectName(QStringLiteral("repeatStop"));
    m_stopWhen->setAccessibleName(tr("Stop condition"));
    m_stopWhen->addItems({tr("until stopped"), tr("for this many ticks:"), tr("for this many seconds:")});
    m_stopAfter = new QSpinBox;
    m_stopAfter->setObjectName(QStringLiteral("repeatStopAfter"));
    m_stopAfter->setAccessibleName(tr("Ticks or seconds"));
    m_stopAfter->setRange(1, 1000000);
    m_stopAfter->setValue(30);
    repeat->addWidget(m_repeat);
    repeat->addWidget(m_interval);
    repeat->addWidget(m_stopWhen);
    repeat->addWidget(m_stopAfter);
    repeat->addStretch();
    form->addRow(tr("Live:"), repeat);

    auto *machines = new QHBoxLayout;
    m_machines = new QLineEdit;
    m_machines->setObjectName(QStringLiteral("machinesEdit"));
    m_machines->setAccessibleName(tr("Machines"));
    m_machines->setPlaceholderText(tr("one push per tick: host-1, host-2, host-3 (each its own instance)"));
    m_sameGroup = new QCheckBox(tr("leave instance out (they overwrite one group)"));
    m_sameGroup->setObjectName(QStringLiteral("sameGroupCheck"));
    machines->addWidget(m_machines, 1);
    machines->addWidget(m_sameGroup);
    auto *machinesLabel = new QLabel(tr("Mac&hines:"));
    machinesLabel->setBuddy(m_machines); // a row of a layout gets no buddy by itself: the & would show
    form->addRow(machinesLabel, machines);

    m_verify = new QCheckBox(tr("Check that each send arrives (through the profile's query URL)"));
    m_verify->setObjectName(QStringLiteral("verifyCheck"));
    form->addRow(QString(), m_verify);

    for (QAbstractButton *button :
         std::initializer_list<QAbstractButton *>{m_toGateway, m_toRemoteWrite, m_repeat, m_sameGroup, m_verify})
        connect(button, &QAbstractButton::toggled, this, &PushView::updateLiveControls);
    connect(m_stopWhen, &QComboBox::currentIndexChanged, this, &PushView::updateLiveControls);
    connect(m_machines, &QLineEdit::textChanged, this, &PushView::updateLiveControls);
}

void PushView::setLiveChoice(const LiveChoice &choice)
{
    (choice.toRemoteWrite ? m_toRemoteWrite : m_toGateway)->setChecked(true);
    m_repeat->setChecked(choice.everySeconds.has_value());
    if (choice.everySeconds)
        m_interval->setValue(*choice.everySeconds);
    m_stopWhen->setCurrentIndex(0);
    m_machines->setText(choice.machines.join(QStringLiteral(", ")));
    m_sameGroup->setChecked(choice.sameGroup);
    m_verify->setChecked(choice.verify);
    updateLiveControls();
}

void PushView::setLiveJobs(LiveJobs *jobs, std::function<QList<GeneratorAssignment>()> generators)
{
    m_jobs = jobs;
    m_generators = std::move(generators);
    updateLiveControls();
}

bool PushView::sendsLive() const
{
    return m_jobs
        && (m_repeat->isChecked() || m_toRemoteWrite->isChecked() || !m_machines->text().trimmed().isEmpty()
            || m_verify->isChecked());
}

void PushView::updateLiveControls()
{
    const bool live = m_jobs != nullptr;
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_toGateway, m_toRemoteWrite, m_repeat, m_machines, m_verify})
        widget->setEnabled(live);
    m_interval->setEnabled(live && m_repeat->isChecked());
    m_stopWhen->setEnabled(live && m_repeat->isChecked());
    m_stopAfter->setEnabled(live && m_repeat->isChecked() && m_stopWhen->currentIndex() > 0);
    m_sameGroup->setEnabled(live && m_toGateway->isChecked() && !m_machines->text().trimmed().isEmpty());
    const bool toGateway = m_toGateway->isChecked();
    m_replace->setEnabled(toGateway);
    m_merge->setEnabled(toGateway);
    const std::optional<Profile> &profile = m_context->profile();
    m_verify->setToolTip(wrappedToolTip(
        profile && !profile->queryUrl.isEmpty()
            ? tr("Queries %1 until each send's value shows, and says how long it took.").arg(profile->queryUrl)
            : tr("The profile has no query URL: add one in its settings (TMP: the instance address).")));
    m_sendButton->setText(m_repeat->isChecked() ? tr("&Start job  (Ctrl+Enter)") : tr("&Send  (Ctrl+Enter)"));
    updateUrl();
}

std::optional<LiveJobSpec> PushView::liveSpec(const MetricSet &draft, QString *error) const
{
    LiveJobSpec spec;
    spec.destination
        = m_toGateway->isChecked() ? LiveJobSpec::Destination::Pushgateway : LiveJobSpec::Destination::RemoteWrite;
    spec.key = groupingKey();
    spec.push.method = m_merge->isChecked() ? PushMethod::Merge : PushMethod::Replace;
    spec.draft = draft;
    // Generators of series that are no longer in the draft went with their rows.
    for (const GeneratorAssignment &assignment : m_generators ? m_generators() : QList<GeneratorAssignment>()) {
        bool present = false;
        for (const MetricFamily &family : draft.families) {
            for (const Metric &metric : family.metrics)
                present = present || assignment.series.matches(family.name, metric.labels);
        }
        if (present)
            spec.generators.append(assignment);
    }
    for (const QString &machine : m_machines->text().split(u',', Qt::SkipEmptyParts)) {
        if (!machine.trimmed().isEmpty())
            spec.machines << machine.trimmed();
    }
    spec.machinesOverwrite = m_sameGroup->isEnabled() && m_sameGroup->isChecked();
    // Machines bring their own instance: the one in the grouping labels (this host) gives way.
    if (!spec.machines.isEmpty() && !spec.machinesOverwrite) {
        GroupingKey key(spec.key.job());
        for (const Label &label : spec.key.labels()) {
            if (label.name != u"instance")
                key.addLabel(label.name, label.value);
        }
        spec.key = key;
    }
    if (m_repeat->isChecked()) {
        spec.intervalMs = qint64(std::llround(m_interval->value() * 1000));
        if (m_stopWhen->currentIndex() == 1)
            spec.count = m_stopAfter->value();
        else if (m_stopWhen->currentIndex() == 2)
            spec.durationMs = qint64(m_stopAfter->value()) * 1000;
    } else {
        spec.count = 1;
    }
    if (const std::optional<LiveJobProblem> problem = checkLiveJob(spec)) {
        *error = problem->message;
        return std::nullopt;
    }
    return spec;
}

void PushView::startLive(const MetricSet &draft)
{
    QString error;
    const std::optional<LiveJobSpec> spec = liveSpec(draft, &error);
    if (!spec) {
        showResult(tr("Nothing was started: %1").arg(error), true);
        return;
    }
    const std::optional<Profile> profile = m_context->profile();
    if (!profile) {
        showResult(tr("Choose a profile first."), true);
        return;
    }
    const bool verify = m_verify->isChecked();
    const quint64 epoch = begin(tr("Reading the secret of %1…").arg(profile->name));
    m_context->readSecret(
        *profile, this, [this, epoch, spec = *spec, profile = *profile, verify](const SecretResult &secret) {
            if (!m_epoch.isCurrent(epoch))
                return;
            setWaiting(false);
            if (!secret.ok() && profile.auth != Credentials::Kind::None) {
                showResult(tr("The secret of profile '%1' is not available: %2").arg(profile.name, secret.message),
                           true);
                return;
            }
            QString why;
            const int number = m_jobs->start(spec, profile, secret, verify, &why);
            if (number == 0) {
                showResult(tr("Nothing was started: %1").arg(why), true);
                return;
            }
            const LiveJobs::Job *job = m_jobs->find(number);
            showResult(tr("Job #%1 started: %2.\nIts ticks, answers and arrival are in the Jobs view; each request is "
                          "in History.")
                           .arg(number)
                           .arg(job->description),
                       false);
            emit jobStarted(number);
        });
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
    if (m_toRemoteWrite && m_toRemoteWrite->isChecked()) {
        const bool usable = profile && !profile->remoteWriteUrl.isEmpty();
        m_url->setText(usable ? redactUrl(writeEndpoint(*profile, {}).url)
                              : tr("(no remote write URL in this profile)"));
        m_urlUsable = usable;
        setWaiting(m_waiting); // no preview: it is of a gateway group
        return;
    }
    const QString base = profile && !profile->pushgatewayUrl.isEmpty() ? redactUrl(QUrl(profile->pushgatewayUrl))
                                                                       : tr("(no Pushgateway in this profile)");
    m_url->setText(problems.isEmpty() ? base + key.path() : tr("⚠ %1").arg(problems.join(QStringLiteral("; "))));
    m_urlUsable = problems.isEmpty() && profile && !profile->pushgatewayUrl.isEmpty();
    setWaiting(m_waiting);
}

void PushView::setWaiting(bool waiting)
{
    m_waiting = waiting;
    m_previewButton->setEnabled(m_urlUsable && !waiting && !(m_toRemoteWrite && m_toRemoteWrite->isChecked()));
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
    palette.setColor(QPalette::Text,
                     error ? failureTextColor(QApplication::palette()) : QApplication::palette().color(QPalette::Text));
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
        showResult(
            tr("The draft has errors; nothing was sent. Fix them in Compose (\"Apply safe fixes\" does what is safe), "
               "or use Send anyway to see the gateway's own verdict:\n\n")
                + lines.join(QLatin1Char('\n')),
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
        m_labels->setItem(row, 1,
                          new QTableWidgetItem(label.value.isEmpty() ? QHostInfo::localHostName() : label.value));
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
        m_call = client->listGroups(
            this,
            [this, epoch, metrics, key, method,
             client](const HttpResult &result, const std::optional<GatewayGroups> &groups, const QString &error) {
                if (!m_epoch.isCurrent(epoch))
                    return; // a preview nobody looks at any more
                setWaiting(false);
                if (!groups) {
                    const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                    showResult(explanation.summary + QLatin1Char('\n') + explanation.advice
                                   + (error.isEmpty() ? QString() : QLatin1Char('\n') + error),
                               true);
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
                        tr("The draft has no samples.") + QLatin1Char(' ') + effect.arg(key.toString())
                            + QLatin1Char(' ') + tr("To remove a group, use Delete in Groups."),
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
    if (sendsLive()) {
        if (metrics->seriesCount() == 0) {
            showResult(tr("Nothing was started: the draft has no samples."), true);
            return;
        }
        startLive(*metrics);
        return;
    }
    if (metrics->seriesCount() == 0 && !confirmEmptyPush(key, options.method)) {
        showResult(tr("Nothing was sent: the draft has no samples."), true);
        return;
    }
    startPush(key, options,
              [metrics = *metrics](PushgatewayClient &client, const GroupingKey &group, const PushOptions &how,
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
    if (!Confirm::ask(
            this, tr("Send a draft with errors?"),
            tr("The draft has %n error(s). It goes to %1 exactly as it is; the gateway will most likely refuse it, "
               "and its answer is kept in History.\n\n",
               nullptr, int(errors.size()))
                    .arg(key.toString())
                + shown.join(QLatin1Char('\n')) + (errors.size() > shown.size() ? QStringLiteral("\n…") : QString()),
            tr("Send anyway")))
        return;
    PushOptions options;
    options.method = m_merge->isChecked() ? PushMethod::Merge : PushMethod::Replace;
    startPush(
        key, options,
        [draft](PushgatewayClient &client, const GroupingKey &group, const PushOptions &how, QObject *context,
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
    withClient(
        epoch, [this, epoch, sent, key, options, call](const std::shared_ptr<PushgatewayClient> &client) mutable {
            sent.sentAt = QDateTime::currentDateTime();
            m_result->setPlainText(tr("Sending…\n%1").arg(sent.describe()));
            m_call = call(*client, key, options, this, [this, epoch, sent, client](const HttpResult &result) {
                const Explanation explanation = explainGatewayAnswer(result, tr("The Pushgateway"));
                if (!m_epoch.isCurrent(epoch)) {
                    emit notice(lateAnswerNotice(sent, tr("Push"), result, explanation.summary));
                    return;
                }
                setWaiting(false);
                QString text
                    = QStringLiteral("%1\n%2 in %3 ms\n\n%4")
                          .arg(sent.describe(),
                               result.status ? tr("HTTP %1").arg(result.status) : errorCategoryName(result.category),
                               QString::number(result.durationMs), explanation.summary);
                if (!explanation.advice.isEmpty())
                    text += QLatin1Char('\n') + explanation.advice;
                if (!result.body.isEmpty()) // escaped, and the start of a long answer (all of it is in History)
                    text += tr("\n\nServer said:\n") + screenful(result.body, result.bodyBytes, 200, 20000);
                showResult(text, !result.ok());
            });
        });
}

} // namespace promdesk::ui
