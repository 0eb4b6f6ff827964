#include "importers/CsvImporter.h"

#include "exposition/TextParser.h"
#include "model/Names.h"
#include "model/NumberFormat.h"
#include "remotewrite/SeriesCollector.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <cmath>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CsvImporter)
};

struct Field
{
    QString text;
    int column = 1; // 1-based character position of the field in its line
};

struct Row
{
    int line = 0;
    QList<Field> fields;
};

// RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks.
QList<Row> splitCsv(const QString &text, QChar delimiter, QList<Problem> &problems, const QString &file)
{
    QList<Row> rows;
    Row row;
    Field field;
    int line = 1;
    int column = 1;
    bool quoted = false;
    bool atFieldStart = true;
    int quoteLine = 0;
    auto endField = [&] {
        row.fields.append(field);
        field = Field{};
        atFieldStart = true;
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.fields.size() == 1 && row.fields.constFirst().text.trimmed().isEmpty();
        if (!blank)
            rows.append(row);
        row = Row{};
    };
    row.line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (atFieldStart) {
            field.column = column;
            atFieldStart = false;
            if (c == u'"') {
                quoted = true;
                quoteLine = line;
                ++column;
                continue;
            }
        }
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.text += u'"';
                    ++i;
                    column += 2;
                } else {
                    quoted = false;
                    ++column;
                }
                continue;
            }
            if (c == u'\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
            field.text += c;
            continue;
        }
        if (c == delimiter) {
            endField();
            ++column;
        } else if (c == u'\n') {
            if (field.text.endsWith(u'\r'))
                field.text.chop(1);
            endRow();
            ++line;
            column = 1;
            row.line = line;
        } else {
            field.text += c;
            ++column;
        }
    }
    if (quoted) {
        problems.append(Problem{file, quoteLine, 1, Severity::Error, QStringLiteral("csv-unterminated-quote"),
                                Tr::tr("a quoted field starting here is never closed"), std::nullopt});
    }
    if (!atFieldStart || !row.fields.isEmpty() || !field.text.isEmpty())
        endRow();
    return rows;
}

QChar detectDelimiter(const QString &firstLine)
{
    int best = 0;
    QChar chosen = u',';
    for (QChar candidate : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        const int count = int(firstLine.count(candidate));
        if (count > best) {
            best = count;
            chosen = candidate;
        }
    }
    return chosen;
}

enum class TimeUnit { Unknown, Seconds, Milliseconds, Rfc3339 };

// Reads every timestamp cell in one unit, decided from all of them together.
struct TimestampReader
{
    TimeUnit unit = TimeUnit::Unknown;
    QString why;

    bool decide(const QList<Field> &cells)
    {
        bool allNumbers = true;
        bool allDates = true;
        double maximum = 0;
        double minimum = 0;
        bool first = true;
        for (const Field &cell : cells) {
            const QString text = cell.text.trimmed();
            bool ok = false;
            const double number = text.toDouble(&ok);
            allNumbers = allNumbers && ok;
            allDates = allDates && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
            if (ok) {
                maximum = first ? number : std::max(maximum, number);
                minimum = first ? number : std::min(minimum, number);
                first = false;
            }
        }
        if (cells.isEmpty()) {
            why = Tr::tr("there are no rows");
            return false;
        }
        if (allDates) {
            unit = TimeUnit::Rfc3339;
            return true;
        }
        if (!allNumbers) {
            why = Tr::tr("the timestamp column mixes numbers and other text; use one form: Unix seconds, Unix "
                         "milliseconds or RFC 3339 (2023-11-14T22:13:20Z)");
            return false;
        }
        if (minimum >= 1e8 && maximum < 1e11) {
            unit = TimeUnit::Seconds;
            return true;
        }
        if (minimum >= 1e11 && maximum < 1e14) {
            unit = TimeUnit::Milliseconds;
            return true;
        }
        why = Tr::tr("timestamps from %1 to %2 are neither plausible Unix seconds (1973–5138) nor milliseconds; "
                     "give them in one of those units or as RFC 3339")
                  .arg(formatNumber(minimum), formatNumber(maximum));
        return false;
    }

    std::optional<qint64> read(const QString &cell) const
    {
        const QString text = cell.trimmed();
        if (unit == TimeUnit::Rfc3339) {
            const QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
            return date.isValid() ? std::optional<qint64>(date.toMSecsSinceEpoch()) : std::nullopt;
        }
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        return qint64(std::llround(unit == TimeUnit::Seconds ? number * 1000.0 : number));
    }

    [[nodiscard]] QString name() const
    {
        switch (unit) {
        case TimeUnit::Seconds:
            return QStringLiteral("unix-seconds");
        case TimeUnit::Milliseconds:
            return QStringLiteral("unix-milliseconds");
        case TimeUnit::Rfc3339:
            return QStringLiteral("rfc3339");
        case TimeUnit::Unknown:
            break;
        }
        return {};
    }
};

