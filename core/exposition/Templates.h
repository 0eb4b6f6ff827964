#pragma once

#include "model/Labels.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace promdesk {

/// A ready-made set of metrics to start composing from, with the grouping key it is meant to be
/// pushed under. A grouping label whose value is empty means "this host's name".
struct MetricTemplate
{
    QString title;
    QString description;
    QByteArray text;
    QString job;
    QList<Label> groupingLabels;
};

const QList<MetricTemplate> &metricTemplates();

} // namespace promdesk
