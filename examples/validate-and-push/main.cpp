// validate-and-push: checks a metrics file as a Pushgateway would, and pushes it (PUT) to a
// group only when nothing in it is an error. Built on the PromDesk core alone.
//
//   validate-and-push GATEWAY_URL JOB FILE [NAME=VALUE...]
//   validate-and-push http://127.0.0.1:9091 batch metrics.prom instance=web-1
//
// Exit status: 0 pushed; 1 the file has errors (each printed, nothing sent) or the gateway
// refused the push; 2 a usage error.
#include <promdesk/exposition/TextParser.h>
#include <promdesk/pushgateway/PushgatewayClient.h>

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <cstdio>

namespace {

void printError(const QString &line)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(line));
}

// JOB and NAME=VALUE pairs as a grouping key; nothing when a pair has no '='.
std::optional<promdesk::GroupingKey> groupingKey(const QString &job, const QStringList &pairs)
{
    promdesk::GroupingKey key(job);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return std::nullopt;
        key.addLabel(pair.left(equals), pair.mid(equals + 1));
    }
    return key;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.size() < 3) {
        printError(QStringLiteral("usage: validate-and-push GATEWAY_URL JOB FILE [NAME=VALUE...]"));
        return 2;
    }
    const std::optional<promdesk::GroupingKey> key = groupingKey(arguments[1], arguments.mid(3));
    if (!key || !key->validate().isEmpty()) {
        printError(QStringLiteral("the grouping key is not one a Pushgateway takes: ")
                   + (key ? key->validate().join(QStringLiteral("; ")) : QStringLiteral("NAME=VALUE expected")));
        return 2;
    }
    QFile file(arguments[2]);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(file.fileName() + QStringLiteral(": ") + file.errorString());
        return 2;
    }
    const QByteArray body = file.readAll();

    // 1. Validate with the rules the Pushgateway enforces, every problem at once.
    promdesk::ParseOptions options;
    options.target = promdesk::ValidationTarget::Pushgateway;
    options.fileName = file.fileName();
    const promdesk::ParseResult parsed = promdesk::parseText(body, options);
    for (const promdesk::Problem &problem : parsed.problems)
        printError(promdesk::formatProblem(problem));
    if (parsed.hasErrors()) {
        printError(QStringLiteral("nothing pushed: %1 error(s)").arg(parsed.stats.errors));
        return 1;
    }
    // A PUT without a sample would empty the group: never by accident.
    if (parsed.stats.samples == 0) {
        printError(QStringLiteral("nothing pushed: the file holds no sample, and pushing it would empty the group"));
        return 1;
    }

    // 2. Push the file's own bytes to the group; the answer comes back on the event loop.
    promdesk::HttpClient http;
    promdesk::GatewayEndpoint endpoint;
    endpoint.baseUrl = QUrl(arguments[0]);
    promdesk::PushgatewayClient gateway(endpoint, &http);
    int status = 1;
    gateway.push(*key, body, promdesk::PushOptions{}, &app, [&](const promdesk::HttpResult &result) {
        if (result.ok()) {
            std::printf("pushed %lld sample(s) to %s: HTTP %d\n", static_cast<long long>(parsed.stats.samples),
                        qPrintable(key->toString()), result.status);
            status = 0;
        } else {
            printError(QStringLiteral("the push failed: HTTP %1 %2 %3")
                           .arg(result.status)
                           .arg(result.errorText, QString::fromUtf8(result.body.left(500))));
        }
        app.quit();
    });
    app.exec();
    return status;
}
