#pragma once

#include "SentRequest.h"
#include "live/LiveJob.h"
#include "pushgateway/GroupingKey.h"
#include "pushgateway/PushgatewayClient.h"

#include <QPointer>

#include <QWidget>

#include <functional>

class QCheckBox;
class QFormLayout;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace promdesk::ui {

class ConsoleContext;
class LiveJobs;

// Push to the profile's Pushgateway: the grouping key (job + label rows, instance prefilled with
// this host's name) with the exact URL shown live, replace (PUT) or merge (POST), a preview of
// what the push will change, and the result with the server's own words.
class PushView final : public QWidget
{
    Q_OBJECT

public:
    // `draft` returns the metrics text to push (the Compose editor's).
    PushView(ConsoleContext *context, std::function<QByteArray()> draft, QWidget *parent = nullptr);

    // What the live controls say, set at once (a demonstration, the lab's live run).
    struct LiveChoice
    {
        bool toRemoteWrite = false;
        std::optional<double> everySeconds; // nothing: send once
        QStringList machines;
        bool sameGroup = false;
        bool verify = false;
    };
    void setLiveChoice(const LiveChoice &choice);

    // Live pushes: jobs start there, with the generators `generators` returns (Compose's table).
    void setLiveJobs(LiveJobs *jobs, std::function<QList<GeneratorAssignment>()> generators);

    [[nodiscard]] GroupingKey groupingKey() const;
    // What a live send would run, from the controls (destination, repeat, stop, machines);
    // nothing, with `error`, when they do not make one.
    [[nodiscard]] std::optional<LiveJobSpec> liveSpec(const MetricSet &draft, QString *error) const;
    // Whether Send starts a live job (repeat, remote write, machines or an arrival check) rather
    // than one push.
    [[nodiscard]] bool sendsLive() const;
    // Fills the job and label rows; an empty label value means this host's name.
    void setGroupingKey(const QString &job, const QList<Label> &labels);
    void preview();
    void send();
    // Sends a draft that has errors exactly as it is, after a confirmation that lists them: the
    // gateway's own verdict, kept in the history as any answer.
    void sendAnyway();
    // Stops the preview or push in flight; the pane says whether the gateway may have applied it.
    void cancel();

signals:
    void finished();             // a preview or a push ended; its text is in the result pane
    void jobStarted(int number); // a live job began: the Jobs view shows it
    // An answer that came after the view moved on (another profile, a newer request), in words.
    void notice(const QString &text);

private:
    void updateUrl();
    // Starts a request the pane will show: the earlier one's answer, if any comes, is late.
    quint64 begin(const QString &waitingText);
    void setWaiting(bool waiting);
    // Gets a client for the current profile; `use` runs only if the view is still at `epoch`.
    void withClient(quint64 epoch, const std::function<void(const std::shared_ptr<PushgatewayClient> &)> &use);
    void profileChanged();
    void showResult(const QString &text, bool error);
    std::optional<MetricSet> parsedDraft();
    bool confirmEmptyPush(const GroupingKey &key, PushMethod method);
    [[nodiscard]] QStringList draftErrors(const QByteArray &draft) const;
    using PushCall = std::function<HttpCall *(PushgatewayClient &, const GroupingKey &, const PushOptions &, QObject *,
                                              PushgatewayClient::Done)>;
    // Sends through `call` to the current profile's gateway, the pane showing the request and
    // then its answer (or, when the view has moved on, a notice).
    void startPush(const GroupingKey &key, const PushOptions &options, PushCall call);
    void buildLiveControls(QFormLayout *form);
    void updateLiveControls();
    void startLive(const MetricSet &draft);

    ConsoleContext *m_context;
    std::function<QByteArray()> m_draft;
    QLineEdit *m_job;
    QTableWidget *m_labels;
    QLabel *m_url;
    QRadioButton *m_replace;
    QRadioButton *m_merge;
    QPushButton *m_previewButton;
    QPushButton *m_sendButton;
    QPushButton *m_sendAnyway;
    QPushButton *m_cancelButton;
    QPlainTextEdit *m_result;
    ViewEpoch m_epoch;
    quint64 m_shown = 0;       // the epoch of what the pane shows
    bool m_waiting = false;    // for a secret or an answer
    bool m_urlUsable = false;  // the grouping key and the profile make a URL
    QPointer<HttpCall> m_call; // the shown request, while on its way
    LiveJobs *m_jobs = nullptr;
    std::function<QList<GeneratorAssignment>()> m_generators;
    QRadioButton *m_toGateway = nullptr;
    QRadioButton *m_toRemoteWrite = nullptr;
    QCheckBox *m_repeat = nullptr;
    QDoubleSpinBox *m_interval = nullptr;
    QComboBox *m_stopWhen = nullptr;
    QSpinBox *m_stopAfter = nullptr;
    QLineEdit *m_machines = nullptr;
    QCheckBox *m_sameGroup = nullptr;
    QCheckBox *m_verify = nullptr;
};

} // namespace promdesk::ui
