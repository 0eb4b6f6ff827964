#include "profiles/Profile.h"

#include "live/ArrivalCheck.h"

#include "net/Redactor.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Profile)
};

TlsSettings tlsOf(const Profile &profile)
{
    TlsSettings tls;
    tls.caFile = profile.caFile;
    tls.clientCertFile = profile.clientCertFile;
    tls.clientKeyFile = profile.clientKeyFile;
    tls.verifyPeer = profile.verifyPeer;
    return tls;
}

Credentials credentialsOf(const Profile &profile, const QString &secret)
{
    return Credentials{profile.auth, profile.user, profile.auth == Credentials::Kind::None ? QString() : secret};
}

} // namespace

QString profileKindName(ProfileKind kind)
{
    switch (kind) {
    case ProfileKind::Tmp:
        return QStringLiteral("tmp");
    case ProfileKind::Pushgateway:
        return QStringLiteral("pushgateway");
    case ProfileKind::RemoteWrite:
        return QStringLiteral("remote-write");
    case ProfileKind::Generic:
        return QStringLiteral("generic");
    }
    return QStringLiteral("generic");
}

std::optional<ProfileKind> profileKindFromName(QStringView name)
{
    for (ProfileKind kind :
         {ProfileKind::Tmp, ProfileKind::Pushgateway, ProfileKind::RemoteWrite, ProfileKind::Generic}) {
        if (name == profileKindName(kind))
            return kind;
    }
    return std::nullopt;
}

Profile tmpProfileTemplate(const QString &name, const QString &instanceAddress, const QString &appId)
{
    Profile profile;
    profile.name = name;
    profile.kind = ProfileKind::Tmp;
    QString base = instanceAddress;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    profile.pushgatewayUrl = base;
    profile.remoteWriteUrl = base + defaultWritePath(true);
    profile.queryUrl = base; // TMP answers the query API on the instance address
    profile.auth = Credentials::Kind::Basic;
    profile.user = appId;
    return profile;
}

ProxySettings proxyOf(const Profile &profile)
{
    return ProxySettings{profile.proxy, QUrl(profile.proxyUrl)};
}

GatewayEndpoint gatewayEndpoint(const Profile &profile, const QString &secret, const HttpHeaders &secretHeaders)
{
    return GatewayEndpoint{QUrl(profile.pushgatewayUrl),
                           credentialsOf(profile, secret),
                           tlsOf(profile),
                           profile.timeoutMs,
                           proxyOf(profile),
                           profile.extraHeaders + secretHeaders};
}

QueryEndpoint queryEndpoint(const Profile &profile, const QString &secret, const HttpHeaders &secretHeaders)
{
    QueryEndpoint endpoint;
    endpoint.baseUrl = QUrl(profile.queryUrl);
    endpoint.credentials = credentialsOf(profile, secret);
    endpoint.tls = tlsOf(profile);
    endpoint.proxy = proxyOf(profile);
    endpoint.extraHeaders = profile.extraHeaders + secretHeaders;
    endpoint.timeoutMs = std::min(profile.timeoutMs, 10000);
    return endpoint;
}

WriteEndpoint writeEndpoint(const Profile &profile, const QString &secret, const HttpHeaders &secretHeaders)
{
    WriteEndpoint endpoint;
    endpoint.url = QUrl(profile.remoteWriteUrl);
    if (endpoint.url.path().isEmpty() || endpoint.url.path() == u"/")
        endpoint.url.setPath(defaultWritePath(profile.kind == ProfileKind::Tmp));
    endpoint.credentials = credentialsOf(profile, secret);
    endpoint.tls = tlsOf(profile);
    endpoint.timeoutMs = profile.timeoutMs;
    endpoint.proxy = proxyOf(profile);
    endpoint.extraHeaders = profile.extraHeaders + secretHeaders;
    return endpoint;
}

} // namespace promdesk

namespace promdesk {

namespace {

bool hasUserInfo(const QString &url)
{
    return !url.isEmpty() && !QUrl(url).userInfo().isEmpty();
}

QString strippedOfUserInfo(const QString &url)
{
    return hasUserInfo(url) ? QUrl(url).adjusted(QUrl::RemoveUserInfo).toString() : url;
}

} // namespace

QString secretHeaderKey(const QString &profileId, const QString &headerName)
{
    return profileId + QStringLiteral("/header/") + headerName.toLower();
}

HttpHeaders takeSecretHeaders(Profile &profile)
{
    HttpHeaders secret;
    HttpHeaders kept;
    for (const auto &header : std::as_const(profile.extraHeaders)) {
        const QString name = QString::fromLatin1(header.first);
        const bool listed = std::any_of(profile.secretHeaders.cbegin(), profile.secretHeaders.cend(),
                                        [&](const QString &n) { return n.compare(name, Qt::CaseInsensitive) == 0; });
        if (listed || isSecretHeaderName(header.first)) {
            secret.append(header);
            if (!listed)
                profile.secretHeaders.append(name);
        } else {
            kept.append(header);
        }
    }
    profile.extraHeaders = kept;
    return secret;
}

QString urlWithCredentials(const Profile &profile)
{
    if (hasUserInfo(profile.pushgatewayUrl))
        return Tr::tr("the Pushgateway URL");
    if (hasUserInfo(profile.queryUrl))
        return Tr::tr("the query URL");
    if (hasUserInfo(profile.remoteWriteUrl))
        return Tr::tr("the remote write URL");
    if (hasUserInfo(profile.proxyUrl))
        return Tr::tr("the proxy URL");
    return {};
}

Profile withoutUrlCredentials(Profile profile)
{
    profile.pushgatewayUrl = strippedOfUserInfo(profile.pushgatewayUrl);
    profile.remoteWriteUrl = strippedOfUserInfo(profile.remoteWriteUrl);
    profile.queryUrl = strippedOfUserInfo(profile.queryUrl);
    profile.proxyUrl = strippedOfUserInfo(profile.proxyUrl);
    return profile;
}

} // namespace promdesk
