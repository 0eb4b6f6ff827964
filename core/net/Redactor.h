#pragma once

#include "net/HttpTypes.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace promdesk {

inline constexpr char kRedacted[] = "••••••";

// Every path by which a request leaves PromDesk for a person — logs, errors, history, curl
// exports — goes through these, so that credentials are never shown unless asked for.
// URL user info goes, and query parameters whose names suggest a secret are masked.
QString redactUrl(const QUrl &url);
// Authorization, Proxy-Authorization, Cookie and headers named like tokens or keys are masked.
HttpHeaders redactHeaders(const HttpHeaders &headers);
// Any occurrence of a known secret (and its basic-auth base64 form) in free text is masked.
QString redactText(QString text, const Credentials &credentials);

} // namespace promdesk
