#pragma once

#include "pushgateway/GroupingKey.h"
#include "pushgateway/PushgatewayClient.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace promdesk::ui {

class ConsoleContext;

// Push to the profile's Pushgateway: the grouping key (job + label rows, instance prefilled with
// this host's name) with the exact URL shown live, replace (PUT) or merge (POST), a preview of
// what the push will change, and the result with the server's own words.
class PushView final : public QWidget
{
    Q_OBJECT

public:
    // `draft` returns the metrics text to push (the Compose editor's).
    PushView(ConsoleContext *context, std::function<QByteArray()> draft, QWidget *parent = nullptr);

    [[nodiscard]] GroupingKey groupingKey() const;
    // Fills the job and label rows; an empty label value means this host's name.
    void setGroupingKey(const QString &job, const QList<Label> &labels);
    void preview();
    void send();

signals:
    void finished(); // a preview or a push ended; its text is in the result pane

private:
    void updateUrl();
    void withClient(const std::function<void(const std::shared_ptr<PushgatewayClient> &)> &use);
    void showResult(const QString &text, bool error);
    std::optional<MetricSet> parsedDraft();
    bool confirmEmptyPush(const GroupingKey &key, PushMethod method);

    ConsoleContext *m_context;
    std::function<QByteArray()> m_draft;
    QLineEdit *m_job;
    QTableWidget *m_labels;
    QLabel *m_url;
    QRadioButton *m_replace;
    QRadioButton *m_merge;
    QPushButton *m_previewButton;
    QPushButton *m_sendButton;
    QPlainTextEdit *m_result;
};

} // namespace promdesk::ui
