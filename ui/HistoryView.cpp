#include "HistoryView.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "ToolTips.h"
#include "history/BodyDecoder.h"
#include "history/CurlExport.h"
#include "history/Resend.h"
#include "net/Redactor.h"
#include "profiles/ProfileStore.h"
#include "pushgateway/ServerMessage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace promdesk::ui {

namespace {
constexpr int kPagesToKeepSelection = 20; // 10,000 entries: further back, the selection goes to the newest
}

HistoryView::HistoryView(ConsoleContext *context, const QString &historyPath, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_path(historyPath)
    , m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("historyView"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_failedOnly = new QCheckBox(tr("&Failed only"));
    m_failedOnly->setObjectName(QStringLiteral("failedOnly"));
    auto *refresh = new QPushButton(tr("Re&fresh"));
    auto *curl = new QPushButton(tr("Copy as &curl"));
    curl->setObjectName(QStringLiteral("copyCurl"));
    auto *curlScript = new QPushButton(tr("Save as curl scr&ipt…"));
    curlScript->setObjectName(QStringLiteral("saveCurlScript"));
    curlScript->setToolTip(
        wrappedToolTip(tr("Writes a shell script that repeats the request with curl, with its body (remote "
                          "write, protobuf, gzip) in a file beside it. The secret is read from $PROMDESK_SECRET.")));
    m_resendTarget = new QComboBox;
    m_resendTarget->setObjectName(QStringLiteral("resendTarget"));
    m_resendTarget->setAccessibleName(tr("Profile to re-send to"));
    m_resendTarget->setToolTip(tr("Send to the request's own profile, or to another one (same path on its address)"));
    m_resendButton = new QPushButton(tr("Re-&send"));
    m_resendButton->setObjectName(QStringLiteral("resend"));
    m_resendStatus = new QLabel;
    m_resendStatus->setObjectName(QStringLiteral("resendStatus"));
    m_resendStatus->setWordWrap(true);
    m_resendStatus->setSizePolicy(QSizePolicy::Ignored,
                                  QSizePolicy::Preferred); // the server's words can be one long token
    m_resendStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setAccessibleName(tr("Search the history"));
    m_filter->setPlaceholderText(tr("Search the whole history: profile, URL, grouping key, status, error…"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_failedOnly);
    bar->addWidget(m_filter, 1);
    bar->addWidget(refresh);
    bar->addWidget(curl);
    bar->addWidget(curlScript);
    bar->addWidget(m_resendButton);
    bar->addWidget(new QLabel(tr("to")));
    bar->addWidget(m_resendTarget);
    layout->addLayout(bar);
    layout->addWidget(m_resendStatus);

    m_table = new QTreeView;
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Request history"));
    m_table->setModel(m_model); // newest first, as SQL reads it: a page at a time, however long the history
    m_table->setUniformRowHeights(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(HistoryModel::ColumnRequest, QHeaderView::Stretch);
    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_details->setAccessibleName(tr("Request and answer"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    layout->addWidget(splitter, 1);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(300); // the history thread writes a moment after the answer
    connect(&m_refresh, &QTimer::timeout, this, &HistoryView::reload);
    connect(context, &ConsoleContext::requestRecorded, &m_refresh, qOverload<>(&QTimer::start));
    connect(refresh, &QPushButton::clicked, this, &HistoryView::reload);
    connect(m_failedOnly, &QCheckBox::toggled, this, &HistoryView::reload);
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(250);
    connect(&m_filterDelay, &QTimer::timeout, this, &HistoryView::reload);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryView::showSelected);
    connect(curl, &QPushButton::clicked, this, [this] {
        // A refusal leaves the clipboard as it was: the status line says why.
        if (const QString command = curlForSelected(); !command.isEmpty())
            QApplication::clipboard()->setText(command);
    });
    connect(curlScript, &QPushButton::clicked, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Save the curl script in"));
        if (!directory.isEmpty())
            saveCurlScript(directory);
    });
    connect(m_resendButton, &QPushButton::clicked, this, &HistoryView::resendSelected);
    // The profiles change only through the sidebar, which then selects one: read them again then,
    // not at every refresh of the table.
    connect(context, &ConsoleContext::profileChanged, this, &HistoryView::fillResendTargets);
    fillResendTargets();
}

HistoryView::~HistoryView() = default;

void HistoryView::reload()
{
    m_filterDelay.stop();
    if (!m_database)
        m_database = HistoryDatabase::open(m_path, nullptr);
    HistoryFilter filter;
    filter.failedOnly = m_failedOnly->isChecked();
    filter.text = m_filter->text().trimmed();
    // What the operator was looking at survives the refresh that every new request brings: the
    // selected entry (in a later page or under its backfill) and the backfills opened.
    const HistoryEntry *current = m_model->entryAt(m_table->currentIndex());
    const qint64 selected = current ? current->id : 0;
    const qint64 selectedParent = current ? current->tag.parentId : 0;
    QList<qint64> expanded;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_table->isExpanded(m_model->index(row, 0)))
            expanded << m_model->entry(row).id;
    }
    m_model->reload(m_database.get(), filter);
    for (int column = 0; column < HistoryModel::ColumnCount; ++column) {
        if (column != HistoryModel::ColumnRequest)
            m_table->resizeColumnToContents(column);
    }
    const QModelIndex keep = m_model->find(selected, selectedParent, kPagesToKeepSelection);
    for (const qint64 id : std::as_const(expanded)) {
        if (const QModelIndex backfill = m_model->indexOf(id); backfill.isValid())
            m_table->expand(backfill);
    }
    if (keep.isValid() || m_model->rowCount() > 0)
        m_table->setCurrentIndex(keep.isValid() ? keep : m_model->index(0, 0));
    if (keep.parent().isValid())
        m_table->expand(keep.parent());
}

void HistoryView::showSelected()
{
    const HistoryEntry *current = m_model->entryAt(m_table->currentIndex());
    if (!current || !m_database) {
        m_details->clear();
        return;
    }
    const std::optional<HistoryEntry> e = m_database->get(current->id);
    if (!e)
        return;
    QString text = QStringLiteral("%1 %2\n").arg(QString::fromLatin1(e->method), e->url);
    for (const auto &header : e->requestHeaders)
        text += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(header.first), QString::fromUtf8(header.second));
    const DecodedBody body = decodeRequestBody(*e);
    text += tr("\n%1 bytes, %2\n").arg(e->requestBodySize).arg(body.kind) + body.text;
    text += e->finishedAtMs ? tr("\nAnswer: HTTP %1 (%2) in %3 ms\n").arg(e->status).arg(e->outcome).arg(e->durationMs)
                            : tr("\nAnswer: outcome unknown\n");
    if (!e->errorText.isEmpty())
        text += e->errorText + QLatin1Char('\n');
    text += QString::fromUtf8(e->responseBody);
    m_details->setPlainText(text);
}

