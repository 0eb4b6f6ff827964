#pragma once

#include "live/ValueGenerator.h"
#include "model/MetricFamily.h"

#include <QAbstractTableModel>

namespace promdesk::ui {

// The Compose table: one row per metric (a histogram or summary is one row), with its family's
// name, type and help, its labels, value and timestamp. Edits change the model's MetricSet and
// are announced with `edited`, so the text editor can be rewritten from it. Name, type and help
// belong to the family: editing them on one row changes every row of that family.
class MetricTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ColumnName,
        ColumnType,
        ColumnHelp,
        ColumnLabels,
        ColumnValue,
        ColumnTimestamp,
        ColumnGenerator,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    // `editable` is false while the text has errors: the set is then only what could be read,
    // and writing it back would drop the lines with errors.
    void setMetrics(const MetricSet &metrics, bool editable);
    [[nodiscard]] const MetricSet &metrics() const { return m_metrics; }
    [[nodiscard]] bool isEditable() const { return m_editable; }
    // Why the last refused edit was refused, in plain words.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // The generated values a live push gives the series (the Generator column), by series name
    // and labels. They are not part of the text; a series keeps its generator while its name and
    // labels stay (one that is gone from the draft matches nothing: see PushView::liveSpec).
    [[nodiscard]] QList<GeneratorAssignment> generators() const;
    void setGenerators(const QList<GeneratorAssignment> &generators);

    // A new gauge (or, with `likeRow`, another series of that row's family), and row removal.
    QModelIndex addMetric(int likeRow = -1);
    bool removeMetric(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void edited();
    void generatorsChanged();

private:
    struct Row
    {
        int family;
        int metric;
    };
    void rebuildRows();
    [[nodiscard]] bool isCompound(const MetricFamily &family) const;
    bool refuse(const QString &why);
    bool setGenerator(const QModelIndex &index, const MetricFamily &family, const Metric &metric, const QString &text);
    [[nodiscard]] QString valueText(const MetricFamily &family, const Metric &metric) const;
    [[nodiscard]] static QString seriesKey(const QString &name, const Labels &labels)
    {
        return name + labels.toString();
    }

    MetricSet m_metrics;
    QList<Row> m_rows;
    QHash<QString, GeneratorAssignment> m_generators; // by seriesKey(); kept while the text changes
    bool m_editable = false;
    QString m_lastError;
};

// `a="x", b="y"` (the inside of braces, as in the text format) into labels; nullopt and a
// message when it is not that.
std::optional<Labels> parseLabelList(const QString &text, QString *error);

} // namespace promdesk::ui