// A wide-form header such as cpu_temp{host="a"}, read by the exposition parser itself.
std::optional<Labels> parseSelector(const QString &selector, QString *error)
{
    const QByteArray line = selector.trimmed().toUtf8() + " 0\n";
    const ParseResult result = parseText(line, ParseOptions{});
    if (result.hasErrors() || result.metrics.families.size() != 1) {
        *error = result.problems.isEmpty() ? Tr::tr("not a series selector") : result.problems.constFirst().message;
        return std::nullopt;
    }
    const MetricFamily &family = result.metrics.families.constFirst();
    Labels labels = family.metrics.constFirst().labels;
    labels.set(QStringLiteral("__name__"), family.name);
    return labels;
}

// One import: the header's columns, the timestamp unit, then each row's samples into their
// series. Every problem is listed; rows with one are left out.
class CsvReading
{
public:
    explicit CsvReading(const CsvImportOptions &options)
        : m_options(options)
    {}

    CsvImport read(QByteArrayView data)
    {
        QString text = QString::fromUtf8(data.data(), data.size());
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        const QChar delimiter = detectDelimiter(text.section(QLatin1Char('\n'), 0, 0));
        m_rows = splitCsv(text, delimiter, m_result.problems, m_options.fileName);
        if (m_rows.isEmpty()) {
            problem(1, 1, "csv-empty", Tr::tr("the file has no header row"));
            return m_result;
        }
        m_header = m_rows.takeFirst();
        if (!readHeader() || !decideTimestamps() || !metricNamed())
            return m_result;
        if (m_longForm)
            checkLabelColumns();
        else
            readSeriesColumns();
        if (!m_result.problems.isEmpty())
            return m_result;
        for (const Row &row : std::as_const(m_rows))
            readRow(row);
        describe();
        return m_result;
    }

private:
    const CsvImportOptions &m_options;
    CsvImport m_result;
    QList<Row> m_rows;
    Row m_header;
    QStringList m_names;
    qsizetype m_timeColumn = -1;
    qsizetype m_valueColumn = -1;
    qsizetype m_metricColumn = -1;
    bool m_longForm = false;
    QList<Field> m_timeCells;
    TimestampReader m_timestamps;
    QHash<qsizetype, Labels> m_seriesOfColumn; // wide form: the series of each value column
    QHash<Labels, qsizetype> m_seriesIndex;    // position in m_result.series.series

    void problem(int line, int column, const char *code, const QString &message)
    {
        m_result.problems.append(Problem{m_options.fileName, line, column, Severity::Error, QString::fromLatin1(code),
                                         message, std::nullopt});
    }

    // The long form has a 'value' column (and 'metric' or a given name); the wide form has one
    // column per series.
    bool readHeader()
    {
        for (const Field &field : m_header.fields)
            m_names << field.text.trimmed();
        m_timeColumn = m_names.indexOf(QStringLiteral("timestamp"));
        if (m_timeColumn < 0) {
            problem(m_header.line, 1, "csv-no-timestamp-column",
                    Tr::tr("the header has no 'timestamp' column (found: %1)").arg(m_names.join(QStringLiteral(", "))));
            return false;
        }
        m_valueColumn = m_names.indexOf(QStringLiteral("value"));
        m_metricColumn = m_names.indexOf(QStringLiteral("metric"));
        if (m_metricColumn < 0)
            m_metricColumn = m_names.indexOf(QStringLiteral("__name__"));
        m_longForm = m_valueColumn >= 0;
        return true;
    }

    bool metricNamed()
    {
        if (m_longForm && m_metricColumn < 0 && m_options.metricName.isEmpty()) {
            problem(m_header.line, 1, "csv-no-metric",
                    Tr::tr("the long form needs a 'metric' column or a metric name (--metric NAME)"));
            return false;
        }
        return true;
    }

    bool decideTimestamps()
    {
        for (const Row &row : std::as_const(m_rows)) {
            if (m_timeColumn < row.fields.size())
                m_timeCells.append(row.fields.at(m_timeColumn));
        }
        if (!m_timestamps.decide(m_timeCells)) {
            problem(m_rows.isEmpty() ? m_header.line : m_rows.constFirst().line, 1, "csv-timestamp-unit",
                    m_timestamps.why);
            return false;
        }
        m_result.timestampFormat = m_timestamps.name();
        return true;
    }

    bool isLabelColumn(qsizetype column) const
    {
        return column != m_timeColumn && column != m_valueColumn && column != m_metricColumn;
    }

    void checkLabelColumns()
    {
        for (qsizetype c = 0; c < m_names.size(); ++c) {
            if (!isLabelColumn(c))
                continue;
            if (!isValidLabelName(m_names.at(c)) || m_names.at(c).startsWith(QLatin1String("__")))
                problem(m_header.line, m_header.fields.at(c).column, "invalid-label-name",
                        Tr::tr("column '%1' cannot be a label name: use letters, digits and '_'").arg(m_names.at(c)));
        }
    }

