#include "pushgateway/GatewayGroups.h"

#include "model/NumberFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <limits>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GatewayGroups)
};

// The gateway writes every number as a Go-formatted string ("1.5e+09", "NaN", "+Inf").
double number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString();
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    return text.toDouble();
}

// Label text repeats from metric to metric: every label name, and the grouping labels, which
// the gateway writes into each metric of the group. The model keeps one copy of each (QString
// shares it) instead of one per metric; on a gateway of 50,000 series that is most of the labels.
class SharedLabelText
{
public:
    void startGroup(const Labels &groupingKey) { m_groupingKey = groupingKey; }

    Labels labelsOf(const QJsonObject &object)
    {
        Labels labels;
        labels.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString name = shared(it.key());
            const QString value = it.value().toString();
            const QString groupValue = m_groupingKey.value(name);
            labels.set(name, !groupValue.isNull() && groupValue == value ? groupValue : value);
        }
        return labels;
    }

private:
    // Names are few; a hostile answer of ever new names stops being shared past this many.
    static constexpr qsizetype kMostNames = 4096;

    QString shared(const QString &name)
    {
        if (const auto known = m_names.constFind(name); known != m_names.cend())
            return *known;
        if (m_names.size() < kMostNames)
            m_names.insert(name);
        return name;
    }

    QSet<QString> m_names;
    Labels m_groupingKey;
};

MetricType typeOf(const QString &name)
{
    return metricTypeFromName(name.toLower()).value_or(MetricType::Untyped);
}

MetricFamily familyOf(const QString &name, const QJsonObject &object, SharedLabelText &text)
{
    MetricFamily family;
    family.name = name;
    family.type = typeOf(object.value(QStringLiteral("type")).toString());
    family.help = object.value(QStringLiteral("help")).toString();
    const QJsonArray metrics = object.value(QStringLiteral("metrics")).toArray();
    family.metrics.reserve(metrics.size());
    for (const QJsonValue entry : metrics) {
        const QJsonObject m = entry.toObject();
        Metric metric;
        metric.labels = text.labelsOf(m.value(QStringLiteral("labels")).toObject());
        if (m.contains(QStringLiteral("value")))
            metric.value = number(m.value(QStringLiteral("value")));
        if (m.contains(QStringLiteral("count")))
            metric.count = number(m.value(QStringLiteral("count")));
        if (m.contains(QStringLiteral("sum")))
            metric.sum = number(m.value(QStringLiteral("sum")));
        const QJsonObject buckets = m.value(QStringLiteral("buckets")).toObject();
        for (auto it = buckets.begin(); it != buckets.end(); ++it)
            metric.buckets.append(Bucket{number(QJsonValue(it.key())), number(it.value())});
        std::sort(metric.buckets.begin(), metric.buckets.end(),
                  [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
        const QJsonObject quantiles = m.value(QStringLiteral("quantiles")).toObject();
        for (auto it = quantiles.begin(); it != quantiles.end(); ++it)
            metric.quantiles.append(Quantile{number(QJsonValue(it.key())), number(it.value())});
        family.metrics.append(std::move(metric));
    }
    return family;
}

QString ago(double seconds)
{
    if (seconds <= 0)
        //: when a group was last pushed
        return Tr::tr("never");
    const qint64 age = QDateTime::currentSecsSinceEpoch() - qint64(seconds);
    const QString when = QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC).toString(Qt::ISODate);
    if (age < 120)
        return Tr::tr("%1 (%2 s ago)").arg(when, QString::number(age));
    if (age < 7200)
        return Tr::tr("%1 (%2 min ago)").arg(when, QString::number(age / 60));
    return Tr::tr("%1 (%2 h ago)").arg(when, QString::number(age / 3600));
}

GatewayGroup groupOf(const QJsonObject &object, SharedLabelText &text)
{
    GatewayGroup group;
    group.groupingKey = text.labelsOf(object.value(QStringLiteral("labels")).toObject());
    text.startGroup(group.groupingKey);
    group.lastPushSuccessful = object.value(QStringLiteral("last_push_successful")).toBool(true);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isObject() || it.key() == u"labels")
            continue;
        MetricFamily family = familyOf(it.key(), it.value().toObject(), text);
        if (family.name == u"push_time_seconds" || family.name == u"push_failure_time_seconds") {
            const double seconds = family.metrics.isEmpty() ? 0 : family.metrics.constFirst().value;
            (family.name == u"push_time_seconds" ? group.pushTimeSeconds : group.pushFailureTimeSeconds) = seconds;
            continue;
        }
        group.metrics.families.append(std::move(family));
    }
    return group;
}

} // namespace

