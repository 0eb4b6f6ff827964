#include "MetricTableModel.h"

#include "exposition/TextParser.h"
#include "model/Names.h"
#include "model/NumberFormat.h"

namespace promdesk::ui {

std::optional<Labels> parseLabelList(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Labels{};
    // The text parser reads it exactly as it reads a sample line, escapes and all.
    const QByteArray line = "x{" + trimmed.toUtf8() + "} 0\n";
    const ParseResult parsed = parseText(line, ParseOptions{});
    if (parsed.hasErrors() || parsed.metrics.families.isEmpty()
        || parsed.metrics.families.constFirst().metrics.isEmpty()) {
        *error = QObject::tr("Write labels as name=\"value\", separated by commas: %1")
                     .arg(parsed.problems.isEmpty() ? QString() : parsed.problems.constFirst().message);
        return std::nullopt;
    }
    return parsed.metrics.families.constFirst().metrics.constFirst().labels;
}

void MetricTableModel::setMetrics(const MetricSet &metrics, bool editable)
{
    beginResetModel();
    m_metrics = metrics;
    m_editable = editable;
    rebuildRows();
    endResetModel();
}

void MetricTableModel::rebuildRows()
{
    m_rows.clear();
    for (int f = 0; f < m_metrics.families.size(); ++f) {
        for (int m = 0; m < m_metrics.families.at(f).metrics.size(); ++m)
            m_rows.append(Row{f, m});
    }
}

bool MetricTableModel::isCompound(const MetricFamily &family) const
{
    return family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram
        || family.type == MetricType::Summary;
}

int MetricTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int MetricTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MetricTableModel::valueText(const MetricFamily &family, const Metric &metric) const
{
    if (family.type == MetricType::Summary)
        return tr("summary: %n quantile(s), count %1, sum %2", nullptr, int(metric.quantiles.size()))
            .arg(formatNumber(metric.count.value_or(0)), formatNumber(metric.sum.value_or(0)));
    if (isCompound(family))
        return tr("histogram: %n bucket(s), count %1, sum %2", nullptr, int(metric.buckets.size()))
            .arg(formatNumber(metric.count.value_or(0)), formatNumber(metric.sum.value_or(0)));
    return formatNumber(metric.value);
}

QVariant MetricTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()
        || (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole))
        return {};
    const MetricFamily &family = m_metrics.families.at(m_rows.at(index.row()).family);
    const Metric &metric = family.metrics.at(m_rows.at(index.row()).metric);
    if (role == Qt::ToolTipRole && index.column() == ColumnGenerator) {
        if (const QString refusal = generatorRefusal(family); !refusal.isEmpty())
            return refusal;
        return tr("A value generated at each tick of a live push: now, inc:STEP, random:MIN:MAX, walk:MIN:MAX:STEP or "
                  "sine:MIN:MAX:PERIOD. Empty: the value above, every time.");
    }
    if (role == Qt::ToolTipRole) {
        if (!m_editable)
            return tr("Fix the errors in the text to edit here");
        return isCompound(family) && index.column() == ColumnValue ? tr("Edit histograms and summaries in the text")
                                                                   : QVariant();
    }
    switch (index.column()) {
    case ColumnName:
        return family.name;
    case ColumnType:
        return metricTypeName(family.type);
    case ColumnHelp:
        return family.help;
    case ColumnLabels: {
        const QString braces = metric.labels.toString();
        return braces.isEmpty() ? QString() : braces.mid(1, braces.size() - 2);
    }
    case ColumnValue:
        return valueText(family, metric);
    case ColumnTimestamp:
        return metric.timestampMs ? QString::number(*metric.timestampMs) : QString();
    case ColumnGenerator: {
        const auto found = m_generators.constFind(seriesKey(family.name, metric.labels));
        return found == m_generators.cend() ? QString() : found->generator.toString();
    }
    default:
        return {};
    }
}

QList<GeneratorAssignment> MetricTableModel::generators() const
{
    QStringList keys = m_generators.keys();
    keys.sort();
    QList<GeneratorAssignment> assignments;
    for (const QString &key : std::as_const(keys))
        assignments.append(m_generators.value(key));
    return assignments;
}

void MetricTableModel::setGenerators(const QList<GeneratorAssignment> &generators)
{
    m_generators.clear();
    for (const GeneratorAssignment &assignment : generators)
        m_generators.insert(
            seriesKey(assignment.series.name, assignment.series.labels.value_or(Labels())),
            GeneratorAssignment{SeriesSelector{assignment.series.name, assignment.series.labels.value_or(Labels())},
                                assignment.generator});
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ColumnGenerator), index(int(m_rows.size()) - 1, ColumnGenerator));
    emit generatorsChanged();
}

QVariant MetricTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const kHeaders[]
        = {QT_TR_NOOP("Name"),  QT_TR_NOOP("Type"),           QT_TR_NOOP("Help"),     QT_TR_NOOP("Labels"),
           QT_TR_NOOP("Value"), QT_TR_NOOP("Timestamp (ms)"), QT_TR_NOOP("Generator")};
    return section >= 0 && section < ColumnCount ? tr(kHeaders[section]) : QVariant();
}