    void readSeriesColumns()
    {
        for (qsizetype c = 0; c < m_names.size(); ++c) {
            if (c == m_timeColumn)
                continue;
            QString error;
            const std::optional<Labels> labels = parseSelector(m_names.at(c), &error);
            if (!labels) {
                problem(
                    m_header.line, m_header.fields.at(c).column, "csv-bad-series-column",
                    Tr::tr("column '%1' is not a series such as cpu_temp{host=\"a\"}: %2").arg(m_names.at(c), error));
                continue;
            }
            m_seriesOfColumn.insert(c, *labels);
        }
    }

    std::optional<double> number(const Row &row, const Field &cell)
    {
        const QByteArray bytes = cell.text.trimmed().toUtf8();
        const std::optional<ParsedNumber> parsed
            = parseNumber(std::string_view(bytes.constData(), size_t(bytes.size())));
        if (!parsed) {
            problem(row.line, cell.column, "invalid-number",
                    cell.text.contains(QLatin1Char(','))
                        ? Tr::tr("'%1' is not a number: use '.' as the decimal separator").arg(cell.text)
                        : Tr::tr("'%1' is not a number").arg(cell.text));
            return std::nullopt;
        }
        return parsed->value;
    }

    void readRow(const Row &row)
    {
        if (row.fields.size() != m_names.size()) {
            problem(row.line, 1, "csv-column-count",
                    Tr::tr("this row has %1 fields; the header has %2").arg(row.fields.size()).arg(m_names.size()));
            return;
        }
        const std::optional<qint64> timestampMs = m_timestamps.read(row.fields.at(m_timeColumn).text);
        if (!timestampMs) {
            problem(row.line, row.fields.at(m_timeColumn).column, "invalid-timestamp",
                    Tr::tr("'%1' is not a timestamp like the others").arg(row.fields.at(m_timeColumn).text));
            return;
        }
        if (!m_longForm) {
            for (auto it = m_seriesOfColumn.cbegin(); it != m_seriesOfColumn.cend(); ++it) {
                const Field &cell = row.fields.at(it.key());
                if (cell.text.trimmed().isEmpty())
                    continue; // no sample for this series at this time
                if (const std::optional<double> value = number(row, cell))
                    add(*it, row.line, *timestampMs, *value);
            }
            return;
        }
        const std::optional<double> value = number(row, row.fields.at(m_valueColumn));
        if (!value)
            return;
        Labels labels;
        for (qsizetype c = 0; c < m_names.size(); ++c) {
            if (isLabelColumn(c) && !row.fields.at(c).text.isEmpty())
                labels.set(m_names.at(c), row.fields.at(c).text);
        }
        labels.set(QStringLiteral("__name__"),
                   m_metricColumn >= 0 ? row.fields.at(m_metricColumn).text.trimmed() : m_options.metricName);
        add(labels, row.line, *timestampMs, *value);
    }

    void add(Labels labels, int line, qint64 timestampMs, double value)
    {
        for (const Label &label : m_options.extraLabels) {
            if (!labels.contains(label.name))
                labels.set(label.name, label.value);
        }
        QList<WriteSeries> &series = m_result.series.series;
        qsizetype position = m_seriesIndex.value(labels, -1);
        if (position < 0) {
            position = series.size();
            m_seriesIndex.insert(labels, position);
            series.append(WriteSeries{labels, {}, line, MetricType::Untyped, {}, {}});
        }
        series[position].samples.append(WriteSample{timestampMs, value});
    }

    void describe()
    {
        const TimeUnit unit = m_timestamps.unit;
        const qint64 firstMs = m_timestamps.read(m_timeCells.constFirst().text).value_or(0);
        m_result.description
            //: %1 is "long" or "wide" (the CSV layout), %4 how timestamps were read (e.g. "Unix seconds"),
            //: %5 the first timestamp cell as written, %6 that time formatted
            = Tr::tr("%1 form, %2 row(s), %3 series; timestamps read as %4 (the first, '%5', is %6)")
                  .arg(m_longForm ? Tr::tr("long") : Tr::tr("wide"), QString::number(m_rows.size()),
                       QString::number(m_result.series.series.size()),
                       unit == TimeUnit::Rfc3339       ? Tr::tr("RFC 3339 dates")
                           : unit == TimeUnit::Seconds ? Tr::tr("Unix seconds")
                                                       : Tr::tr("Unix milliseconds"),
                       m_timeCells.constFirst().text.trimmed(), formatTimestamp(firstMs));
    }
};

} // namespace

CsvImport importCsv(QByteArrayView data, const CsvImportOptions &options)
{
    return CsvReading(options).read(data);
}

} // namespace promdesk
