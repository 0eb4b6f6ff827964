#include "ConsoleContext.h"

namespace promdesk::ui {

namespace {

// Tells the context whenever a request finished, after handing it to the history.
class NotifyingRecorder final : public ServiceRecorder
{
public:
    NotifyingRecorder(HistoryService *history, ConsoleContext *context)
        : ServiceRecorder(history, false)
        , m_context(context)
    {}
    void arrivalChecked(qint64 id, std::optional<qint64> latencyMs, const QString &verdict) override
    {
        ServiceRecorder::arrivalChecked(id, latencyMs, verdict);
        emit m_context->requestRecorded();
    }

protected:
    void finished(qint64 id, const HttpResult &result) override
    {
        ServiceRecorder::finished(id, result);
        emit m_context->requestRecorded();
    }

private:
    ConsoleContext *m_context;
};

} // namespace

ConsoleContext::ConsoleContext(const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_history(std::make_unique<HistoryService>(historyPath, HistoryDatabase::Check::Pages))
{
    const auto tellProblem = [this] {
        // Taking it lets the next failure be told too.
        if (const QString problem = m_history->takeWriteProblem(); !problem.isEmpty())
            emit historyProblem(problem);
    };
    connect(m_history.get(), &HistoryService::problemNoted, this, tellProblem);
    // The history thread may have found a problem (a damaged file, moved aside) before the
    // connection above was made: look once more, after it.
    QMetaObject::invokeMethod(this, tellProblem, Qt::QueuedConnection);
    m_recorder = std::make_unique<NotifyingRecorder>(m_history.get(), this);
    m_http.setRecorder(m_recorder.get());
}

ConsoleContext::~ConsoleContext()
{
    m_http.setRecorder(nullptr);
}

void ConsoleContext::setProfile(std::optional<Profile> profile)
{
    m_profile = std::move(profile);
    emit profileChanged();
}

void ConsoleContext::readSecret(QObject *context, std::function<void(const SecretResult &)> done)
{
    if (!m_profile) {
        QMetaObject::invokeMethod(
            context, [done] { done(SecretResult{}); }, Qt::QueuedConnection);
        return;
    }
    readSecret(*m_profile, context, std::move(done));
}

void ConsoleContext::readSecret(const Profile &profile, QObject *context,
                                std::function<void(const SecretResult &)> done)
{
    readProfileSecret(m_session, m_keychain, profile, context,
                      [this, id = profile.id, done = std::move(done)](const SecretResult &result) {
                          emit secretChecked(id, result);
                          done(result);
                      });
}

std::shared_ptr<PushgatewayClient> ConsoleContext::gatewayClient(const Profile &profile, const SecretResult &secret)
{
    auto client = std::make_shared<PushgatewayClient>(gatewayEndpoint(profile, secret.secret, secret.headers), &m_http);
    RequestTag tag;
    tag.profile = profile.name;
    client->setTag(tag);
    return client;
}

void ConsoleContext::withGateway(QObject *owner, std::function<void(const QString &)> failed,
                                 std::function<void(const std::shared_ptr<PushgatewayClient> &)> use)
{
    const bool hasUrl = m_profile && !m_profile->pushgatewayUrl.isEmpty();
    withSecret(owner, hasUrl ? QString() : tr("Pushgateway URL"), std::move(failed),
               [this, use = std::move(use)](const Profile &profile, const SecretResult &secret) {
                   use(gatewayClient(profile, secret));
               });
}

std::shared_ptr<RemoteWriteClient> ConsoleContext::writeClient(const Profile &profile, const SecretResult &secret,
                                                               std::optional<int> maxAttempts)
{
    WriteEndpoint endpoint = writeEndpoint(profile, secret.secret, secret.headers);
    if (maxAttempts)
        endpoint.retry.maxAttempts = *maxAttempts;
    auto client = std::make_shared<RemoteWriteClient>(endpoint, &m_http);
    RequestTag tag;
    tag.profile = profile.name;
    client->setTag(tag);
    return client;
}

void ConsoleContext::withRemoteWrite(QObject *owner, std::function<void(const QString &)> failed,
                                     std::function<void(const std::shared_ptr<RemoteWriteClient> &)> use)
{
    const bool hasUrl = m_profile && !m_profile->remoteWriteUrl.isEmpty();
    withSecret(owner, hasUrl ? QString() : tr("remote write URL"), std::move(failed),
               [this, use = std::move(use)](const Profile &profile, const SecretResult &secret) {
                   use(writeClient(profile, secret));
               });
}

void ConsoleContext::withSecret(QObject *owner, const QString &missingUrl, std::function<void(const QString &)> failed,
                                std::function<void(const Profile &, const SecretResult &)> use)
{
    if (!m_profile || !missingUrl.isEmpty()) {
        failed(m_profile
                   ? tr("Profile '%1' has no %2; add one in the profile's settings.").arg(m_profile->name, missingUrl)
                   : tr("Choose a profile first."));
        return;
    }
    const Profile profile = *m_profile;
    readSecret(profile, owner, [profile, failed = std::move(failed), use = std::move(use)](const SecretResult &secret) {
        if (!secret.ok()) {
            failed(tr("The secret of profile '%1' is not available: %2").arg(profile.name, secret.message));
            return;
        }
        use(profile, secret);
    });
}

} // namespace promdesk::ui
