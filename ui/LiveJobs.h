#pragma once

#include "live/ArrivalTracker.h"
#include "live/LiveJob.h"
#include "live/LiveJobEntry.h"
#include "profiles/Profile.h"
#include "profiles/SecretStore.h"

#include <QObject>

#include <memory>

namespace promdesk::ui {

class ConsoleContext;

// The console's live jobs: each with its own client for its profile, its arrival checks, and
// one history entry with its ticks under it. Several run at once; each goes on whatever view is
// shown or profile is chosen.
class LiveJobs final : public QObject
{
    Q_OBJECT

public:
    struct Job
    {
        int number = 0; // shown as "#3", in order of start
        QString profile;
        QString description; // "db_backup to the Pushgateway every 2 s, 3 machines"
        std::shared_ptr<PushgatewayClient> gateway;
        std::shared_ptr<RemoteWriteClient> writer;
        std::unique_ptr<LiveJob> job;
        std::unique_ptr<ArrivalTracker> arrival; // none without a query URL or when not asked
        LiveJobEntry entry;                      // the job's own history entry, its ticks under it
    };

    explicit LiveJobs(ConsoleContext *context, QObject *parent = nullptr);
    ~LiveJobs() override;

    // Starts `spec` for `profile` (its secret already read). `verify`: check each tick's arrival
    // through the profile's query URL. Returns the job's number, or 0 with `error` set.
    int start(LiveJobSpec spec, const Profile &profile, const SecretResult &secret, bool verify, QString *error);

    [[nodiscard]] const std::vector<std::unique_ptr<Job>> &jobs() const { return m_jobs; }
    [[nodiscard]] Job *find(int number) const;
    [[nodiscard]] int running() const; // not finished yet (paused ones included)
    // Stops every job: no new tick; the requests on the wire get their answers (up to their
    // timeout); allFinished() once none is left.
    void stopAll();
    // Cancels what every job has on the wire (its entry says so) and finishes them now.
    void abortAll();
    // Removes the finished jobs whose arrival checks are done from the list (their history stays).
    void clearFinished();

signals:
    void added(int number);
    void changed(int number);
    void allFinished();

private:
    void finished(Job &job);

    ConsoleContext *m_context;
    std::vector<std::unique_ptr<Job>> m_jobs;
    int m_next = 1;
};

QString describeSpec(const LiveJobSpec &spec);

} // namespace promdesk::ui
