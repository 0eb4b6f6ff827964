#pragma once

#include "remotewrite/BackfillRun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

namespace promdesk {

/// How one part of a backfill (a start, or a resume) ended, as both front ends report it.
struct BackfillEnd
{
    BackfillSummary summary;
    BackfillProgress progress;
    int batchCount = 0;
    std::optional<WriteOutcome> firstRefusal; // the first batch the receiver refused, if one was

    [[nodiscard]] bool delivered() const { return summary.firstUnsent < 0; }
    // "Sent 7 of 10 requests (…) in 1.2 s, 0 retries.": what this part sent and, apart from it,
    // what an earlier part had sent, so a resumed backfill never claims another part's requests.
    [[nodiscard]] QString describe() const;
    // Where to resume, 1-based: one batch number, or one per shard when shards ran in parallel
    // (another shard may have delivered batches after the first unsent one; a shard that sent
    // everything is one past the last batch). Empty when everything was delivered.
    [[nodiscard]] QList<int> resumePoints() const;
};

/// One backfill as the CLI and the console run it: the run over a plan's batches, and for each
/// part of it (the start, each resume) a history entry of its own with that part's batches under
/// it, completed from how the part ended (the first refusal's status and words, or "cancelled").
/// The entry goes through the client's recorder (none: nothing is recorded).
class BackfillSession final : public QObject
{
    Q_OBJECT

public:
    // `client` must outlive the session (its destructor completes the part's entry through it).
    // `tag`: the profile and anything else the entries carry; operation and target are set here.
    BackfillSession(RemoteWriteClient *client, SeriesSet set, QList<Batch> batches, RequestTag tag,
                    QObject *parent = nullptr);
    // A part still going is aborted, and its entry completed with the closing reason.
    ~BackfillSession() override;

    // Starts a part from `resumeFrom` (0-based: one batch for all shards, or one per shard). A
    // session whose last part stopped resumes the same run: nothing delivered is sent again.
    void start(const QList<int> &resumeFrom = {});
    void cancel() { m_run.cancel(); }
    void abort() { m_run.abort(); }
    // Without part entries each batch is an entry of its own, as a plain write's requests are.
    void setPartEntries(bool on) { m_partEntries = on; }
    // What the entry of a part cut short by the session's end says (default: "stopped before the
    // backfill ended").
    void setClosingReason(const QString &reason) { m_closingReason = reason; }

    // For progress and each batch's outcome; its `finished` is the session's to handle.
    [[nodiscard]] BackfillRun &run() { return m_run; }
    [[nodiscard]] const BackfillRun &run() const { return m_run; }

signals:
    void finished(const promdesk::BackfillEnd &end);

private:
    void beginPart();
    void endPart(const BackfillSummary &summary);
    [[nodiscard]] HttpResult partResult(const BackfillEnd &end) const;

    RemoteWriteClient *m_client;
    RequestTag m_tag;
    int m_batchCount;
    BackfillRun m_run;
    bool m_partEntries = true;
    bool m_closing = false; // in the destructor: a part that ends now is not reported
    QElapsedTimer m_partClock;
    RecordTicket m_partEntry;
    std::optional<WriteOutcome> m_firstRefusal;
    QString m_closingReason = QCoreApplication::translate("BackfillSession", "stopped before the backfill ended");
};

} // namespace promdesk
