#pragma once

#include "net/HttpTypes.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace promdesk {

/// What the keychain answered: the secret, or why it could not be had.
struct SecretResult
{
    /// What the keychain answered.
    enum class Status {
        Ok,
        NotFound,   // the keychain answered, and has no such entry
        Locked,     // the entry is there, in a keyring that is locked (its unlock was refused or cancelled)
        NoKeychain, // no keychain service can be reached
        Denied,     // the keychain refused this program access
        Failed,
    };
    Status status = Status::Ok;
    QString secret;      // only for a successful read
    QString message;     // plain words with the fix, for anything but Ok
    HttpHeaders headers; // readProfileSecret: the profile's secret headers with their values

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

/// Where profile secrets live. Every call is asynchronous and reports through `done` on the
/// context's thread, so nothing waits in a nested event loop.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SecretResult &)>;
    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, Done done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Done done) = 0;
    virtual void remove(const QString &key, QObject *context, Done done) = 0;
    [[nodiscard]] virtual QString description() const = 0;
};

/// Secrets held in this process only: for tests, and for "keep it for this session" when no
/// keychain is available. Never written anywhere.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;
    ~MemorySecretStore() override;

    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    [[nodiscard]] QString description() const override { return QStringLiteral("this session only"); }

private:
    QHash<QString, QString> m_secrets;
};

/// The operating system's keychain through QtKeychain (Secret Service on Linux, Keychain on
/// macOS, Credential Manager on Windows): service "promdesk", one entry per profile id.
/// There is no plaintext fallback: a missing or locked keychain is an error that says so.
///
/// One job at a time: the first read of a locked keyring brings its unlock prompt, and the reads
/// queued behind it then find it unlocked, or, when the unlock was refused, fail as locked without
/// prompting again. The operator sees one prompt, not one per profile.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("promdesk"), QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    [[nodiscard]] QString description() const override { return QStringLiteral("the OS keychain"); }
    // How many jobs reached the keychain (each may bring a prompt).
    [[nodiscard]] int jobsStarted() const { return m_jobsStarted; }

private:
    struct Job;
    void enqueue(Job job);
    void runNext();
    void finish(const SecretResult &result);

    QString m_service;
    std::vector<Job> m_queue; // the first one runs
    bool m_running = false;
    int m_jobsStarted = 0;
};

struct Profile;

// A profile's stored secret (when `withSecret` and the profile has one): from this session's store
// when the user chose "this session only", otherwise from the keychain; then the values of its
// secret headers, from the keychain. Asynchronous, like the stores; done once, with all of them
// or with the first that could not be read.
void readProfileSecret(SecretStore &session, SecretStore &keychain, const Profile &profile, QObject *context,
                       SecretStore::Done done, bool withSecret = true);

} // namespace promdesk
