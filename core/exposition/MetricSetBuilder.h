#pragma once

#include "exposition/TextParser.h"
#include "model/MetricFamily.h"

#include <QHash>

namespace promdesk {

/// Builds a MetricSet from parser events. Lines of one family that were split apart land in the
/// same family; `_bucket`, `_sum`, `_count` and quantile lines join the Metric of their label set.
class MetricSetBuilder final : public SampleSink
{
public:
    void onFamily(const FamilyDescriptor &family) override;
    void onSample(const SampleEvent &sample) override;

    MetricSet take();

private:
    MetricFamily &family(std::string_view name);

    MetricSet m_set;
    // Samples come family by family: remember the last one instead of looking it up each time.
    std::string m_lastName;
    qsizetype m_lastIndex = -1;
    QHash<QString, qsizetype> m_familyIndex;
    // (family, label set, timestamp) → index of its Metric in the family. One index for all
    // families: a hash per family costs about a kilobyte even for a family of one series.
    struct MetricKey
    {
        qsizetype family;
        Labels labels;
        std::optional<qint64> timestampMs;
        friend bool operator==(const MetricKey &, const MetricKey &) = default;
    };
    friend size_t qHash(const MetricKey &key, size_t seed);
    QHash<MetricKey, qsizetype> m_metricIndex;
};

} // namespace promdesk
