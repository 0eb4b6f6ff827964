#include "pushgateway/GroupingKey.h"

#include "model/Names.h"

#include <QCoreApplication>
#include <QUrl>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GroupingKey)
};

bool isSafe(const QString &value)
{
    // "." and ".." are dot segments: URL normalisation would remove them from the path.
    if (value.isEmpty() || value == u"." || value == u"..")
        return false;
    for (QChar c : value) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'
            || u == '.' || u == '~' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

QString encodePart(const QString &name, const QString &value)
{
    if (isSafe(value))
        return name + QLatin1Char('/') + value;
    if (value.isEmpty())
        return name + QLatin1String("@base64/=");
    const QByteArray encoded = value.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return name + QLatin1String("@base64/") + QString::fromLatin1(encoded);
}

std::optional<QString> decodeValue(const QString &part, bool base64)
{
    if (!base64)
        return QUrl::fromPercentEncoding(part.toUtf8());
    if (part == u"=")
        return QString();
    QByteArray bytes = part.toLatin1();
    while (bytes.endsWith('='))
        bytes.chop(1);
    const auto decoded = QByteArray::fromBase64Encoding(
        bytes, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return QString::fromUtf8(*decoded);
}

} // namespace

GroupingKey::GroupingKey(QString job, QList<Label> labels)
    : m_job(std::move(job))
    , m_labels(std::move(labels))
{}

QStringList GroupingKey::validate() const
{
    QStringList problems;
    if (m_job.isEmpty())
        problems << Tr::tr("the job is empty; the Pushgateway requires a job name");
    QStringList seen{QStringLiteral("job")};
    for (const Label &label : m_labels) {
        if (!isValidLabelName(label.name)) {
            problems << Tr::tr("'%1' is not a valid label name: use letters, digits and '_', not starting "
                               "with a digit")
                            .arg(label.name);
        } else if (label.name.startsWith(QLatin1String("__"))) {
            problems << Tr::tr("'%1' starts with '__', which Prometheus reserves").arg(label.name);
        }
        if (seen.contains(label.name)) {
            problems << (label.name == u"job" ? Tr::tr("'job' is given separately; do not repeat it as a label")
                                              : Tr::tr("label '%1' appears twice in the grouping key").arg(label.name));
        }
        seen << label.name;
    }
    return problems;
}

QString GroupingKey::path() const
{
    QString path = QStringLiteral("/metrics/") + encodePart(QStringLiteral("job"), m_job);
    for (const Label &label : m_labels)
        path += QLatin1Char('/') + encodePart(label.name, label.value);
    return path;
}

std::optional<GroupingKey> GroupingKey::fromPath(const QString &path, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString rest = path;
    const qsizetype metrics = rest.indexOf(QLatin1String("/metrics/"));
    if (metrics < 0)
        return fail(Tr::tr("the path has no '/metrics/' part"));
    rest = rest.mid(metrics + 9);
    const QStringList parts = rest.split(QLatin1Char('/'));
    if (parts.size() % 2 != 0)
        return fail(Tr::tr("the path has an odd number of name/value parts"));
    GroupingKey key;
    for (qsizetype i = 0; i < parts.size(); i += 2) {
        QString name = parts.at(i);
        const bool base64 = name.endsWith(QLatin1String("@base64"));
        if (base64)
            name.chop(7);
        const std::optional<QString> value = decodeValue(parts.at(i + 1), base64);
        if (!value)
            return fail(Tr::tr("the value of '%1' is not valid URL-safe base64").arg(name));
        if (i == 0) {
            if (name != u"job")
                return fail(Tr::tr("the path must start with /metrics/job/"));
            key.m_job = *value;
        } else {
            key.m_labels.append(Label{name, *value});
        }
    }
    return key;
}

Labels GroupingKey::asLabels() const
{
    Labels labels;
    labels.set(QStringLiteral("job"), m_job);
    for (const Label &label : m_labels)
        labels.set(label.name, label.value);
    return labels;
}

bool GroupingKey::hasLabel(const QString &name) const
{
    return std::any_of(m_labels.cbegin(), m_labels.cend(), [&](const Label &label) { return label.name == name; });
}

QString GroupingKey::toString() const
{
    return asLabels().toString();
}

} // namespace promdesk
