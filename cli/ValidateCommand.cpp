#include "Cli.h"
#include "CliSupport.h"
#include "exposition/Fixer.h"
#include "exposition/ParallelValidation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <climits>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ValidateCommand)
};

QString usage()
{
    //: Command synopsis: the command, option names and OUT stay as they are.
    return Tr::tr("promdesk-cli validate [--target T] [--format F] [--json] FILE...|-\n"
                  "       promdesk-cli validate --fix --output OUT FILE|-");
}

QString description()
{
    //: "FILE:LINE:COL: error|warning: message [code]" is the output format: keep "error" and "warning" in English.
    return Tr::tr("Checks text exposition (0.0.4) or OpenMetrics files and lists every problem at once as\n"
                  "FILE:LINE:COL: error|warning: message [code]. Exit code 0 when there is no error, 1 when\n"
                  "there is, 2 on usage or I/O errors. With --fix, every safe fix is applied and the result\n"
                  "written to OUT; nothing is written while an error without a safe fix remains.\n");
}

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
    //: %1 file name, %6 format name (text or openmetrics)
    err << Tr::tr("%1: %2 error(s), %3 warning(s) in %4 line(s), %5 sample(s) (%6)\n")
               .arg(report.name, QString::number(report.stats.errors), QString::number(report.stats.warnings),
                    QString::number(report.stats.lines), QString::number(report.stats.samples),
                    formatName(report.format));
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
        io.err << "promdesk-cli: "
               << Tr::tr("%1 fix(es) applied, but %2 error(s) need a change by hand; nothing was written\n")
                      .arg(QString::number(outcome.fixesApplied), QString::number(outcome.stats.errors));
        return ExitRejected;
    }
    if (!writeOutput(output, outcome.text, io))
        return ExitUsage;
    printProblems(io.err, outcome.remaining);
    io.err << "promdesk-cli: "
           << Tr::tr("%1 fix(es) applied; %2 warning(s) remain\n")
                  .arg(QString::number(outcome.fixesApplied), QString::number(outcome.stats.warnings));
    return ExitOk;
}

} // namespace

int runValidate(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          Tr::tr("Add the rules of a receiver: generic, pushgateway, "
                                                 "remote-write or tmp (default generic)."),
                                          QStringLiteral("T"), QStringLiteral("generic"));
    const QCommandLineOption formatOptionSpec(QStringLiteral("format"),
                                              Tr::tr("Input format: auto, text or openmetrics (default "
                                                     "auto: OpenMetrics when the file ends in '# EOF')."),
                                              QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Tr::tr("Print the problems as JSON."));
    const QCommandLineOption fixOption(QStringLiteral("fix"), Tr::tr("Apply every safe fix."));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          Tr::tr("With --fix: where to write the fixed file ('-' for "
                                                 "standard output)."),
                                          QStringLiteral("OUT"));
    const QCommandLineOption maxOption(QStringLiteral("max-problems"),
                                       Tr::tr("List at most N problems of each kind, then count the rest "
                                              "(default 1000; 0 lists all)."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption allowFutureOption(QStringLiteral("allow-future"),
                                               Tr::tr("For remote-write and tmp: samples more than 10 minutes "
                                                      "ahead are a warning, not an error."));
    parser.addOptions(
        {targetOption, formatOptionSpec, jsonOption, fixOption, outputOption, maxOption, allowFutureOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("Files to check; '-' reads standard input."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, usage(), description(), io))
        return *exit;

    const std::optional<ValidationTarget> target = targetFromName(parser.value(targetOption));
    if (!target) {
        io.err << "promdesk-cli: "
               << Tr::tr("unknown --target '%1'; use generic, pushgateway, remote-write or tmp\n")
                      .arg(parser.value(targetOption));
        return ExitUsage;
    }
    const QString formatValue = parser.value(formatOptionSpec);
    if (formatValue != u"auto" && !formatFromName(formatValue)) {
        io.err << "promdesk-cli: " << Tr::tr("unknown --format '%1'; use auto, text or openmetrics\n").arg(formatValue);
        return ExitUsage;
    }
    bool maxOk = false;
    const int maxProblems = parser.value(maxOption).toInt(&maxOk);
    if (!maxOk || maxProblems < 0) {
        io.err << "promdesk-cli: " << Tr::tr("--max-problems needs a whole number, 0 or more\n");
        return ExitUsage;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        io.err << "promdesk-cli: " << Tr::tr("validate needs a FILE, or '-' for standard input\n")
               << Tr::tr("Usage: %1\n").arg(usage());
        return ExitUsage;
    }
    const bool fix = parser.isSet(fixOption);
    if (fix && (files.size() != 1 || !parser.isSet(outputOption))) {
        io.err << "promdesk-cli: "
               << Tr::tr("--fix takes one FILE and needs --output OUT (use '-o -' for standard output)\n");
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
        if (QFile *file = input.regularFile()) {
            // The file opened above, whose start told the format: not another renamed over it since.
            const FileValidationSource source(*file);
            validation = validateInParallel(source, options, QThread::idealThreadCount());
            if (validation.stats.bytes != source.size()) { // cut short while it was read: no verdict on half
                io.err << "promdesk-cli: "
                       << Tr::tr("%1 changed while it was read (%2 of %3 bytes); check it again once it is written\n")
                              .arg(report.name, QString::number(validation.stats.bytes),
                                   QString::number(source.size()));
                exitCode = ExitUsage;
                continue;
            }
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