QString HistoryView::details() const
{
    return m_details->toPlainText();
}

QString HistoryView::curlForSelected() const
{
    const HistoryEntry *current = m_model->entryAt(m_table->currentIndex());
    if (!current || !m_database)
        return {};
    const std::optional<HistoryEntry> e = m_database->get(current->id);
    if (!e)
        return {};
    if (e->isGroup()) {
        m_resendStatus->setText(tr("#%1 is a %2's own entry, not a request: copy one of the requests under it.")
                                    .arg(e->id)
                                    .arg(e->tag.operation));
        return {};
    }
    // A binary body cannot go inline: it is written where the command says it is.
    const QString bodies = QFileInfo(m_path).dir().filePath(QStringLiteral("curl-bodies"));
    CurlExport curl = exportCurl(*e, CurlOptions{{}, bodies});
    if (!curl.refusal.isEmpty()) {
        m_resendStatus->setText(QStringLiteral("✘ ") + curl.refusal);
        return {};
    }
    if (curl.bodyFile.isEmpty()) {
        m_resendStatus->setText(
            tr("Copied the curl command of #%1. It reads the secret from $PROMDESK_SECRET.").arg(e->id));
        return curl.command;
    }
    QDir().mkpath(bodies);
    QSaveFile body(QDir(bodies).filePath(curl.bodyFileName));
    if (!body.open(QIODevice::WriteOnly) || body.write(curl.bodyFile) < 0 || !body.commit()) {
        m_resendStatus->setText(
            tr("✘ The body of #%1 could not be written to %2: %3").arg(e->id).arg(body.fileName(), body.errorString()));
        return {};
    }
    m_resendStatus->setText(tr("Copied the curl command of #%1; its %2-byte binary body is in %3.")
                                .arg(e->id)
                                .arg(curl.bodyFile.size())
                                .arg(QDir(bodies).filePath(curl.bodyFileName)));
    return curl.command;
}

