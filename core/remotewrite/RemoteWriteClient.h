#pragma once

#include "net/HttpClient.h"
#include "remotewrite/Batcher.h"
#include "remotewrite/RetryPolicy.h"
#include "remotewrite/WriteEndpoint.h"
#include "remotewrite/WriteRequestCodec.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace promdesk {

/// How one remote-write batch ended, after its retries: the last answer and what was tried.
struct WriteOutcome
{
    HttpResult result; // the last attempt's answer, body verbatim
    int attempts = 0;
    RemoteWriteVersion sentAs = RemoteWriteVersion::V1;
    bool fellBackToV1 = false;
    QString note;                         // why it stopped or fell back, in plain words
    std::optional<qint64> samplesWritten; // 2.0 receivers say so in X-Prometheus-Remote-Write-Samples-Written

    [[nodiscard]] bool ok() const { return result.ok(); }
};

class RemoteWriteClient;

/// One batch being sent, with its retries. Deletes itself after `finished`.
class WriteCall final : public QObject
{
    Q_OBJECT

public:
    void cancel();
    // Nothing of this call is on the wire: its first attempt is still queued, or it waits to retry.
    [[nodiscard]] bool idle() const { return m_call.isNull(); }
    // The first attempt's history entry, written ahead by the caller for this version's body: the
    // first attempt is sent with it; a cancel before that completes it as not sent.
    void setFirstAttemptTicket(RecordTicket written) { m_firstAttemptTicket = std::move(written); }
    // The recorder's id for the latest attempt (0: none recorded yet).
    [[nodiscard]] qint64 recordId() const { return m_lastRecordId; }

signals:
    void retrying(int attempt, int delayMs, const QString &reason);
    void finished(const promdesk::WriteOutcome &outcome);

private:
    friend class RemoteWriteClient;
    using Encoder = std::function<QByteArray(RemoteWriteVersion)>;
    WriteCall(RemoteWriteClient *client, Encoder encode, QObject *parent);
    const QByteArray &body(RemoteWriteVersion version);
    void attempt();
    void handle(const HttpResult &result);
    void finish(WriteOutcome outcome);

    RemoteWriteClient *m_client;
    Encoder m_encode;
    QByteArray m_bodies[2]; // encoded on first use: a 2.0 run that falls back needs both
    RemoteWriteVersion m_version;
    QPointer<HttpCall> m_call;
    QTimer m_retryTimer;
    qint64 m_startedMs = 0;
    int m_attempts = 0;
    RecordTicket m_firstAttemptTicket;
    qint64 m_lastRecordId = 0;
    bool m_fellBack = false;
    bool m_cancelled = false;
    QString m_note;
};

/// Sends remote-write batches: headers exactly as the spec says (the user cannot override them),
/// retries by the spec, and the 2.0 → 1.0 fallback remembered per receiver.
class RemoteWriteClient final : public QObject
{
    Q_OBJECT

public:
    RemoteWriteClient(WriteEndpoint endpoint, HttpClient *http, QObject *parent = nullptr);

    [[nodiscard]] HttpRequest request(const QByteArray &body, RemoteWriteVersion version) const;
    // A batch of a set: the encoder, shared by the set's batches, converts the labels once.
    WriteCall *send(std::shared_ptr<const WriteRequestEncoder> encoder, const Batch &batch);
    WriteCall *send(const SeriesSet &set); // everything in one request
    // A body made by the caller, for the version the call asks for (it may ask for both when a
    // 2.0 receiver falls back to 1.0).
    WriteCall *send(std::function<QByteArray(RemoteWriteVersion)> encode);
    // The version a call started now begins with.
    [[nodiscard]] RemoteWriteVersion nextVersion() const;

    [[nodiscard]] const WriteEndpoint &endpoint() const { return m_endpoint; }
    [[nodiscard]] HttpClient *http() const { return m_http; }
    [[nodiscard]] bool v2Unsupported() const { return m_v2Unsupported; }
    // Added to every request's tag, for the history (profile, operation, the backfill it belongs to).
    void setTag(const RequestTag &tag) { m_tag = tag; }
    [[nodiscard]] const RequestTag &tag() const { return m_tag; }

private:
    friend class WriteCall;
    WriteCall *start(WriteCall::Encoder encode);

    WriteEndpoint m_endpoint;
    HttpClient *m_http;
    bool m_v2Unsupported = false;
    QRandomGenerator m_random;
    RequestTag m_tag;
};

} // namespace promdesk
