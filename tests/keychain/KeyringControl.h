#pragma once

// Locks and unlocks the test session's login keyring (run-with-keyring.sh started it with the
// password "promdesk-test"), as the desktop does when the screen locks and the operator logs in.
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QProcess>
#include <QScopeGuard>
#include <QString>
#include <QThread>

namespace promdesk::test {

inline bool lockKeyring()
{
    QProcess gdbus;
    gdbus.start(QStringLiteral("gdbus"),
                {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                 QStringLiteral("org.freedesktop.secrets"), QStringLiteral("--object-path"),
                 QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("--method"),
                 QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                 QStringLiteral("['/org/freedesktop/secrets/collection/login']")});
    return gdbus.waitForFinished(10000) && gdbus.exitCode() == 0;
}

// What the daemon said when it refused a call: its error's name and message.
inline QString refusalOf(const QDBusMessage &reply)
{
    return reply.errorName() + QLatin1Char(' ') + reply.errorMessage();
}

// One unlock call: empty when the keyring is unlocked, else the daemon's error name and message.
inline QString tryUnlockKeyring()
{
    // With its password and no prompt, through gnome-keyring's own interface (as its PAM module
    // does at login). The secret travels in a "plain" session, which lives as long as this
    // connection: one connection for both calls.
    QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("promdesk-unlock"));
    const auto cleanup = qScopeGuard([] { QDBusConnection::disconnectFromBus(QStringLiteral("promdesk-unlock")); });
    QDBusMessage open = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"));
    open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage opened = bus.call(open, QDBus::Block, 10000);
    if (opened.type() != QDBusMessage::ReplyMessage)
        return refusalOf(opened);
    if (opened.arguments().size() != 2)
        return QStringLiteral("OpenSession answered with %1 arguments, not 2").arg(opened.arguments().size());
    const QDBusObjectPath session = qvariant_cast<QDBusObjectPath>(opened.arguments().at(1));
    QDBusArgument master;
    master.beginStructure();
    master << session << QByteArray() << QByteArray("promdesk-test") << QStringLiteral("text/plain");
    master.endStructure();
    QDBusMessage unlock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"));
    unlock << QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login")))
           << QVariant::fromValue(master);
    const QDBusMessage unlocked = bus.call(unlock, QDBus::Block, 10000);
    return unlocked.type() == QDBusMessage::ReplyMessage ? QString() : refusalOf(unlocked);
}

// Up to 20 tries, 100 ms apart, and the last refusal printed when every one failed. The daemon
// may refuse right after a read of the locked keyring has started its prompter (which has no
// display here and exits); why is not known.
inline bool unlockKeyring()
{
    constexpr int kTries = 20;
    QString refusal;
    for (int attempt = 1; attempt <= kTries; ++attempt) {
        refusal = tryUnlockKeyring();
        if (refusal.isEmpty())
            return true;
        if (attempt < kTries)
            QThread::msleep(100);
    }
    qWarning("unlockKeyring: %s", qPrintable(refusal));
    return false;
}

} // namespace promdesk::test
