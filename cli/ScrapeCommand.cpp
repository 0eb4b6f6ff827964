#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "importers/Scrape.h"
#include "net/HttpClient.h"
#include "net/Redactor.h"

#include <QCoreApplication>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ScrapeCommand)
};

const QString kUsage = QStringLiteral(
    "promdesk-cli scrape [--timeout S] [--output OUT] [--user USER --password-stdin | --bearer-stdin] URL");
QString description()
{
    return Tr::tr("Reads an exporter's metrics as Prometheus scrapes them (text 0.0.4 preferred, OpenMetrics\n"
                  "accepted, protobuf converted to text) and writes them, to compose or push from. A summary of\n"
                  "what was read and its problems goes to standard error.\n");
}

} // namespace

int runScrape(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          Tr::tr("Write here instead of standard output."), QStringLiteral("OUT"),
                                          QStringLiteral("-"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), Tr::tr("Give up after S seconds (default 15)."),
                                           QStringLiteral("S"), QStringLiteral("15"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), Tr::tr("Basic-auth user, for an exporter that asks for one."), QStringLiteral("USER"));
    const QCommandLineOption passwordOption(QStringLiteral("password-stdin"),
                                            Tr::tr("Read the basic-auth password from standard input."));
    const QCommandLineOption bearerOption(QStringLiteral("bearer-stdin"),
                                          Tr::tr("Read a bearer token from standard input."));
    parser.addOptions({outputOption, timeoutOption, userOption, passwordOption, bearerOption});
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 Tr::tr("The exporter's metrics address, e.g. http://127.0.0.1:9100/metrics."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, kUsage, description(), io))
        return *exit;
    const QUrl url(parser.positionalArguments().value(0), QUrl::StrictMode);
    if (parser.positionalArguments().size() != 1 || !url.isValid()
        || (url.scheme() != u"http" && url.scheme() != u"https")) {
        io.err << "promdesk-cli: " << Tr::tr("scrape needs one http:// or https:// URL") << '\n'
               << Tr::tr("Usage: %1").arg(kUsage) << '\n';
        return ExitUsage;
    }
    if (!url.userInfo().isEmpty()) {
        io.err << "promdesk-cli: "
               << Tr::tr("the URL has a user or password in it; credentials never go in a URL (or on the command "
                         "line). Give the user with --user and the password on standard input with "
                         "--password-stdin.\n");
        return ExitUsage;
    }
    if (parser.isSet(userOption) && !parser.isSet(passwordOption)) {
        io.err << "promdesk-cli: "
               << Tr::tr("--user needs --password-stdin (passwords never go on the command line)\n");
        return ExitUsage;
    }
    const std::optional<Credentials> credentials
        = credentialsFromStdin(parser.isSet(passwordOption), parser.isSet(bearerOption), parser.value(userOption), io);
    if (!credentials)
        return ExitUsage;
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(timeoutOption).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0) {
        io.err << "promdesk-cli: " << Tr::tr("--timeout needs a whole number of seconds, 1 or more\n");
        return ExitUsage;
    }

    HttpClient http;
    recordHistory(http, io);
    const HttpResult result = await<HttpResult>([&](QObject *context, auto done) {
        HttpRequest request = scrapeRequest(url, timeoutSeconds * 1000);
        request.credentials = *credentials;
        http.send(request, context, [done](const HttpResult &r) { done(r); });
    });
    const ScrapedMetrics scraped = scrapedMetrics(result, url);
    if (!scraped.ok()) {
        io.err << "promdesk-cli: " << scraped.error << '\n';
        return result.ok() ? ExitRejected : exitCodeFor(result);
    }
    if (!writeOutput(parser.value(outputOption), scraped.text, io))
        return ExitUsage;
    ParseOptions options;
    options.fileName = redactUrl(url);
    options.format = scraped.format;
    const ParseResult parsed = parseText(scraped.text, options);
    //: %1: the address; %4: the format read (text, openmetrics...); %7: the HTTP status code.
    io.err << (parsed.stats.families == 1
                   ? Tr::tr("%1: %2 sample(s) in %3 family (%4), %5 error(s), %6 warning(s); HTTP %7 in %8 ms\n")
                   : Tr::tr("%1: %2 sample(s) in %3 families (%4), %5 error(s), %6 warning(s); HTTP %7 in %8 ms\n"))
                  .arg(redactUrl(url), QString::number(parsed.stats.samples), QString::number(parsed.stats.families),
                       formatName(scraped.format), QString::number(parsed.stats.errors),
                       QString::number(parsed.stats.warnings), QString::number(result.status),
                       QString::number(result.durationMs));
    return ExitOk;
}

} // namespace promdesk::cli
