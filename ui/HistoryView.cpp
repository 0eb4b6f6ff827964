#include "HistoryView.h"

#include "ConsoleContext.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace promdesk::ui {

HistoryView::HistoryView(ConsoleContext *context, const QString &historyPath, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_path(historyPath)
    , m_model(new HistoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("historyView"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_failedOnly = new QCheckBox(tr("&Failed only"));
    m_failedOnly->setObjectName(QStringLiteral("failedOnly"));
    auto *refresh = new QPushButton(tr("Re&fresh"));
    auto *curl = new QPushButton(tr("Copy as &curl"));
    curl->setObjectName(QStringLiteral("copyCurl"));
    m_resendTarget = new QComboBox;
    m_resendTarget->setObjectName(QStringLiteral("resendTarget"));
    m_resendTarget->setAccessibleName(tr("Profile to re-send to"));
    m_resendTarget->setToolTip(tr("Send to the request's own profile, or to another one (same path on its address)"));
    m_resendButton = new QPushButton(tr("Re-&send"));
    m_resendButton->setObjectName(QStringLiteral("resend"));
    m_resendStatus = new QLabel;
    m_resendStatus->setObjectName(QStringLiteral("resendStatus"));
    m_resendStatus->setWordWrap(true);
    m_resendStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // the server's words can be one long token
    m_resendStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(tr("Filter by profile, URL, status…"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_failedOnly);
    bar->addWidget(m_filter, 1);
    bar->addWidget(refresh);
    bar->addWidget(curl);
    bar->addWidget(m_resendButton);
    bar->addWidget(new QLabel(tr("to")));
    bar->addWidget(m_resendTarget);
    layout->addLayout(bar);
    layout->addWidget(m_resendStatus);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(-1); // any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Request history"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::ColumnId, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(HistoryModel::ColumnRequest, QHeaderView::Stretch);
    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("historyDetails"));
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
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryView::setFilterText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryView::showSelected);
    connect(curl, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(curlForSelected()); });
    connect(m_resendButton, &QPushButton::clicked, this, &HistoryView::resendSelected);
    // The profiles change only through the sidebar, which then selects one: read them again then,
    // not at every refresh of the table.
    connect(context, &ConsoleContext::profileChanged, this, &HistoryView::fillResendTargets);
    fillResendTargets();
}

HistoryView::~HistoryView() = default;

void HistoryView::reload()
{
    if (!m_database)
        m_database = HistoryDatabase::open(m_path, nullptr);
    HistoryFilter filter;
    filter.failedOnly = m_failedOnly->isChecked();
    filter.limit = 500;
    const qint64 selected = m_table->currentIndex().isValid() ? m_model->entry(m_proxy->mapToSource(m_table->currentIndex()).row()).id : 0;
    m_model->reload(m_database.get(), filter);
    m_table->resizeColumnsToContents();
    // Keep the selection across refreshes; with none, show the newest request.
    int row = 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (m_model->entry(i).id == selected)
            row = int(m_proxy->mapFromSource(m_model->index(i, 0)).row());
    }
    if (m_model->rowCount() > 0)
        m_table->selectRow(selected ? row : 0);
}

void HistoryView::showSelected()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid() || !m_database) {
        m_details->clear();
        return;
    }
    const std::optional<HistoryEntry> e = m_database->get(m_model->entry(current.row()).id);
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
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid() || !m_database)
        return {};
    const std::optional<HistoryEntry> e = m_database->get(m_model->entry(current.row()).id);
    return e ? exportCurl(*e, CurlOptions{}).command : QString();
}

QList<Profile> HistoryView::knownProfiles() const
{
    QList<Profile> profiles = ProfileStore(ProfileStore::defaultPath()).profiles();
    // The local sandbox is not saved, but its requests can be sent again while it runs.
    if (const std::optional<Profile> &current = m_context->profile();
        current && std::none_of(profiles.cbegin(), profiles.cend(), [&](const Profile &p) { return p.name == current->name; }))
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
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text);
}

QString HistoryView::resendStatus() const { return m_resendStatus->text(); }

void HistoryView::resendSelected()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid() || !m_database)
        return;
    const std::optional<HistoryEntry> entry = m_database->get(m_model->entry(current.row()).id);
    if (!entry)
        return;
    const qint64 id = entry->id;
    auto prepared = std::make_shared<ResendRequest>(prepareResend(*entry, knownProfiles(), m_resendTarget->currentData().toString()));
    if (!prepared->ok()) {
        m_resendStatus->setText(tr("✘ Cannot re-send: %1.").arg(prepared->error));
        emit resent(false);
        return;
    }
    m_resendButton->setEnabled(false);
    m_resendStatus->setText(tr("Re-sending #%1…").arg(id));
    auto send = [this, prepared, id] {
        const HttpRequest &request = prepared->request;
        const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), redactUrl(request.url));
        m_context->http().send(request, this, [this, what, id](const HttpResult &result) {
            m_resendButton->setEnabled(true);
            if (result.ok()) {
                m_resendStatus->setText(tr("✔ Re-sent #%1: %2 → HTTP %3 in %4 ms").arg(id).arg(what).arg(result.status).arg(result.durationMs));
            } else {
                const Explanation explanation = explainGatewayAnswer(result, tr("The server"));
                m_resendStatus->setText(tr("✘ Re-sent #%1: %2 → %3 %4").arg(id).arg(what, explanation.summary, explanation.advice));
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
            m_resendStatus->setText(tr("✘ The secret of profile '%1' is not available: %2").arg(prepared->profile->name, secret.message));
            emit resent(false);
            return;
        }
        prepared->applySecrets(secret.secret, secret.headers);
        send();
    });
}

} // namespace promdesk::ui
