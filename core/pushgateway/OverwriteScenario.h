#pragma once

#include "model/MetricFamily.h"
#include "pushgateway/GroupingKey.h"
#include "pushgateway/PushgatewayClient.h"

#include <QList>
#include <QString>

namespace promdesk {

/// One step of the grouping-key demonstration: a machine pushes, and why the result is what it is.
struct ScenarioStep
{
    QString title;
    QString machine;
    GroupingKey key;
    MetricSet metrics;
    PushMethod method = PushMethod::Replace;
    QString why;
};

inline const QString kOverwriteDemoJob = QStringLiteral("overwrite_demo");

// Two machines push job "overwrite_demo" without, then with, an instance key; then merge (POST)
// and replace (PUT) are compared. Shared by `promdesk-cli demo overwrite` and the GUI's lab.
QList<ScenarioStep> overwriteScenario();

} // namespace promdesk
