#include "GatewayOptions.h"

#include "CliHistory.h"
#include "net/HttpTypes.h"
#include "net/Redactor.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "pushgateway/ServerMessage.h"
#include "util/Printable.h"

#include <QCoreApplication>

namespace promdesk::cli {

void GatewayOptions::addTo(QCommandLineParser &parser, bool withGroupingKey)
{
    parser.addOptions(
        {m_url, m_profile, m_user, m_passwordStdin, m_bearerStdin, m_ca, m_insecure, m_timeout, m_maxResponse});
    if (withGroupingKey)
        parser.addOptions({m_job, m_group});
}

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GatewayOptions)
};

QString hostOf(const QUrl &url)
{
    return url.scheme() + QStringLiteral("://") + authorityWithPort(url);
}

QStringList profileHosts(const Profile &profile)
{
    QStringList hosts;
    for (const QString &url : {profile.pushgatewayUrl, profile.remoteWriteUrl}) {
        if (!url.isEmpty() && !hosts.contains(hostOf(QUrl(url))))
            hosts << hostOf(QUrl(url));
    }
    return hosts;
}

bool isProfileHost(const Profile &profile, const QUrl &url)
{
    return profileHosts(profile).contains(hostOf(url));
}

bool carriesSecrets(const Profile &profile)
{
    // A profile saved before secret headers went to the keychain may still hold one in clear.
    return profile.auth != Credentials::Kind::None || !profile.secretHeaders.isEmpty()
        || std::any_of(profile.extraHeaders.cbegin(), profile.extraHeaders.cend(),
                       [](const auto &header) { return isSecretHeaderName(header.first); });
}

} // namespace

