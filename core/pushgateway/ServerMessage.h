#pragma once

#include "net/HttpTypes.h"

#include <QString>

namespace promdesk {

// What an answer means, in plain words, and what to do about it. The server's own text stays
// available verbatim in HttpResult::body; this only explains it.
struct Explanation
{
    QString summary; // "The Pushgateway refused the push: it does not accept timestamps."
    QString advice;  // "Remove the timestamps (…) or send through remote write."
};

Explanation explainGatewayAnswer(const HttpResult &result, const QString &server);

} // namespace promdesk
