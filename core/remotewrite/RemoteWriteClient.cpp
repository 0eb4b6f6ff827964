#include "remotewrite/RemoteWriteClient.h"

#include <QCoreApplication>
#include <QDateTime>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemoteWriteClient)
};

const QByteArray kSamplesWritten = "X-Prometheus-Remote-Write-Samples-Written";
const QByteArray kHistogramsWritten = "X-Prometheus-Remote-Write-Histograms-Written";
const QByteArray kExemplarsWritten = "X-Prometheus-Remote-Write-Exemplars-Written";

bool hasWrittenHeaders(const HttpResult &result)
{
    return !result.header(kSamplesWritten).isEmpty() || !result.header(kHistogramsWritten).isEmpty()
        || !result.header(kExemplarsWritten).isEmpty();
}

} // namespace

WriteCall::WriteCall(RemoteWriteClient *client, Encoder encode, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_encode(std::move(encode))
    , m_version(client->nextVersion())
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WriteCall::attempt);
}

void WriteCall::cancel()
{
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_call) {
        m_call->cancel(); // its finished signal completes this call
        return;
    }
    m_firstAttemptTicket.completeUnsent(Tr::tr("cancelled before the first attempt"));
    WriteOutcome outcome;
    outcome.result.category = ErrorCategory::Cancelled;
    outcome.result.errorText = QStringLiteral("cancelled");
    outcome.attempts = m_attempts;
    outcome.note = Tr::tr("cancelled before the next attempt");
    finish(outcome);
}

const QByteArray &WriteCall::body(RemoteWriteVersion version)
{
    QByteArray &body = m_bodies[version == RemoteWriteVersion::V2 ? 1 : 0];
    if (body.isEmpty())
        body = m_encode(version);
    return body;
}

void WriteCall::attempt()
{
    if (m_cancelled)
        return; // cancelled while this attempt was queued: nothing goes out
    ++m_attempts;
    HttpRequest request = m_client->request(body(m_version), m_version);
    request.tag.attempt = m_attempts;
    if (m_attempts > 1)
        request.headers.append({QByteArray("Retry-Attempt"), QByteArray::number(m_attempts - 1)});
    m_call = m_attempts == 1 ? m_client->m_http->send(request, std::move(m_firstAttemptTicket))
                             : m_client->m_http->send(request);
    m_lastRecordId = m_call->recordId();
    connect(m_call, &HttpCall::finished, this, &WriteCall::handle);
}

void WriteCall::handle(const HttpResult &result)
{
    m_call = nullptr;
    if (m_version == RemoteWriteVersion::V2 && (result.status == 415 || (result.ok() && !hasWrittenHeaders(result)))) {
        // A 1.x receiver reads 2.0 bytes as an empty 1.0 request and still says 2xx; the spec says
        // to treat that as 415 and send 1.0. Remember it for this receiver.
        m_client->m_v2Unsupported = true;
        m_version = RemoteWriteVersion::V1;
        m_fellBack = true;
        m_note = result.status == 415
            ? Tr::tr("the receiver does not take remote write 2.0 (HTTP 415); sent as 1.0")
            : Tr::tr("the receiver answered %1 without X-Prometheus-Remote-Write-*-Written headers, so it does "
                     "not speak 2.0 (nothing was stored); sent as 1.0")
                  .arg(result.status);
        attempt();
        return;
    }
    if (m_cancelled) {
        WriteOutcome outcome;
        outcome.result = result;
        outcome.result.category = ErrorCategory::Cancelled;
        outcome.attempts = m_attempts;
        outcome.note = QStringLiteral("cancelled");
        finish(outcome);
        return;
    }
    const RetryPolicy::Decision decision = m_client->m_endpoint.retry.decide(
        result, m_attempts, QDateTime::currentMSecsSinceEpoch() - m_startedMs, m_client->m_random);
    if (decision.retry) {
        emit retrying(m_attempts + 1, decision.delayMs, decision.reason);
        m_retryTimer.start(decision.delayMs);
        return;
    }
    WriteOutcome outcome;
    outcome.result = result;
    outcome.attempts = m_attempts;
    outcome.sentAs = m_version;
    outcome.fellBackToV1 = m_fellBack;
    //: Joins two notes about a remote write: how it was sent, then why it was not retried
    outcome.note = result.ok() ? m_note
        : m_note.isEmpty()     ? decision.reason
                               : Tr::tr("%1; %2").arg(m_note, decision.reason);
    if (m_version == RemoteWriteVersion::V2 && !result.header(kSamplesWritten).isEmpty())
        outcome.samplesWritten = result.header(kSamplesWritten).toLongLong();
    finish(outcome);
}

void WriteCall::finish(WriteOutcome outcome)
{
    emit finished(outcome);
    deleteLater();
}

RemoteWriteClient::RemoteWriteClient(WriteEndpoint endpoint, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_http(http)
    , m_random(QRandomGenerator::securelySeeded())
{}

HttpRequest RemoteWriteClient::request(const QByteArray &body, RemoteWriteVersion version) const
{
    HttpRequest request;
    request.method = "POST";
    request.url = m_endpoint.url;
    request.body = body;
    request.credentials = m_endpoint.credentials;
    request.tls = m_endpoint.tls;
    request.timeoutMs = m_endpoint.timeoutMs;
    request.proxy = m_endpoint.proxy;
    request.tag = m_tag;
    request.tag.target = QStringLiteral("remote-write");
    if (request.tag.operation.isEmpty())
        request.tag.operation = QStringLiteral("write");
    request.headers = withoutReservedHeaders(m_endpoint.extraHeaders);
    request.headers += HttpHeaders{
        {"Content-Encoding", "snappy"},
        {"Content-Type", version == RemoteWriteVersion::V2 ? kRemoteWriteV2ContentType : kRemoteWriteV1ContentType},
        {"X-Prometheus-Remote-Write-Version", version == RemoteWriteVersion::V2 ? "2.0.0" : "0.1.0"},
        {"User-Agent", QByteArrayLiteral("PromDesk/" PROMDESK_VERSION)},
    };
    return request;
}

RemoteWriteVersion RemoteWriteClient::nextVersion() const
{
    return m_endpoint.version == RemoteWriteVersion::V2 && !m_v2Unsupported ? RemoteWriteVersion::V2
                                                                            : RemoteWriteVersion::V1;
}

WriteCall *RemoteWriteClient::send(std::function<QByteArray(RemoteWriteVersion)> encode)
{
    return start(std::move(encode));
}

WriteCall *RemoteWriteClient::start(WriteCall::Encoder encode)
{
    auto *call = new WriteCall(this, std::move(encode), this);
    // Start on the next turn of the event loop, so the caller can connect to the signals first.
    QTimer::singleShot(0, call, &WriteCall::attempt);
    return call;
}

WriteCall *RemoteWriteClient::send(std::shared_ptr<const WriteRequestEncoder> encoder, const Batch &batch)
{
    return start(
        [encoder = std::move(encoder), batch](RemoteWriteVersion version) { return encoder->encode(batch, version); });
}

WriteCall *RemoteWriteClient::send(const SeriesSet &set)
{
    // SeriesSet shares its data: holding a copy until the call ends is cheap and keeps it valid.
    return start([set](RemoteWriteVersion version) { return encodeWriteRequest(set, version); });
}

} // namespace promdesk
