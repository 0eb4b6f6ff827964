#pragma once

#include "pushgateway/GatewayGroups.h"
#include "pushgateway/OverwriteScenario.h"

#include <QList>
#include <QString>

namespace promdesk {

/// One series a gateway holds for a job after a push, compared with what it held before.
struct HeldSeries
{
    /// How the series differs from the previous reading of the gateway.
    enum class Change { Same, New, Changed, Gone };
    QString group;  // {instance="a",job="x"}
    QString series; // name{labels}
    QString value;  // as text exposition writes it; for a histogram or summary its count and sum
    Change change = Change::Same;
    QString was; // Changed: the value before
};

// What `after` holds for `job`, series by series, marked against `before` (nothing before: all
// new); series that went are listed too, as Gone. Sorted by group, then series.
QList<HeldSeries> compareHoldings(const GatewayGroups *before, const GatewayGroups &after, const QString &job);

QString changeName(HeldSeries::Change change);

/// One step of the lab as it ran: the step, the request the machine sent, and what the gateway
/// held afterwards.
struct WalkthroughStep
{
    ScenarioStep step;
    QString request; // "PUT /metrics/job/overwrite_demo" and the body
    QList<HeldSeries> held;
};

// The lab's steps as Markdown, for training: each step's request, what the gateway then held
// (a table, the changes marked) and why.
QString walkthroughMarkdown(const QString &introduction, const QList<WalkthroughStep> &steps);

} // namespace promdesk
