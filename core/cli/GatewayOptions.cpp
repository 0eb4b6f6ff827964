#include "cli/GatewayOptions.h"

#include "pushgateway/ServerMessage.h"

namespace promdesk::cli {

void GatewayOptions::addTo(QCommandLineParser &parser, bool withGroupingKey)
{
    parser.addOptions({m_url, m_user, m_passwordStdin, m_bearerStdin, m_ca, m_insecure, m_timeout});
    if (withGroupingKey)
        parser.addOptions({m_job, m_group});
}

std::optional<GatewayEndpoint> GatewayOptions::endpoint(const QCommandLineParser &parser, Io &io) const
{
    GatewayEndpoint endpoint;
    const QString url = parser.value(m_url);
    if (url.isEmpty()) {
        io.err << "promdesk-cli: --url is required (the Pushgateway's base URL)\n";
        return std::nullopt;
    }
    endpoint.baseUrl = QUrl::fromUserInput(url);
    if (!endpoint.baseUrl.isValid() || (endpoint.baseUrl.scheme() != u"http" && endpoint.baseUrl.scheme() != u"https")) {
        io.err << "promdesk-cli: --url '" << url << "' is not an http:// or https:// URL\n";
        return std::nullopt;
    }
    if (!endpoint.baseUrl.userInfo().isEmpty()) {
        io.err << "promdesk-cli: put credentials in --user and --password-stdin, not in the URL\n";
        return std::nullopt;
    }
    if (parser.isSet(m_passwordStdin) && parser.isSet(m_bearerStdin)) {
        io.err << "promdesk-cli: use either --password-stdin or --bearer-stdin\n";
        return std::nullopt;
    }
    if (parser.isSet(m_passwordStdin) || parser.isSet(m_bearerStdin)) {
        QByteArray secret = io.inFile.readLine();
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        endpoint.credentials.kind = parser.isSet(m_bearerStdin) ? Credentials::Kind::Bearer : Credentials::Kind::Basic;
        endpoint.credentials.user = parser.value(m_user);
        endpoint.credentials.secret = QString::fromUtf8(secret);
        secret.fill('\0');
        if (endpoint.credentials.kind == Credentials::Kind::Basic && endpoint.credentials.user.isEmpty()) {
            io.err << "promdesk-cli: --password-stdin needs --user\n";
            return std::nullopt;
        }
    } else if (parser.isSet(m_user)) {
        io.err << "promdesk-cli: --user needs --password-stdin (passwords never go on the command line)\n";
        return std::nullopt;
    }
    endpoint.tls.caFile = parser.value(m_ca);
    endpoint.tls.verifyPeer = !parser.isSet(m_insecure);
    if (parser.isSet(m_insecure))
        io.err << "promdesk-cli: warning: TLS certificate verification is off\n";
    bool ok = false;
    const double seconds = parser.value(m_timeout).toDouble(&ok);
    if (!ok || seconds <= 0) {
        io.err << "promdesk-cli: --timeout needs a positive number of seconds\n";
        return std::nullopt;
    }
    endpoint.timeoutMs = int(seconds * 1000);
    return endpoint;
}

std::optional<GroupingKey> GatewayOptions::groupingKey(const QCommandLineParser &parser, Io &io) const
{
    GroupingKey key(parser.value(m_job));
    for (const QString &pair : parser.values(m_group)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            io.err << "promdesk-cli: --group needs NAME=VALUE, not '" << pair << "'\n";
            return std::nullopt;
        }
        key.addLabel(pair.left(equals), pair.mid(equals + 1));
    }
    const QStringList problems = key.validate();
    for (const QString &problem : problems)
        io.err << "promdesk-cli: grouping key: " << problem << '\n';
    if (!problems.isEmpty())
        return std::nullopt;
    return key;
}

int exitCodeFor(const HttpResult &result)
{
    switch (result.category) {
    case ErrorCategory::None: return ExitOk;
    case ErrorCategory::CannotConnect:
    case ErrorCategory::Timeout:
    case ErrorCategory::Tls:
    case ErrorCategory::Cancelled:
    case ErrorCategory::Other: return ExitNetwork;
    case ErrorCategory::Auth:
    case ErrorCategory::NotFound:
    case ErrorCategory::Rejected:
    case ErrorCategory::Server: return ExitRejected;
    }
    return ExitNetwork;
}

void reportResult(const HttpResult &result, const QString &what, Io &io)
{
    const Explanation explanation = explainGatewayAnswer(result, QStringLiteral("the Pushgateway"));
    io.err << what << ": " << (result.status ? QStringLiteral("HTTP %1").arg(result.status) : errorCategoryName(result.category))
           << " in " << result.durationMs << " ms\n";
    if (result.ok())
        return;
    io.err << explanation.summary << '\n';
    if (!explanation.advice.isEmpty())
        io.err << explanation.advice << '\n';
    if (!result.body.isEmpty())
        io.err << "Server said: " << QString::fromUtf8(result.body).trimmed() << '\n';
}

} // namespace promdesk::cli
