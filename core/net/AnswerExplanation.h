#pragma once

#include "net/HttpTypes.h"

#include <QString>

namespace promdesk {

/// What an answer means, in plain words, and what to do about it. The server's own text stays
/// available verbatim in HttpResult::body; this only explains it.
struct Explanation
{
    QString summary; // "The Pushgateway refused the push: it does not accept timestamps."
    QString advice;  // "Remove the timestamps (…) or send through remote write."
};

// Any HTTP server's answer by its category and status: cannot connect, timed out, TLS,
// credentials, not found, redirected, refused, failed. `serverName` names the server as a
// sentence would ("the exporter at http://…", "The Pushgateway"). Servers whose refusals say more
// explain them on top of this (explainGatewayAnswer).
Explanation explainAnswer(const HttpResult &result, const QString &serverName);

// A piece of a server's words inside a sentence: escaped, and short (the whole answer is shown
// once, apart, and kept in the history).
QString shownAnswer(const QString &text, qsizetype maxChars = 80);

// A server's name opening a sentence: "the Pushgateway" → "The Pushgateway".
QString sentenceStart(const QString &serverName);

// The start of an answer's body as text: error messages are short, and a huge or hostile body
// must not cost more than that to look at.
QString answerStart(const HttpResult &result);

} // namespace promdesk