Qt::ItemFlags MetricTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid() || !m_editable)
        return flags;
    const bool compound = isCompound(m_metrics.families.at(m_rows.at(index.row()).family));
    // A histogram's or summary's buckets and quantiles are edited in the text, not in one cell.
    const bool editable = !compound
        || (index.column() != ColumnType && index.column() != ColumnValue && index.column() != ColumnGenerator);
    return editable ? flags | Qt::ItemIsEditable : flags;
}

bool MetricTableModel::refuse(const QString &why)
{
    m_lastError = why;
    return false;
}

bool MetricTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row row = m_rows.at(index.row());
    MetricFamily &family = m_metrics.families[row.family];
    Metric &metric = family.metrics[row.metric];
    const QString text = value.toString().trimmed();
    QList<int> changedRows{index.row()};
    auto familyRows = [&] {
        changedRows.clear();
        for (int r = 0; r < m_rows.size(); ++r) {
            if (m_rows.at(r).family == row.family)
                changedRows.append(r);
        }
    };
    if (index.column() == ColumnGenerator)
        return setGenerator(index, family, metric, text);
    switch (index.column()) {
    case ColumnName:
        if (!isValidMetricName(text))
            return refuse(
                tr("'%1' is not a metric name: use letters, digits, '_' and ':', not starting with a digit").arg(text));
        if (m_metrics.family(text) && text != family.name)
            return refuse(tr("'%1' exists already; add a row to it instead").arg(text));
        family.name = text;
        familyRows();
        break;
    case ColumnType: {
        const std::optional<MetricType> type = metricTypeFromName(text);
        if (!type || (*type != MetricType::Counter && *type != MetricType::Gauge && *type != MetricType::Untyped))
            return refuse(tr("Choose counter, gauge or untyped here; write histograms and summaries in the text"));
        family.type = *type;
        familyRows();
        break;
    }
    case ColumnHelp:
        family.help = value.toString();
        familyRows();
        break;
    case ColumnLabels: {
        QString error;
        const std::optional<Labels> labels = parseLabelList(text, &error);
        if (!labels)
            return refuse(error);
        metric.labels = *labels;
        break;
    }
    case ColumnValue: {
        const std::optional<ParsedNumber> number = parseNumber(text.toStdString());
        if (!number)
            return refuse(tr("'%1' is not a number; use a number such as 1.5, 2e-3, NaN, +Inf or -Inf").arg(text));
        metric.value = number->value;
        break;
    }
    case ColumnTimestamp: {
        if (text.isEmpty()) {
            metric.timestampMs.reset();
            break;
        }
        bool ok = false;
        const qint64 ms = text.toLongLong(&ok);
        if (!ok)
            return refuse(tr("The timestamp is milliseconds since 1970 as a whole number, or empty for none"));
        metric.timestampMs = ms;
        break;
    }
    default:
        return false;
    }
    m_lastError.clear();
    for (int r : std::as_const(changedRows))
        emit dataChanged(this->index(r, 0), this->index(r, ColumnCount - 1));
    emit edited();
    return true;
}

bool MetricTableModel::setGenerator(const QModelIndex &index, const MetricFamily &family, const Metric &metric,
                                    const QString &text)
{
    const QString key = seriesKey(family.name, metric.labels);
    if (text.isEmpty()) {
        m_generators.remove(key);
    } else {
        QString error;
        const std::optional<ValueGenerator> generator = parseValueGenerator(text, &error);
        if (!generator)
            return refuse(error);
        m_generators.insert(key, GeneratorAssignment{SeriesSelector{family.name, metric.labels}, *generator});
    }
    m_lastError.clear();
    // Not part of the text: the editor is not rewritten.
    emit dataChanged(index, index);
    emit generatorsChanged();
    return true;
}

QModelIndex MetricTableModel::addMetric(int likeRow)
{
    if (!m_editable)
        return {};
    if (likeRow >= 0 && likeRow < m_rows.size() && !isCompound(m_metrics.families.at(m_rows.at(likeRow).family))) {
        const Row like = m_rows.at(likeRow);
        MetricFamily &family = m_metrics.families[like.family];
        Metric added = family.metrics.at(like.metric);
        added.timestampMs.reset();
        // A label that makes it a new series rather than a duplicate (which would be an error).
        added.labels.set(QStringLiteral("series"), QString::number(family.metrics.size() + 1));
        const int at = likeRow + 1;
        beginInsertRows({}, at, at);
        family.metrics.insert(like.metric + 1, added);
        rebuildRows();
        endInsertRows();
        emit edited();
        return index(at, ColumnLabels);
    }
    QString name = QStringLiteral("new_metric");
    for (int n = 2; m_metrics.family(name); ++n)
        name = QStringLiteral("new_metric_%1").arg(n);
    MetricFamily family;
    family.name = name;
    family.type = MetricType::Gauge;
    family.metrics.append(Metric{});
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_metrics.families.append(family);
    rebuildRows();
    endInsertRows();
    emit edited();
    return index(at, ColumnName);
}

bool MetricTableModel::removeMetric(int row)
{
    if (!m_editable || row < 0 || row >= m_rows.size())
        return false;
    const Row gone = m_rows.at(row);
    beginRemoveRows({}, row, row);
    MetricFamily &family = m_metrics.families[gone.family];
    family.metrics.removeAt(gone.metric);
    if (family.metrics.isEmpty())
        m_metrics.families.removeAt(gone.family);
    rebuildRows();
    endRemoveRows();
    emit edited();
    return true;
}

} // namespace promdesk::ui
