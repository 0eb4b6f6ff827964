#include "profiles/ProfileStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
};

// The one table of profile keys and their defaults.
struct Key
{
    const char *name;
    QVariant defaultValue;
};

const Key kKeys[] = {
    {"name", QString()},
    {"kind", QStringLiteral("generic")},
    {"pushgatewayUrl", QString()},
    {"remoteWriteUrl", QString()},
    {"queryUrl", QString()},
    {"auth", QStringLiteral("none")},
    {"user", QString()},
    {"caFile", QString()},
    {"clientCertFile", QString()},
    {"clientKeyFile", QString()},
    {"verifyPeer", true},
    {"proxy", QStringLiteral("system")},
    {"proxyUrl", QString()},
    {"timeoutMs", 30000},
    {"groupingLabels", QStringList()},
    {"pushMethod", QStringLiteral("replace")},
    {"bodyFormat", QStringLiteral("text")},
    {"extraHeaders", QStringList()},
    {"keychainHeaders", QStringList()}, // names only: their values are in the keychain
};

QString authName(Credentials::Kind kind)
{
    return kind == Credentials::Kind::Basic ? QStringLiteral("basic")
        : kind == Credentials::Kind::Bearer ? QStringLiteral("bearer")
                                            : QStringLiteral("none");
}

Credentials::Kind authFromName(const QString &name)
{
    return name == u"basic" ? Credentials::Kind::Basic
        : name == u"bearer" ? Credentials::Kind::Bearer
                            : Credentials::Kind::None;
}

QString proxyName(ProxyMode mode)
{
    return mode == ProxyMode::None  ? QStringLiteral("none")
        : mode == ProxyMode::Custom ? QStringLiteral("custom")
                                    : QStringLiteral("system");
}

ProxyMode proxyFromName(const QString &name)
{
    return name == u"none" ? ProxyMode::None : name == u"custom" ? ProxyMode::Custom : ProxyMode::System;
}

QVariantMap toMap(const Profile &p)
{
    QStringList labels;
    for (const Label &label : p.groupingLabels)
        labels << label.name + QLatin1Char('=') + label.value;
    QStringList headers;
    for (const auto &header : p.extraHeaders)
        headers << QString::fromUtf8(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second);
    return {
        {QStringLiteral("name"), p.name},
        {QStringLiteral("kind"), profileKindName(p.kind)},
        {QStringLiteral("pushgatewayUrl"), p.pushgatewayUrl},
        {QStringLiteral("remoteWriteUrl"), p.remoteWriteUrl},
        {QStringLiteral("queryUrl"), p.queryUrl},
        {QStringLiteral("auth"), authName(p.auth)},
        {QStringLiteral("user"), p.user},
        {QStringLiteral("caFile"), p.caFile},
        {QStringLiteral("clientCertFile"), p.clientCertFile},
        {QStringLiteral("clientKeyFile"), p.clientKeyFile},
        {QStringLiteral("verifyPeer"), p.verifyPeer},
        {QStringLiteral("proxy"), proxyName(p.proxy)},
        {QStringLiteral("proxyUrl"), p.proxyUrl},
        {QStringLiteral("timeoutMs"), p.timeoutMs},
        {QStringLiteral("groupingLabels"), labels},
        {QStringLiteral("pushMethod"),
         p.pushMethod == PushMethod::Merge ? QStringLiteral("merge") : QStringLiteral("replace")},
        {QStringLiteral("bodyFormat"),
         p.bodyFormat == BodyFormat::Protobuf ? QStringLiteral("protobuf") : QStringLiteral("text")},
        {QStringLiteral("extraHeaders"), headers},
        {QStringLiteral("keychainHeaders"), p.secretHeaders},
    };
}