std::optional<GatewayOptions::Connection> GatewayOptions::connection(const QCommandLineParser &parser, Io &io,
                                                                     bool remoteWrite) const
{
    Connection connection;
    if (parser.isSet(m_profile)) {
        ProfileStore store(ProfileStore::defaultPath());
        connection.profile = store.find(parser.value(m_profile));
        if (!connection.profile) {
            io.err << "promdesk-cli: "
                   << Tr::tr("no profile named '%1' in %2 (promdesk-cli profile list)\n")
                          .arg(parser.value(m_profile), store.path());
            return std::nullopt;
        }
        const Profile &p = *connection.profile;
        connection.url = QUrl(remoteWrite ? p.remoteWriteUrl : p.pushgatewayUrl);
        connection.credentials = Credentials{p.auth, p.user, {}};
        connection.tls = TlsSettings{p.caFile, p.clientCertFile, p.clientKeyFile, p.verifyPeer};
        connection.timeoutMs = p.timeoutMs;
        connection.proxy = proxyOf(p);
        connection.extraHeaders = p.extraHeaders;
        m_loadedProfile = connection.profile;
    }
    if (parser.isSet(m_url))
        connection.url = QUrl::fromUserInput(parser.value(m_url));
    if (connection.url.isEmpty()) {
        io.err << "promdesk-cli: "
               << (connection.profile ? (remoteWrite ? Tr::tr("profile '%1' has no remote write URL; give --url")
                                                     : Tr::tr("profile '%1' has no Pushgateway URL; give --url"))
                                            .arg(connection.profile->name)
                                      : Tr::tr("--url or --profile is required"))
               << '\n';
        return std::nullopt;
    }
    if (!connection.url.isValid() || (connection.url.scheme() != u"http" && connection.url.scheme() != u"https")) {
        io.err << "promdesk-cli: " << Tr::tr("'%1' is not an http:// or https:// URL\n").arg(redactUrl(connection.url));
        return std::nullopt;
    }
    if (!connection.url.userInfo().isEmpty()) {
        io.err << "promdesk-cli: " << Tr::tr("put credentials in --user and --password-stdin, not in the URL\n");
        return std::nullopt;
    }
    const bool secretGiven = parser.isSet(m_passwordStdin) || parser.isSet(m_bearerStdin);
    if (connection.profile && parser.isSet(m_url) && !secretGiven && carriesSecrets(*connection.profile)
        && !isProfileHost(*connection.profile, connection.url)) {
        // The profile's secret is for its own servers: never handed to another one.
        //: %1: a server (scheme://host:port); %2: a profile's name; %3: the profile's servers.
        io.err << "promdesk-cli: "
               << Tr::tr("--url points at %1, which is not a server of profile '%2' (%3); its credentials go only to "
                         "its own servers. Leave out --url, or give this server's credentials with --user and "
                         "--password-stdin.\n")
                      .arg(hostOf(connection.url), connection.profile->name,
                           profileHosts(*connection.profile).join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (parser.isSet(m_user))
        connection.credentials.user = parser.value(m_user);
    if (parser.isSet(m_passwordStdin) || parser.isSet(m_bearerStdin)) {
        const std::optional<Credentials> given = credentialsFromStdin(
            parser.isSet(m_passwordStdin), parser.isSet(m_bearerStdin), connection.credentials.user, io);
        if (!given)
            return std::nullopt;
        connection.credentials = *given;
    } else if (parser.isSet(m_user) && !(connection.profile && connection.profile->auth != Credentials::Kind::None)) {
        io.err << "promdesk-cli: "
               << Tr::tr("--user needs --password-stdin (passwords never go on the command line)\n");
        return std::nullopt;
    }
    if (connection.profile && (!secretGiven || isProfileHost(*connection.profile, connection.url))) {
        // The profile's secret (unless one came on standard input) and its secret headers' values.
        const SecretResult secret = readProfileSecrets(*connection.profile, !secretGiven);
        if (!secret.ok()) {
            io.err << "promdesk-cli: "
                   << (secretGiven ? Tr::tr("cannot read the secret of profile '%1': %2.\n")
                                   : Tr::tr("cannot read the secret of profile '%1': %2. Pass it with --password-stdin "
                                            "(or --bearer-stdin) instead.\n"))
                          .arg(connection.profile->name, secret.message);
            return std::nullopt;
        }
        if (!secretGiven)
            connection.credentials.secret = secret.secret;
        connection.extraHeaders += secret.headers;
    }
    if (parser.isSet(m_ca))
        connection.tls.caFile = parser.value(m_ca);
    if (parser.isSet(m_insecure))
        connection.tls.verifyPeer = false;
    if (const QString problem = tlsFilesProblem(connection.tls); !problem.isEmpty()) {
        io.err << "promdesk-cli: " << problem << '\n';
        return std::nullopt;
    }
    if (!connection.tls.verifyPeer)
        io.err << "promdesk-cli: warning: " << Tr::tr("TLS certificate verification is off\n");
    if (parser.isSet(m_timeout) || !connection.profile) {
        bool ok = false;
        const double seconds = parser.value(m_timeout).toDouble(&ok);
        if (!ok || seconds <= 0) {
            io.err << "promdesk-cli: " << Tr::tr("--timeout needs a positive number of seconds\n");
            return std::nullopt;
        }
        connection.timeoutMs = int(seconds * 1000);
    }
    return connection;
}

std::optional<GatewayEndpoint> GatewayOptions::endpoint(const QCommandLineParser &parser, Io &io) const
{
    const std::optional<Connection> c = connection(parser, io, false);
    if (!c)
        return std::nullopt;
    return GatewayEndpoint{c->url, c->credentials, c->tls, c->timeoutMs, c->proxy, c->extraHeaders};
}

std::optional<GroupingKey> GatewayOptions::groupingKey(const QCommandLineParser &parser, Io &io) const
{
    GroupingKey key(parser.value(m_job));
    if (parser.values(m_group).isEmpty() && m_loadedProfile) {
        for (const Label &label : m_loadedProfile->groupingLabels)
            key.addLabel(label.name, label.value);
    }
    for (const QString &pair : parser.values(m_group)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            io.err << "promdesk-cli: " << Tr::tr("--group needs NAME=VALUE, not '%1'\n").arg(pair);
            return std::nullopt;
        }
        key.addLabel(pair.left(equals), pair.mid(equals + 1));
    }
    const QStringList problems = key.validate();
    for (const QString &problem : problems)
        io.err << "promdesk-cli: " << Tr::tr("grouping key: %1\n").arg(problem);
    if (!problems.isEmpty())
        return std::nullopt;
    return key;
}

bool GatewayOptions::prepare(const QCommandLineParser &parser, HttpClient &http, Io &io) const
{
    if (!applyResponseLimit(parser, http, io))
        return false;
    recordHistory(http, io);
    return true;
}

bool GatewayOptions::applyResponseLimit(const QCommandLineParser &parser, HttpClient &http, Io &io) const
{
    if (!parser.isSet(m_maxResponse))
        return true;
    bool ok = false;
    const double mebibytes = parser.value(m_maxResponse).toDouble(&ok);
    if (!ok || !(mebibytes > 0) || mebibytes > 1 << 20) {
        io.err << "promdesk-cli: " << Tr::tr("--max-response needs a number of MiB, more than 0\n");
        return false;
    }
    http.setMaxResponseBytes(qint64(mebibytes * 1024 * 1024));
    return true;
}

RequestTag GatewayOptions::tag() const
{
    RequestTag tag;
    if (m_loadedProfile)
        tag.profile = m_loadedProfile->name;
    return tag;
}

SecretResult readProfileSecrets(const Profile &profile, bool withSecret)
{
    MemorySecretStore noSession;
    KeychainSecretStore keychain;
    return await<SecretResult>([&](QObject *context, auto done) {
        readProfileSecret(
            noSession, keychain, profile, context, [done](const SecretResult &r) { done(r); }, withSecret);
    });
}

std::optional<Credentials> credentialsFromStdin(bool password, bool bearer, const QString &user, Io &io)
{
    if (password && bearer) {
        io.err << "promdesk-cli: " << Tr::tr("use either --password-stdin or --bearer-stdin\n");
        return std::nullopt;
    }
    if (!password && !bearer)
        return Credentials{};
    if (password && user.isEmpty()) {
        io.err << "promdesk-cli: " << Tr::tr("--password-stdin needs --user\n");
        return std::nullopt;
    }
    const std::optional<QString> secret = secretFromStdin(io);
    if (!secret)
        return std::nullopt;
    return Credentials{bearer ? Credentials::Kind::Bearer : Credentials::Kind::Basic, bearer ? QString() : user,
                       *secret};
}

std::optional<QString> secretFromStdin(Io &io)
{
    QByteArray line = io.inFile.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        // Refused by a server that checks it, and let through by one that does not, as if checked.
        io.err << "promdesk-cli: " << Tr::tr("the secret on standard input is empty\n");
        return std::nullopt;
    }
    const QString secret = QString::fromUtf8(line);
    line.fill('\0');
    return secret;
}