QString HistoryView::saveCurlScript(const QString &directory)
{
    const HistoryEntry *current = m_model->entryAt(m_table->currentIndex());
    const std::optional<HistoryEntry> e = current && m_database ? m_database->get(current->id) : std::nullopt;
    if (!e)
        return {};
    if (e->isGroup()) {
        m_resendStatus->setText(tr("#%1 is a %2's own entry, not a request: save one of the requests under it.")
                                    .arg(e->id)
                                    .arg(e->tag.operation));
        return {};
    }
    const CurlExport curl = exportCurl(*e, CurlOptions{{}, directory});
    if (!curl.refusal.isEmpty()) {
        m_resendStatus->setText(QStringLiteral("✘ ") + curl.refusal);
        return {};
    }
    const QDir dir(directory);
    if (!curl.bodyFile.isEmpty()) {
        QSaveFile body(dir.filePath(curl.bodyFileName));
        if (!body.open(QIODevice::WriteOnly) || body.write(curl.bodyFile) < 0 || !body.commit()) {
            m_resendStatus->setText(tr("✘ Not saved: %1: %2").arg(body.fileName(), body.errorString()));
            return {};
        }
    }
    QSaveFile script(dir.filePath(QStringLiteral("request-%1.sh").arg(e->id)));
    const QByteArray text = "#!/bin/sh\n# PromDesk history entry #" + QByteArray::number(e->id) + ": " + e->method + ' '
        + e->url.toUtf8() + "\n" + (curl.note.isEmpty() ? QByteArray() : "# " + curl.note.toUtf8() + '\n')
        + curl.command.toUtf8() + '\n';
    if (!script.open(QIODevice::WriteOnly) || script.write(text) < 0 || !script.commit()) {
        m_resendStatus->setText(tr("✘ Not saved: %1: %2").arg(script.fileName(), script.errorString()));
        return {};
    }
    QFile::setPermissions(script.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_resendStatus->setText(
        curl.bodyFile.isEmpty()
            ? tr("Saved %1.").arg(script.fileName())
            : tr("Saved %1 and its body %2.").arg(script.fileName(), dir.filePath(curl.bodyFileName)));
    return script.fileName();
}

QList<Profile> HistoryView::knownProfiles() const
{
    QList<Profile> profiles = ProfileStore(ProfileStore::defaultPath()).profiles();
    // The local sandbox is not saved, but its requests can be sent again while it runs.
    if (const std::optional<Profile> &current = m_context->profile(); current
        && std::none_of(profiles.cbegin(), profiles.cend(), [&](const Profile &p) { return p.name == current->name; }))
        profiles.prepend(*current);
    return profiles;
}

void HistoryView::fillResendTargets()
{
    const QString chosen = m_resendTarget->currentData().toString();
    m_resendTarget->clear();
    m_resendTarget->addItem(tr("its own profile"), QString());
    for (const Profile &profile : knownProfiles())
        m_resendTarget->addItem(profile.name, profile.name);
    m_resendTarget->setCurrentIndex(std::max(0, m_resendTarget->findData(chosen)));
}

void HistoryView::setFilterText(const QString &text)
{
    m_filter->setText(text);
    reload(); // at once, not after the typing pause
}

QString HistoryView::resendStatus() const
{
    return m_resendStatus->text();
}

void HistoryView::resendSelected()
{
    const HistoryEntry *current = m_model->entryAt(m_table->currentIndex());
    if (!current || !m_database)
        return;
    const std::optional<HistoryEntry> entry = m_database->get(current->id);
    if (!entry)
        return;
    const qint64 id = entry->id;
    if (entry->isGroup()) {
        m_resendStatus->setText(
            tr("#%1 is a %2's own entry, not a request: open it and re-send one of the requests under it.")
                .arg(id)
                .arg(entry->tag.operation));
        emit resent(false);
        return;
    }
    auto prepared = std::make_shared<ResendRequest>(
        prepareResend(*entry, knownProfiles(), m_resendTarget->currentData().toString()));
    if (!prepared->ok()) {
        m_resendStatus->setText(tr("✘ Cannot re-send: %1.").arg(prepared->error));
        emit resent(false);
        return;
    }
    // A re-send is a request of its own: it may replace a group, or write samples again.
    if (!Confirm::ask(
            this, tr("Re-send request #%1?").arg(id),
            tr("%1 %2\ngoes again to %3%4, exactly as it was sent (%n byte(s) of body). Its answer is kept in the "
               "history as a request of its own.",
               nullptr, int(entry->requestBodySize))
                .arg(QString::fromLatin1(prepared->request.method), redactUrl(prepared->request.url),
                     prepared->request.url.host()
                         + (prepared->request.url.port() > 0 ? QStringLiteral(":%1").arg(prepared->request.url.port())
                                                             : QString()),
                     prepared->profile ? tr(" (profile %1)").arg(prepared->profile->name) : QString()),
            tr("Re-send"))) {
        m_resendStatus->setText(tr("Not re-sent."));
        emit resent(false);
        return;
    }
    m_resendButton->setEnabled(false);
    m_resendStatus->setText(tr("Re-sending #%1…").arg(id));
    auto send = [this, prepared, id] {
        const HttpRequest &request = prepared->request;
        const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), redactUrl(request.url));
        const bool toGateway = request.tag.target == u"pushgateway";
        m_context->http().send(request, this, [this, what, id, toGateway](const HttpResult &result) {
            m_resendButton->setEnabled(true);
            if (result.ok()) {
                m_resendStatus->setText(tr("✔ Re-sent #%1: %2 → HTTP %3 in %4 ms")
                                            .arg(QString::number(id), what, QString::number(result.status),
                                                 QString::number(result.durationMs)));
            } else {
                const Explanation explanation = toGateway ? explainGatewayAnswer(result, tr("The Pushgateway"))
                                                          : explainAnswer(result, tr("The server"));
                m_resendStatus->setText(
                    tr("✘ Re-sent #%1: %2 → %3 %4").arg(id).arg(what, explanation.summary, explanation.advice));
            }
            emit resent(result.ok());
        });
    };
    if (!prepared->needsSecret()) {
        send();
        return;
    }
    m_context->readSecret(*prepared->profile, this, [this, prepared, send](const SecretResult &secret) {
        if (!secret.ok()) {
            m_resendButton->setEnabled(true);
            m_resendStatus->setText(
                tr("✘ The secret of profile '%1' is not available: %2").arg(prepared->profile->name, secret.message));
            emit resent(false);
            return;
        }
        prepared->applySecrets(secret.secret, secret.headers);
        send();
    });
}

} // namespace promdesk::ui
