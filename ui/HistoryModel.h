#pragma once

#include "history/HistoryDatabase.h"

#include <QAbstractTableModel>

namespace promdesk::ui {

// The newest requests of the history, one row each. Raw values (ids, ms) are under
// Qt::UserRole for sorting; DisplayRole is formatted for people.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ColumnId, ColumnTime, ColumnProfile, ColumnOperation, ColumnRequest, ColumnOutcome, ColumnDuration, ColumnCount };

    explicit HistoryModel(QObject *parent = nullptr);

    void reload(HistoryDatabase *database, const HistoryFilter &filter);
    [[nodiscard]] const HistoryEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<HistoryEntry> m_entries;
};

} // namespace promdesk::ui
