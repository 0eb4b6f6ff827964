#pragma once

#include "net/HttpTypes.h"

#include <QString>

#include <optional>

namespace promdesk {

class RecordTicket;

/// Told about every request before it goes out and when its answer comes: the history. The
/// entry is written before sending so that a crash still leaves a trace; a RecordTicket stands for
/// it until it is complete. `record` and `recordAhead` may be called from any thread (a backfill
/// records its next batch while it encodes it).
class RequestRecorder
{
public:
    virtual ~RequestRecorder() = default;
    // Writes the request's entry now.
    [[nodiscard]] RecordTicket record(const HttpRequest &request);
    // The same for a request told of ahead, off the sending thread, while an earlier one is on
    // the wire: the recorder can wait for its body to be stored too, not only for its entry.
    [[nodiscard]] RecordTicket recordAhead(const HttpRequest &request);
    // Makes `tag` (a request's to come) point at the entry `parent` stands for, its parent in the
    // history (a backfill's batches sit under the backfill's entry).
    virtual void pointAtParent(RequestTag &tag, const RecordTicket &parent) const;
    // What a live push's arrival check found for the request entry `id` stands for, after its
    // answer: how long until a query showed the data (nothing: it never did) and the verdict.
    virtual void arrivalChecked(qint64 id, std::optional<qint64> latencyMs, const QString &verdict)
    {
        Q_UNUSED(id);
        Q_UNUSED(latencyMs);
        Q_UNUSED(verdict);
    }

protected:
    friend class RecordTicket;
    virtual qint64 started(const HttpRequest &request) = 0;
    virtual qint64 startedAhead(const HttpRequest &request) { return started(request); }
    virtual void finished(qint64 id, const HttpResult &result) = 0;
};

// What an entry says of a request that never went out.
HttpResult notSent(const QString &why);

/// One history entry written before its request went out, owned by whoever will send it or give
/// up on it. It is completed exactly once: by `complete` with the answer (HttpClient does, for
/// the request it sends with it), by `completeUnsent`, or, when it is dropped still open, as not
/// sent with the reason last given (setUnsentReason). So no entry stays "unknown" unless the
/// process is killed. Move-only; the recorder must outlive it. An empty ticket (no recorder)
/// records nothing.
class RecordTicket
{
public:
    RecordTicket() = default;
    ~RecordTicket();
    RecordTicket(RecordTicket &&other) noexcept;
    RecordTicket &operator=(RecordTicket &&other) noexcept;
    RecordTicket(const RecordTicket &) = delete;
    RecordTicket &operator=(const RecordTicket &) = delete;

    // Still to be completed.
    [[nodiscard]] bool isOpen() const { return m_recorder != nullptr; }
    // The recorder's id for the entry (0: none), kept after completion for later notes on it
    // (RequestRecorder::arrivalChecked).
    [[nodiscard]] qint64 id() const { return m_id; }
    void setUnsentReason(const QString &why) { m_unsentReason = why; }
    void complete(const HttpResult &result);
    void completeUnsent(const QString &why) { complete(notSent(why)); }

private:
    friend class RequestRecorder;
    RecordTicket(RequestRecorder *recorder, qint64 id);

    RequestRecorder *m_recorder = nullptr;
    qint64 m_id = 0;
    QString m_unsentReason = QStringLiteral("given up before it was sent");
};

} // namespace promdesk
