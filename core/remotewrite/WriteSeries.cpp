#include "remotewrite/WriteSeries.h"

#include "model/NumberFormat.h"

#include <limits>

namespace promdesk {

qint64 SeriesSet::sampleCount() const
{
    qint64 total = 0;
    for (const WriteSeries &s : series)
        total += s.samples.size();
    return total;
}

qint64 SeriesSet::minTimestamp() const
{
    qint64 minimum = std::numeric_limits<qint64>::max();
    for (const WriteSeries &s : series) {
        if (!s.samples.isEmpty())
            minimum = std::min(minimum, s.samples.constFirst().timestampMs);
    }
    return minimum;
}

qint64 SeriesSet::maxTimestamp() const
{
    qint64 maximum = std::numeric_limits<qint64>::min();
    for (const WriteSeries &s : series) {
        if (!s.samples.isEmpty())
            maximum = std::max(maximum, s.samples.constLast().timestampMs);
    }
    return maximum;
}

QString seriesAsText(const SeriesSet &set)
{
    QString out;
    for (const WriteSeries &series : set.series) {
        Labels labels = series.labels;
        const QString name = labels.value(QStringLiteral("__name__"));
        labels.remove(QStringLiteral("__name__"));
        for (const WriteSample &sample : series.samples)
            out += name + labels.toString() + QLatin1Char(' ') + formatNumber(sample.value) + QLatin1Char(' ')
                + QString::number(sample.timestampMs) + QLatin1Char('\n');
    }
    return out;
}

} // namespace promdesk
