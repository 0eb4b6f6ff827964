#pragma once

#include "model/MetricFamily.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QTextStream;

#include <optional>

namespace promdesk {

/// One group as a Pushgateway lists it in GET /api/v1/metrics.
struct GatewayGroup
{
    Labels groupingKey; // job and the grouping labels
    bool lastPushSuccessful = true;
    std::optional<double> pushTimeSeconds;        // 0 / absent: never
    std::optional<double> pushFailureTimeSeconds; // 0 / absent: never failed
    MetricSet metrics;                            // without push_time_seconds and push_failure_time_seconds
};

/// Every group a Pushgateway holds, as /api/v1/metrics lists them.
struct GatewayGroups
{
    QList<GatewayGroup> groups;

    [[nodiscard]] const GatewayGroup *find(const Labels &groupingKey) const;
    [[nodiscard]] QList<const GatewayGroup *> ofJob(const QString &job) const;
};

// The groups (of one job, or all when `job` is empty) as text, sorted by grouping key: each
// group with its last push, then its series. What the CLI prints and the overwrite lab shows.
QString renderGroups(const GatewayGroups &groups, const QString &job = {});
// The same, written to `out` as it goes: a stream on a device then holds about one group's text,
// not all of it.
void renderGroups(QTextStream &out, const GatewayGroups &groups, const QString &job = {});

// Parses the JSON of GET /api/v1/metrics. On malformed input returns nothing and says why.
std::optional<GatewayGroups> parseGatewayGroups(const QByteArray &json, QString *error = nullptr);

} // namespace promdesk
