#pragma once

#include "HistoryModel.h"
#include "profiles/Profile.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

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
    QTreeView *table() const { return m_table; }
    // Shows only the entries whose profile, URL, grouping key, operation, status, outcome or
    // error contains this (any case), searched over the whole history.
    void setFilterText(const QString &text);
    // Writes the selected request as a shell script that repeats it with curl, its body in a
    // file beside it; returns the script's path ("" when nothing was written).
    QString saveCurlScript(const QString &directory);
    QString details() const;
    QString curlForSelected() const;
    // Sends the selected request again, to its own profile or the one chosen beside the button;
    // the new attempt is a new entry pointing at the old one.
    void resendSelected();
    QComboBox *resendTarget() const { return m_resendTarget; }
    QString resendStatus() const;

signals:
    void resent(bool ok);

private:
    void showSelected();
    void fillResendTargets();
    [[nodiscard]] QList<Profile> knownProfiles() const;

    ConsoleContext *m_context;
    QString m_path;
    std::unique_ptr<HistoryDatabase> m_database; // reads only; writes happen on the history thread
    HistoryModel *m_model;
    QTreeView *m_table;
    QTimer m_filterDelay; // the search runs once typing pauses
    QCheckBox *m_failedOnly;
    QLineEdit *m_filter;
    QPlainTextEdit *m_details;
    QComboBox *m_resendTarget;
    QPushButton *m_resendButton;
    QLabel *m_resendStatus;
    QTimer m_refresh;
};

} // namespace promdesk::ui
