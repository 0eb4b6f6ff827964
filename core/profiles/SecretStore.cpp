#include "profiles/SecretStore.h"

#include "profiles/Profile.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <type_traits>

namespace promdesk {

namespace {

void later(QObject *context, SecretStore::Done done, SecretResult result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

SecretResult fromJob(const QKeychain::Job &job)
{
    SecretResult result;
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        result.message = QStringLiteral("the keychain has no secret for this profile; set it again");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretResult::Status::NoKeychain;
        result.message = QStringLiteral("no keychain is available (%1). Start a Secret Service such as gnome-keyring or "
                                        "KWallet in your session, or keep the secret for this session only")
                             .arg(detail);
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = SecretResult::Status::Denied;
        result.message = QStringLiteral("the keychain refused access (%1); allow PromDesk in the keychain's prompt and "
                                        "try again")
                             .arg(detail);
        break;
    default: {
        // QtKeychain reports a missing session bus, a missing Secret Service and a locked
        // collection all as OtherError; tell them apart by its text so the advice fits.
        static const char *const unreachable[] = {"D-Bus", "DBus", "autolaunch", "Could not connect", "ServiceUnknown",
                                                  "org.freedesktop.secrets", "No such file"};
        const bool noKeychain = std::any_of(std::begin(unreachable), std::end(unreachable),
                                            [&](const char *needle) { return detail.contains(QLatin1String(needle), Qt::CaseInsensitive); });
        const bool locked = detail.contains(QLatin1String("Object does not exist at path"));
        result.status = noKeychain ? SecretResult::Status::NoKeychain : SecretResult::Status::Failed;
        if (noKeychain) {
            result.message = QStringLiteral("no keychain can be reached (%1): PromDesk needs a session with a Secret "
                                            "Service such as gnome-keyring or KWallet; keep the secret for this session "
                                            "only, or pass it on standard input")
                                 .arg(detail);
        } else if (locked) {
            result.message = QStringLiteral("the keychain is locked (%1); unlock it (log in to the desktop session, or "
                                            "unlock the 'login' keyring) and try again")
                                 .arg(detail);
        } else {
            result.message = QStringLiteral("the keychain failed (%1)").arg(detail);
        }
        break;
    }
    }
    return result;
}

template <typename JobType>
JobType *startJob(const QString &service, const QString &key, QObject *context, SecretStore::Done done,
                  const std::function<void(JobType *)> &prepare)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setKey(key);
    prepare(job);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        SecretResult result = fromJob(*finished);
        if constexpr (std::is_same_v<JobType, QKeychain::ReadPasswordJob>) {
            if (result.ok())
                result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        }
        done(result);
    });
    job->start();
    return job;
}

} // namespace

MemorySecretStore::~MemorySecretStore()
{
    for (QString &secret : m_secrets)
        secret.fill(QLatin1Char('\0'));
}

void MemorySecretStore::read(const QString &key, QObject *context, Done done)
{
    SecretResult result;
    if (!m_secrets.contains(key)) {
        result.status = SecretResult::Status::NotFound;
        result.message = QStringLiteral("no secret is kept for this profile in this session");
    } else {
        result.secret = m_secrets.value(key);
    }
    later(context, std::move(done), result);
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, Done done)
{
    m_secrets.insert(key, secret);
    later(context, std::move(done), SecretResult{});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Done done)
{
    m_secrets.remove(key);
    later(context, std::move(done), SecretResult{});
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key, QObject *context, Done done)
{
    startJob<QKeychain::ReadPasswordJob>(m_service, key, context, std::move(done), [](QKeychain::ReadPasswordJob *) {});
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, Done done)
{
    startJob<QKeychain::WritePasswordJob>(m_service, key, context, std::move(done),
                                          [secret](QKeychain::WritePasswordJob *job) { job->setTextData(secret); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    startJob<QKeychain::DeletePasswordJob>(m_service, key, context, std::move(done), [](QKeychain::DeletePasswordJob *) {});
}

namespace {

// Reads the secret headers from `next` on, one keychain entry each, into `result`.
void readSecretHeaders(SecretStore &keychain, const Profile &profile, qsizetype next, SecretResult result, QObject *context,
                       SecretStore::Done done)
{
    if (next >= profile.secretHeaders.size())
        return done(result);
    const QString name = profile.secretHeaders.at(next);
    keychain.read(secretHeaderKey(profile.id, name), context,
                  [&keychain, profile, next, result, context, done, name](const SecretResult &read) mutable {
                      if (!read.ok()) {
                          SecretResult failed = read;
                          failed.message = QStringLiteral("the value of header %1: %2").arg(name, read.message);
                          return done(failed);
                      }
                      result.headers.append({name.toLatin1(), read.secret.toUtf8()});
                      readSecretHeaders(keychain, profile, next + 1, std::move(result), context, std::move(done));
                  });
}

} // namespace

void readProfileSecret(SecretStore &session, SecretStore &keychain, const Profile &profile, QObject *context,
                       SecretStore::Done done, bool withSecret)
{
    if (!withSecret || profile.auth == Credentials::Kind::None) {
        if (profile.secretHeaders.isEmpty()) // nothing to read: still answer later, as a store would
            QMetaObject::invokeMethod(context, [done] { done(SecretResult{}); }, Qt::QueuedConnection);
        else
            readSecretHeaders(keychain, profile, 0, SecretResult{}, context, std::move(done));
        return;
    }
    session.read(profile.id, context, [&keychain, profile, context, done](const SecretResult &kept) {
        if (kept.ok())
            return readSecretHeaders(keychain, profile, 0, kept, context, done);
        keychain.read(profile.id, context, [&keychain, profile, context, done](const SecretResult &stored) {
            if (!stored.ok())
                return done(stored);
            readSecretHeaders(keychain, profile, 0, stored, context, done);
        });
    });
}

} // namespace promdesk