const GatewayGroup *GatewayGroups::find(const Labels &groupingKey) const
{
    for (const GatewayGroup &group : groups) {
        if (group.groupingKey == groupingKey)
            return &group;
    }
    return nullptr;
}

QList<const GatewayGroup *> GatewayGroups::ofJob(const QString &job) const
{
    QList<const GatewayGroup *> result;
    for (const GatewayGroup &group : groups) {
        if (group.groupingKey.value(QStringLiteral("job")) == job)
            result.append(&group);
    }
    return result;
}

void renderGroups(QTextStream &out, const GatewayGroups &groups, const QString &job)
{
    // The gateway lists groups in no stable order; sort them so runs can be compared.
    QList<const GatewayGroup *> sorted;
    for (const GatewayGroup &group : groups.groups) {
        if (job.isEmpty() || group.groupingKey.value(QStringLiteral("job")) == job)
            sorted.append(&group);
    }
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->groupingKey < b->groupingKey; });
    if (sorted.isEmpty())
        out << Tr::tr("(no groups)\n");
    for (const GatewayGroup *groupPointer : std::as_const(sorted)) {
        const GatewayGroup &group = *groupPointer;
        //: %1 is a grouping key, %2 when it was last pushed, %3 empty or "  LAST PUSH FAILED at …"
        out << Tr::tr("%1  last push %2%3\n")
                   .arg(group.groupingKey.toString(), ago(group.pushTimeSeconds.value_or(0)),
                        group.lastPushSuccessful
                            ? QString()
                            : Tr::tr("  LAST PUSH FAILED at %1").arg(ago(group.pushFailureTimeSeconds.value_or(0))));
        for (const MetricFamily &family : group.metrics.families) {
            const bool compound = family.type == MetricType::Histogram || family.type == MetricType::Summary;
            for (const Metric &metric : family.metrics) {
                out << "    " << family.name << metric.labels.toString() << ' ';
                if (compound)
                    out << "count=" << formatNumber(metric.count.value_or(0))
                        << " sum=" << formatNumber(metric.sum.value_or(0));
                else
                    out << formatNumber(metric.value);
                out << '\n';
            }
        }
    }
}

QString renderGroups(const GatewayGroups &groups, const QString &job)
{
    QString text;
    QTextStream out(&text);
    renderGroups(out, groups, job);
    out.flush();
    return text;
}

std::optional<GatewayGroups> parseGatewayGroups(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(QStringLiteral("status")).toString() != u"success") {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                ? Tr::tr("the answer is not JSON (%1 at byte %2)")
                      .arg(parseError.errorString(), QString::number(parseError.offset))
                : Tr::tr("the gateway answered status '%1': %2")
                      .arg(root.value(QStringLiteral("status")).toString(),
                           root.value(QStringLiteral("error")).toString());
        }
        return std::nullopt;
    }
    // The document takes several times the answer's size: each group's part of it is dropped
    // once the group is read (from the last, where dropping moves nothing), so the document
    // shrinks as the groups grow instead of both being held whole.
    QJsonArray data = root.take(QStringLiteral("data")).toArray();
    root = QJsonObject();
    GatewayGroups result;
    result.groups.reserve(data.size());
    SharedLabelText text;
    while (!data.isEmpty()) {
        const QJsonObject object = data.last().toObject();
        data.removeLast();
        result.groups.append(groupOf(object, text));
    }
    std::reverse(result.groups.begin(), result.groups.end()); // as the gateway listed them
    return result;
}

} // namespace promdesk
