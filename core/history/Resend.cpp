#include "history/Resend.h"

#include "net/Redactor.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Resend)
};

std::optional<Profile> named(const QList<Profile> &profiles, const QString &name)
{
    for (const Profile &profile : profiles) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

// The entry's path and query on the profile's address (and, for remote write, its path).
QUrl movedTo(const QUrl &original, const Profile &profile, bool remoteWrite)
{
    const QUrl base(remoteWrite ? profile.remoteWriteUrl : profile.pushgatewayUrl);
    QUrl moved = original;
    moved.setScheme(base.scheme());
    moved.setHost(base.host());
    moved.setPort(base.port());
    // The path as it goes on the wire: decoded, an escaped '/' ("%2F") would become a separator.
    if (const QString path = base.path(QUrl::FullyEncoded); remoteWrite && !path.isEmpty() && path != u"/")
        moved.setPath(path, QUrl::StrictMode);
    return moved;
}

} // namespace

ResendRequest prepareResend(const HistoryEntry &e, const QList<Profile> &profiles, const QString &otherProfile)
{
    ResendRequest out;
    if (e.isGroup()) {
        //: %2 is the operation that grouped the requests, e.g. "backfill"
        out.error = Tr::tr("entry %1 is a %2's own entry, not a request: re-send one of the requests under it")
                        .arg(QString::number(e.id), e.tag.operation);
        return out;
    }
    if (e.requestBodyTruncated) {
        out.error = Tr::tr("entry %1 kept only part of its body; it cannot be sent again exactly").arg(e.id);
        return out;
    }
    if (e.url.contains(QString::fromUtf8(kRedacted))) {
        out.error = Tr::tr("entry %1's URL had a secret in it, which was not kept; it cannot be sent again").arg(e.id);
        return out;
    }
    HttpRequest &request = out.request;
    request.method = e.method;
    request.url = QUrl(e.url);
    request.body = e.requestBody;
    for (const auto &header : e.requestHeaders) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) != 0 && !header.second.contains(kRedacted))
            request.headers.append(header);
    }
    request.tag = e.tag;
    request.tag.resendOf = e.id;
    request.tag.attempt = 1;
    request.tag.parentId = 0;

    const QString profileName = otherProfile.isEmpty() ? e.tag.profile : otherProfile;
    out.profile = profileName.isEmpty() ? std::nullopt : named(profiles, profileName);
    if (!out.profile) {
        out.needsProfile = !otherProfile.isEmpty() || e.authKind != Credentials::Kind::None;
        if (!otherProfile.isEmpty()) {
            out.error = Tr::tr("there is no profile named '%1'").arg(otherProfile);
        } else if (e.authKind != Credentials::Kind::None) {
            out.error = e.tag.profile.isEmpty()
                ? Tr::tr("entry %1 was sent with credentials but without a profile; choose a profile to send it with")
                      .arg(e.id)
                : Tr::tr(
                      "entry %1 was sent with profile '%2', which no longer exists; choose a profile to send it with")
                      .arg(QString::number(e.id), e.tag.profile);
        }
        return out; // without credentials it goes where it went, as it went
    }
    const Profile &profile = *out.profile;
    request.tag.profile = profile.name;
    if (!otherProfile.isEmpty())
        request.url = movedTo(request.url, profile, e.tag.target == u"remote-write");
    request.tls = TlsSettings{profile.caFile, profile.clientCertFile, profile.clientKeyFile, profile.verifyPeer};
    request.proxy = proxyOf(profile);
    request.timeoutMs = profile.timeoutMs;
    if (profile.auth != Credentials::Kind::None)
        request.credentials = Credentials{profile.auth, profile.user, {}};
    return out;
}

void ResendRequest::applySecrets(const QString &secret, const HttpHeaders &secretHeaders)
{
    request.credentials.secret = secret;
    // The history kept masks in their place, and prepareResend() left those out: the profile's
    // own values go in, replacing any header of the same name.
    for (const auto &header : secretHeaders) {
        request.headers.removeIf(
            [&](const auto &kept) { return kept.first.compare(header.first, Qt::CaseInsensitive) == 0; });
        request.headers.append(header);
    }
}

} // namespace promdesk
