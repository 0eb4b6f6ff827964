#pragma once

#include <QStringView>

namespace promdesk {

// Prometheus' legacy name rules: metric names [a-zA-Z_:][a-zA-Z0-9_:]*, label names
// [a-zA-Z_][a-zA-Z0-9_]*. (Names starting with "__" are valid but reserved; callers decide.)
bool isValidMetricName(QStringView name);
bool isValidLabelName(QStringView name);

} // namespace promdesk
