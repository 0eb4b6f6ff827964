#pragma once

#include "history/HistoryService.h"
#include "net/HttpClient.h"
#include "profiles/Profile.h"
#include "profiles/SecretStore.h"
#include "pushgateway/PushgatewayClient.h"
#include "remotewrite/RemoteWriteClient.h"

#include <QObject>

#include <memory>
#include <optional>

namespace promdesk::ui {

// What every view shares: the network client, the history recorder (on its own thread, never
// waited for), the keychain, and the profile in use. Views talk to the core through it.
class ConsoleContext final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleContext(const QString &historyPath, QObject *parent = nullptr);
    ~ConsoleContext() override;

    HttpClient &http() { return m_http; }
    HistoryService *history() { return m_history.get(); }
    SecretStore &keychain() { return m_keychain; }
    SecretStore &sessionSecrets() { return m_session; }

    [[nodiscard]] const std::optional<Profile> &profile() const { return m_profile; }
    void setProfile(std::optional<Profile> profile);

    // The secret of a profile (by default the current one): from this session's store if the
    // user chose that, otherwise from the keychain. Asynchronous. Every view that sends reads it
    // here, and every outcome is told through secretChecked.
    void readSecret(const Profile &profile, QObject *context, std::function<void(const SecretResult &)> done);
    void readSecret(QObject *context, std::function<void(const SecretResult &)> done);

    // A client for the profile's Pushgateway, its requests tagged with the profile's name.
    // The callbacks given to the client keep it alive.
    [[nodiscard]] std::shared_ptr<PushgatewayClient> gatewayClient(const Profile &profile, const SecretResult &secret);
    // Runs `use` with a client for the current profile's Pushgateway, its secret read first. When
    // there is no such profile or its secret cannot be read, `failed` gets the reason instead.
    void withGateway(QObject *owner, std::function<void(const QString &reason)> failed,
                     std::function<void(const std::shared_ptr<PushgatewayClient> &)> use);
    // The same for remote write: the profile's receiver, with its secret. `maxAttempts` replaces
    // the spec's retries when given (a repeating job backs off between ticks by itself).
    [[nodiscard]] std::shared_ptr<RemoteWriteClient> writeClient(const Profile &profile, const SecretResult &secret,
                                                                 std::optional<int> maxAttempts = std::nullopt);
    void withRemoteWrite(QObject *owner, std::function<void(const QString &reason)> failed,
                         std::function<void(const std::shared_ptr<RemoteWriteClient> &)> use);

signals:
    void profileChanged();
    void requestRecorded(); // something was sent: the history view refreshes
    // What reading a profile's secret found (available, missing, locked, …): the sidebar shows it.
    void secretChecked(const QString &profileId, const promdesk::SecretResult &result);
    // The history could not record (requests still go out), or its damaged file was moved aside.
    void historyProblem(const QString &problem);

private:
    // The current profile's secret for `use`; `missingUrl` names the URL the profile lacks (empty:
    // it has it). A failure is told to `failed` in words.
    void withSecret(QObject *owner, const QString &missingUrl, std::function<void(const QString &)> failed,
                    std::function<void(const Profile &, const SecretResult &)> use);

    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<RequestRecorder> m_recorder;
    // After the history and its recorder: it goes first, so a request it ends on the way out
    // still reaches them.
    HttpClient m_http;
    KeychainSecretStore m_keychain;
    MemorySecretStore m_session;
    std::optional<Profile> m_profile;
};

} // namespace promdesk::ui
