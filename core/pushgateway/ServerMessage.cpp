#include "pushgateway/ServerMessage.h"

#include "model/Labels.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServerMessage)
};

Explanation explainRejection(const QString &body)
{
    static const QRegularExpression typeMismatch(
        QString::fromLatin1(R"re(gathered metric family (\S+) has type (\S+) but should have (\S+))re"));
    // client_golang's consistency check dumps the pushed metric: `collected metric "x" { … counter:<value:1 > } is not a GAUGE`.
    static const QRegularExpression notType(QString::fromLatin1(
        R"re(collected metric "?(\w+)"? \{.*?\b(counter|gauge|untyped|summary|histogram):<.*\} is not an? (\w+))re"));
    static const QRegularExpression parseError(
        QString::fromLatin1(R"re(text format parsing error in line (\d+): (.*))re"));
    static const QRegularExpression collides(QString::fromLatin1(
        R"re(collected metric named "(\w+)" collides with previously collected (\w+) named "(\w+)")re"));

    if (body.contains(QLatin1String("must not have timestamps"))) {
        return {Tr::tr("The Pushgateway refused the push: it does not accept samples with timestamps."),
                Tr::tr("Remove the timestamps (promdesk-cli validate --target pushgateway --fix does it), or "
                       "send the samples through remote write, which keeps them.")};
    }
    // Which side of a type conflict the gateway reports first depends on its map order, so say
    // what is known — two types for one name — without guessing which one this push brought.
    if (const auto m = typeMismatch.match(body); m.hasMatch()) {
        //: %1 is a metric name; %2 and %3 are metric types as Prometheus writes them (counter, gauge…)
        return {Tr::tr("The Pushgateway refused the push: '%1' would have two types, %2 and %3. A metric name "
                       "needs one type across all groups and the gateway's own metrics.")
                    .arg(shownAnswer(m.captured(1)), shownAnswer(m.captured(2).toLower()),
                         shownAnswer(m.captured(3).toLower())),
                Tr::tr("Use the same type for '%1' in every group, or give this metric another name.")
                    .arg(shownAnswer(m.captured(1)))};
    }
    if (const auto m = notType.match(body); m.hasMatch()) {
        QString series;
        static const QRegularExpression labelPair(
            QString::fromLatin1(R"re(label:<name:"(\w+)" value:"((?:[^"\\]|\\.)*)" >)re"));
        Labels labels;
        for (auto it = labelPair.globalMatch(m.captured(0)); it.hasNext();) {
            const auto pair = it.next();
            labels.set(pair.captured(1), pair.captured(2));
        }
        //: %1 is a metric name; %2 and %3 are metric types as Prometheus writes them; %4 is a label set
        return {Tr::tr("The Pushgateway refused the push: '%1' would have two types, %2 and %3 (the series "
                       "%1%4 is a %2). A metric name needs one type across all groups and the gateway's own "
                       "metrics.")
                    .arg(shownAnswer(m.captured(1)), shownAnswer(m.captured(2)), shownAnswer(m.captured(3).toLower()),
                         shownAnswer(labels.toString(), 200)),
                Tr::tr("Use the same type for '%1' in every group, or give this metric another name.")
                    .arg(shownAnswer(m.captured(1)))};
    }
    if (const auto m = collides.match(body); m.hasMatch()) {
        return {//: %1 and %3 are metric names; %2 is a metric type as Prometheus writes it (counter, gauge…)
                Tr::tr("The Pushgateway refused the push: '%1' clashes with the %2 '%3', whose samples use that "
                       "name.")
                    .arg(shownAnswer(m.captured(1)), shownAnswer(m.captured(2)), shownAnswer(m.captured(3))),
                Tr::tr("Rename '%1'.").arg(shownAnswer(m.captured(1)))};
    }
    if (body.contains(QLatin1String("was collected before with the same name and label values"))) {
        return {Tr::tr("The Pushgateway refused the push: the same series appears twice."),
                Tr::tr("Remove the repeated series (promdesk-cli validate --fix finds and drops exact repeats).")};
    }
    if (body.contains(QLatin1String("unexpected end of input stream"))) {
        return {Tr::tr("The Pushgateway could not parse the push: the last line does not end with a newline."),
                Tr::tr("End the body with a newline; promdesk-cli validate --fix adds it.")};
    }
    if (const auto m = parseError.match(body); m.hasMatch()) {
        return {Tr::tr("The Pushgateway could not parse line %1 of the push: %2")
                    .arg(shownAnswer(m.captured(1)), shownAnswer(m.captured(2), 200)),
                Tr::tr("Check the body with promdesk-cli validate --target pushgateway, which lists every "
                       "problem, not only the first.")};
    }
    if (body.contains(QLatin1String("job name is required"))) {
        return {Tr::tr("The Pushgateway refused the URL: the job is empty."),
                Tr::tr("Give a job name in the grouping key.")};
    }
    if (body.contains(QLatin1String("improper label name"))) {
        return {Tr::tr("The Pushgateway refused a grouping label name: %1").arg(shownAnswer(body, 200)),
                Tr::tr("Grouping label names use letters, digits and '_', and may not start with '__'.")};
    }
    if (body.contains(QLatin1String("invalid base64"))) {
        return {Tr::tr("The Pushgateway could not decode a base64 grouping value: %1").arg(shownAnswer(body, 200)),
                Tr::tr("Values after name@base64/ must be URL-safe base64 of UTF-8 text.")};
    }
    return {Tr::tr("The Pushgateway refused the request: %1").arg(shownAnswer(body, 200)),
            Tr::tr("The server's message above says why.")};
}

} // namespace

Explanation explainGatewayAnswer(const HttpResult &result, const QString &serverName)
{
    Explanation explanation = explainAnswer(result, serverName);
    switch (result.category) {
    case ErrorCategory::Rejected:
        // The gateway answers 405 on its own paths that take other methods (PUT /metrics): a
        // base URL with a path of the gateway's in it.
        if (result.status == 405) {
            return {Tr::tr("%1 does not allow this method here (HTTP 405).").arg(sentenceStart(serverName)),
                    Tr::tr("Check the base URL: it is the gateway's root URL (with its --web.route-prefix, "
                           "if it has one), not one of its pages such as /metrics.")};
        }
        return explainRejection(answerStart(result));
    case ErrorCategory::ClosedAfterRequest:
        explanation.advice = Tr::tr("Look before sending again (promdesk-cli groups, or the Groups view). "
                                    "Sending the same replace (PUT), merge (POST) or delete again is safe: "
                                    "the group ends as after one.");
        return explanation;
    case ErrorCategory::NotFound:
        explanation.advice = Tr::tr("Check the base URL. A gateway started with --web.route-prefix needs that "
                                    "prefix in the base URL.");
        return explanation;
    default:
        return explanation;
    }
}

Explanation explainWipeAnswer(const HttpResult &result, const QString &serverName)
{
    Explanation explanation = explainGatewayAnswer(result, serverName);
    if (result.category == ErrorCategory::NotFound) {
        explanation.advice = Tr::tr("Wiping needs the gateway's admin API: start it with "
                                    "--web.enable-admin-api, or delete the groups one by one. If it has the "
                                    "admin API, check the base URL.");
    }
    return explanation;
}

} // namespace promdesk
