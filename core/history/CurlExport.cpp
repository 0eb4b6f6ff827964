#include "history/CurlExport.h"

#include "net/Redactor.h"

#include <QCoreApplication>
#include <QDir>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlExport)
};

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isText(const HistoryEntry &entry)
{
    const QByteArray encoding = entry.requestHeader("Content-Encoding");
    const QByteArray type = entry.requestHeader("Content-Type");
    if (!encoding.isEmpty() || type.contains("protobuf"))
        return false;
    // The heredoc form needs text that ends in a newline and has no NUL bytes.
    return entry.requestBody.endsWith('\n') && !entry.requestBody.contains('\0');
}

} // namespace

CurlExport exportCurl(const HistoryEntry &entry, const CurlOptions &options)
{
    CurlExport out;
    if (entry.requestBodyTruncated) {
        // The command would send only the part kept: a PUT of it replaces the group with fewer
        // series, or with a cut line the server refuses.
        out.refusal = Tr::tr("entry %1 kept only part of its body (%2 of %3 bytes); a command would send only that "
                             "part, so none is written")
                          .arg(QString::number(entry.id), QString::number(entry.requestBody.size()),
                               QString::number(entry.requestBodySize));
        return out;
    }
    QStringList parts{QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-X"),
                      QString::fromLatin1(entry.method)};
    // PromDesk speaks HTTP/1.1 only (see HttpClient::send); curl would otherwise offer HTTP/2 over TLS.
    if (entry.url.startsWith(QLatin1String("https:"), Qt::CaseInsensitive))
        parts << QStringLiteral("--http1.1");
    const QString secret = options.revealedSecret.isEmpty()
        ? QStringLiteral("${PROMDESK_SECRET:?set PROMDESK_SECRET to the secret}")
        : options.revealedSecret;
    const bool quoteSecret = !options.revealedSecret.isEmpty();
    // Everything from the history in single quotes; only the variable stays in double quotes,
    // so the shell expands it and nothing else ('a"$(x)' as a user is just text).
    const auto withSecret = [&](const QString &prefix) {
        return quoteSecret ? shellQuote(prefix + secret)
                           : shellQuote(prefix) + QLatin1Char('"') + secret + QLatin1Char('"');
    };
    if (entry.authKind == Credentials::Kind::Basic)
        parts << QStringLiteral("-u") << withSecret(entry.authUser + QLatin1Char(':'));
    else if (entry.authKind == Credentials::Kind::Bearer)
        parts << QStringLiteral("-H") << withSecret(QStringLiteral("Authorization: Bearer "));
    for (const auto &header : entry.requestHeaders) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0)
            continue; // carried by -u / the bearer header above
        parts << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(header.first) + QStringLiteral(": ")
                            + QString::fromUtf8(header.second));
    }
    QString heredoc;
    if (!entry.requestBody.isEmpty()) {
        if (isText(entry) && options.bodyDirectory.isEmpty()) {
            parts << QStringLiteral("--data-binary") << QStringLiteral("@-");
            heredoc = QStringLiteral(" <<'PROMDESK_BODY'\n") + QString::fromUtf8(entry.requestBody)
                + QStringLiteral("PROMDESK_BODY");
        } else {
            out.bodyFileName = QStringLiteral("request-%1.bin").arg(entry.id);
            out.bodyFile = entry.requestBody;
            const QString path = options.bodyDirectory.isEmpty()
                ? out.bodyFileName
                : QDir(options.bodyDirectory).filePath(out.bodyFileName);
            parts << QStringLiteral("--data-binary") << shellQuote(QLatin1Char('@') + path);
        }
    }
    parts << shellQuote(entry.url);
    out.command = parts.join(QLatin1Char(' ')) + heredoc + QLatin1Char('\n');
    if (entry.authKind != Credentials::Kind::None && options.revealedSecret.isEmpty())
        out.note = Tr::tr("the command reads the secret from $PROMDESK_SECRET");
    return out;
}

} // namespace promdesk
