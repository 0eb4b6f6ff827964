#pragma once

#include "Cli.h"
#include "net/HttpClient.h"
#include "profiles/Profile.h"
#include "profiles/SecretStore.h"
#include "pushgateway/PushgatewayClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

#include <optional>

namespace promdesk::cli {

// The options every command that talks to a Pushgateway shares: where, who, how securely.
class GatewayOptions
{
public:
    void addTo(QCommandLineParser &parser, bool withGroupingKey);

    // Where to connect and how: from --profile (its secret from the keychain) and/or the
    // options, which win over the profile's values. A secret on standard input wins over the
    // keychain. Prints what is wrong and returns nothing on a usage error.
    struct Connection
    {
        QUrl url;
        Credentials credentials;
        TlsSettings tls;
        int timeoutMs = 30000;
        ProxySettings proxy;
        HttpHeaders extraHeaders;
        std::optional<Profile> profile;
    };
    std::optional<Connection> connection(const QCommandLineParser &parser, Io &io, bool remoteWrite) const;
    std::optional<GatewayEndpoint> endpoint(const QCommandLineParser &parser, Io &io) const;
    std::optional<GroupingKey> groupingKey(const QCommandLineParser &parser, Io &io) const;
    // For the history: the profile's name, once connection() has read it.
    [[nodiscard]] RequestTag tag() const;
    // The profile connection() read, if any.
    [[nodiscard]] const std::optional<Profile> &profile() const { return m_loadedProfile; }
    // --max-response: how much of any answer `http` keeps (by default 1 MiB of an answer to a
    // push or write, 256 MiB of groups); false after saying why when it is not a size.
    bool applyResponseLimit(const QCommandLineParser &parser, HttpClient &http, Io &io) const;
    // What every sending command does to its client first: the response limit, then the history
    // records every request it sends. False after saying why (nothing recorded then).
    bool prepare(const QCommandLineParser &parser, HttpClient &http, Io &io) const;

private:
    QCommandLineOption m_url{QStringLiteral("url"),
                             QCoreApplication::translate("GatewayOptions",
                                                         "The server's URL: a Pushgateway's base URL with its route "
                                                         "prefix, or a remote-write URL."),
                             QStringLiteral("URL")};
    QCommandLineOption m_profile{
        QStringLiteral("profile"),
        QCoreApplication::translate("GatewayOptions",
                                    "Use a saved profile (promdesk-cli profile list); its secret comes from the "
                                    "keychain."),
        QStringLiteral("NAME")};
    mutable std::optional<Profile> m_loadedProfile;
    QCommandLineOption m_job{QStringLiteral("job"),
                             QCoreApplication::translate("GatewayOptions", "The job of the grouping key."),
                             QStringLiteral("JOB")};
    QCommandLineOption m_group{
        QStringLiteral("group"),
        QCoreApplication::translate("GatewayOptions",
                                    "A grouping label, in order; repeat for more (e.g. --group instance=web-1)."),
        QStringLiteral("NAME=VALUE")};
    QCommandLineOption m_user{QStringLiteral("user"),
                              QCoreApplication::translate("GatewayOptions", "Basic-auth user (for TMP: the APPID)."),
                              QStringLiteral("USER")};
    QCommandLineOption m_passwordStdin{
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("GatewayOptions",
                                    "Read the basic-auth password (TMP: the token) from standard input.")};
    QCommandLineOption m_bearerStdin{
        QStringLiteral("bearer-stdin"),
        QCoreApplication::translate("GatewayOptions", "Read a bearer token from standard input.")};
    QCommandLineOption m_ca{QStringLiteral("ca"),
                            QCoreApplication::translate("GatewayOptions", "Trust this PEM CA certificate for https."),
                            QStringLiteral("FILE")};
    QCommandLineOption m_insecure{
        QStringLiteral("insecure"),
        QCoreApplication::translate("GatewayOptions", "Do not verify the server's certificate (tests only).")};
    QCommandLineOption m_timeout{
        QStringLiteral("timeout"),
        QCoreApplication::translate("GatewayOptions", "Seconds to wait for an answer (default 30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30")};
    QCommandLineOption m_maxResponse{
        QStringLiteral("max-response"),
        QCoreApplication::translate("GatewayOptions",
                                    "Keep at most this many MiB of any answer; the rest is read and dropped "
                                    "(default: 1 of an answer to a push or write, 256 of groups)."),
        QStringLiteral("MIB")};
};

// Waits in the CLI's own event loop for an asynchronous core call: `start` gets a context
// object and a callback to hand to the core.
template <typename Result, typename Start> Result await(Start start)
{
    QEventLoop loop;
    Result result{};
    start(&loop, [&](const Result &value) {
        result = value;
        loop.quit();
    });
    loop.exec();
    return result;
}

// --user with --password-stdin, or --bearer-stdin: the secret is the first line of standard input
// (never the command line). No credentials when neither is given; nothing, after saying why, on
// a usage error.
std::optional<Credentials> credentialsFromStdin(bool password, bool bearer, const QString &user, Io &io);
// The secret on the first line of standard input, without its line end; nothing, after saying
// so, when that line is empty (an empty secret would go out as "user:" or "Bearer ").
std::optional<QString> secretFromStdin(Io &io);

// A profile's secret (when `withSecret` and it has one) and its secret headers' values, from the
// keychain, waited for. The CLI keeps nothing "for this session": it reads the keychain each time.
SecretResult readProfileSecrets(const Profile &profile, bool withSecret = true);

using GroupsReply = std::tuple<HttpResult, std::optional<GatewayGroups>, QString>;
// GET /api/v1/metrics, waited for: the answer, the parsed groups (none on failure) and why not.
GroupsReply listGroups(PushgatewayClient &client);

int exitCodeFor(const HttpResult &result);
// Prints "HTTP 400 in 12 ms", the explanation and the server's body verbatim to stderr.
// Any echo of the secret in the server's answer is masked.
void reportResult(const HttpResult &result, const QString &what, Io &io, const Credentials &credentials = {});

} // namespace promdesk::cli
