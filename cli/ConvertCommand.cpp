#include "Cli.h"
#include "CliSupport.h"
#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextWriter.h"

namespace promdesk::cli {

namespace {

const QString kUsage = QStringLiteral("promdesk-cli convert --to text|openmetrics|protobuf [--from F] [--output OUT] "
                                      "FILE|-");
const QString kDescription
    = QStringLiteral("Reads metrics and writes them in another format. Input with errors is not converted (so no\n"
                     "line is silently dropped): run 'promdesk-cli validate' to see them and '--fix' to repair.\n");

} // namespace

int runConvert(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Output format: text, openmetrics or protobuf "
                                                     "(length-delimited MetricFamily, as a Pushgateway takes it)."),
                                      QStringLiteral("FORMAT"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        QStringLiteral("Input format: auto, text, openmetrics or protobuf (default "
                                                       "auto)."),
                                        QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("Write here instead of standard output."),
                                          QStringLiteral("OUT"), QStringLiteral("-"));
    const QCommandLineOption noTimestampsOption(QStringLiteral("no-timestamps"),
                                                QStringLiteral("Leave timestamps out (a Pushgateway rejects them)."));
    parser.addOptions({toOption, fromOption, outputOption, noTimestampsOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The input; '-' reads standard input."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, kUsage, kDescription, io))
        return *exit;

    const QString to = parser.value(toOption);
    if (to != u"text" && to != u"openmetrics" && to != u"protobuf") {
        io.err << "promdesk-cli: convert needs --to text, openmetrics or protobuf\nUsage: " << kUsage << '\n';
        return ExitUsage;
    }
    const QString from = parser.value(fromOption);
    if (from != u"auto" && from != u"protobuf" && !formatFromName(from)) {
        io.err << "promdesk-cli: unknown --from '" << from << "'; use auto, text, openmetrics or protobuf\n";
        return ExitUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: convert takes exactly one FILE (or '-')\nUsage: " << kUsage << '\n';
        return ExitUsage;
    }

    Input input(parser.positionalArguments().constFirst(), io);
    if (!input.open()) {
        return ExitUsage;
    }

    MetricSet metrics;
    if (from == u"protobuf") {
        ProtobufReadResult result = readDelimitedProtobuf(input.readAll());
        if (!result.error.isEmpty()) {
            io.err << "promdesk-cli: " << input.displayName() << ": " << result.error << '\n';
            return ExitRejected;
        }
        metrics = std::move(result.metrics);
    } else {
        ParseOptions options;
        options.fileName = input.displayName();
        options.format = from == u"auto" ? input.detect() : *formatFromName(from);
        ParseResult result = parseText(input.readAll(), options);
        if (result.hasErrors()) {
            for (const Problem &problem : result.problems) {
                if (problem.severity == Severity::Error)
                    io.err << formatProblem(problem) << '\n';
            }
            io.err << "promdesk-cli: " << result.stats.errors << " error(s) in " << input.displayName()
                   << "; nothing converted\n";
            return ExitRejected;
        }
        metrics = std::move(result.metrics);
    }

    WriteOptions writeOptions;
    writeOptions.includeTimestamps = !parser.isSet(noTimestampsOption);
    const QByteArray output = to == u"text" ? writeText(metrics, writeOptions)
        : to == u"openmetrics"              ? writeOpenMetrics(metrics, writeOptions)
                                            : writeDelimitedProtobuf(metrics, writeOptions);
    if (const int withoutSum = to == u"openmetrics" ? histogramsLosingTheirSum(metrics) : 0; withoutSum > 0) {
        io.err << "promdesk-cli: warning: " << withoutSum
               << " histogram series have buckets below 0, and OpenMetrics gives such a histogram no _sum: their "
                  "_sum and _count are left out (the +Inf bucket holds the count)\n";
    }
    return writeOutput(parser.value(outputOption), output, io) ? ExitOk : ExitUsage;
}

} // namespace promdesk::cli
