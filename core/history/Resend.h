#pragma once

#include "history/HistoryEntry.h"
#include "net/HttpTypes.h"
#include "profiles/Profile.h"

#include <optional>

namespace promdesk {

/// A history entry made ready to go out again: the same method, URL, headers and body, tagged
/// as a re-send of it. The secret is not part of it: the caller reads it from the keychain
/// (for `profile`) and puts it in `request.credentials.secret`.
struct ResendRequest
{
    HttpRequest request;
    std::optional<Profile> profile; // whose settings and secret it goes with, when it has one
    QString error;                  // why the entry cannot be sent again; empty when it can
    bool needsProfile = false;      // the error is about the profile: another choice may work

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    [[nodiscard]] bool needsSecret() const
    {
        return profile && (profile->auth != Credentials::Kind::None || !profile->secretHeaders.isEmpty());
    }
    // Puts in the profile's secret and its secret headers with their values (read from the
    // keychain). The history's masks were left out by prepareResend(): never sent as they are.
    void applySecrets(const QString &secret, const HttpHeaders &secretHeaders);
};

// `otherProfile` names a profile to send to instead (the same path and query on its address);
// empty sends it where it went, with the entry's own profile from `profiles` when there is one.
ResendRequest prepareResend(const HistoryEntry &entry, const QList<Profile> &profiles,
                            const QString &otherProfile = {});

} // namespace promdesk
