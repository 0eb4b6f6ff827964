#pragma once

#include "live/ArrivalCheck.h"
#include "live/LiveJob.h"

#include <QObject>

namespace promdesk {

// The probe for one answered tick: the tick's generated series with the value it carried (for
// remote write at the tick's time), or, for a Pushgateway push without a generated series, the
// group's push_time_seconds from the send time on. Nothing when there is nothing to look for.
std::optional<ArrivalProbe> arrivalProbeFor(const LiveJobSpec &spec, const TickReport &report, const QUrl &gatewayUrl);

/// Checks that each answered tick of a job arrived, and keeps what it found: latencies (for the
/// panel's chart and the summary's p50/p99), how many never showed, and each tick's verdict in
/// its history entry. At most four checks per machine at a time: a tick that finds them busy is
/// counted as not checked rather than piling up queries.
class ArrivalTracker final : public QObject
{
    Q_OBJECT

public:
    ArrivalTracker(LiveJob *job, QueryEndpoint endpoint, QUrl gatewayUrl, qint64 timeoutMs, QObject *parent = nullptr);
    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    // Where each tick's verdict goes: the recorder that recorded the job's requests (not owned).
    void setRecorder(RequestRecorder *recorder) { m_recorder = recorder; }

    [[nodiscard]] qint64 checked() const { return m_arrived + m_missing; }
    [[nodiscard]] qint64 arrived() const { return m_arrived; }
    [[nodiscard]] qint64 missing() const { return m_missing; }
    [[nodiscard]] qint64 notChecked() const { return m_notChecked; }
    [[nodiscard]] qint64 pending() const;
    [[nodiscard]] const QList<qint64> &latencies() const { return m_latencies; } // ms, latest last (bounded)
    [[nodiscard]] std::optional<qint64> percentile(double p) const;
    [[nodiscard]] const ArrivalResult &last() const { return m_last; }
    [[nodiscard]] QString lastVerdict() const { return m_lastVerdict; }
    // Cancels the checks under way and checks no later tick (a run that ends).
    void cancelAll();

signals:
    void checkedTick(const promdesk::TickReport &report, const promdesk::ArrivalResult &result);
    void idle(); // nothing pending any more

private:
    void onAnswered(const TickReport &report);

    LiveJob *m_job;
    QueryEndpoint m_endpoint;
    QUrl m_gatewayUrl;
    qint64 m_timeoutMs;
    int m_pollMs = 250;
    RequestRecorder *m_recorder = nullptr;
    bool m_closed = false; // cancelAll() was called
    HttpClient m_http;     // the queries are not entries of their own: each verdict goes into its tick's
    QHash<QString, int> m_pendingPerMachine;
    QList<ArrivalCheck *> m_checks;
    QList<qint64> m_latencies;
    qint64 m_arrived = 0;
    qint64 m_missing = 0;
    qint64 m_notChecked = 0;
    ArrivalResult m_last;
    QString m_lastVerdict;
};

} // namespace promdesk
