#include "net/Redactor.h"

#include <QStringList>

namespace promdesk {

namespace {

bool looksSecret(const QString &name)
{
    static const char *const words[] = {"token", "secret", "pass",      "pwd", "apikey", "api_key",    "api-key",
                                        "auth",  "sig",    "signature", "key", "cookie", "credential", "session"};
    const QString lower = name.toLower();
    return std::any_of(std::begin(words), std::end(words),
                       [&](const char *word) { return lower.contains(QLatin1String(word)); });
}

} // namespace

QString redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        // Item by item as sent, only a secret's value replaced: decoded and encoded again, "%2B"
        // would come back as '+', which servers read as a space, and the history would show
        // another request than the one that went.
        QStringList items = copy.query(QUrl::FullyEncoded).split(u'&');
        for (QString &item : items) {
            const QString name = item.left(item.indexOf(u'='));
            if (looksSecret(QUrl::fromPercentEncoding(name.toUtf8())))
                item = name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(kRedacted)));
        }
        copy.setQuery(items.join(u'&'), QUrl::StrictMode);
    }
    return copy.toString();
}

bool isSecretHeaderName(QByteArrayView name)
{
    static const char *const words[]
        = {"auth", "token", "key", "pass", "pwd", "secret", "cookie", "credential", "session", "signature"};
    const QByteArray lower = name.toByteArray().toLower();
    // A challenge names a scheme and realm, not a secret.
    if (lower == "www-authenticate" || lower == "proxy-authenticate")
        return false;
    return std::any_of(std::begin(words), std::end(words), [&](const char *word) { return lower.contains(word); });
}

HttpHeaders redactHeaders(const HttpHeaders &headers)
{
    HttpHeaders result;
    for (const auto &header : headers) {
        const QByteArray lower = header.first.toLower();
        const bool secret = isSecretHeaderName(header.first);
        if (!secret) {
            result.append(header);
            continue;
        }
        // Keep the scheme of an Authorization header: "Basic ••••••" still tells what was sent.
        const qsizetype space = header.second.indexOf(' ');
        const QByteArray scheme
            = lower.endsWith("authorization") && space > 0 ? header.second.left(space + 1) : QByteArray();
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

QList<QByteArray> secretsOf(const HttpRequest &request)
{
    QList<QByteArray> secrets;
    const auto addOne = [&](const QByteArray &secret) {
        // A secret of a character or two would mask half of any answer; such a secret is no secret.
        if (secret.size() >= 3 && !secrets.contains(secret))
            secrets.append(secret);
    };
    // As sent, and as a server that writes it into a URL or a form echoes it: '+' as "%2B".
    const auto add = [&](const QByteArray &secret) {
        addOne(secret);
        addOne(QUrl::toPercentEncoding(QString::fromUtf8(secret)));
    };
    if (!request.credentials.secret.isEmpty()) {
        add(request.credentials.secret.toUtf8());
        add((request.credentials.user + QLatin1Char(':') + request.credentials.secret).toUtf8().toBase64());
    }
    for (const auto &header : request.headers) {
        if (isSecretHeaderName(header.first))
            add(header.second);
    }
    // A secret in the query (?access_token=…), which redactUrl() masks in the history's URL.
    for (const QString &item : request.url.query(QUrl::FullyEncoded).split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals > 0 && looksSecret(QUrl::fromPercentEncoding(item.left(equals).toUtf8()))) {
            const QByteArray encoded = item.mid(equals + 1).toUtf8();
            addOne(encoded);
            add(QUrl::fromPercentEncoding(encoded).toUtf8());
        }
    }
    // The longest first: a secret that contains another is masked whole.
    std::sort(secrets.begin(), secrets.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    return secrets;
}

bool redactEcho(HttpResult &result, const QList<QByteArray> &secrets)
{
    bool masked = false;
    const auto mask = [&](QByteArray &bytes) {
        for (const QByteArray &secret : secrets) {
            if (bytes.contains(secret)) {
                bytes.replace(secret, QByteArray(kRedacted));
                masked = true;
            }
        }
    };
    mask(result.body);
    for (auto &header : result.headers) {
        if (isSecretHeaderName(header.first) && !header.second.isEmpty()) {
            header.second = QByteArray(kRedacted);
            masked = true;
        } else {
            mask(header.second);
        }
    }
    if (!result.errorText.isEmpty()) {
        QByteArray text = result.errorText.toUtf8();
        const bool before = masked;
        mask(text);
        if (masked != before)
            result.errorText = QString::fromUtf8(text);
    }
    result.redacted = result.redacted || masked;
    return masked;
}

} // namespace promdesk
