#include "net/HttpTypes.h"

#include <algorithm>
#include <iterator>

namespace promdesk {

QString errorCategoryName(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::None:
        return QStringLiteral("ok");
    case ErrorCategory::CannotConnect:
        return QStringLiteral("cannot-connect");
    case ErrorCategory::Timeout:
        return QStringLiteral("timeout");
    case ErrorCategory::ClosedAfterRequest:
        return QStringLiteral("closed-after-request");
    case ErrorCategory::Tls:
        return QStringLiteral("tls");
    case ErrorCategory::Auth:
        return QStringLiteral("auth");
    case ErrorCategory::NotFound:
        return QStringLiteral("not-found");
    case ErrorCategory::Redirected:
        return QStringLiteral("redirected");
    case ErrorCategory::Rejected:
        return QStringLiteral("rejected");
    case ErrorCategory::Server:
        return QStringLiteral("server");
    case ErrorCategory::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCategory::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

HttpHeaders withoutReservedHeaders(const HttpHeaders &headers)
{
    static const QByteArray reserved[] = {"authorization",
                                          "content-type",
                                          "content-encoding",
                                          "content-length",
                                          "host",
                                          "user-agent",
                                          "x-prometheus-remote-write-version",
                                          "retry-attempt"};
    HttpHeaders kept;
    for (const auto &header : headers) {
        if (std::find(std::begin(reserved), std::end(reserved), header.first.toLower()) == std::end(reserved))
            kept.append(header);
    }
    return kept;
}

ErrorCategory categoryForStatus(int status)
{
    if (status >= 200 && status < 300)
        return ErrorCategory::None;
    if (status >= 300 && status < 400)
        return ErrorCategory::Redirected;
    if (status == 401 || status == 403)
        return ErrorCategory::Auth;
    if (status == 404)
        return ErrorCategory::NotFound;
    if (status >= 400 && status < 500)
        return ErrorCategory::Rejected;
    if (status >= 500)
        return ErrorCategory::Server;
    return ErrorCategory::Other;
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : 80);
}

QString authorityWithPort(const QUrl &url)
{
    return url.host() + QLatin1Char(':') + QString::number(effectivePort(url));
}

} // namespace promdesk
