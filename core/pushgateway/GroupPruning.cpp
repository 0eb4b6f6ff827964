#include "pushgateway/GroupPruning.h"

#include "model/Names.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GroupPruning)
};

// Reads a double-quoted string with Prometheus' escapes (\" \\ \n \t) from `text` at `pos`.
std::optional<QString> readQuoted(QStringView text, qsizetype &pos)
{
    if (pos >= text.size() || text[pos] != u'"')
        return std::nullopt;
    QString value;
    for (++pos; pos < text.size(); ++pos) {
        const QChar c = text[pos];
        if (c == u'"') {
            ++pos;
            return value;
        }
        if (c == u'\\' && pos + 1 < text.size()) {
            const QChar next = text[++pos];
            value += next == u'n' ? QChar(u'\n') : next == u't' ? QChar(u'\t') : next;
            continue;
        }
        value += c;
    }
    return std::nullopt; // no closing quote
}

void skipSpaces(QStringView text, qsizetype &pos)
{
    while (pos < text.size() && text[pos].isSpace())
        ++pos;
}

std::optional<LabelMatcher> readMatcher(QStringView text, qsizetype &pos, QString *error)
{
    skipSpaces(text, pos);
    const qsizetype nameStart = pos;
    while (pos < text.size() && (text[pos].isLetterOrNumber() || text[pos] == u'_'))
        ++pos;
    LabelMatcher matcher;
    matcher.name = text.mid(nameStart, pos - nameStart).toString();
    if (!isValidLabelName(matcher.name)) {
        *error = Tr::tr("expected a label name at \"%1\"").arg(text.mid(nameStart, 20).toString());
        return std::nullopt;
    }
    skipSpaces(text, pos);
    const QStringView rest = text.mid(pos);
    if (rest.startsWith(u"=~")) {
        matcher.op = LabelMatcher::Op::Matches;
        pos += 2;
    } else if (rest.startsWith(u"!~")) {
        matcher.op = LabelMatcher::Op::NotMatches;
        pos += 2;
    } else if (rest.startsWith(u"!=")) {
        matcher.op = LabelMatcher::Op::NotEqual;
        pos += 2;
    } else if (rest.startsWith(u"=")) {
        pos += 1;
    } else {
        *error = Tr::tr("expected =, !=, =~ or !~ after %1").arg(matcher.name);
        return std::nullopt;
    }
    skipSpaces(text, pos);
    const std::optional<QString> value = readQuoted(text, pos);
    if (!value) {
        *error = Tr::tr("the value of %1 must be in double quotes").arg(matcher.name);
        return std::nullopt;
    }
    matcher.value = *value;
    if (matcher.op == LabelMatcher::Op::Matches || matcher.op == LabelMatcher::Op::NotMatches) {
        matcher.regex = QRegularExpression(QRegularExpression::anchoredPattern(matcher.value));
        if (!matcher.regex.isValid()) {
            *error = QStringLiteral("%1: %2").arg(matcher.toString(), matcher.regex.errorString());
            return std::nullopt;
        }
    }
    return matcher;
}

} // namespace

bool LabelMatcher::matches(const Labels &labels) const
{
    const QString actual = labels.value(name);
    switch (op) {
    case Op::Equal:
        return actual == value;
    case Op::NotEqual:
        return actual != value;
    case Op::Matches:
        return regex.match(actual).hasMatch();
    case Op::NotMatches:
        return !regex.match(actual).hasMatch();
    }
    return false;
}

QString LabelMatcher::toString() const
{
    static const char *const ops[] = {"=", "!=", "=~", "!~"};
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return name + QLatin1String(ops[int(op)]) + QLatin1Char('"') + escaped + QLatin1Char('"');
}

std::optional<Selector> parseSelector(QStringView text, QString *error)
{
    QStringView body = text.trimmed();
    if (body.startsWith(u'{') && body.endsWith(u'}'))
        body = body.mid(1, body.size() - 2);
    Selector selector;
    qsizetype pos = 0;
    while (true) {
        std::optional<LabelMatcher> matcher = readMatcher(body, pos, error);
        if (!matcher)
            return std::nullopt;
        selector.append(std::move(*matcher));
        skipSpaces(body, pos);
        if (pos >= body.size())
            return selector;
        if (body[pos] != u',') {
            *error = Tr::tr("expected a comma between matchers at \"%1\"").arg(body.mid(pos, 20).toString());
            return std::nullopt;
        }
        ++pos;
        skipSpaces(body, pos);
        if (pos >= body.size()) // a trailing comma, as Prometheus allows
            return selector;
    }
}

std::optional<qint64> parseDurationMs(QStringView text, QString *error)
{
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|s|m|h|d|w|y)"));
    qint64 total = 0;
    qsizetype pos = 0;
    const QString whole = text.trimmed().toString();
    while (pos < whole.size()) {
        const QRegularExpressionMatch match
            = part.match(whole, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch()) {
            *error = Tr::tr("\"%1\" is not a duration such as 90s, 15m, 2h or 7d").arg(whole.left(40));
            return std::nullopt;
        }
        bool ok = false;
        const qint64 count = match.captured(1).toLongLong(&ok);
        const QString unit = match.captured(2);
        const qint64 unitMs = unit == u"ms" ? 1
            : unit == u"s"                  ? 1000
            : unit == u"m"                  ? 60'000
            : unit == u"h"                  ? 3'600'000
            : unit == u"d"                  ? 86'400'000
            : unit == u"w"                  ? 7 * 86'400'000LL
                                            : 365 * 86'400'000LL;
        if (!ok || count > (std::numeric_limits<qint64>::max() - total) / unitMs) {
            *error = Tr::tr("the duration \"%1\" is too long").arg(whole.left(40));
            return std::nullopt;
        }
        total += count * unitMs;
        pos = match.capturedEnd();
    }
    if (total <= 0) {
        *error = Tr::tr("\"%1\" is not a duration such as 90s, 15m, 2h or 7d").arg(whole.left(40));
        return std::nullopt;
    }
    return total;
}

QList<const GatewayGroup *> groupsToPrune(const GatewayGroups &groups, const PruneRule &rule, qint64 nowMs)
{
    QList<const GatewayGroup *> chosen;
    for (const GatewayGroup &group : groups.groups) {
        if (rule.olderThanMs) {
            const double pushed = group.pushTimeSeconds.value_or(0);
            const bool old = pushed <= 0 || double(nowMs) - pushed * 1000.0 > double(*rule.olderThanMs);
            if (!old)
                continue;
        }
        const bool selected
            = rule.selectors.isEmpty()
            || std::any_of(rule.selectors.cbegin(), rule.selectors.cend(), [&](const Selector &selector) {
                   return std::all_of(selector.cbegin(), selector.cend(),
                                      [&](const LabelMatcher &matcher) { return matcher.matches(group.groupingKey); });
               });
        if (selected)
            chosen.append(&group);
    }
    return chosen;
}

GroupingKey groupingKeyOf(const GatewayGroup &group)
{
    GroupingKey key(group.groupingKey.value(QStringLiteral("job")));
    for (const Label &label : group.groupingKey) {
        if (label.name != u"job")
            key.addLabel(label.name, label.value);
    }
    return key;
}

} // namespace promdesk
