#include "profiles/SecretStore.h"

#include "profiles/Profile.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPointer>
#ifdef PROMDESK_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <type_traits>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
};

void later(QObject *context, SecretStore::Done done, SecretResult result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

SecretResult lockedResult()
{
    SecretResult result;
    result.status = SecretResult::Status::Locked;
    //: 'Login' is the GNOME keyring's name and Passwords and Keys the GNOME application (Seahorse)
    result.message = Tr::tr("the keychain is locked, and its unlock was cancelled or could not be asked for. "
                            "The secret is still stored: do not enter it again. Unlock the keyring (log in to "
                            "the desktop session, or unlock 'Login' in Passwords and Keys) and try again");
    return result;
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
        result.message = Tr::tr("the keychain has no secret for this profile; set it again");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretResult::Status::NoKeychain;
        result.message = Tr::tr("no keychain is available (%1). Start a Secret Service such as gnome-keyring or "
                                "KWallet in your session, or keep the secret for this session only")
                             .arg(detail);
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = SecretResult::Status::Denied;
        result.message = Tr::tr("the keychain refused access (%1); allow PromDesk in the keychain's prompt and "
                                "try again")
                             .arg(detail);
        break;
    default: {
        // QtKeychain reports a missing session bus, a missing Secret Service and a locked
        // collection all as OtherError; tell them apart by its text so the advice fits.
        static const char *const unreachable[]
            = {"D-Bus",       "DBus", "autolaunch", "Could not connect", "ServiceUnknown", "org.freedesktop.secrets",
               "No such file"};
        const bool noKeychain = std::any_of(std::begin(unreachable), std::end(unreachable), [&](const char *needle) {
            return detail.contains(QLatin1String(needle), Qt::CaseInsensitive);
        });
        const bool locked = detail.contains(QLatin1String("Object does not exist at path"));
        result.status = noKeychain ? SecretResult::Status::NoKeychain
            : locked               ? SecretResult::Status::Locked
                                   : SecretResult::Status::Failed;
        if (noKeychain) {
            result.message = Tr::tr("no keychain can be reached (%1): PromDesk needs a session with a Secret "
                                    "Service such as gnome-keyring or KWallet; keep the secret for this session "
                                    "only, or pass it on standard input")
                                 .arg(detail);
        } else if (locked) {
            result = lockedResult();
        } else {
            result.message = Tr::tr("the keychain failed (%1)").arg(detail);
        }
        break;
    }
    }
    return result;
}

#ifdef PROMDESK_SECRET_SERVICE
// QtKeychain (through libsecret) reports an entry in a locked keyring whose unlock prompt was
// cancelled, or could not be shown, as "not found". The Secret Service itself still lists the
// entry, as locked: it is asked before a "not found" is believed. The attributes are the ones
// QtKeychain stores ("server": the service, "user": the key).
void confirmNotFound(const QString &service, const QString &key, QObject *context, SecretResult notFound,
                     std::function<void(const SecretResult &)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return done(notFound);
    static const QMetaType registered = qDBusRegisterMetaType<QMap<QString, QString>>();
    Q_UNUSED(registered);
    QDBusMessage search = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    search << QVariant::fromValue(
        QMap<QString, QString>{{QStringLiteral("server"), service}, {QStringLiteral("user"), key}});
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(search, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [notFound, done = std::move(done)](QDBusPendingCallWatcher *call) {
                         call->deleteLater();
                         const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *call;
                         const bool locked = reply.isValid() && !reply.argumentAt<1>().isEmpty();
                         done(locked ? lockedResult() : notFound);
                     });
}
#else
void confirmNotFound(const QString &, const QString &, QObject *, SecretResult notFound,
                     std::function<void(const SecretResult &)> done)
{
    done(notFound); // QtKeychain's own codes tell a locked keychain on these platforms
}
#endif

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
        result.message = Tr::tr("no secret is kept for this profile in this session");
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

struct KeychainSecretStore::Job
{
    enum class Kind { Read, Write, Remove };
    Kind kind = Kind::Read;
    QString key;
    QString secret; // for a write
    QPointer<QObject> context;
    Done done;

    void deliver(const SecretResult &result) const
    {
        if (context)
            done(result);
    }
};

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, QObject *context, Done done)
{
    enqueue(Job{Job::Kind::Read, key, {}, context, std::move(done)});
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, Done done)
{
    enqueue(Job{Job::Kind::Write, key, secret, context, std::move(done)});
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    enqueue(Job{Job::Kind::Remove, key, {}, context, std::move(done)});
}

void KeychainSecretStore::enqueue(Job job)
{
    m_queue.push_back(std::move(job));
    runNext();
}

void KeychainSecretStore::runNext()
{
    if (m_running || m_queue.empty())
        return;
    m_running = true;
    ++m_jobsStarted;
    const Job &next = m_queue.front();
    QKeychain::Job *job = nullptr;
    switch (next.kind) {
    case Job::Kind::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Job::Kind::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(next.secret);
        job = write;
        break;
    }
    case Job::Kind::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setKey(next.key);
    connect(job, &QKeychain::Job::finished, this, [this, kind = next.kind, key = next.key](QKeychain::Job *finished) {
        SecretResult result = fromJob(*finished);
        if (kind != Job::Kind::Read)
            return finish(result);
        if (result.ok())
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        if (result.status != SecretResult::Status::NotFound)
            return finish(result);
        confirmNotFound(m_service, key, this, result, [this](const SecretResult &confirmed) { finish(confirmed); });
    });
    job->start();
}

void KeychainSecretStore::finish(const SecretResult &result)
{
    std::vector<Job> answered;
    answered.push_back(std::move(m_queue.front()));
    m_queue.erase(m_queue.begin());
    if (result.status == SecretResult::Status::Locked) {
        // The reads waiting behind this one would each bring the unlock prompt the operator just
        // refused: they get its answer. The next read asked for prompts again.
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            if (it->kind == Job::Kind::Read) {
                answered.push_back(std::move(*it));
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
    }
    m_running = false;
    for (const Job &job : answered)
        job.deliver(result); // may queue more (a profile's headers follow its secret)
    runNext();
}

namespace {

// Reads the secret headers from `next` on, one keychain entry each, into `result`.
void readSecretHeaders(SecretStore &keychain, const Profile &profile, qsizetype next, SecretResult result,
                       QObject *context, SecretStore::Done done)
{
    if (next >= profile.secretHeaders.size())
        return done(result);
    const QString name = profile.secretHeaders.at(next);
    keychain.read(secretHeaderKey(profile.id, name), context,
                  [&keychain, profile, next, result, context, done, name](const SecretResult &read) mutable {
                      if (!read.ok()) {
                          SecretResult failed = read;
                          failed.message = Tr::tr("the value of header %1: %2").arg(name, read.message);
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
            QMetaObject::invokeMethod(
                context, [done] { done(SecretResult{}); }, Qt::QueuedConnection);
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