Profile fromMap(const QString &id, const QVariantMap &map)
{
    auto value = [&](const Key &key) { return map.value(QString::fromLatin1(key.name), key.defaultValue); };
    QVariantMap v;
    for (const Key &key : kKeys)
        v.insert(QString::fromLatin1(key.name), value(key));
    Profile p;
    p.id = id;
    p.name = v.value(QStringLiteral("name")).toString();
    p.kind = profileKindFromName(v.value(QStringLiteral("kind")).toString()).value_or(ProfileKind::Generic);
    p.pushgatewayUrl = v.value(QStringLiteral("pushgatewayUrl")).toString();
    p.remoteWriteUrl = v.value(QStringLiteral("remoteWriteUrl")).toString();
    p.queryUrl = v.value(QStringLiteral("queryUrl")).toString();
    p.auth = authFromName(v.value(QStringLiteral("auth")).toString());
    p.user = v.value(QStringLiteral("user")).toString();
    p.caFile = v.value(QStringLiteral("caFile")).toString();
    p.clientCertFile = v.value(QStringLiteral("clientCertFile")).toString();
    p.clientKeyFile = v.value(QStringLiteral("clientKeyFile")).toString();
    p.verifyPeer = v.value(QStringLiteral("verifyPeer")).toBool();
    p.proxy = proxyFromName(v.value(QStringLiteral("proxy")).toString());
    p.proxyUrl = v.value(QStringLiteral("proxyUrl")).toString();
    p.timeoutMs = v.value(QStringLiteral("timeoutMs")).toInt();
    for (const QString &pair : v.value(QStringLiteral("groupingLabels")).toStringList()) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals > 0)
            p.groupingLabels.append(Label{pair.left(equals), pair.mid(equals + 1)});
    }
    p.pushMethod
        = v.value(QStringLiteral("pushMethod")).toString() == u"merge" ? PushMethod::Merge : PushMethod::Replace;
    p.bodyFormat
        = v.value(QStringLiteral("bodyFormat")).toString() == u"protobuf" ? BodyFormat::Protobuf : BodyFormat::Text;
    for (const QString &header : v.value(QStringLiteral("extraHeaders")).toStringList()) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon > 0)
            p.extraHeaders.append({header.left(colon).trimmed().toUtf8(), header.mid(colon + 1).trimmed().toUtf8()});
    }
    p.secretHeaders = v.value(QStringLiteral("keychainHeaders")).toStringList();
    return p;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

