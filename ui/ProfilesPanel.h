#pragma once

#include "profiles/Profile.h"
#include "profiles/SecretStore.h"

#include <QWidget>

#include <memory>

class QListWidget;
class QPushButton;

namespace promdesk {
class ProfileStore;
}

namespace promdesk::ui {

class ConsoleContext;

struct SandboxEndpoints
{
    SandboxEndpoints(QString pushgateway = {}, QString remoteWrite = {}, QString query = {})
        : pushgatewayUrl(std::move(pushgateway))
        , remoteWriteUrl(std::move(remoteWrite))
        , queryUrl(std::move(query))
    {}
    QString pushgatewayUrl;
    QString remoteWriteUrl;
    QString queryUrl; // the sandbox's Prometheus, for arrival checks
};

// The sidebar: the local sandbox and the saved profiles, each with where its secret is (checked
// in the keychain, asynchronously), and the actions on them: new, edit, delete, test connection.
class ProfilesPanel final : public QWidget
{
    Q_OBJECT

public:
    ProfilesPanel(ConsoleContext *context, SandboxEndpoints sandbox, QWidget *parent = nullptr);
    ~ProfilesPanel() override;

    QListWidget *list() const { return m_list; }
    [[nodiscard]] const QList<Profile> &profiles() const { return m_entries; }
    // Selects the profile of that name, if there is one.
    void select(const QString &name);
    void reload(const QString &selectName = {});

    void newProfile();
    // The welcome's buttons: a new profile of that kind.
    void newProfileOfKind(ProfileKind kind);
    void editProfile();
    void deleteProfile();
    void testConnection();

signals:
    // What the status bar shows: the connection state of the current profile.
    void connectionState(const QString &text, bool ok);
    void testFinished();
    void secretStatusChecked(int row); // tests wait for it

private:
    void onRowChanged(int row);
    void openDialog(const std::optional<Profile> &existing, std::optional<ProfileKind> kind = std::nullopt);
    void checkSecret(int row);
    void showSecretState(const QString &profileId, const SecretResult &result);
    void setItemText(int row, const QString &secretStatus);
    [[nodiscard]] bool isSandbox(int row) const;

    ConsoleContext *m_context;
    SandboxEndpoints m_sandbox;
    std::unique_ptr<ProfileStore> m_store;
    QList<Profile> m_entries;
    QListWidget *m_list;
    QWidget *m_welcome; // a fresh start, no profile yet: what to do first
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_test;
};

} // namespace promdesk::ui
