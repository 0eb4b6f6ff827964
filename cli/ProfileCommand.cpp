#include "Cli.h"
#include "CliHistory.h"
#include "CliSupport.h"
#include "GatewayOptions.h"
#include "net/Redactor.h"
#include "profiles/ConnectionTest.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QUuid>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProfileCommand)
};

const QString kUsage = QStringLiteral(
    "promdesk-cli profile add NAME --kind tmp|pushgateway|remote-write|generic [--pushgateway-url URL]\n"
    "                             [--remote-write-url URL] [--query-url URL] [--user USER] [--password-stdin | "
    "--bearer-stdin]\n"
    "                             [--ca FILE] [--client-cert FILE --client-key FILE] [--insecure]\n"
    "                             [--group NAME=VALUE]... [--timeout SECONDS]\n"
    "       promdesk-cli profile list | show NAME | remove NAME | test NAME | export FILE | import FILE");

SecretResult keychainCall(const std::function<void(SecretStore &, QObject *, SecretStore::Done)> &call)
{
    KeychainSecretStore keychain;
    return await<SecretResult>(
        [&](QObject *context, auto done) { call(keychain, context, [done](const SecretResult &r) { done(r); }); });
}

QString describe(const Profile &profile, const QString &secretState)
{
    const Profile p = withoutUrlCredentials(profile); // a profile saved before they were refused
    QString out;
    //: The labels are padded with spaces so that the values line up.
    out += Tr::tr("name:              %1\nkind:              %2\n").arg(p.name, profileKindName(p.kind));
    out += Tr::tr("pushgateway url:   %1\nremote write url:  %2\n").arg(p.pushgatewayUrl, p.remoteWriteUrl);
    out += Tr::tr("query url:         %1\n").arg(p.queryUrl);
    //: No authentication.
    const QString noAuth = Tr::tr("none");
    const QString auth = p.auth == Credentials::Kind::Basic ? Tr::tr("basic, user %1").arg(p.user)
        : p.auth == Credentials::Kind::Bearer               ? Tr::tr("bearer token")
                                                            : noAuth;
    out += Tr::tr("auth:              %1\nsecret:            %2\n").arg(auth, secretState);
    //: %1: how the server's certificate is checked; %2: the client certificate part, or nothing.
    out += Tr::tr("tls:               %1%2\n")
               .arg(p.verifyPeer ? (p.caFile.isEmpty() ? Tr::tr("system CA store") : Tr::tr("CA file %1").arg(p.caFile))
                                 : Tr::tr("VERIFICATION OFF (tests only)"),
                    p.clientCertFile.isEmpty() ? QString() : Tr::tr(", client certificate %1").arg(p.clientCertFile));
    QStringList labels;
    for (const Label &label : p.groupingLabels)
        labels << label.name + QLatin1Char('=') + label.value;
    QStringList headers;
    for (const auto &header : p.extraHeaders) // one saved in clear before secret headers went to the keychain is masked
        headers << QString::fromLatin1(header.first) + QStringLiteral(": ")
                + (isSecretHeaderName(header.first) ? QString::fromUtf8(kRedacted) : QString::fromUtf8(header.second));
    for (const QString &name : p.secretHeaders)
        headers << Tr::tr("%1: %2 (in the keychain)").arg(name, QString::fromUtf8(kRedacted));
    if (!headers.isEmpty())
        out += Tr::tr("extra headers:     %1\n").arg(headers.join(QStringLiteral(", ")));
    out += Tr::tr("grouping labels:   %1\ntimeout:           %2 s\n")
               .arg(labels.isEmpty() ? Tr::tr("(none)") : labels.join(QStringLiteral(", ")),
                    QStringLiteral("%1").arg(double(p.timeoutMs) / 1000.0));
    return out;
}

