#include "HistoryModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace promdesk::ui {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HistoryModel::reload(HistoryDatabase *database, const HistoryFilter &filter)
{
    beginResetModel();
    m_entries = database ? database->list(filter) : QList<HistoryEntry>();
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    const bool unknown = e.finishedAtMs == 0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ColumnId: return QString::number(e.id);
        case ColumnTime: return QDateTime::fromMSecsSinceEpoch(e.startedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ColumnProfile: return e.tag.profile;
        case ColumnOperation: return e.tag.operation;
        case ColumnRequest: return QString(QString::fromLatin1(e.method) + QLatin1Char(' ') + e.url);
        case ColumnOutcome:
            return unknown ? tr("outcome unknown") : e.status ? QStringLiteral("%1 %2").arg(e.status).arg(e.outcome) : e.outcome;
        case ColumnDuration: return unknown ? QString() : tr("%1 ms").arg(e.durationMs);
        default: return {};
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case ColumnId: return e.id;
        case ColumnTime: return e.startedAtMs;
        case ColumnDuration: return e.durationMs;
        case ColumnOutcome: return e.status;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ColumnOutcome && !unknown && e.outcome != u"ok")
        return QBrush(QColor(0xb0, 0x1e, 0x1e));
    if (role == Qt::ToolTipRole && index.column() == ColumnRequest && !e.tag.groupingKey.isEmpty())
        return e.tag.groupingKey;
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColumnId: return tr("#");
    case ColumnTime: return tr("Time");
    case ColumnProfile: return tr("Profile");
    case ColumnOperation: return tr("Operation");
    case ColumnRequest: return tr("Request");
    case ColumnOutcome: return tr("Outcome");
    case ColumnDuration: return tr("Duration");
    default: return {};
    }
}

} // namespace promdesk::ui
