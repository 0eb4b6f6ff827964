#pragma once

#include "Cli.h"
#include "live/ArrivalCheck.h"
#include "live/LiveJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

namespace promdesk::cli {

// The options that make push and write live: repeat every interval, generated values, several
// machines, and the arrival check.
class LiveOptions
{
public:
    void addTo(QCommandLineParser &parser, bool pushgateway);
    // Whether any of them was given: the command then runs as a live job.
    [[nodiscard]] bool requested(const QCommandLineParser &parser) const;

    struct Values
    {
        std::optional<qint64> everyMs;
        std::optional<qint64> count;
        std::optional<qint64> forMs;
        QList<GeneratorAssignment> generators;
        QStringList instances;
        bool sameGroup = false;
        bool verify = false;
        qint64 verifyTimeoutMs = 30000;
        QString queryUrl;
    };
    // Nothing, after naming the flag and what is wrong, on a usage error. `profileQueryUrl`: the
    // profile's, used when --query-url is not given.
    std::optional<Values> values(const QCommandLineParser &parser, const QString &profileQueryUrl, Io &io) const;

private:
    QCommandLineOption m_every{
        QStringLiteral("every"),
        QCoreApplication::translate("LiveOptions",
                                    "Repeat every DURATION (500ms, 2s, 1m; at least 100ms) until stopped, "
                                    "--count or --for."),
        QStringLiteral("DURATION")};
    QCommandLineOption m_count{QStringLiteral("count"),
                               QCoreApplication::translate("LiveOptions", "With --every: stop after N ticks."),
                               QStringLiteral("N")};
    QCommandLineOption m_for{QStringLiteral("for"),
                             QCoreApplication::translate("LiveOptions", "With --every: stop after DURATION."),
                             QStringLiteral("DURATION")};
    QCommandLineOption m_set{
        QStringLiteral("set"),
        QCoreApplication::translate("LiveOptions",
                                    "Give a series a generated value at each tick: now, inc:STEP, random:MIN:MAX, "
                                    "walk:MIN:MAX:STEP or sine:MIN:MAX:PERIOD. SERIES is a metric name or one "
                                    "series as the draft writes it, name{a=\"x\"}. Repeatable."),
        QStringLiteral("SERIES=GENERATOR")};
    QCommandLineOption m_instances{
        QStringLiteral("instances"),
        QCoreApplication::translate("LiveOptions",
                                    "Push once per tick as each of these machines, each with instance=NAME "
                                    "added to the grouping key (remote write: to every series)."),
        QStringLiteral("NAME,NAME...")};
    QCommandLineOption m_sameGroup{
        QStringLiteral("same-group"),
        QCoreApplication::translate("LiveOptions",
                                    "With --instances: leave instance out on purpose, so the machines "
                                    "overwrite one group (the mistake TMP's page warns about).")};
    QCommandLineOption m_verify{
        QStringLiteral("verify"),
        QCoreApplication::translate("LiveOptions",
                                    "Query the pushed series until it shows (exit 4 when it does not in time).")};
    QCommandLineOption m_verifyTimeout{
        QStringLiteral("verify-timeout"),
        QCoreApplication::translate("LiveOptions", "Seconds to wait for the data to show (default 30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30")};
    QCommandLineOption m_queryUrl{
        QStringLiteral("query-url"),
        QCoreApplication::translate("LiveOptions",
                                    "A Prometheus query API base for --verify (default: the profile's). The push's "
                                    "credentials go along only when it is on the push's own server."),
        QStringLiteral("URL")};
    bool m_pushgateway = true;
};

// Runs `spec` until it ends, a refusal stops it, or SIGINT/SIGTERM (the first stops after the
// requests on the wire have their answers, the second stops waiting). Prints one status line
// updated in place on a terminal, one line per tick otherwise, then a summary. With `verify`,
// each answered tick is checked through `query`. Exit: the worst it met — refused (1), network
// (3), not visible (4), else 0; 128 + the signal when interrupted.
int runLiveJob(LiveJobSpec spec, const LiveOptions::Values &options, PushgatewayClient *gateway,
               RemoteWriteClient *writer, HttpClient &http, const QueryEndpoint &query, const QUrl &gatewayUrl,
               const RequestTag &tag, Io &io);

} // namespace promdesk::cli
