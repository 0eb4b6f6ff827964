#include "pushgateway/OverwriteScenario.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OverwriteScenario)
};

MetricSet backupMetrics(double lastSuccess, double sizeBytes, bool withTime = true)
{
    MetricSet set;
    if (withTime) {
        MetricFamily time{QStringLiteral("backup_last_success_timestamp_seconds"),
                          MetricType::Gauge,
                          QStringLiteral("When the last backup finished."),
                          {},
                          {}};
        Metric metric;
        metric.value = lastSuccess;
        time.metrics.append(metric);
        set.families.append(time);
    }
    MetricFamily size{
        QStringLiteral("backup_size_bytes"), MetricType::Gauge, QStringLiteral("Size of the last backup."), {}, {}};
    Metric metric;
    metric.labels.set(QStringLiteral("db"), QStringLiteral("customers"));
    metric.value = sizeBytes;
    size.metrics.append(metric);
    set.families.append(size);
    return set;
}

} // namespace

QList<ScenarioStep> overwriteScenario()
{
    const GroupingKey shared(kOverwriteDemoJob);
    const GroupingKey machineA(kOverwriteDemoJob, {{QStringLiteral("instance"), QStringLiteral("host-a")}});
    const GroupingKey machineB(kOverwriteDemoJob, {{QStringLiteral("instance"), QStringLiteral("host-b")}});
    return {
        {Tr::tr("Machine A pushes without an instance key"), QStringLiteral("host-a"), shared,
         backupMetrics(1700000000, 1.2e9), PushMethod::Replace,
         Tr::tr("a new group {job=\"overwrite_demo\"} now holds A's values; its series get instance=\"\".")},
        {Tr::tr("Machine B pushes the same job without an instance key"), QStringLiteral("host-b"), shared,
         backupMetrics(1700000600, 3.4e9), PushMethod::Replace,
         Tr::tr("B used the same grouping key, so it wrote to the same group: A's values are gone, and nothing shows "
                "that A ever pushed.")},
        {Tr::tr("Machine A pushes with instance=host-a"), QStringLiteral("host-a"), machineA,
         backupMetrics(1700001200, 1.3e9), PushMethod::Replace,
         Tr::tr("a different grouping key is a different group. The old instance-less group stays until someone "
                "deletes it.")},
        {Tr::tr("Machine B pushes with instance=host-b"), QStringLiteral("host-b"), machineB,
         backupMetrics(1700001800, 3.5e9), PushMethod::Replace,
         Tr::tr("each machine now has its own group, and neither overwrites the other.")},
        {Tr::tr("Machine A merges (POST) only backup_size_bytes"), QStringLiteral("host-a"), machineA,
         backupMetrics(0, 1.4e9, false), PushMethod::Merge,
         Tr::tr("POST replaces only the families it names: the timestamp family is kept.")},
        {Tr::tr("Machine A replaces (PUT) with only backup_size_bytes"), QStringLiteral("host-a"), machineA,
         backupMetrics(0, 1.5e9, false), PushMethod::Replace,
         Tr::tr("PUT replaces the whole group: backup_last_success_timestamp_seconds is gone.")},
    };
}

} // namespace promdesk
