#pragma once

#include "HistoryModel.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace promdesk::ui {

class ConsoleContext;

// The request history: a sortable table of the newest requests, failures only on demand, and
// the selected one in full — request decoded, answer verbatim — with "Copy as curl".
class HistoryView final : public QWidget
{
    Q_OBJECT

public:
    HistoryView(ConsoleContext *context, const QString &historyPath, QWidget *parent = nullptr);
    ~HistoryView() override;

    void reload();
    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString details() const;
    QString curlForSelected() const;

private:
    void showSelected();

    QString m_path;
    std::unique_ptr<HistoryDatabase> m_database; // reads only; writes happen on the history thread
    HistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QCheckBox *m_failedOnly;
    QPlainTextEdit *m_details;
    QTimer m_refresh;
};

} // namespace promdesk::ui
