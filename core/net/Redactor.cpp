#include "net/Redactor.h"

#include <QUrlQuery>

namespace promdesk {

namespace {

bool looksSecret(const QString &name)
{
    static const char *const words[] = {"token", "secret", "password", "passwd", "pwd", "apikey", "api_key", "api-key",
                                        "auth", "signature", "sig", "key", "credential", "session"};
    const QString lower = name.toLower();
    return std::any_of(std::begin(words), std::end(words), [&](const char *word) { return lower.contains(QLatin1String(word)); });
}

} // namespace

QString redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto &item : items) {
            if (looksSecret(item.first))
                item.second = QString::fromUtf8(kRedacted);
        }
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return copy.toString();
}

HttpHeaders redactHeaders(const HttpHeaders &headers)
{
    HttpHeaders result;
    for (const auto &header : headers) {
        const QByteArray lower = header.first.toLower();
        const bool secret = lower == "authorization" || lower == "proxy-authorization" || lower == "cookie"
            || lower == "set-cookie" || looksSecret(QString::fromLatin1(header.first));
        if (!secret) {
            result.append(header);
            continue;
        }
        // Keep the scheme of an Authorization header: "Basic ••••••" still tells what was sent.
        const qsizetype space = header.second.indexOf(' ');
        const QByteArray scheme = lower.endsWith("authorization") && space > 0 ? header.second.left(space + 1) : QByteArray();
        result.append({header.first, scheme + QByteArray(kRedacted)});
    }
    return result;
}

QString redactText(QString text, const Credentials &credentials)
{
    if (credentials.secret.isEmpty())
        return text;
    text.replace(credentials.secret, QString::fromUtf8(kRedacted));
    const QByteArray basic = (credentials.user + QLatin1Char(':') + credentials.secret).toUtf8().toBase64();
    text.replace(QString::fromLatin1(basic), QString::fromUtf8(kRedacted));
    return text;
}

} // namespace promdesk