ProfileStore::ProfileStore(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{
    migrate();
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::defaultPath()
{
    const QString dir = qEnvironmentVariable("PROMDESK_CONFIG_DIR");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("profiles.ini"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("promdesk/profiles.ini"));
}

QString ProfileStore::path() const
{
    return m_settings->fileName();
}

void ProfileStore::migrate()
{
    const int version = m_settings->value(QStringLiteral("schemaVersion"), 0).toInt();
    const int legacy = m_settings->value(QStringLiteral("version"), 0).toInt();
    if (version >= kSchemaVersion)
        return;
    if (legacy == 1) {
        // Version 1 kept profiles in an array with an integer type and one URL, and an
        // "insecure" flag. Secrets were never stored in it.
        QList<Profile> migrated;
        const int size = m_settings->beginReadArray(QStringLiteral("profiles"));
        for (int i = 0; i < size; ++i) {
            m_settings->setArrayIndex(i);
            Profile p;
            p.id = newId();
            p.name = m_settings->value(QStringLiteral("name")).toString();
            const int type = m_settings->value(QStringLiteral("type")).toInt();
            p.kind = type == 1 ? ProfileKind::Pushgateway
                : type == 2    ? ProfileKind::RemoteWrite
                : type == 3    ? ProfileKind::Tmp
                               : ProfileKind::Generic;
            const QString url = m_settings->value(QStringLiteral("url")).toString();
            if (p.kind == ProfileKind::RemoteWrite || p.kind == ProfileKind::Tmp)
                p.remoteWriteUrl = url;
            else
                p.pushgatewayUrl = url;
            p.user = m_settings->value(QStringLiteral("user")).toString();
            p.auth = p.user.isEmpty() ? Credentials::Kind::None : Credentials::Kind::Basic;
            p.verifyPeer = !m_settings->value(QStringLiteral("insecure"), false).toBool();
            migrated.append(p);
        }
        m_settings->endArray();
        m_settings->clear();
        for (Profile &p : migrated) {
            QString ignored;
            save(p, &ignored);
        }
        m_migrationNote = Tr::tr("profiles from schema 1 moved to schema %1 (%2 profile(s))")
                              .arg(kSchemaVersion)
                              .arg(migrated.size());
    }
    m_settings->setValue(QStringLiteral("schemaVersion"), kSchemaVersion);
    m_settings->sync();
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> result;
    m_settings->beginGroup(QStringLiteral("profiles"));
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        QVariantMap map;
        for (const Key &key : kKeys) {
            const QString name = QString::fromLatin1(key.name);
            if (m_settings->contains(name))
                map.insert(name, m_settings->value(name));
        }
        m_settings->endGroup();
        result.append(fromMap(id, map));
    }
    m_settings->endGroup();
    std::sort(result.begin(), result.end(), [](const Profile &a, const Profile &b) { return a.name < b.name; });
    return result;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    for (const Profile &profile : profiles()) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

bool ProfileStore::save(Profile &profile, QString *error)
{
    if (profile.name.trimmed().isEmpty()) {
        *error = Tr::tr("a profile needs a name");
        return false;
    }
    for (const Profile &other : profiles()) {
        if (other.name == profile.name && other.id != profile.id) {
            *error = Tr::tr("a profile named '%1' exists already").arg(profile.name);
            return false;
        }
    }
    if (profile.id.isEmpty())
        profile.id = newId();
    m_settings->beginGroup(QStringLiteral("profiles/") + profile.id);
    const QVariantMap map = toMap(profile);
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        // Only what differs from the default is written, so the file stays short and readable.
        const auto key = std::find_if(std::begin(kKeys), std::end(kKeys),
                                      [&](const Key &k) { return it.key() == QLatin1String(k.name); });
        if (key != std::end(kKeys) && it.value() == key->defaultValue && it.key() != u"name")
            m_settings->remove(it.key());
        else
            m_settings->setValue(it.key(), it.value());
    }
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        *error = Tr::tr("cannot write %1").arg(m_settings->fileName());
        return false;
    }
    return true;
}

bool ProfileStore::remove(const QString &id)
{
    m_settings->beginGroup(QStringLiteral("profiles"));
    const bool existed = m_settings->childGroups().contains(id);
    m_settings->remove(id);
    m_settings->endGroup();
    m_settings->sync();
    return existed;
}

QByteArray exportProfiles(const QList<Profile> &profiles)
{
    QJsonArray array;
    for (const Profile &profile : profiles) {
        // Without a secret anywhere: no credentials in URLs, secret headers by name only.
        Profile exported = withoutUrlCredentials(profile);
        takeSecretHeaders(exported);
        array.append(QJsonObject::fromVariantMap(toMap(exported)));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("promdeskProfiles"), ProfileStore::kSchemaVersion},
                                     {QStringLiteral("profiles"), array}})
        .toJson(QJsonDocument::Indented);
}

std::optional<QList<Profile>> importProfiles(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !root.contains(QStringLiteral("promdeskProfiles"))) {
        *error = parseError.error != QJsonParseError::NoError
            ? Tr::tr("not JSON: %1 at byte %2").arg(parseError.errorString(), QString::number(parseError.offset))
            : Tr::tr("not a PromDesk profile export (no \"promdeskProfiles\" key)");
        return std::nullopt;
    }
    QList<Profile> result;
    for (const QJsonValue value : root.value(QStringLiteral("profiles")).toArray()) {
        const Profile profile = fromMap(QString(), value.toObject().toVariantMap());
        if (const QString url = urlWithCredentials(profile); !url.isEmpty()) {
            *error = Tr::tr("profile '%1': %2 has a user or password in it; nothing was imported. Take them out "
                            "of the file and give them to the profile instead (promdesk-cli profile add NAME "
                            "--user USER --password-stdin), where the password goes to the keychain")
                         .arg(profile.name, url);
            return std::nullopt;
        }
        result.append(profile);
    }
    return result;
}

} // namespace promdesk
