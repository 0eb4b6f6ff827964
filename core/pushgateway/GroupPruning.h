#pragma once

#include "pushgateway/GatewayGroups.h"
#include "pushgateway/GroupingKey.h"

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace promdesk {

/// One label matcher of a Prometheus selector: name="v", name!="v", name=~"re", name!~"re".
/// As in Prometheus, a missing label has the empty value, and a regular expression must match
/// the whole value.
struct LabelMatcher
{
    /// How the value is compared: =, !=, =~ or !~, as in PromQL.
    enum class Op { Equal, NotEqual, Matches, NotMatches };
    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex; // Matches / NotMatches: value, anchored

    [[nodiscard]] bool matches(const Labels &labels) const;
    [[nodiscard]] QString toString() const;
};

// All of its matchers hold.
using Selector = QList<LabelMatcher>;

// `job=~"batch.*",instance="a"`, with or without the braces. Nothing, and `error` says why, for
// anything else (a selector that matches every group, such as `job=~".*"`, is valid).
std::optional<Selector> parseSelector(QStringView text, QString *error);

// A Prometheus duration: 90s, 15m, 2h, 7d, 1h30m (units ms, s, m, h, d, w, y). Positive only.
std::optional<qint64> parseDurationMs(QStringView text, QString *error);

/// Which groups a prune removes: not pushed for longer than `olderThanMs` (when given; a group
/// never pushed counts as old), and matching any of `selectors` (when there are some).
struct PruneRule
{
    std::optional<qint64> olderThanMs;
    QList<Selector> selectors;
};

QList<const GatewayGroup *> groupsToPrune(const GatewayGroups &groups, const PruneRule &rule, qint64 nowMs);

// The grouping key a DELETE of this group names.
GroupingKey groupingKeyOf(const GatewayGroup &group);

} // namespace promdesk
