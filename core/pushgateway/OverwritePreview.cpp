#include "pushgateway/OverwritePreview.h"

#include "model/NumberFormat.h"

#include <QCoreApplication>
#include <QHash>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OverwritePreview)
};

// A value as one comparable, printable string: plain values as numbers, histograms and
// summaries by their count and sum (what changes on every observation).
QString valueText(const MetricFamily &family, const Metric &metric)
{
    switch (family.type) {
    case MetricType::Histogram:
    case MetricType::GaugeHistogram:
    case MetricType::Summary:
        return QStringLiteral("count=%1 sum=%2")
            .arg(formatNumber(metric.count.value_or(0)), formatNumber(metric.sum.value_or(0)));
    default:
        return formatNumber(metric.value);
    }
}

// The labels a pushed metric ends up with: grouping labels win over the body's, and a missing
// instance becomes instance="" (Pushgateway sanitizeLabels).
Labels storedLabels(const Labels &body, const GroupingKey &key)
{
    Labels labels = body;
    const Labels forced = key.asLabels();
    for (const Label &label : forced)
        labels.set(label.name, label.value);
    if (!labels.contains(QStringLiteral("instance")))
        labels.set(QStringLiteral("instance"), QString());
    return labels;
}

const MetricFamily *findFamily(const MetricSet &set, const QString &name)
{
    return set.family(name);
}

} // namespace

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return QStringLiteral("added");
    case ChangeKind::Replaced:
        return QStringLiteral("replaced");
    case ChangeKind::Unchanged:
        return QStringLiteral("unchanged");
    case ChangeKind::Removed:
        return QStringLiteral("removed");
    case ChangeKind::Kept:
        return QStringLiteral("kept");
    }
    return {};
}

int OverwritePreview::count(ChangeKind kind) const
{
    return int(
        std::count_if(changes.cbegin(), changes.cend(), [kind](const SeriesChange &c) { return c.kind == kind; }));
}

bool OverwritePreview::blocked() const
{
    return std::any_of(warnings.cbegin(), warnings.cend(), [](const PreviewWarning &w) { return w.blocksPush; });
}

