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

// True for a header name that carries a credential: authorization, cookies, and names with auth,
// token, key, pass, secret or cookie in them (X-Api-Key, X-Tenant-Pass…).
bool isSecretHeaderName(QByteArrayView name);

// The secrets a request carries as bytes that could come back in an answer: the password or
// token, its basic-auth base64 form, and the values of secret headers.
QList<QByteArray> secretsOf(const HttpRequest &request);

// Masks every echo of `secrets` in an answer's body and header values, and its own secret
// headers (Set-Cookie…), before the answer is stored or shown. Returns whether anything was
// masked; the answer's length changes only where a secret stood.
bool redactEcho(HttpResult &result, const QList<QByteArray> &secrets);

} // namespace promdesk
