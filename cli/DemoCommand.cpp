#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "pushgateway/OverwritePreview.h"
#include "pushgateway/OverwriteScenario.h"

#include <QCoreApplication>

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
    const QCommandLineOption keep(QStringLiteral("keep"), Tr::tr("Leave the demo's groups on the gateway."));
    parser.addOption(keep);
    parser.addPositionalArgument(QStringLiteral("overwrite"), Tr::tr("The demonstration to run."));
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, usage,
                         Tr::tr("Shows, against a real Pushgateway, how grouping keys decide what a push overwrites:\n"
                                "two machines push job \"overwrite_demo\" without and then with an instance key, then\n"
                                "merge (POST) and replace (PUT) are compared. Uses and cleans up only that job.\n"),
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
    if (!demo.clear())
        return ExitNetwork;

    bool ok = true;
    for (const ScenarioStep &step : overwriteScenario()) {
        ok = demo.step(step);
        if (!ok)
            break;
    }
    if (!parser.isSet(keep))
        demo.clear();
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
