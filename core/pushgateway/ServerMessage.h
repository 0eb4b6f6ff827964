#pragma once

#include "net/AnswerExplanation.h"

namespace promdesk {

// A Pushgateway's answer: explainAnswer, and what the gateway's refusals say in its own words
// (timestamps, two types for one name, a repeated series, a parse error with its line, a bad
// grouping key), with the gateway's advice for 404, 405 and a connection closed after the request.
Explanation explainGatewayAnswer(const HttpResult &result, const QString &server);

// The answer to PUT /api/v1/admin/wipe: a gateway without --web.enable-admin-api has no such
// route and answers 404; otherwise as explainGatewayAnswer.
Explanation explainWipeAnswer(const HttpResult &result, const QString &server);

} // namespace promdesk