// The flags of `profile add`.
struct AddFlags
{
    QCommandLineOption kind{QStringLiteral("kind"), Tr::tr("tmp, pushgateway, remote-write or generic."),
                            QStringLiteral("KIND"), QStringLiteral("generic")};
    QCommandLineOption pushgateway{QStringLiteral("pushgateway-url"), Tr::tr("The Pushgateway's base URL."),
                                   QStringLiteral("URL")};
    QCommandLineOption remoteWrite{
        QStringLiteral("remote-write-url"),
        Tr::tr("The remote write URL (a TMP profile without one gets the Pushgateway address + "
               "/api/v1/prom/write)."),
        QStringLiteral("URL")};
    QCommandLineOption query{QStringLiteral("query-url"),
                             Tr::tr("A Prometheus query API base, for --verify (a TMP profile without one gets "
                                    "the instance address)."),
                             QStringLiteral("URL")};
    QCommandLineOption user{QStringLiteral("user"), Tr::tr("Basic-auth user; for TMP the APPID."),
                            QStringLiteral("USER")};
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"),
                                     Tr::tr("Read the password or TMP token from standard input.")};
    QCommandLineOption bearerStdin{QStringLiteral("bearer-stdin"), Tr::tr("Read a bearer token from standard input.")};
    QCommandLineOption ca{QStringLiteral("ca"), Tr::tr("Trust this PEM CA certificate."), QStringLiteral("FILE")};
    QCommandLineOption cert{QStringLiteral("client-cert"), Tr::tr("PEM client certificate."), QStringLiteral("FILE")};
    QCommandLineOption key{QStringLiteral("client-key"), Tr::tr("PEM key of the client certificate."),
                           QStringLiteral("FILE")};
    QCommandLineOption insecure{QStringLiteral("insecure"),
                                Tr::tr("Do not verify the server's certificate (tests only).")};
    QCommandLineOption group{QStringLiteral("group"), Tr::tr("A default grouping label; repeatable."),
                             QStringLiteral("NAME=VALUE")};
    QCommandLineOption timeout{QStringLiteral("timeout"), Tr::tr("Seconds to wait for an answer (default 30)."),
                               QStringLiteral("SECONDS"), QStringLiteral("30")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({kind, pushgateway, remoteWrite, query, user, passwordStdin, bearerStdin, ca, cert, key,
                           insecure, group, timeout});
        parser.addPositionalArgument(QStringLiteral("NAME"), Tr::tr("The profile's name."));
    }
};

// Where the profile sends: a TMP profile without a remote write or query URL gets TMP's own.
bool readEndpoints(Profile &profile, const QCommandLineParser &parser, const AddFlags &flags, Io &io)
{
    profile.pushgatewayUrl = parser.value(flags.pushgateway);
    profile.remoteWriteUrl = parser.value(flags.remoteWrite);
    profile.queryUrl = parser.value(flags.query);
    if (profile.kind == ProfileKind::Tmp && !profile.pushgatewayUrl.isEmpty()) {
        const Profile tmp = tmpProfileTemplate(profile.name, profile.pushgatewayUrl, {});
        if (profile.remoteWriteUrl.isEmpty())
            profile.remoteWriteUrl = tmp.remoteWriteUrl;
        if (profile.queryUrl.isEmpty())
            profile.queryUrl = tmp.queryUrl;
    }
    if (const QString url = urlWithCredentials(profile); !url.isEmpty()) {
        io.err << "promdesk-cli: "
               << Tr::tr("%1 has a user or password in it; credentials never go in a URL (it is "
                         "stored and shown in clear). Give the user with --user and the password on standard input "
                         "with --password-stdin: it goes to the keychain.\n")
                      .arg(url);
        return false;
    }
    return true;
}

bool readAuthAndTls(Profile &profile, const QCommandLineParser &parser, const AddFlags &flags, Io &io)
{
    profile.user = parser.value(flags.user);
    profile.auth = parser.isSet(flags.bearerStdin) ? Credentials::Kind::Bearer
        : parser.isSet(flags.passwordStdin)        ? Credentials::Kind::Basic
                                                   : Credentials::Kind::None;
    if (profile.auth == Credentials::Kind::Basic && profile.user.isEmpty()) {
        io.err << "promdesk-cli: " << Tr::tr("--password-stdin needs --user (for TMP, the APPID)\n");
        return false;
    }
    profile.caFile = parser.value(flags.ca);
    profile.clientCertFile = parser.value(flags.cert);
    profile.clientKeyFile = parser.value(flags.key);
    profile.verifyPeer = !parser.isSet(flags.insecure);
    if (const QString problem
        = tlsFilesProblem(TlsSettings{profile.caFile, profile.clientCertFile, profile.clientKeyFile, true});
        !problem.isEmpty()) {
        io.err << "promdesk-cli: " << problem << '\n';
        return false;
    }
    return true;
}

bool readGroupingAndTimeout(Profile &profile, const QCommandLineParser &parser, const AddFlags &flags, Io &io)
{
    for (const QString &pair : parser.values(flags.group)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            io.err << "promdesk-cli: " << Tr::tr("--group needs NAME=VALUE\n");
            return false;
        }
        profile.groupingLabels.append(Label{pair.left(equals), pair.mid(equals + 1)});
    }
    bool ok = false;
    profile.timeoutMs = int(parser.value(flags.timeout).toDouble(&ok) * 1000);
    if (!ok || profile.timeoutMs <= 0) {
        io.err << "promdesk-cli: " << Tr::tr("--timeout needs a positive number of seconds\n");
        return false;
    }
    return true;
}

