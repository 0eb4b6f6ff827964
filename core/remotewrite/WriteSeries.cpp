#include "remotewrite/WriteSeries.h"

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

} // namespace promdesk
