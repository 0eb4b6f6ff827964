#include "Cli.h"
#include "CliSupport.h"
#include "exposition/Templates.h"

#include <QHostInfo>

namespace promdesk::cli {

namespace {

const QString kUsage = QStringLiteral("promdesk-cli template list | show N [--output OUT]");
const QString kDescription
    = QStringLiteral("The console's Compose templates: 'list' numbers them with the grouping key each is meant for;\n"
                     "'show N' writes template N's metrics, ready for 'promdesk-cli push' with that key.\n");

QString groupingKeyOf(const MetricTemplate &chosen)
{
    QString key = QStringLiteral("--job %1").arg(chosen.job);
    for (const Label &label : chosen.groupingLabels)
        key += QStringLiteral(" --group %1=%2")
                   .arg(label.name, label.value.isEmpty() ? QHostInfo::localHostName() : label.value);
    return key;
}

} // namespace

int runTemplate(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("With show: write here instead of standard output."),
                                          QStringLiteral("OUT"), QStringLiteral("-"));
    parser.addOption(outputOption);
    parser.addPositionalArgument(QStringLiteral("list|show"), QStringLiteral("What to do."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, kUsage, kDescription, io))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QList<MetricTemplate> &templates = metricTemplates();
    if (positional.value(0) == u"list" && positional.size() == 1) {
        for (int i = 0; i < templates.size(); ++i)
            io.out << (i + 1) << ". " << templates.at(i).title << "\n   " << templates.at(i).description
                   << "\n   push with: " << groupingKeyOf(templates.at(i)) << '\n';
        return ExitOk;
    }
    if (positional.value(0) == u"show" && positional.size() == 2) {
        bool ok = false;
        const int number = positional.at(1).toInt(&ok);
        if (!ok || number < 1 || number > templates.size()) {
            io.err << "promdesk-cli: there is no template " << positional.at(1)
                   << "; 'promdesk-cli template list' numbers them 1 to " << templates.size() << '\n';
            return ExitUsage;
        }
        const MetricTemplate &chosen = templates.at(number - 1);
        if (!writeOutput(parser.value(outputOption), chosen.text, io))
            return ExitUsage;
        io.err << "push with: promdesk-cli push --url URL " << groupingKeyOf(chosen) << " FILE\n";
        return ExitOk;
    }
    io.err << "Usage: " << kUsage << '\n';
    return ExitUsage;
}

} // namespace promdesk::cli
