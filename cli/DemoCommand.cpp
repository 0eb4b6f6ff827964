#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "pushgateway/GroupPruning.h"
#include "pushgateway/OverwritePreview.h"
#include "pushgateway/OverwriteScenario.h"
#include "util/Printable.h"

#include <QCoreApplication>

#include <optional>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
};

const QString &kJob = kOverwriteDemoJob;

// One machine's push, shown as: what it sends, what the preview says, the answer, what the gateway holds.
class Demo
{
public:
    Demo(PushgatewayClient &client, Io &io)
        : m_client(client)
        , m_io(io)
    {}

    bool step(const ScenarioStep &s)
    {
        const QString &title = s.title;
        const QString &machine = s.machine;
        const GroupingKey &key = s.key;
        const MetricSet &metrics = s.metrics;
        const PushMethod method = s.method;
        const QString &why = s.why;
        m_io.out << "\n== " << ++m_step << ". " << title << " ==\n";
        //: %1: a machine's name; %2: the HTTP method (PUT or POST); %3: the path it is sent to.
        m_io.out << Tr::tr("%1 sends %2 %3")
                        .arg(machine, method == PushMethod::Replace ? QStringLiteral("PUT") : QStringLiteral("POST"),
                             m_client.groupUrl(key).path())
                 << '\n';
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
        m_io.out << Tr::tr("The gateway now holds for job %1:\n").arg(kJob) << renderGroups(*after, kJob);
        m_io.out << Tr::tr("Why: %1").arg(why) << '\n';
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

    // Deletes these groups, one request each.
    void remove(const QList<GroupingKey> &keys)
    {
        for (const GroupingKey &key : keys) {
            await<HttpResult>([&](QObject *context, auto done) {
                m_client.deleteGroup(key, context, [done](const HttpResult &r) { done(r); });
            });
        }
    }

private:
    PushgatewayClient &m_client;
    Io &m_io;
    int m_step = 0;
};

// The grouping keys of the job's groups on the gateway.
QList<GroupingKey> keysOf(const GatewayGroups &groups)
{
    QList<GroupingKey> keys;
    for (const GatewayGroup *group : groups.ofJob(kJob))
        keys.append(groupingKeyOf(*group));
    return keys;
}

// The groups the demo's steps push: all it deletes when it is done.
QList<GroupingKey> demoKeys()
{
    QList<GroupingKey> keys;
    for (const ScenarioStep &step : overwriteScenario()) {
        if (!keys.contains(step.key))
            keys.append(step.key);
    }
    return keys;
}

// The demo needs the job to itself: groups already there (an operator's, or a run with --keep)
// are deleted only when asked. The exit status, after saying why, when the demo cannot start:
// the gateway's groups could not be read, or groups are there and deleting them was not asked.
std::optional<int> refusalToStart(Demo &demo, bool replaceExisting, Io &io)
{
    const std::optional<GatewayGroups> before = demo.groups();
    if (!before)
        return ExitNetwork;
    const QList<GroupingKey> existing = keysOf(*before);
    if (!existing.isEmpty() && !replaceExisting) {
        QStringList names;
        for (const GroupingKey &key : existing)
            names << key.toString();
        io.err << "promdesk-cli: "
               << Tr::tr("the gateway holds %n group(s) of job %1, which the demo would delete: %2. Nothing was "
                         "run; delete them yourself, or run again with --replace-existing to have the demo delete "
                         "them first",
                         nullptr, int(existing.size()))
                      .arg(kJob, printable(names.join(QStringLiteral(", ")), PrintableOptions{400, false}))
               << '\n';
        return ExitUsage;
    }
    demo.remove(existing);
    return std::nullopt;
}

} // namespace

int runDemo(const QStringList &arguments, Io &io)
{
    const QString usage = QStringLiteral("promdesk-cli demo overwrite --url URL");
    QCommandLineParser parser;
    GatewayOptions gateway;
    gateway.addTo(parser, false);
    const QCommandLineOption keep(QStringLiteral("keep"), Tr::tr("Leave the demo's groups on the gateway."));
    const QCommandLineOption replaceExisting(
        QStringLiteral("replace-existing"),
        Tr::tr("Delete the groups job overwrite_demo already has on the gateway first (without it, the demo does "
               "not run while there are any)."));
    parser.addOptions({keep, replaceExisting});
    parser.addPositionalArgument(QStringLiteral("overwrite"), Tr::tr("The demonstration to run."));
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage,
                         Tr::tr("Shows, against a real Pushgateway, how grouping keys decide what a push overwrites:\n"
                                "two machines push job \"overwrite_demo\" without and then with an instance key, then\n"
                                "merge (POST) and replace (PUT) are compared. Uses only that job, and deletes only\n"
                                "the groups it pushed.\n"),
                         io))
        return *exit;
    if (parser.positionalArguments() != QStringList{QStringLiteral("overwrite")}) {
        io.err << "promdesk-cli: " << Tr::tr("the demonstration is 'overwrite'") << '\n'
               << Tr::tr("Usage: %1").arg(usage) << '\n';
        return ExitUsage;
    }
    const std::optional<GatewayEndpoint> endpoint = gateway.endpoint(parser, io);
    if (!endpoint)
        return ExitUsage;
    HttpClient http;
    recordHistory(http, io);
    PushgatewayClient client(*endpoint, &http);
    Demo demo(client, io);
    if (const std::optional<int> refused = refusalToStart(demo, parser.isSet(replaceExisting), io))
        return *refused;

    bool ok = true;
    for (const ScenarioStep &step : overwriteScenario()) {
        ok = demo.step(step);
        if (!ok)
            break;
    }
    if (!parser.isSet(keep))
        demo.remove(demoKeys());
    //: The demo's groups were left on the gateway.
    const QString kept = Tr::tr("kept");
    //: The demo's groups were removed from the gateway.
    const QString deleted = Tr::tr("deleted");
    io.out << '\n'
           << (ok ? Tr::tr("Done: the demo's groups were %1.") : Tr::tr("Stopped: the demo's groups were %1."))
                  .arg(parser.isSet(keep) ? kept : deleted)
           << '\n';
    return ok ? ExitOk : ExitNetwork;
}

} // namespace promdesk::cli
