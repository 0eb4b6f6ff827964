#pragma once

#include "model/MetricFamily.h"

#include <QByteArray>
#include <QStringList>

namespace promdesk {

/// How writeText and writeDelimitedProtobuf write metrics.
struct WriteOptions
{
    bool includeTimestamps = true; // false for a Pushgateway, which rejects them
};

// Text exposition format 0.0.4, as client_golang writes it: HELP, TYPE, then the samples of each
// family; numbers in their shortest round-trip form, whatever the locale.
QByteArray writeText(const MetricSet &metrics, const WriteOptions &options = {});

// OpenMetrics 1.0 text: `_total` counters, `_created`, seconds timestamps and the final `# EOF`.
// OpenMetrics text. A histogram with buckets below 0 is written without its _sum and _count, as
// OpenMetrics requires (its _sum would be no counter); histogramsLosingTheirSum() counts them.
QByteArray writeOpenMetrics(const MetricSet &metrics, const WriteOptions &options = {});
int histogramsLosingTheirSum(const MetricSet &metrics);
// The families writeOpenMetrics writes with another type: counters whose name lacks `_total`
// (written as unknown) and infos whose name lacks `_info` (written as gauge).
QStringList familiesRetypedInOpenMetrics(const MetricSet &metrics);

} // namespace promdesk
