#pragma once

#include "pushgateway/GatewayGroups.h"
#include "pushgateway/GroupingKey.h"
#include "pushgateway/PushgatewayClient.h"

#include <QList>
#include <QString>

namespace promdesk {

/// What a push does to one series of its group.
enum class ChangeKind {
    Added,     // a series the group does not hold yet
    Replaced,  // the series exists and gets a new value
    Unchanged, // the series exists with the same value
    Removed,   // the series goes away (PUT: not in the push; POST: its family is replaced)
    Kept,      // POST only: a family the push does not name stays as it is
};

QString changeKindName(ChangeKind kind);

/// One series of a group before and after a push.
struct SeriesChange
{
    ChangeKind kind = ChangeKind::Added;
    QString family;
    Labels labels;    // as the gateway will store them (grouping key forced on, instance="" added)
    QString oldValue; // empty for Added
    QString newValue; // empty for Removed and Kept
};

/// Something a push would do that the operator should know first, and whether the gateway
/// would refuse it.
struct PreviewWarning
{
    QString code;    // stable: label-overwritten, instance-empty, no-instance-key, type-conflict, help-differs, ...
    QString message; // plain words
    bool blocksPush = false; // the gateway would refuse the push
};

/// What a push will do to a live Pushgateway, computed before it is sent.
struct OverwritePreview
{
    GroupingKey key;
    PushMethod method = PushMethod::Replace;
    bool groupExists = false;
    QList<SeriesChange> changes;
    QList<PreviewWarning> warnings;
    QList<Labels> otherGroupsOfJob; // groups with the same job and another grouping key: never touched

    [[nodiscard]] int count(ChangeKind kind) const;
    [[nodiscard]] bool blocked() const;
};

OverwritePreview previewPush(const MetricSet &draft, const GroupingKey &key, PushMethod method,
                             const GatewayGroups &live);

// Renders a preview for a terminal: "+ name{labels} value", "~ … old → new", "- …", then warnings.
QString renderPreview(const OverwritePreview &preview);

} // namespace promdesk