namespace {

// Families in the draft: every series added, replaced or unchanged; old series of the same family
// that the draft lacks go away under both methods. Families only in the group: PUT removes them,
// POST keeps them.
void listChanges(OverwritePreview &preview, const MetricSet &draft, const MetricSet &old, const GroupingKey &key)
{
    for (const MetricFamily &family : draft.families) {
        const MetricFamily *before = findFamily(old, family.name);
        QHash<Labels, const Metric *> previous;
        if (before) {
            for (const Metric &metric : before->metrics)
                previous.insert(metric.labels, &metric);
        }
        for (const Metric &metric : family.metrics) {
            const Labels stored = storedLabels(metric.labels, key);
            const QString value = valueText(family, metric);
            const Metric *was = previous.take(stored);
            if (!was) {
                preview.changes.append({ChangeKind::Added, family.name, stored, {}, value});
                continue;
            }
            const QString oldValue = valueText(*before, *was);
            preview.changes.append({oldValue == value ? ChangeKind::Unchanged : ChangeKind::Replaced, family.name,
                                    stored, oldValue, value});
        }
        for (const Metric *gone : std::as_const(previous))
            preview.changes.append({ChangeKind::Removed, family.name, gone->labels, valueText(*before, *gone), {}});
    }
    for (const MetricFamily &family : old.families) {
        if (draft.family(family.name))
            continue;
        for (const Metric &metric : family.metrics) {
            preview.changes.append({preview.method == PushMethod::Replace ? ChangeKind::Removed : ChangeKind::Kept,
                                    family.name,
                                    metric.labels,
                                    valueText(family, metric),
                                    {}});
        }
    }
}

// A label of the body that the grouping key overrides, once per label.
void warnOfOverwrittenLabels(OverwritePreview &preview, const MetricSet &draft, const Labels &keyLabels)
{
    QHash<QString, QString> overwritten;
    for (const MetricFamily &family : draft.families) {
        for (const Metric &metric : family.metrics) {
            for (const Label &label : metric.labels) {
                if (keyLabels.contains(label.name) && keyLabels.value(label.name) != label.value)
                    overwritten.insert(label.name, label.value);
            }
        }
    }
    for (auto it = overwritten.cbegin(); it != overwritten.cend(); ++it) {
        preview.warnings.append({QStringLiteral("label-overwritten"),
                                 Tr::tr("The body sets %1=\"%2\", but the grouping key's %1=\"%3\" replaces it "
                                        "on every series.")
                                     .arg(it.key(), it.value(), keyLabels.value(it.key())),
                                 false});
    }
}

// The job's other groups, and the families the draft shares with any other group in a way the
// gateway refuses (another type) or notes (another HELP).
void warnOfOtherGroups(OverwritePreview &preview, const MetricSet &draft, const GroupingKey &key,
                       const GatewayGroups &live)
{
    const Labels keyLabels = key.asLabels();
    for (const GatewayGroup &other : live.groups) {
        if (other.groupingKey == keyLabels)
            continue;
        if (other.groupingKey.value(QStringLiteral("job")) == key.job())
            preview.otherGroupsOfJob.append(other.groupingKey);
        for (const MetricFamily &family : draft.families) {
            const MetricFamily *theirs = other.metrics.family(family.name);
            if (!theirs)
                continue;
            if (theirs->type != family.type) {
                preview.warnings.append(
                    {QStringLiteral("type-conflict"),
                     //: %1 is a metric name, %2 and %4 metric types (counter, gauge…), %3 a grouping key
                     Tr::tr("'%1' is a %2 in group %3 but a %4 here; the Pushgateway will refuse the push as "
                            "inconsistent.")
                         .arg(family.name, metricTypeName(theirs->type), other.groupingKey.toString(),
                              metricTypeName(family.type)),
                     true});
            } else if (!theirs->help.isEmpty() && !family.help.isEmpty() && theirs->help != family.help) {
                preview.warnings.append({QStringLiteral("help-differs"),
                                         Tr::tr("'%1' has another HELP text in group %2; the gateway keeps one "
                                                "of them and logs the difference.")
                                             .arg(family.name, other.groupingKey.toString()),
                                         false});
            }
        }
    }
}

// Names the gateway uses for its own metrics, and series the gateway stores with instance="".
void warnOfNamesAndEmptyInstances(OverwritePreview &preview, const MetricSet &draft, const GroupingKey &key)
{
    int emptyInstance = 0;
    for (const MetricFamily &family : draft.families) {
        if (family.name.startsWith(QLatin1String("go_")) || family.name.startsWith(QLatin1String("process_"))
            || family.name.startsWith(QLatin1String("pushgateway_"))) {
            preview.warnings.append({QStringLiteral("gateway-own-metric"),
                                     Tr::tr("'%1' may collide with the Pushgateway's own metrics of that name; "
                                            "if the type or labels differ the push is refused.")
                                         .arg(family.name),
                                     false});
        }
        for (const Metric &metric : family.metrics) {
            if (!metric.labels.contains(QStringLiteral("instance")) && !key.hasLabel(QStringLiteral("instance")))
                ++emptyInstance;
        }
    }
    if (emptyInstance > 0) {
        preview.warnings.append({QStringLiteral("instance-empty"),
                                 Tr::tr("%1 series have no instance label; the gateway stores them with "
                                        "instance=\"\".")
                                     .arg(emptyInstance),
                                 false});
    }
}

// A key without instance: every machine pushing the job writes to this one group.
void warnOfAKeyWithoutInstance(OverwritePreview &preview, const GroupingKey &key)
{
    if (key.hasLabel(QStringLiteral("instance")))
        return;
    //: %1 is a job name, %2 a grouping key
    QString message = preview.method == PushMethod::Replace
        ? Tr::tr("The grouping key has no instance label: every machine that pushes job \"%1\" "
                 "without one writes to this same group %2, and each push replaces the previous "
                 "machine's values.")
              .arg(key.job(), key.toString())
        //: %1 is a job name, %2 a grouping key
        : Tr::tr("The grouping key has no instance label: every machine that pushes job \"%1\" "
                 "without one writes to this same group %2, and each push overwrites same-named metrics of "
                 "the previous machine's values.")
              .arg(key.job(), key.toString());
    if (!preview.otherGroupsOfJob.isEmpty()) {
        QStringList others;
        for (const Labels &labels : std::as_const(preview.otherGroupsOfJob))
            others << labels.toString();
        message += Tr::tr(" Other groups of this job, not touched by this push: %1.")
                       .arg(others.join(QStringLiteral(", ")));
    }
    //: keep "instance=" as it is; <this host> may be translated
    message += Tr::tr(" Add instance=<this host> to keep machines apart.");
    preview.warnings.append({QStringLiteral("no-instance-key"), message, false});
}

} // namespace

