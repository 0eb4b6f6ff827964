#include "model/Labels.h"

#include "model/Escaping.h"

#include <QHashFunctions>

#include <algorithm>

namespace promdesk {

Labels::Labels(std::initializer_list<Label> labels)
{
    for (const Label &label : labels)
        set(label.name, label.value);
}

QList<Label>::iterator Labels::lowerBound(const QString &name)
{
    return std::lower_bound(m_labels.begin(), m_labels.end(), name,
                            [](const Label &label, const QString &n) { return label.name < n; });
}

QList<Label>::const_iterator Labels::lowerBound(const QString &name) const
{
    return std::lower_bound(m_labels.cbegin(), m_labels.cend(), name,
                            [](const Label &label, const QString &n) { return label.name < n; });
}

void Labels::set(const QString &name, const QString &value)
{
    auto it = lowerBound(name);
    if (it != m_labels.end() && it->name == name)
        it->value = value;
    else
        m_labels.insert(it, Label{name, value});
}

bool Labels::remove(const QString &name)
{
    auto it = lowerBound(name);
    if (it == m_labels.end() || it->name != name)
        return false;
    m_labels.erase(it);
    return true;
}

QString Labels::value(const QString &name) const
{
    auto it = lowerBound(name);
    return it != m_labels.cend() && it->name == name ? it->value : QString();
}

bool Labels::contains(const QString &name) const
{
    auto it = lowerBound(name);
    return it != m_labels.cend() && it->name == name;
}

QString Labels::toString() const
{
    if (m_labels.isEmpty())
        return {};
    QString out;
    out += QLatin1Char('{');
    bool first = true;
    for (const Label &label : m_labels) {
        if (!first)
            out += QLatin1Char(',');
        first = false;
        out += label.name + QLatin1String("=\"") + escapeLabelValue(label.value) + QLatin1Char('"');
    }
    out += QLatin1Char('}');
    return out;
}

bool operator<(const Labels &a, const Labels &b)
{
    return std::lexicographical_compare(
        a.m_labels.cbegin(), a.m_labels.cend(), b.m_labels.cbegin(), b.m_labels.cend(),
        [](const Label &x, const Label &y) { return x.name != y.name ? x.name < y.name : x.value < y.value; });
}

size_t qHash(const Labels &labels, size_t seed)
{
    QtPrivate::QHashCombine combine;
    for (const Label &label : labels) {
        seed = combine(seed, label.name);
        seed = combine(seed, label.value);
    }
    return seed;
}

} // namespace promdesk