GroupsReply listGroups(PushgatewayClient &client)
{
    return await<GroupsReply>([&](QObject *context, auto done) {
        client.listGroups(context,
                          [done](const HttpResult &r, const std::optional<GatewayGroups> &g, const QString &e) {
                              done(GroupsReply{r, g, e});
                          });
    });
}

int exitCodeFor(const HttpResult &result)
{
    switch (result.category) {
    case ErrorCategory::None:
        return ExitOk;
    case ErrorCategory::CannotConnect:
    case ErrorCategory::Timeout:
    case ErrorCategory::ClosedAfterRequest:
    case ErrorCategory::Tls:
    case ErrorCategory::Cancelled:
    case ErrorCategory::Other:
        return ExitNetwork;
    case ErrorCategory::Auth:
    case ErrorCategory::NotFound:
    case ErrorCategory::Redirected:
    case ErrorCategory::Rejected:
    case ErrorCategory::Server:
        return ExitRejected;
    }
    return ExitNetwork;
}

void reportResult(const HttpResult &result, const QString &what, Io &io, const Credentials &credentials)
{
    //: Put into the explanation of the server's answer, in the middle of a sentence.
    const Explanation explanation = explainGatewayAnswer(result, Tr::tr("the Pushgateway"));
    //: %1: what was sent; %2: the HTTP status (HTTP 400) or why no answer came.
    io.err << Tr::tr("%1: %2 in %3 ms\n")
                  .arg(what,
                       result.status ? QStringLiteral("HTTP %1").arg(result.status)
                                     : errorCategoryName(result.category),
                       QString::number(result.durationMs));
    if (result.ok())
        return;
    io.err << redactText(explanation.summary, credentials) << '\n';
    if (!explanation.advice.isEmpty())
        io.err << explanation.advice << '\n';
    if (result.bodyBytes == 0 && result.body.isEmpty())
        return;
    // Once, a screenful, escaped: the whole answer (up to the cap) is in the history. HttpCall
    // masked any echo of the request's secrets in it already.
    const QString said = screenful(result.body, result.bodyBytes);
    io.err << Tr::tr("Server said:\n") << said << '\n';
    if (said.endsWith(QLatin1String("bytes in all)"))) {
        if (const qint64 id = lastRecordedId())
            io.err << Tr::tr("The history keeps the start of it: promdesk-cli history show %1\n").arg(id);
    }
}

} // namespace promdesk::cli
