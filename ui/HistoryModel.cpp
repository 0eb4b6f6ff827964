#include "HistoryModel.h"
#include "StatusColors.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QScopeGuard>

namespace promdesk::ui {

namespace {

// Top-level rows have internal id 0; a batch has its backfill's row + 1.
constexpr quintptr kTopLevel = 0;

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

bool HistoryModel::isBackfill(const HistoryEntry &entry)
{
    return entry.isGroup();
}

QList<HistoryEntry> HistoryModel::page(const std::optional<std::pair<qint64, qint64>> &before) const
{
    if (!m_database)
        return {};
    HistoryFilter filter = m_filter;
    filter.limit = kPageSize;
    filter.before = before;
    // A search finds batches too, wherever they are; browsing shows a backfill as one row.
    filter.topLevelOnly = filter.text.isEmpty();
    return m_database->list(filter);
}

void HistoryModel::reload(HistoryDatabase *database, const HistoryFilter &filter)
{
    // No page is fetched while the reset is being announced (a view asks at once); the next one
    // comes when the view scrolls to the end of this one.
    m_resetting = true;
    beginResetModel();
    m_database = database;
    m_filter = filter;
    m_rows.clear();
    const QList<HistoryEntry> first = page(std::nullopt);
    for (const HistoryEntry &e : first)
        m_rows.append(Row{e, {}, false});
    m_more = first.size() == kPageSize;
    endResetModel();
    m_resetting = false;
}

const HistoryEntry *HistoryModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == kTopLevel)
        return index.row() < m_rows.size() ? &m_rows.at(index.row()).entry : nullptr;
    const Row &parentRow = m_rows.at(int(index.internalId() - 1));
    return index.row() < parentRow.children.size() ? &parentRow.children.at(index.row()) : nullptr;
}

QModelIndex HistoryModel::indexOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry.id == id)
            return index(row, 0);
        const QList<HistoryEntry> &children = m_rows.at(row).children;
        for (int child = 0; child < children.size(); ++child) {
            if (children.at(child).id == id)
                return index(child, 0, index(row, 0));
        }
    }
    return {};
}

QModelIndex HistoryModel::find(qint64 id, qint64 parentId, int pages)
{
    if (id == 0)
        return {};
    const qint64 top = parentId != 0 && m_filter.text.isEmpty() ? parentId : id; // a search lists batches flat
    QModelIndex found = indexOf(top);
    for (int page = 0; !found.isValid() && page < pages && canFetchMore({}); ++page) {
        fetchMore({});
        found = indexOf(top);
    }
    if (!found.isValid() || top == id)
        return found;
    if (canFetchMore(found))
        fetchMore(found);
    return indexOf(id);
}

QModelIndex HistoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_rows.size()
        || row >= m_rows.at(parent.row()).children.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex HistoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel || parent.row() >= m_rows.size())
        return 0;
    return int(m_rows.at(parent.row()).children.size());
}

int HistoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool HistoryModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_rows.isEmpty();
    if (parent.column() != 0 || parent.internalId() != kTopLevel || parent.row() >= m_rows.size())
        return false;
    const Row &row = m_rows.at(parent.row());
    return row.childrenLoaded ? !row.children.isEmpty() : isBackfill(row.entry);
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    if (m_resetting || m_fetching) // a view asks again from within the insertion it is told of
        return false;
    if (!parent.isValid())
        return m_more;
    if (parent.column() != 0 || parent.internalId() != kTopLevel || parent.row() >= m_rows.size())
        return false;
    const Row &row = m_rows.at(parent.row());
    return !row.childrenLoaded && isBackfill(row.entry);
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    if (!parent.isValid()) {
        const HistoryEntry &last = m_rows.constLast().entry;
        const QList<HistoryEntry> next = page(std::pair{last.startedAtMs, last.id});
        m_more = next.size() == kPageSize;
        if (next.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + next.size() - 1));
        for (const HistoryEntry &e : next)
            m_rows.append(Row{e, {}, false});
        endInsertRows();
        return;
    }
    Row &row = m_rows[parent.row()];
    const QList<HistoryEntry> batches = m_database ? m_database->children(row.entry.id) : QList<HistoryEntry>();
    row.childrenLoaded = true;
    if (batches.isEmpty())
        return;
    beginInsertRows(parent, 0, int(batches.size() - 1));
    row.children = batches;
    endInsertRows();
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const HistoryEntry *entry = entryAt(index);
    if (!entry)
        return {};
    const HistoryEntry &e = *entry;
    const bool unknown = e.finishedAtMs == 0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ColumnId:
            return QString::number(e.id);
        case ColumnTime:
            return QDateTime::fromMSecsSinceEpoch(e.startedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ColumnProfile:
            return e.tag.profile;
        case ColumnOperation:
            return e.tag.operation;
        case ColumnRequest:
            return QString(QString::fromLatin1(e.method) + QLatin1Char(' ') + e.url);
        case ColumnOutcome:
            return unknown ? tr("outcome unknown")
                : e.status ? QStringLiteral("%1 %2").arg(e.status).arg(e.outcome)
                           : e.outcome;
        case ColumnDuration:
            return unknown ? QString() : tr("%1 ms").arg(e.durationMs);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case ColumnId:
            return e.id;
        case ColumnTime:
            return e.startedAtMs;
        case ColumnDuration:
            return e.durationMs;
        case ColumnOutcome:
            return e.status;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ColumnOutcome && !unknown && e.outcome != u"ok")
        return QBrush(failureTextColor(QGuiApplication::palette()));
    if (role == Qt::ToolTipRole && index.column() == ColumnRequest && !e.tag.groupingKey.isEmpty())
        return e.tag.groupingKey;
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnId:
        return tr("#");
    case ColumnTime:
        return tr("Time");
    case ColumnProfile:
        return tr("Profile");
    case ColumnOperation:
        return tr("Operation");
    case ColumnRequest:
        return tr("Request");
    case ColumnOutcome:
        return tr("Outcome");
    case ColumnDuration:
        return tr("Duration");
    default:
        return {};
    }
}

} // namespace promdesk::ui
