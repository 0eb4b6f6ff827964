#include "Cli.h"
#include "CliSupport.h"
#include "exposition/Fixer.h"
#include "exposition/ParallelValidation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <climits>

namespace promdesk::cli {

namespace {

const QString kUsage = QStringLiteral("promdesk-cli validate [--target T] [--format F] [--json] FILE...|-\n"
                                      "       promdesk-cli validate --fix --output OUT FILE|-");
const QString kDescription
    = QStringLiteral("Checks text exposition (0.0.4) or OpenMetrics files and lists every problem at once as\n"
                     "FILE:LINE:COL: error|warning: message [code]. Exit code 0 when there is no error, 1 when\n"
                     "there is, 2 on usage or I/O errors. With --fix, every safe fix is applied and the result\n"
                     "written to OUT; nothing is written while an error without a safe fix remains.\n");

struct FileReport
{
    QString name;
    ExpositionFormat format = ExpositionFormat::Text;
    QList<Problem> problems;
    ParseStats stats;
};

QJsonObject toJson(const FileReport &report)
{
    QJsonArray problems;
    for (const Problem &problem : report.problems) {
        problems.append(QJsonObject{
            {QStringLiteral("line"), problem.line},
            {QStringLiteral("column"), problem.column},
            {QStringLiteral("severity"), severityName(problem.severity)},
            {QStringLiteral("code"), problem.code},
            {QStringLiteral("message"), problem.message},
            {QStringLiteral("fix"), problem.fix ? QJsonValue(problem.fix->description) : QJsonValue()},
        });
    }
    return QJsonObject{
        {QStringLiteral("file"), report.name},           {QStringLiteral("format"), formatName(report.format)},
        {QStringLiteral("lines"), report.stats.lines},   {QStringLiteral("samples"), report.stats.samples},
        {QStringLiteral("errors"), report.stats.errors}, {QStringLiteral("warnings"), report.stats.warnings},
        {QStringLiteral("problems"), problems},
    };
}

void printSummary(const FileReport &report, Io &io)
{
    io.out.flush(); // keep the problem lines before the summary on a shared terminal
    QTextStream &err = io.err;
    err << report.name << ": " << report.stats.errors << " error(s), " << report.stats.warnings << " warning(s) in "
        << report.stats.lines << " line(s), " << report.stats.samples << " sample(s) (" << formatName(report.format)
        << ")\n";
}

// validate --fix: the input repaired where that is safe, written whole to `output`, and what
// remains said; nothing is written while an error needs a change by hand.
int fixAndWrite(const QByteArray &original, const ParseOptions &options, const QString &output, Io &io)
{
    const FixOutcome outcome = fixAll(original, options);
    if (outcome.hasErrors()) {
        // Name the lines as they are in the user's file, not in the half-fixed text.
        for (const Problem &problem : parseText(original, options).problems) {
            if (problem.severity == Severity::Error && !problem.fix)
                io.err << formatProblem(problem) << '\n';
        }
        io.err << "promdesk-cli: " << outcome.fixesApplied << " fix(es) applied, but " << outcome.stats.errors
               << " error(s) need a change by hand; nothing was written\n";
        return ExitRejected;
    }
    if (!writeOutput(output, outcome.text, io))
        return ExitUsage;
    printProblems(io.err, outcome.remaining);
    io.err << "promdesk-cli: " << outcome.fixesApplied << " fix(es) applied; " << outcome.stats.warnings
           << " warning(s) remain\n";
    return ExitOk;
}

} // namespace

int runValidate(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          QStringLiteral("Add the rules of a receiver: generic, pushgateway, "
                                                         "remote-write or tmp (default generic)."),
                                          QStringLiteral("T"), QStringLiteral("generic"));
    const QCommandLineOption formatOptionSpec(QStringLiteral("format"),
                                              QStringLiteral("Input format: auto, text or openmetrics (default "
                                                             "auto: OpenMetrics when the file ends in '# EOF')."),
                                              QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the problems as JSON."));
    const QCommandLineOption fixOption(QStringLiteral("fix"), QStringLiteral("Apply every safe fix."));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("With --fix: where to write the fixed file ('-' for "
                                                         "standard output)."),
                                          QStringLiteral("OUT"));
    const QCommandLineOption maxOption(QStringLiteral("max-problems"),
                                       QStringLiteral("List at most N problems of each kind, then count the rest "
                                                      "(default 1000; 0 lists all)."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption allowFutureOption(QStringLiteral("allow-future"),
                                               QStringLiteral("For remote-write and tmp: samples more than 10 minutes "
                                                              "ahead are a warning, not an error."));
    parser.addOptions(
        {targetOption, formatOptionSpec, jsonOption, fixOption, outputOption, maxOption, allowFutureOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to check; '-' reads standard input."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, kUsage, kDescription, io))
        return *exit;

    const std::optional<ValidationTarget> target = targetFromName(parser.value(targetOption));
    if (!target) {
        io.err << "promdesk-cli: unknown --target '" << parser.value(targetOption)
               << "'; use generic, pushgateway, remote-write or tmp\n";
        return ExitUsage;
    }
    const QString formatValue = parser.value(formatOptionSpec);
    if (formatValue != u"auto" && !formatFromName(formatValue)) {
        io.err << "promdesk-cli: unknown --format '" << formatValue << "'; use auto, text or openmetrics\n";
        return ExitUsage;
    }
    bool maxOk = false;
    const int maxProblems = parser.value(maxOption).toInt(&maxOk);
    if (!maxOk || maxProblems < 0) {
        io.err << "promdesk-cli: --max-problems needs a whole number, 0 or more\n";
        return ExitUsage;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        io.err << "promdesk-cli: validate needs a FILE, or '-' for standard input\nUsage: " << kUsage << '\n';
        return ExitUsage;
    }
    const bool fix = parser.isSet(fixOption);
    if (fix && (files.size() != 1 || !parser.isSet(outputOption))) {
        io.err << "promdesk-cli: --fix takes one FILE and needs --output OUT (use '-o -' for standard output)\n";
        return ExitUsage;
    }

    ParseOptions options;
    options.target = *target;
    options.maxProblemsPerCode = maxProblems == 0 ? INT_MAX : maxProblems;
    options.allowFuture = parser.isSet(allowFutureOption);

    int exitCode = ExitOk;
    QJsonArray jsonReports;
    for (const QString &path : files) {
        Input input(path, io);
        if (!input.open()) {
            exitCode = ExitUsage;
            continue;
        }
        FileReport report;
        report.name = input.displayName();
        report.format = formatOption(formatValue).value_or(ExpositionFormat::Text);
        if (formatValue == u"auto")
            report.format = input.detect();
        options.fileName = report.name;
        options.format = report.format;

        if (fix)
            return fixAndWrite(input.readAll(), options, parser.value(outputOption), io);

        Validation validation;
        if (const std::optional<qint64> size = input.regularFileSize()) {
            validation = validateInParallel(FileValidationSource(path, *size), options, QThread::idealThreadCount());
        } else {
            const QByteArray all = input.readAll();
            validation = validateInParallel(MemoryValidationSource(all), options, QThread::idealThreadCount());
        }
        report.problems = std::move(validation.problems);
        report.stats = validation.stats;
        if (report.stats.errors > 0 && exitCode == ExitOk)
            exitCode = ExitRejected;

        if (parser.isSet(jsonOption)) {
            jsonReports.append(toJson(report));
        } else {
            printProblems(io.out, report.problems);
        }
        printSummary(report, io);
    }
    if (parser.isSet(jsonOption))
        io.out << QJsonDocument(jsonReports).toJson(QJsonDocument::Indented);
    return exitCode;
}

} // namespace promdesk::cli
