#pragma once

#include <QList>
#include <QString>

namespace promdesk {

/// One label: a name and a value.
struct Label
{
    QString name;
    QString value;

    friend bool operator==(const Label &, const Label &) = default;
};

/// A label set kept sorted by name, as Prometheus and remote write require. Copies share data
/// (QList is implicitly shared), so passing Labels by value is cheap.
class Labels
{
public:
    Labels() = default;
    Labels(std::initializer_list<Label> labels);

    // Inserts or replaces, keeping the order.
    void set(const QString &name, const QString &value);
    bool remove(const QString &name);
    void reserve(qsizetype count) { m_labels.reserve(count); }
    [[nodiscard]] QString value(const QString &name) const;
    [[nodiscard]] bool contains(const QString &name) const;

    [[nodiscard]] qsizetype size() const { return m_labels.size(); }
    [[nodiscard]] bool isEmpty() const { return m_labels.isEmpty(); }
    [[nodiscard]] const QList<Label> &list() const { return m_labels; }
    [[nodiscard]] QList<Label>::const_iterator begin() const { return m_labels.cbegin(); }
    [[nodiscard]] QList<Label>::const_iterator end() const { return m_labels.cend(); }

    // `{a="1",b="x\"y"}` with text-format escaping; empty set gives an empty string.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const Labels &, const Labels &) = default;
    friend bool operator<(const Labels &a, const Labels &b);

private:
    QList<Label>::iterator lowerBound(const QString &name);
    [[nodiscard]] QList<Label>::const_iterator lowerBound(const QString &name) const;

    QList<Label> m_labels;
};

size_t qHash(const Labels &labels, size_t seed = 0);

} // namespace promdesk
