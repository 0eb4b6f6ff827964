#include "Cli.h"
#include "CliSupport.h"
#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextWriter.h"
#include "util/Printable.h"

#include <QCoreApplication>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConvertCommand)
};

const QString kUsage = QStringLiteral("promdesk-cli convert --to text|openmetrics|protobuf [--from F] [--output OUT] "
                                      "FILE|-");
QString description()
{
    return Tr::tr("Reads metrics and writes them in another format. Input with errors is not converted (so no\n"
                  "line is silently dropped): run 'promdesk-cli validate' to see them and '--fix' to repair.\n");
}

// OpenMetrics names a counter's samples NAME_total and an info's NAME_info: a family named
// otherwise keeps its samples' names but not its type, which the operator is told (a few names).
void warnOfRetypedFamilies(const QStringList &names, Io &io)
{
    if (names.isEmpty())
        return;
    io.err << "promdesk-cli: warning: "
           << Tr::tr("written as unknown or gauge: %1. OpenMetrics names a counter's samples NAME_total and "
                     "an info's NAME_info, and these names lack the suffix; rename them to keep their type\n")
                  .arg(someNames(names));
}

} // namespace

int runConvert(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      Tr::tr("Output format: text, openmetrics or protobuf "
                                             "(length-delimited MetricFamily, as a Pushgateway takes it)."),
                                      QStringLiteral("FORMAT"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        Tr::tr("Input format: auto, text, openmetrics or protobuf (default "
                                               "auto)."),
                                        QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          Tr::tr("Write here instead of standard output."), QStringLiteral("OUT"),
                                          QStringLiteral("-"));
    const QCommandLineOption noTimestampsOption(QStringLiteral("no-timestamps"),
                                                Tr::tr("Leave timestamps out (a Pushgateway rejects them)."));
    parser.addOptions({toOption, fromOption, outputOption, noTimestampsOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The input; '-' reads standard input."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, kUsage, description(), io))
        return *exit;

    const QString to = parser.value(toOption);
    if (to != u"text" && to != u"openmetrics" && to != u"protobuf") {
        io.err << "promdesk-cli: " << Tr::tr("convert needs --to text, openmetrics or protobuf") << '\n'
               << Tr::tr("Usage: %1").arg(kUsage) << '\n';
        return ExitUsage;
    }
    const QString from = parser.value(fromOption);
    if (from != u"auto" && from != u"protobuf" && !formatFromName(from)) {
        io.err << "promdesk-cli: "
               << Tr::tr("unknown --from '%1'; use auto, text, openmetrics or protobuf\n").arg(from);
        return ExitUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: " << Tr::tr("convert takes exactly one FILE (or '-')") << '\n'
               << Tr::tr("Usage: %1").arg(kUsage) << '\n';
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
            io.err << "promdesk-cli: "
                   << Tr::tr("%1 error(s) in %2; nothing converted\n")
                          .arg(QString::number(result.stats.errors), input.displayName());
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
        io.err << "promdesk-cli: warning: "
               << Tr::tr("%1 histogram series have buckets below 0, and OpenMetrics gives such a histogram no _sum: "
                         "their _sum and _count are left out (the +Inf bucket holds the count)\n")
                      .arg(withoutSum);
    }
    if (to == u"openmetrics")
        warnOfRetypedFamilies(familiesRetypedInOpenMetrics(metrics), io);
    return writeOutput(parser.value(outputOption), output, io) ? ExitOk : ExitUsage;
}

} // namespace promdesk::cli
