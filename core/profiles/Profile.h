#pragma once

#include "model/Labels.h"
#include "net/HttpTypes.h"
#include "pushgateway/GatewayEndpoint.h"
#include "remotewrite/WriteEndpoint.h"

#include <QString>

#include <optional>

namespace promdesk {

enum class ProfileKind { Tmp, Pushgateway, RemoteWrite, Generic };
using ProxyMode = ProxySettings::Mode;
ProxySettings proxyOf(const struct Profile &profile);

QString profileKindName(ProfileKind kind);
std::optional<ProfileKind> profileKindFromName(QStringView name);

/// Everything PromDesk needs to reach one instance, except its secret, which lives in the
/// keychain under `id` (so renaming a profile keeps it).
struct Profile
{
    QString id;
    QString name;
    ProfileKind kind = ProfileKind::Generic;
    QString pushgatewayUrl;
    QString remoteWriteUrl;
    // A Prometheus HTTP API base on which /api/v1/query answers, to check that pushed data arrived
    // (TMP: the instance address, with the same credentials).
    QString queryUrl;
    Credentials::Kind auth = Credentials::Kind::None;
    QString user; // basic auth; for TMP the APPID
    QString caFile;
    QString clientCertFile;
    QString clientKeyFile;
    bool verifyPeer = true;
    ProxyMode proxy = ProxyMode::System;
    QString proxyUrl;
    int timeoutMs = 30000;
    QList<Label> groupingLabels; // default grouping key labels, e.g. instance=<this host>
    PushMethod pushMethod = PushMethod::Replace;
    BodyFormat bodyFormat = BodyFormat::Text;
    HttpHeaders extraHeaders; // sent with every request; never one that carries a credential
    // Extra headers that carry a credential (X-Tenant-Pass, X-Api-Key…): only their names are
    // here; their values live in the keychain beside the secret (secretHeaderKey).
    QStringList secretHeaders;

    friend bool operator==(const Profile &, const Profile &) = default;
};

// Where a secret header's value lives in the keychain.
QString secretHeaderKey(const QString &profileId, const QString &headerName);

// Takes out of `profile.extraHeaders` every header that carries a credential (by its name, see
// isSecretHeaderName, or because the profile lists it in secretHeaders), lists its name in
// secretHeaders and returns it with its value, for the keychain.
HttpHeaders takeSecretHeaders(Profile &profile);

// A TMP profile: remote write at /api/v1/prom/write of the instance address, basic auth with
// the APPID as user; the instance token is the secret.
// Credentials never go in a URL: there they would sit in clear in profiles.ini, in `profile show`
// and in exports. Names the first of the profile's URLs (Pushgateway, remote write, proxy) that
// carries a user or password; empty when none does.
QString urlWithCredentials(const Profile &profile);
// The profile with every URL's user and password taken out (for showing and exporting a
// profile saved before they were refused).
Profile withoutUrlCredentials(Profile profile);

Profile tmpProfileTemplate(const QString &name, const QString &instanceAddress, const QString &appId);

// `secretHeaders`: the values of the profile's secret headers, read from the keychain with its secret.
GatewayEndpoint gatewayEndpoint(const Profile &profile, const QString &secret, const HttpHeaders &secretHeaders = {});
WriteEndpoint writeEndpoint(const Profile &profile, const QString &secret, const HttpHeaders &secretHeaders = {});
struct QueryEndpoint queryEndpoint(const Profile &profile, const QString &secret,
                                   const HttpHeaders &secretHeaders = {});

} // namespace promdesk
