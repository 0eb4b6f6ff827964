#pragma once

#include "live/LiveJob.h"
#include "net/RequestRecorder.h"

namespace promdesk {

/// A repeating job's own history entry, as both front ends keep it: the request the job repeats
/// (jobEntryRequest), written when the job starts, each tick's entry under it, and completed when
/// the job ends with how it ended and its counters. Without a recorder nothing is recorded and
/// the ticks are only tagged. Dropped open, it says the job's pushes were not sent, with the
/// reason last given. Move-only, as the ticket it holds.
class LiveJobEntry
{
public:
    LiveJobEntry() = default;

    // Writes the entry through `recorder` (none: no entry) and tags the job's client, `gateway`
    // or `writer`, with `tag` pointing at it, so that each tick's entry sits under it. `tag`: the
    // profile's and anything else the entries carry; the entry's own operation ("job"), target
    // and grouping key (the first machine's) are set here.
    [[nodiscard]] static LiveJobEntry open(RequestRecorder *recorder, const LiveJobSpec &spec,
                                           PushgatewayClient *gateway, RemoteWriteClient *writer,
                                           const RequestTag &tag);

    [[nodiscard]] const RecordTicket &ticket() const { return m_ticket; }
    void setUnsentReason(const QString &why) { m_ticket.setUnsentReason(why); }
    void completeUnsent(const QString &why) { m_ticket.completeUnsent(why); }
    // Completes it with how the job ended and its counters ("all 10 ticks done: sent 20, ok 20,
    // failed 0, skipped 0"), its last status, and `outcome`: how the front end judges the run
    // (jobOutcome, or worse when arrival checks missed).
    void complete(const LiveJob &job, ErrorCategory outcome);

private:
    RecordTicket m_ticket;
};

// How a job went, as its entry says unless a front end knows worse: refused when the receiver
// refused it, failed when any of its requests failed, else fine.
ErrorCategory jobOutcome(const LiveJob &job);

} // namespace promdesk
