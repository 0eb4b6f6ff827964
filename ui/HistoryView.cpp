#include "HistoryView.h"

#include "ConsoleContext.h"
#include "history/BodyDecoder.h"
#include "history/CurlExport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
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
    bar->addWidget(m_failedOnly);
    bar->addStretch();
    bar->addWidget(refresh);
    bar->addWidget(curl);
    layout->addLayout(bar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
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
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryView::showSelected);
    connect(curl, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(curlForSelected()); });
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

} // namespace promdesk::ui
