#include "Cli.h"
#include "CliSupport.h"
#include "exposition/Templates.h"

#include <QCoreApplication>
#include <QHostInfo>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TemplateCommand)
};

const QString kUsage = QStringLiteral("promdesk-cli template list | show N [--output OUT]");
QString description()
{
    return Tr::tr("The console's Compose templates: 'list' numbers them with the grouping key each is meant for;\n"
                  "'show N' writes template N's metrics, ready for 'promdesk-cli push' with that key.\n");
}

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
                                          Tr::tr("With show: write here instead of standard output."),
                                          QStringLiteral("OUT"), QStringLiteral("-"));
    parser.addOption(outputOption);
    parser.addPositionalArgument(QStringLiteral("list|show"), Tr::tr("What to do."));
    if (const std::optional<int> exit = parseArguments(parser, arguments, kUsage, description(), io))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QList<MetricTemplate> &templates = metricTemplates();
    if (positional.value(0) == u"list" && positional.size() == 1) {
        for (int i = 0; i < templates.size(); ++i)
            io.out << (i + 1) << ". " << templates.at(i).title << "\n   " << templates.at(i).description
                   << "\n   "
                   //: %1: the command-line options of the grouping key to push the template with.
                   << Tr::tr("push with: %1").arg(groupingKeyOf(templates.at(i))) << '\n';
        return ExitOk;
    }
    if (positional.value(0) == u"show" && positional.size() == 2) {
        bool ok = false;
        const int number = positional.at(1).toInt(&ok);
        if (!ok || number < 1 || number > templates.size()) {
            io.err << "promdesk-cli: "
                   << Tr::tr("there is no template %1; 'promdesk-cli template list' numbers them 1 to %2")
                          .arg(positional.at(1), QString::number(templates.size()))
                   << '\n';
            return ExitUsage;
        }
        const MetricTemplate &chosen = templates.at(number - 1);
        if (!writeOutput(parser.value(outputOption), chosen.text, io))
            return ExitUsage;
        io.err << Tr::tr("push with: %1")
                      .arg(QStringLiteral("promdesk-cli push --url URL ") + groupingKeyOf(chosen)
                           + QStringLiteral(" FILE"))
               << '\n';
        return ExitOk;
    }
    io.err << Tr::tr("Usage: %1").arg(kUsage) << '\n';
    return ExitUsage;
}

} // namespace promdesk::cli