// The secret on standard input goes to the keychain, never to a file.
bool storeSecretFromStdin(Profile &profile, Io &io)
{
    const std::optional<QString> secret = secretFromStdin(io);
    if (!secret)
        return false;
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString &text = *secret;
    const SecretResult stored
        = keychainCall([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.write(profile.id, text, c, d); });
    if (!stored.ok()) {
        // Never fall back to a file: say why and what to do.
        io.err << "promdesk-cli: "
               << Tr::tr("the secret was not saved: %1. Nothing was written; you can save the profile without "
                         "--password-stdin and pass the secret to each command on standard input.\n")
                      .arg(stored.message);
        return false;
    }
    return true;
}

int add(const QStringList &arguments, Io &io)
{
    QCommandLineParser parser;
    const AddFlags flags;
    flags.addTo(parser);
    if (const std::optional<int> exit
        = parseArguments(parser, arguments, kUsage, Tr::tr("Saves a profile; its secret goes to the keychain.\n"), io))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        io.err << "promdesk-cli: " << Tr::tr("profile add takes one NAME\n");
        return ExitUsage;
    }
    const std::optional<ProfileKind> profileKind = profileKindFromName(parser.value(flags.kind));
    if (!profileKind) {
        io.err << "promdesk-cli: " << Tr::tr("--kind is tmp, pushgateway, remote-write or generic\n");
        return ExitUsage;
    }
    Profile profile;
    profile.name = parser.positionalArguments().constFirst();
    profile.kind = *profileKind;
    if (!readEndpoints(profile, parser, flags, io) || !readAuthAndTls(profile, parser, flags, io)
        || !readGroupingAndTimeout(profile, parser, flags, io))
        return ExitUsage;
    ProfileStore store(ProfileStore::defaultPath());
    if (const std::optional<Profile> existing = store.find(profile.name))
        profile.id = existing->id; // replacing a profile keeps its keychain entry
    if (profile.auth != Credentials::Kind::None && !storeSecretFromStdin(profile, io))
        return ExitUsage;
    QString error;
    if (!store.save(profile, &error)) {
        io.err << "promdesk-cli: " << error << '\n';
        return ExitUsage;
    }
    io.err << (profile.auth != Credentials::Kind::None
                   ? Tr::tr("Saved profile '%1' in %2; its secret is in the keychain.\n")
                   : Tr::tr("Saved profile '%1' in %2.\n"))
                  .arg(profile.name, store.path());
    if (!profile.verifyPeer)
        io.err << "promdesk-cli: warning: " << Tr::tr("this profile does not verify TLS certificates\n");
    return ExitOk;
}

// Moves the values of the profile's credential-carrying headers (X-Tenant-Pass…) from the profile
// to the keychain, which the profile then names them in. False, after saying why, when the
// keychain refuses: then nothing of the profile is saved.
bool storeSecretHeaders(Profile &profile, Io &io)
{
    const HttpHeaders secrets = takeSecretHeaders(profile);
    if (secrets.isEmpty())
        return true;
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const auto &header : secrets) {
        const QString name = QString::fromLatin1(header.first);
        const SecretResult stored = keychainCall([&](SecretStore &s, QObject *c, SecretStore::Done d) {
            s.write(secretHeaderKey(profile.id, name), QString::fromUtf8(header.second), c, d);
        });
        if (!stored.ok()) {
            io.err << "promdesk-cli: "
                   << Tr::tr("profile '%1': header %2 carries a credential, which goes to the keychain, and the "
                             "keychain refused: %3. Nothing of this profile was saved.\n")
                          .arg(profile.name, name, stored.message);
            return false;
        }
    }
    QStringList names;
    for (const auto &header : secrets)
        names << QString::fromLatin1(header.first);
    //: %1: a list of HTTP header names.
    io.err << (secrets.size() > 1 ? Tr::tr("The values of %1 went to the keychain.\n")
                                  : Tr::tr("The value of %1 went to the keychain.\n"))
                  .arg(names.join(QStringLiteral(", ")));
    return true;
}

int test(const Profile &profile, Io &io)
{
    SecretResult read = readProfileSecrets(profile);
    if (!read.ok()) {
        io.out << Tr::tr("secret: %1\n").arg(read.message);
        return ExitUsage;
    }
    QString &secret = read.secret;
    HttpClient http;
    recordHistory(http, io);
    const QList<EndpointCheck> checks = await<QList<EndpointCheck>>([&](QObject *c, auto done) {
        ConnectionTest *test = ConnectionTest::start(profile, secret, &http, nullptr, read.headers);
        QObject::connect(test, &ConnectionTest::finished, c, [done](const QList<EndpointCheck> &all) { done(all); });
    });
    int exit = ExitOk;
    for (const EndpointCheck &check : checks) {
        io.out << check.describe(profile.verifyPeer) << '\n';
        if (!check.ok())
            exit = std::max(exit, exitCodeFor(check.result));
    }
    secret.fill(QLatin1Char('\0'));
    return exit;
}

} // namespace

