#pragma once

#include "SentRequest.h"
#include "pushgateway/GroupingKey.h"

#include "pushgateway/GatewayGroups.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;

namespace promdesk::ui {

class ConsoleContext;

// The live groups of the profile's Pushgateway as a tree (job → grouping key) with the last push
// time, its age and a mark on failed pushes; filter by text and by "not pushed for longer than";
// the selected group's metrics; delete the selected groups (one DELETE each, after one
// confirmation) and wipe through the admin API after the gateway's address is typed.
class GroupsView final : public QWidget
{
    Q_OBJECT

public:
    explicit GroupsView(ConsoleContext *context, QWidget *parent = nullptr);

    void refresh();
    void deleteSelected();
    // Deletes the groups not pushed for longer than the age chosen and matching the selector
    // typed (either may be left out, not both), after showing the exact list.
    void deleteMatching();
    void wipe();
    QTreeWidget *tree() const { return m_tree; }
    QString status() const;

signals:
    void refreshed();
    void deleted(int groups);
    // An answer that came after the profile changed, in words (a delete's or a wipe's).
    void notice(const QString &text);

private:
    void rebuild();
    void showSelected();
    void refreshAges();
    // Asks once, naming each group (`names`: a line each), then deletes them one DELETE each.
    void deleteGroups(const QList<GroupingKey> &keys, const QStringList &names);
    void refreshUntilGone(const QList<GroupingKey> &keys, int checksLeft);
    void setStatus(const QString &text);

    ConsoleContext *m_context;
    GatewayGroups m_groups;
    QLineEdit *m_filter;
    QSpinBox *m_staleMinutes;
    QLineEdit *m_match;
    QTimer m_ageTicker;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_details;
    QString m_status;
    // Moves on when the profile changes: the old profile's answers are not this view's any more.
    ViewEpoch m_epoch;
    quint64 m_shown = 0;
};

} // namespace promdesk::ui
