#pragma once

#include "model/Labels.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace promdesk {

/// A Pushgateway group's identity: the job plus grouping labels, in the order the user gave them.
class GroupingKey
{
public:
    GroupingKey() = default;
    explicit GroupingKey(QString job, QList<Label> labels = {});

    [[nodiscard]] const QString &job() const { return m_job; }
    [[nodiscard]] const QList<Label> &labels() const { return m_labels; }
    void addLabel(const QString &name, const QString &value) { m_labels.append(Label{name, value}); }

    // Every reason the gateway would refuse this key, in plain words; empty when it is valid.
    [[nodiscard]] QStringList validate() const;

    // "/metrics/job/<job>{/<name>/<value>}": values made only of [A-Za-z0-9_.~-] as they are,
    // anything else as name@base64/<URL-safe base64 without padding>, and an empty value as "=".
    // Never a '+' for a space (client_golang's bug) and never a %2F (the gateway splits on it).
    [[nodiscard]] QString path() const;
    // Parses a path made by path() or by another client (plain, %-encoded or @base64 parts).
    static std::optional<GroupingKey> fromPath(const QString &path, QString *error = nullptr);

    // job plus the labels, as the gateway reports the group in /api/v1/metrics.
    [[nodiscard]] Labels asLabels() const;
    [[nodiscard]] bool hasLabel(const QString &name) const;
    [[nodiscard]] QString toString() const; // {job="x",instance="y"}

    friend bool operator==(const GroupingKey &, const GroupingKey &) = default;

private:
    QString m_job;
    QList<Label> m_labels;
};

} // namespace promdesk
