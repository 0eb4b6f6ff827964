#pragma once

#include "history/HistoryDatabase.h"

#include <QAbstractItemModel>

namespace promdesk::ui {

// The history, newest first, read a page at a time as the view scrolls (fetchMore), whatever its
// size. A backfill is one row whose batches load when it is expanded. The filter runs in SQL over
// every entry, not over what happens to be loaded.
class HistoryModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        ColumnId,
        ColumnTime,
        ColumnProfile,
        ColumnOperation,
        ColumnRequest,
        ColumnOutcome,
        ColumnDuration,
        ColumnCount
    };
    static constexpr int kPageSize = 500;

    explicit HistoryModel(QObject *parent = nullptr);

    // The first page of what `filter` selects (its limit and paging are the model's own).
    void reload(HistoryDatabase *database, const HistoryFilter &filter);
    [[nodiscard]] const HistoryEntry &entry(int row) const { return m_rows.at(row).entry; }
    [[nodiscard]] const HistoryEntry *entryAt(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOf(qint64 id) const; // among what is loaded
    // An entry, loading what it takes: its backfill's batches, and up to `pages` more pages.
    QModelIndex find(qint64 id, qint64 parentId, int pages);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        HistoryEntry entry;
        QList<HistoryEntry> children;
        bool childrenLoaded = false;
    };
    [[nodiscard]] static bool isBackfill(const HistoryEntry &entry);
    [[nodiscard]] QList<HistoryEntry> page(const std::optional<std::pair<qint64, qint64>> &before) const;

    HistoryDatabase *m_database = nullptr;
    HistoryFilter m_filter;
    QList<Row> m_rows;
    bool m_more = false; // the last page read was full: there may be older entries
    bool m_resetting = false;
    bool m_fetching = false;
};

} // namespace promdesk::ui
