#include "remotewrite/BackfillSession.h"

#include "net/Redactor.h"
#include "util/Time.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackfillSession)
};

} // namespace

QString BackfillEnd::describe() const
{
    const BackfillProgress &p = progress;
    const qint64 samplesNow = p.samplesSent - p.samplesSentBefore;
    if (summary.sentBefore == 0) {
        //: %5 is a duration such as "2 min 5 s"
        return Tr::tr("Sent %1 of %2 requests (%3 of %4 samples) in %5, %6 retries.")
            .arg(summary.sent)
            .arg(p.requestsTotal)
            .arg(samplesNow)
            .arg(p.samplesTotal)
            .arg(formatDuration(summary.durationMs))
            .arg(p.retries);
    }
    //: %3 is a duration such as "2 min 5 s"
    return Tr::tr("Sent %1 requests (%2 samples) in %3, %4 retries; an earlier run had sent %5 (%6 samples): "
                  "%7 of %8 requests (%9 of %10 samples) are delivered.")
        .arg(summary.sent)
        .arg(samplesNow)
        .arg(formatDuration(summary.durationMs))
        .arg(p.retries)
        .arg(summary.sentBefore)
        .arg(p.samplesSentBefore)
        .arg(summary.sent + summary.sentBefore)
        .arg(p.requestsTotal)
        .arg(p.samplesSent)
        .arg(p.samplesTotal);
}

QList<int> BackfillEnd::resumePoints() const
{
    if (delivered())
        return {};
    if (summary.firstUnsentPerShard.size() <= 1)
        return {summary.firstUnsent + 1};
    QList<int> points;
    for (const int first : summary.firstUnsentPerShard)
        points << (first < 0 ? batchCount + 1 : first + 1);
    return points;
}

BackfillSession::BackfillSession(RemoteWriteClient *client, SeriesSet set, QList<Batch> batches, RequestTag tag,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tag(std::move(tag))
    , m_batchCount(int(batches.size()))
    , m_run(client, std::move(set), std::move(batches))
{
    m_tag.target = QStringLiteral("remote-write");
    connect(&m_run, &BackfillRun::batchFinished, this, [this](int, const WriteOutcome &outcome) {
        if (!m_firstRefusal && !outcome.ok() && outcome.result.category != ErrorCategory::Cancelled)
            m_firstRefusal = outcome;
    });
    connect(&m_run, &BackfillRun::finished, this, &BackfillSession::endPart);
}

BackfillSession::~BackfillSession()
{
    if (m_run.running()) {
        // The abort usually ends the run at once, and endPart completes the entry from its own
        // summary; a run still going (an answer it waits for) is summed up from its progress.
        m_closing = true;
        m_run.abort();
        if (m_partEntry.isOpen()) {
            const BackfillProgress &p = m_run.progress();
            BackfillSummary stopped;
            stopped.sent = p.requestsSent - p.requestsSentBefore;
            stopped.sentBefore = p.requestsSentBefore;
            stopped.cancelled = true;
            stopped.firstUnsent = m_run.firstUnsent();
            stopped.stopReason = m_closingReason;
            stopped.durationMs = m_partClock.elapsed();
            m_partEntry.complete(partResult(BackfillEnd{stopped, p, m_batchCount, m_firstRefusal}));
        }
    }
    m_run.disconnect(this);
}

void BackfillSession::start(const QList<int> &resumeFrom)
{
    if (m_run.running())
        return;
    beginPart();
    if (resumeFrom.size() > 1)
        m_run.startFrom(resumeFrom);
    else
        m_run.start(resumeFrom.value(0, 0));
}

void BackfillSession::beginPart()
{
    m_firstRefusal.reset();
    m_partClock.start();
    if (!m_partEntries) {
        m_client->setTag(m_tag);
        return;
    }
    RequestTag tag = m_tag;
    tag.operation = QStringLiteral("backfill");
    RequestTag batchTag = tag;
    batchTag.operation = QStringLiteral("backfill-batch");
    if (RequestRecorder *recorder = m_client->http()->recorder()) {
        HttpRequest summary = m_client->request({}, m_client->nextVersion());
        summary.tag = tag;
        m_partEntry = recorder->record(summary);
        recorder->pointAtParent(batchTag, m_partEntry);
    }
    m_client->setTag(batchTag);
}

void BackfillSession::endPart(const BackfillSummary &summary)
{
    BackfillEnd end{summary, m_run.progress(), m_batchCount, m_firstRefusal};
    if (m_closing) { // from the destructor's abort: recorded, told to no one
        end.summary.stopReason = m_closingReason;
        m_partEntry.complete(partResult(end));
        return;
    }
    m_partEntry.complete(partResult(end));
    emit finished(end);
}

HttpResult BackfillSession::partResult(const BackfillEnd &end) const
{
    // Done, or the first refusal with its status, or cancelled; the summary in words as its body.
    HttpResult result;
    result.category = end.delivered() ? ErrorCategory::None
        : end.firstRefusal            ? end.firstRefusal->result.category
                                      : ErrorCategory::Cancelled;
    result.status = end.delivered() ? 204 : end.firstRefusal ? end.firstRefusal->result.status : 0;
    result.durationMs = end.summary.durationMs;
    result.errorText = redactText(end.summary.stopReason, m_client->endpoint().credentials);
    result.body = end.describe().toUtf8();
    return result;
}

} // namespace promdesk