int runProfile(const QStringList &arguments, Io &io)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == u"--help" || sub == u"-h") {
        (sub.isEmpty() ? io.err : io.out)
            << Tr::tr("Usage: %1").arg(kUsage) << "\n\n"
            << Tr::tr("Profiles keep an instance's addresses and settings in %1;\nsecrets are kept in the OS "
                      "keychain only.\n")
                   .arg(ProfileStore::defaultPath());
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    const QStringList rest = subcommandArguments(arguments);
    if (sub == u"add")
        return add(rest, io);

    ProfileStore store(ProfileStore::defaultPath());
    if (!store.migrationNote().isEmpty())
        io.err << "promdesk-cli: " << store.migrationNote() << '\n';
    if (sub == u"list") {
        const QList<Profile> profiles = store.profiles();
        if (profiles.isEmpty())
            io.out << Tr::tr("No profiles yet. Create one with: promdesk-cli profile add NAME --kind tmp "
                             "--pushgateway-url URL ...\n");
        for (const Profile &p : profiles) {
            const Profile shown = withoutUrlCredentials(p); // one saved before they were refused
            io.out << p.name << "  (" << profileKindName(p.kind) << ")  "
                   << (shown.pushgatewayUrl.isEmpty() ? shown.remoteWriteUrl : shown.pushgatewayUrl) << '\n';
        }
        return ExitOk;
    }
    const QString argument = arguments.value(2);
    if (argument.isEmpty()) {
        io.err << "promdesk-cli: " << Tr::tr("profile %1 needs an argument").arg(sub) << '\n'
               << Tr::tr("Usage: %1").arg(kUsage) << '\n';
        return ExitUsage;
    }
    if (sub == u"export") {
        return writeOutput(argument, exportProfiles(store.profiles()), io, FileAccess::Private) ? ExitOk : ExitUsage;
    }
    if (sub == u"import") {
        QFile file(argument);
        if (!file.open(QIODevice::ReadOnly)) {
            io.err << "promdesk-cli: " << Tr::tr("cannot read %1: %2").arg(argument, file.errorString()) << '\n';
            return ExitUsage;
        }
        QString error;
        const std::optional<QList<Profile>> imported = importProfiles(file.readAll(), &error);
        if (!imported) {
            io.err << "promdesk-cli: " << argument << ": " << error << '\n';
            return ExitRejected;
        }
        for (Profile profile : *imported) {
            if (store.find(profile.name)) {
                io.err << Tr::tr("Skipped '%1': a profile of that name exists.\n").arg(profile.name);
                continue;
            }
            if (!storeSecretHeaders(profile, io))
                return ExitUsage;
            if (!store.save(profile, &error)) {
                io.err << "promdesk-cli: " << error << '\n';
                return ExitUsage;
            }
            io.err << (profile.auth != Credentials::Kind::None
                           ? Tr::tr("Imported '%1' (set its secret with profile add --password-stdin).\n")
                           : Tr::tr("Imported '%1'.\n"))
                          .arg(profile.name);
        }
        return ExitOk;
    }
    const std::optional<Profile> profile = store.find(argument);
    if (!profile) {
        io.err << "promdesk-cli: " << Tr::tr("no profile named '%1'\n").arg(argument);
        return ExitUsage;
    }
    if (sub == u"show") {
        QString secretState = Tr::tr("(none)");
        if (profile->auth != Credentials::Kind::None) {
            const SecretResult read
                = keychainCall([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.read(profile->id, c, d); });
            secretState = read.ok() ? Tr::tr("•••••••• (in the keychain)") : read.message;
        }
        io.out << describe(*profile, secretState);
        return ExitOk;
    }
    if (sub == u"remove") {
        QStringList keys;
        if (profile->auth != Credentials::Kind::None)
            keys << profile->id;
        for (const QString &header : profile->secretHeaders)
            keys << secretHeaderKey(profile->id, header);
        for (const QString &key : std::as_const(keys)) {
            const SecretResult removed
                = keychainCall([&](SecretStore &s, QObject *c, SecretStore::Done d) { s.remove(key, c, d); });
            if (!removed.ok() && removed.status != SecretResult::Status::NotFound)
                io.err << "promdesk-cli: warning: "
                       << Tr::tr("a keychain entry was not removed: %1\n").arg(removed.message);
        }
        store.remove(profile->id);
        io.err << Tr::tr("Removed profile '%1'.\n").arg(profile->name);
        return ExitOk;
    }
    if (sub == u"test")
        return test(*profile, io);
    io.err << "promdesk-cli: " << Tr::tr("unknown profile command '%1'").arg(sub) << '\n'
           << Tr::tr("Usage: %1").arg(kUsage) << '\n';
    return ExitUsage;
}

} // namespace promdesk::cli
