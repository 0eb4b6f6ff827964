#include "cli/Cli.h"
#include "cli/CliSupport.h"
#include "cli/CliHistory.h"
#include "cli/GatewayOptions.h"
#include "pushgateway/OverwritePreview.h"

namespace promdesk::cli {

QString renderGroups(const GatewayGroups &groups, const QString &job);

namespace {

const QString kJob = QStringLiteral("overwrite_demo");

MetricSet backupMetrics(double lastSuccess, double sizeBytes, bool withSize = true, bool withTime = true)
{
    MetricSet set;
    if (withTime) {
        MetricFamily time{QStringLiteral("backup_last_success_timestamp_seconds"), MetricType::Gauge,
                          QStringLiteral("When the last backup finished."), {}, {}};
        Metric metric;
        metric.value = lastSuccess;
        time.metrics.append(metric);
        set.families.append(time);
    }
    if (withSize) {
        MetricFamily size{QStringLiteral("backup_size_bytes"), MetricType::Gauge, QStringLiteral("Size of the last backup."), {}, {}};
        Metric metric;
        metric.labels.set(QStringLiteral("db"), QStringLiteral("customers"));
        metric.value = sizeBytes;
        size.metrics.append(metric);
        set.families.append(size);
    }
    return set;
}

// One machine's push, shown as: what it sends, what the preview says, the answer, what the gateway holds.
class Demo
{
public:
    Demo(PushgatewayClient &client, Io &io) : m_client(client), m_io(io) {}

    bool step(const QString &title, const QString &machine, const GroupingKey &key, const MetricSet &metrics,
              PushMethod method, const QString &why)
    {
        m_io.out << "\n== " << ++m_step << ". " << title << " ==\n";
        m_io.out << machine << " sends " << (method == PushMethod::Replace ? "PUT " : "POST ")
                 << m_client.groupUrl(key).path() << '\n';
        const std::optional<GatewayGroups> before = groups();
        if (!before)
            return false;
        m_io.out << renderPreview(previewPush(metrics, key, method, *before));
        PushOptions options;
        options.method = method;
        const HttpResult result = await<HttpResult>([&](QObject *context, auto done) {
            m_client.push(key, metrics, options, context, [done](const HttpResult &r) { done(r); });
        });
        m_io.out << "-> HTTP " << result.status << '\n';
        if (!result.ok()) {
            m_io.out.flush();
            reportResult(result, QStringLiteral("push"), m_io);
            return false;
        }
        const std::optional<GatewayGroups> after = groups();
        if (!after)
            return false;
        m_io.out << "The gateway now holds for job " << kJob << ":\n" << renderGroups(*after, kJob);
        m_io.out << "Why: " << why << '\n';
        m_io.out.flush();
        return true;
    }

    std::optional<GatewayGroups> groups()
    {
        const auto [result, groups, error] = listGroups(m_client);
        if (!groups) {
            m_io.out.flush();
            reportResult(result, QStringLiteral("GET /api/v1/metrics"), m_io);
        }
        return groups;
    }

    bool clear()
    {
        const std::optional<GatewayGroups> all = groups();
        if (!all)
            return false;
        for (const GatewayGroup *group : all->ofJob(kJob)) {
            GroupingKey key(kJob);
            for (const Label &label : group->groupingKey) {
                if (label.name != u"job")
                    key.addLabel(label.name, label.value);
            }
            await<HttpResult>([&](QObject *context, auto done) {
                m_client.deleteGroup(key, context, [done](const HttpResult &r) { done(r); });
            });
        }
        return true;
    }

private:
    PushgatewayClient &m_client;
    Io &m_io;
    int m_step = 0;
};

} // namespace

int runDemo(const QStringList &arguments, Io &io)
{
    const QString usage = QStringLiteral("promdesk-cli demo overwrite --url URL");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, false);
    const QCommandLineOption keep(QStringLiteral("keep"), QStringLiteral("Leave the demo's groups on the gateway."));
    parser.addOption(keep);
    parser.addPositionalArgument(QStringLiteral("overwrite"), QStringLiteral("The demonstration to run."));
    if (const std::optional<int> exit = parseArguments(
            parser, arguments, usage,
            QStringLiteral("Shows, against a real Pushgateway, how grouping keys decide what a push overwrites:\n"
                           "two machines push job \"overwrite_demo\" without and then with an instance key, then\n"
                           "merge (POST) and replace (PUT) are compared. Uses and cleans up only that job.\n"),
            io))
        return *exit;
    if (parser.positionalArguments() != QStringList{QStringLiteral("overwrite")}) {
        io.err << "promdesk-cli: the demonstration is 'overwrite'\nUsage: " << usage << '\n';
        return ExitUsage;
    }
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    if (!endpoint)
        return ExitUsage;
    HttpClient http;
    recordHistory(http, io);
    PushgatewayClient client(*endpoint, &http);
    Demo demo(client, io);
    if (!demo.clear())
        return ExitNetwork;

    const GroupingKey shared(kJob);
    const GroupingKey machineA(kJob, {{QStringLiteral("instance"), QStringLiteral("host-a")}});
    const GroupingKey machineB(kJob, {{QStringLiteral("instance"), QStringLiteral("host-b")}});
    const bool ok =
        demo.step(QStringLiteral("Machine A pushes without an instance key"), QStringLiteral("host-a"), shared,
                  backupMetrics(1700000000, 1.2e9), PushMethod::Replace,
                  QStringLiteral("a new group {job=\"overwrite_demo\"} now holds A's values; its series get instance=\"\".")) &&
        demo.step(QStringLiteral("Machine B pushes the same job without an instance key"), QStringLiteral("host-b"), shared,
                  backupMetrics(1700000600, 3.4e9), PushMethod::Replace,
                  QStringLiteral("B used the same grouping key, so it wrote to the same group: A's values are gone, "
                                 "and nothing shows that A ever pushed.")) &&
        demo.step(QStringLiteral("Machine A pushes with instance=host-a"), QStringLiteral("host-a"), machineA,
                  backupMetrics(1700001200, 1.3e9), PushMethod::Replace,
                  QStringLiteral("a different grouping key is a different group. The old instance-less group stays "
                                 "until someone deletes it.")) &&
        demo.step(QStringLiteral("Machine B pushes with instance=host-b"), QStringLiteral("host-b"), machineB,
                  backupMetrics(1700001800, 3.5e9), PushMethod::Replace,
                  QStringLiteral("each machine now has its own group, and neither overwrites the other.")) &&
        demo.step(QStringLiteral("Machine A merges (POST) only backup_size_bytes"), QStringLiteral("host-a"), machineA,
                  backupMetrics(0, 1.4e9, true, false), PushMethod::Merge,
                  QStringLiteral("POST replaces only the families it names: the timestamp family is kept.")) &&
        demo.step(QStringLiteral("Machine A replaces (PUT) with only backup_size_bytes"), QStringLiteral("host-a"), machineA,
                  backupMetrics(0, 1.5e9, true, false), PushMethod::Replace,
                  QStringLiteral("PUT replaces the whole group: backup_last_success_timestamp_seconds is gone."));
    if (!parser.isSet(keep))
        demo.clear();
    io.out << (ok ? "\nDone: the demo's groups were " : "\nStopped: the demo's groups were ")
           << (parser.isSet(keep) ? "kept" : "deleted") << ".\n";
    return ok ? ExitOk : ExitNetwork;
}

} // namespace promdesk::cli