OverwritePreview previewPush(const MetricSet &draft, const GroupingKey &key, PushMethod method,
                             const GatewayGroups &live)
{
    OverwritePreview preview;
    preview.key = key;
    preview.method = method;
    const GatewayGroup *group = live.find(key.asLabels());
    preview.groupExists = group != nullptr;
    static const MetricSet kEmpty;
    listChanges(preview, draft, group ? group->metrics : kEmpty, key);
    warnOfOverwrittenLabels(preview, draft, key.asLabels());
    warnOfOtherGroups(preview, draft, key, live);
    warnOfNamesAndEmptyInstances(preview, draft, key);
    warnOfAKeyWithoutInstance(preview, key);
    return preview;
}

QString renderPreview(const OverwritePreview &preview)
{
    QString out;
    out += QStringLiteral("%1 %2 (%3)\n")
               .arg(preview.method == PushMethod::Replace ? Tr::tr("Replace group (PUT)")
                                                          : Tr::tr("Merge into group (POST)"),
                    preview.key.toString(), preview.groupExists ? Tr::tr("the group exists") : Tr::tr("a new group"));
    for (const SeriesChange &change : preview.changes) {
        const QString series = change.family + change.labels.toString();
        switch (change.kind) {
        case ChangeKind::Added:
            //: keep the leading "  + "; %1 is a series, %2 its value
            out += Tr::tr("  + %1 %2  (new)\n").arg(series, change.newValue);
            break;
        case ChangeKind::Replaced:
            out += QStringLiteral("  ~ %1 %2 -> %3\n").arg(series, change.oldValue, change.newValue);
            break;
        case ChangeKind::Unchanged:
            out += QStringLiteral("  = %1 %2\n").arg(series, change.newValue);
            break;
        case ChangeKind::Removed:
            //: keep the leading "  - "; %1 is a series, %2 its value, %3 why it is removed
            out += Tr::tr("  - %1 %2  (removed: %3)\n")
                       .arg(series, change.oldValue,
                            preview.method == PushMethod::Replace ? Tr::tr("PUT replaces the whole group")
                                                                  : Tr::tr("POST replaces the whole family"));
            break;
        case ChangeKind::Kept:
            //: keep the four leading spaces; %1 is a series, %2 its value
            out += Tr::tr("    %1 %2  (kept: POST leaves other families)\n").arg(series, change.oldValue);
            break;
        }
    }
    out += Tr::tr("  %1 added, %2 replaced, %3 unchanged, %4 removed\n")
               .arg(preview.count(ChangeKind::Added))
               .arg(preview.count(ChangeKind::Replaced))
               .arg(preview.count(ChangeKind::Unchanged))
               .arg(preview.count(ChangeKind::Removed));
    for (const PreviewWarning &warning : preview.warnings)
        out += QStringLiteral("  %1 %2 [%3]\n")
                   .arg(warning.blocksPush ? QStringLiteral("✖") : QStringLiteral("⚠"), warning.message, warning.code);
    return out;
}

} // namespace promdesk
