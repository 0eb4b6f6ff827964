#include "pushgateway/ServerMessage.h"

#include "model/Labels.h"
#include "net/Redactor.h"
#include "util/Printable.h"

#include <QRegularExpression>

namespace promdesk {

namespace {

// A piece of the server's words inside a sentence: escaped, and short (the whole answer is
// shown once, apart, and kept in the history).
QString shown(const QString &text, qsizetype maxChars = 80)
{
    return printable(QStringView(text).trimmed(), PrintableOptions{maxChars, false});
}

Explanation explainRejection(const QString &body)
{
    static const QRegularExpression typeMismatch(
        QString::fromLatin1(R"re(gathered metric family (\S+) has type (\S+) but should have (\S+))re"));
    // client_golang's consistency check dumps the pushed metric: `collected metric "x" { … counter:<value:1 > } is not a GAUGE`.
    static const QRegularExpression notType(
        QString::fromLatin1(R"re(collected metric "?(\w+)"? \{.*?\b(counter|gauge|untyped|summary|histogram):<.*\} is not an? (\w+))re"));
    static const QRegularExpression parseError(QString::fromLatin1(R"re(text format parsing error in line (\d+): (.*))re"));
    static const QRegularExpression collides(QString::fromLatin1(R"re(collected metric named "(\w+)" collides with previously collected (\w+) named "(\w+)")re"));

    if (body.contains(QLatin1String("must not have timestamps"))) {
        return {QStringLiteral("The Pushgateway refused the push: it does not accept samples with timestamps."),
                QStringLiteral("Remove the timestamps (promdesk-cli validate --target pushgateway --fix does it), or "
                               "send the samples through remote write, which keeps them.")};
    }
    // Which side of a type conflict the gateway reports first depends on its map order, so say
    // what is known — two types for one name — without guessing which one this push brought.
    if (const auto m = typeMismatch.match(body); m.hasMatch()) {
        return {QStringLiteral("The Pushgateway refused the push: '%1' would have two types, %2 and %3. A metric name "
                               "needs one type across all groups and the gateway's own metrics.")
                    .arg(shown(m.captured(1)), shown(m.captured(2).toLower()), shown(m.captured(3).toLower())),
                QStringLiteral("Use the same type for '%1' in every group, or give this metric another name.")
                    .arg(shown(m.captured(1)))};
    }
    if (const auto m = notType.match(body); m.hasMatch()) {
        QString series;
        static const QRegularExpression labelPair(QString::fromLatin1(R"re(label:<name:"(\w+)" value:"((?:[^"\\]|\\.)*)" >)re"));
        Labels labels;
        for (auto it = labelPair.globalMatch(m.captured(0)); it.hasNext();) {
            const auto pair = it.next();
            labels.set(pair.captured(1), pair.captured(2));
        }
        return {QStringLiteral("The Pushgateway refused the push: '%1' would have two types, %2 and %3 (the series "
                               "%1%4 is a %2). A metric name needs one type across all groups and the gateway's own "
                               "metrics.")
                    .arg(shown(m.captured(1)), shown(m.captured(2)), shown(m.captured(3).toLower()), shown(labels.toString(), 200)),
                QStringLiteral("Use the same type for '%1' in every group, or give this metric another name.")
                    .arg(shown(m.captured(1)))};
    }
    if (const auto m = collides.match(body); m.hasMatch()) {
        return {QStringLiteral("The Pushgateway refused the push: '%1' clashes with the %2 '%3', whose samples use that "
                               "name.")
                    .arg(shown(m.captured(1)), shown(m.captured(2)), shown(m.captured(3))),
                QStringLiteral("Rename '%1'.").arg(shown(m.captured(1)))};
    }
    if (body.contains(QLatin1String("was collected before with the same name and label values"))) {
        return {QStringLiteral("The Pushgateway refused the push: the same series appears twice."),
                QStringLiteral("Remove the repeated series (promdesk-cli validate --fix finds and drops exact repeats).")};
    }
    if (body.contains(QLatin1String("unexpected end of input stream"))) {
        return {QStringLiteral("The Pushgateway could not parse the push: the last line does not end with a newline."),
                QStringLiteral("End the body with a newline; promdesk-cli validate --fix adds it.")};
    }
    if (const auto m = parseError.match(body); m.hasMatch()) {
        return {QStringLiteral("The Pushgateway could not parse line %1 of the push: %2")
                    .arg(shown(m.captured(1)), shown(m.captured(2), 200)),
                QStringLiteral("Check the body with promdesk-cli validate --target pushgateway, which lists every "
                               "problem, not only the first.")};
    }
    if (body.contains(QLatin1String("job name is required"))) {
        return {QStringLiteral("The Pushgateway refused the URL: the job is empty."),
                QStringLiteral("Give a job name in the grouping key.")};
    }
    if (body.contains(QLatin1String("improper label name"))) {
        return {QStringLiteral("The Pushgateway refused a grouping label name: %1").arg(shown(body, 200)),
                QStringLiteral("Grouping label names use letters, digits and '_', and may not start with '__'.")};
    }
    if (body.contains(QLatin1String("invalid base64"))) {
        return {QStringLiteral("The Pushgateway could not decode a base64 grouping value: %1").arg(shown(body, 200)),
                QStringLiteral("Values after name@base64/ must be URL-safe base64 of UTF-8 text.")};
    }
    return {QStringLiteral("The Pushgateway refused the request: %1").arg(shown(body, 200)),
            QStringLiteral("The server's message above says why.")};
}

} // namespace

Explanation explainGatewayAnswer(const HttpResult &result, const QString &serverName)
{
    // "The Pushgateway" opens a sentence; inside one it is "the Pushgateway".
    QString server = serverName;
    if (!server.isEmpty())
        server[0] = server[0].toUpper();
    const QString inside = server.startsWith(QLatin1String("The ")) ? QStringLiteral("the ") + server.mid(4) : server;
    // The patterns look at the answer's start: an error message is short, and a huge or hostile
    // body must not cost more than that.
    const QString body = QString::fromUtf8(QByteArrayView(result.body).first(std::min<qsizetype>(result.body.size(), 64 * 1024)));
    switch (result.category) {
    case ErrorCategory::None:
        return {QStringLiteral("Done: %1 answered %2.").arg(inside).arg(result.status), {}};
    case ErrorCategory::CannotConnect:
        return {QStringLiteral("Cannot connect to %1: %2.").arg(inside, result.errorText),
                QStringLiteral("Check the address and port, and that the server is running and reachable from here.")};
    case ErrorCategory::Timeout:
        return {QStringLiteral("%1 did not answer in time.").arg(server),
                QStringLiteral("Check that the address is right and the server is not overloaded, or raise the timeout.")};
    case ErrorCategory::ClosedAfterRequest:
        return {QStringLiteral("%1 closed the connection after receiving the request, without answering: it may have "
                               "been applied.")
                    .arg(server),
                QStringLiteral("Look before sending again (promdesk-cli groups, or the Groups view). Sending the same "
                               "replace (PUT), merge (POST) or delete again is safe: the group ends as after one.")};
    case ErrorCategory::Tls:
        return {QStringLiteral("The TLS connection to %1 failed: %2.").arg(inside, result.errorText),
                QStringLiteral("If the server uses a private CA, give its certificate as the profile's CA file; "
                               "turning verification off is for tests only.")};
    case ErrorCategory::Auth:
        return {QStringLiteral("%1 refused the credentials (HTTP %2).").arg(server).arg(result.status),
                QStringLiteral("Check the user and password or token. For TMP the user is the APPID and the password "
                               "the instance token.")};
    case ErrorCategory::NotFound:
        return {QStringLiteral("Nothing at this URL on %1 (HTTP 404).").arg(inside),
                QStringLiteral("Check the base URL. A gateway started with --web.route-prefix needs that prefix in the "
                               "base URL.")};
    case ErrorCategory::Redirected: {
        const QByteArray location = result.header("Location");
        return {location.isEmpty()
                    ? QStringLiteral("%1 answered HTTP %2, a redirect, without saying where to.").arg(server).arg(result.status)
                    : QStringLiteral("%1 answered HTTP %2: it redirects to %3.")
                          .arg(server)
                          .arg(result.status)
                          .arg(shown(redactUrl(QUrl(QString::fromUtf8(location))), 200)),
                QStringLiteral("PromDesk does not follow redirects: the credentials would go along to wherever they "
                               "point. If you trust that address, give it as the URL.")};
    }
    case ErrorCategory::Rejected:
        if (result.status == 405) {
            return {QStringLiteral("%1 does not allow this method here (HTTP 405).").arg(server),
                    QStringLiteral("Wiping needs the gateway's admin API (--web.enable-admin-api).")};
        }
        return explainRejection(body);
    case ErrorCategory::Server:
        return {QStringLiteral("%1 failed with HTTP %2: %3").arg(server).arg(result.status).arg(shown(body, 200)),
                QStringLiteral("This is the server's problem; try again later.")};
    case ErrorCategory::Cancelled: // what the cancel meant for the request: applied or not
        return {result.errorText.isEmpty() ? QStringLiteral("Cancelled.")
                                           : QStringLiteral("Cancelled: %1.").arg(result.errorText),
                {}};
    case ErrorCategory::Other:
        break;
    }
    return {QStringLiteral("%1: %2").arg(server, result.errorText.isEmpty() ? shown(body, 200) : result.errorText), {}};
}

} // namespace promdesk
