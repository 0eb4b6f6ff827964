#pragma once

// Where and how to send remote write: a plain value, so that profiles can build one without the
// client.
#include "net/HttpTypes.h"
#include "remotewrite/RetryPolicy.h"
#include "remotewrite/WriteRequestCodec.h"

#include <QString>
#include <QUrl>

namespace promdesk {

/// Where and how to send remote write.
struct WriteEndpoint
{
    QUrl url; // the full write URL: .../api/v1/write, TMP .../api/v1/prom/write
    Credentials credentials;
    TlsSettings tls;
    int timeoutMs = 30000;
    RemoteWriteVersion version = RemoteWriteVersion::V1; // nothing shows TMP takes 2.0
    RetryPolicy retry;
    ProxySettings proxy;
    HttpHeaders extraHeaders; // e.g. a tenant header; the spec's headers cannot be overridden
};

// "/api/v1/prom/write" (TMP) or "/api/v1/write"
inline QString defaultWritePath(bool tmp)
{
    return tmp ? QStringLiteral("/api/v1/prom/write") : QStringLiteral("/api/v1/write");
}

} // namespace promdesk
