#pragma once

// Where and how to reach a Pushgateway, and how to push: plain values, so that profiles and
// settings can hold them without the client.
#include "net/HttpTypes.h"

#include <QUrl>

namespace promdesk {

/// Where and how to reach a Pushgateway.
struct GatewayEndpoint
{
    QUrl baseUrl; // may carry the gateway's --web.route-prefix as its path
    Credentials credentials;
    TlsSettings tls;
    int timeoutMs = 30000;
    ProxySettings proxy;
    HttpHeaders extraHeaders; // e.g. a tenant header; never Authorization (use credentials)
};

/// How a push changes its group: PUT replaces it, POST replaces only the families it names.
enum class PushMethod {
    Replace, // PUT: the group ends up holding exactly the pushed families
    Merge,   // POST: only the families named in the push are replaced
};

enum class BodyFormat { Text, Protobuf };

} // namespace promdesk
