#include "pushgateway/Holdings.h"

#include "model/NumberFormat.h"

#include <QCoreApplication>
#include <QMap>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Holdings)
};

QString valueOf(const MetricFamily &family, const Metric &metric)
{
    if (family.type == MetricType::Histogram || family.type == MetricType::Summary)
        return QStringLiteral("count=%1 sum=%2")
            .arg(formatNumber(metric.count.value_or(0)), formatNumber(metric.sum.value_or(0)));
    return formatNumber(metric.value);
}

// group → series → value, for one job.
QMap<QString, QMap<QString, QString>> holdingsOf(const GatewayGroups &groups, const QString &job)
{
    QMap<QString, QMap<QString, QString>> held;
    for (const GatewayGroup *group : groups.ofJob(job)) {
        QMap<QString, QString> &series = held[group->groupingKey.toString()];
        for (const MetricFamily &family : group->metrics.families) {
            for (const Metric &metric : family.metrics) {
                // The group already names its grouping labels: a series shows only its own.
                Labels own = metric.labels;
                for (const Label &label : group->groupingKey)
                    own.remove(label.name);
                series.insert(family.name + (own.size() > 0 ? own.toString() : QString()), valueOf(family, metric));
            }
        }
    }
    return held;
}

QString markdownCell(QString text)
{
    return text.replace(QLatin1Char('|'), QLatin1String("\\|"));
}

} // namespace

QList<HeldSeries> compareHoldings(const GatewayGroups *before, const GatewayGroups &after, const QString &job)
{
    const QMap<QString, QMap<QString, QString>> then
        = before ? holdingsOf(*before, job) : QMap<QString, QMap<QString, QString>>();
    const QMap<QString, QMap<QString, QString>> now = holdingsOf(after, job);
    QList<HeldSeries> rows;
    QStringList groups = now.keys();
    for (const QString &group : then.keys()) {
        if (!now.contains(group))
            groups.append(group);
    }
    std::sort(groups.begin(), groups.end());
    for (const QString &group : std::as_const(groups)) {
        const QMap<QString, QString> seriesNow = now.value(group);
        const QMap<QString, QString> seriesThen = then.value(group);
        QStringList names = seriesNow.keys();
        for (const QString &name : seriesThen.keys()) {
            if (!seriesNow.contains(name))
                names.append(name);
        }
        std::sort(names.begin(), names.end());
        for (const QString &name : std::as_const(names)) {
            HeldSeries row{group, name, seriesNow.value(name), HeldSeries::Change::Same, {}};
            if (!seriesNow.contains(name)) {
                row.change = HeldSeries::Change::Gone;
                row.was = seriesThen.value(name);
            } else if (before && !seriesThen.contains(name)) {
                row.change = HeldSeries::Change::New;
            } else if (!before) {
                row.change = HeldSeries::Change::New;
            } else if (seriesThen.value(name) != row.value) {
                row.change = HeldSeries::Change::Changed;
                row.was = seriesThen.value(name);
            }
            rows.append(row);
        }
    }
    return rows;
}

QString changeName(HeldSeries::Change change)
{
    switch (change) {
    case HeldSeries::Change::Same:
        return {};
    case HeldSeries::Change::New:
        //: a series the gateway holds now and did not before
        return Tr::tr("new");
    case HeldSeries::Change::Changed:
        //: a series whose value the gateway holds changed
        return Tr::tr("changed");
    case HeldSeries::Change::Gone:
        //: a series the gateway held before and holds no longer
        return Tr::tr("gone");
    }
    return {};
}

QString walkthroughMarkdown(const QString &introduction, const QList<WalkthroughStep> &steps)
{
    //: Markdown: keep the leading "# "; %1 is the introduction paragraph
    QString out = Tr::tr("# Pushgateway grouping keys: a walkthrough\n\n%1\n").arg(introduction);
    for (int i = 0; i < steps.size(); ++i) {
        const WalkthroughStep &s = steps.at(i);
        //: Markdown: keep "## ", the ``` fence and the backquotes; %3 is a machine name, %4 the request sent
        out += Tr::tr("\n## Step %1: %2\n\n%3 sends:\n\n```\n%4\n```\n\nThe gateway then holds, for job `%5`:\n\n")
                   .arg(QString::number(i + 1), s.step.title, s.step.machine, s.request.trimmed(), kOverwriteDemoJob);
        if (s.held.isEmpty()) {
            out += Tr::tr("(nothing)\n");
        } else {
            //: a Markdown table header: keep the | and the --- row
            out += Tr::tr("| Group | Series | Value | Change |\n|---|---|---|---|\n");
            for (const HeldSeries &row : s.held) {
                const QString change = row.change == HeldSeries::Change::Changed
                    ? Tr::tr("**changed** (was %1)").arg(row.was)
                    : row.change == HeldSeries::Change::Same ? QString()
                                                             : QStringLiteral("**%1**").arg(changeName(row.change));
                out += QStringLiteral("| `%1` | `%2` | %3 | %4 |\n")
                           .arg(markdownCell(row.group), markdownCell(row.series),
                                markdownCell(row.change == HeldSeries::Change::Gone ? QStringLiteral("—") : row.value),
                                change);
            }
        }
        //: Markdown: keep the ** around the word
        out += Tr::tr("\n**Why:** %1\n").arg(s.step.why);
    }
    return out;
}

} // namespace promdesk
