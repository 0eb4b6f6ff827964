#include "net/AnswerExplanation.h"

#include "net/Redactor.h"
#include "util/Printable.h"

#include <QCoreApplication>

#include <algorithm>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AnswerExplanation)
};

} // namespace

QString shownAnswer(const QString &text, qsizetype maxChars)
{
    return printable(QStringView(text).trimmed(), PrintableOptions{maxChars, false});
}

QString answerStart(const HttpResult &result)
{
    return QString::fromUtf8(QByteArrayView(result.body).first(std::min<qsizetype>(result.body.size(), 64 * 1024)));
}

QString sentenceStart(const QString &serverName)
{
    QString server = serverName;
    if (!server.isEmpty())
        server[0] = server[0].toUpper();
    return server;
}

Explanation explainAnswer(const HttpResult &result, const QString &serverName)
{
    // "The Pushgateway" opens a sentence; inside one it is "the Pushgateway".
    const QString server = sentenceStart(serverName);
    const QString inside = server.startsWith(QLatin1String("The ")) ? QStringLiteral("the ") + server.mid(4) : server;
    const QString body = answerStart(result);
    switch (result.category) {
    case ErrorCategory::None:
        return {Tr::tr("Done: %1 answered %2.").arg(inside, QString::number(result.status)), {}};
    case ErrorCategory::CannotConnect:
        return {Tr::tr("Cannot connect to %1: %2.").arg(inside, result.errorText),
                Tr::tr("Check the address and port, and that the server is running and reachable from here.")};
    case ErrorCategory::Timeout:
        return {Tr::tr("%1 did not answer in time.").arg(server),
                Tr::tr("Check that the address is right and the server is not overloaded, or raise the timeout.")};
    case ErrorCategory::ClosedAfterRequest:
        return {Tr::tr("%1 closed the connection after receiving the request, without answering: it may have "
                       "been applied.")
                    .arg(server),
                Tr::tr("Look at what the server holds before sending it again.")};
    case ErrorCategory::Tls:
        return {Tr::tr("The TLS connection to %1 failed: %2.").arg(inside, result.errorText),
                Tr::tr("If the server uses a private CA, give its certificate as the profile's CA file; "
                       "turning verification off is for tests only.")};
    case ErrorCategory::Auth:
        return {Tr::tr("%1 refused the credentials (HTTP %2).").arg(server, QString::number(result.status)),
                Tr::tr("Check the user and password or token. For TMP the user is the APPID and the password "
                       "the instance token.")};
    case ErrorCategory::NotFound:
        return {Tr::tr("Nothing at this URL on %1 (HTTP 404).").arg(inside), Tr::tr("Check the URL.")};
    case ErrorCategory::Redirected: {
        const QByteArray location = result.header("Location");
        return {location.isEmpty() ? Tr::tr("%1 answered HTTP %2, a redirect, without saying where to.")
                                         .arg(server, QString::number(result.status))
                                   : Tr::tr("%1 answered HTTP %2: it redirects to %3.")
                                         .arg(server, QString::number(result.status),
                                              shownAnswer(redactUrl(QUrl(QString::fromUtf8(location))), 200)),
                Tr::tr("PromDesk does not follow redirects: the credentials would go along to wherever they "
                       "point. If you trust that address, give it as the URL.")};
    }
    case ErrorCategory::Rejected:
        return {Tr::tr("%1 refused the request (HTTP %2): %3")
                    .arg(server, QString::number(result.status), shownAnswer(body, 200)),
                Tr::tr("The server's message above says why.")};
    case ErrorCategory::Server:
        return {
            Tr::tr("%1 failed with HTTP %2: %3").arg(server, QString::number(result.status), shownAnswer(body, 200)),
            Tr::tr("This is the server's problem; try again later.")};
    case ErrorCategory::Cancelled: // what the cancel meant for the request: applied or not
        return {result.errorText.isEmpty() ? Tr::tr("Cancelled.") : Tr::tr("Cancelled: %1.").arg(result.errorText), {}};
    case ErrorCategory::Other:
        break;
    }
    return {
        QStringLiteral("%1: %2").arg(server, result.errorText.isEmpty() ? shownAnswer(body, 200) : result.errorText),
        {}};
}

} // namespace promdesk
