#include "profiles/ConnectionTest.h"

#include "net/Redactor.h"
#include "pushgateway/PushgatewayClient.h"
#include "pushgateway/ServerMessage.h"
#include "remotewrite/RemoteWriteClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionTest)
};

// `explain`: explainGatewayAnswer for the gateway, whose refusals say more; explainAnswer otherwise.
EndpointCheck checked(const QString &what, const QUrl &url, const HttpResult &result, const QString &detail,
                      Explanation (*explain)(const HttpResult &, const QString &))
{
    EndpointCheck check{what, url.adjusted(QUrl::RemoveUserInfo), result, detail, {}, {}};
    if (!result.ok()) {
        const Explanation explanation = explain(result, what);
        check.summary = explanation.summary;
        check.advice = explanation.advice;
    }
    return check;
}

} // namespace

QString EndpointCheck::describe(bool verifyPeer) const
{
    if (!ok()) {
        //: %1 is the endpoint ("Pushgateway" or "Remote write"), %2 its URL, %3 what went wrong, %4 what to do
        return Tr::tr("%1 %2: %3 %4").arg(what, redactUrl(url), summary, advice);
    }
    const QString tls = url.scheme() == u"https"
        ? (verifyPeer ? Tr::tr(", TLS verified") : Tr::tr(", TLS NOT verified"))
        : Tr::tr(", no TLS");
    //: %1 is the endpoint ("Pushgateway" or "Remote write"), %2 its URL, %3 is ", TLS verified" or similar,
    //: %4 is empty or ", version 1.6.0" or similar, %5 the HTTP status, %6 the time taken in milliseconds
    return Tr::tr("%1 %2: reachable%3, auth ok%4 (HTTP %5, %6 ms)")
        .arg(what, redactUrl(url), tls, detail, QString::number(result.status), QString::number(result.durationMs));
}

ConnectionTest *ConnectionTest::start(const Profile &profile, QString secret, HttpClient *http, QObject *parent,
                                      HttpHeaders secretHeaders)
{
    auto *test = new ConnectionTest(profile, std::move(secret), std::move(secretHeaders), http, parent);
    QTimer::singleShot(0, test, &ConnectionTest::next);
    return test;
}

ConnectionTest::ConnectionTest(const Profile &profile, QString secret, HttpHeaders secretHeaders, HttpClient *http,
                               QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secret(std::move(secret))
    , m_secretHeaders(std::move(secretHeaders))
    , m_http(http)
{
    if (!profile.pushgatewayUrl.isEmpty())
        m_pending.append(&ConnectionTest::checkPushgateway);
    if (!profile.remoteWriteUrl.isEmpty())
        m_pending.append(&ConnectionTest::checkRemoteWrite);
}

ConnectionTest::~ConnectionTest()
{
    m_secret.fill(QLatin1Char('\0'));
}

void ConnectionTest::next()
{
    if (m_pending.isEmpty()) {
        m_secret.fill(QLatin1Char('\0'));
        emit finished(m_checks);
        deleteLater();
        return;
    }
    (this->*m_pending.takeFirst())();
}

void ConnectionTest::checkPushgateway()
{
    auto client = std::make_shared<PushgatewayClient>(gatewayEndpoint(m_profile, m_secret, m_secretHeaders), m_http);
    RequestTag tag;
    tag.profile = m_profile.name;
    client->setTag(tag);
    const QUrl base = client->groupUrl(GroupingKey(QStringLiteral("x"))).adjusted(QUrl::RemovePath);
    client->status(this, [this, client, base](const HttpResult &status) {
        const QString version = QJsonDocument::fromJson(status.body)
                                    .object()
                                    .value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("build_information"))
                                    .toObject()
                                    .value(QStringLiteral("version"))
                                    .toString();
        m_checks.append(checked(QStringLiteral("Pushgateway"), base, status,
                                version.isEmpty() ? QString() : Tr::tr(", version %1").arg(version),
                                explainGatewayAnswer));
        next();
    });
}

void ConnectionTest::checkRemoteWrite()
{
    WriteEndpoint endpoint = writeEndpoint(m_profile, m_secret, m_secretHeaders);
    endpoint.retry.maxAttempts = 1; // a test reports what happens now; it does not wait out a 503
    auto client = std::make_shared<RemoteWriteClient>(endpoint, m_http);
    RequestTag tag;
    tag.profile = m_profile.name;
    tag.operation = QStringLiteral("probe");
    client->setTag(tag);
    WriteCall *call = client->send(SeriesSet{}); // valid, and stores nothing
    connect(call, &WriteCall::finished, this, [this, client, url = endpoint.url](const WriteOutcome &outcome) {
        //: The name of the endpoint a connection test checks, used inside sentences
        m_checks.append(
            checked(Tr::tr("Remote write"), url, outcome.result, Tr::tr(", accepts remote write 1.0"), explainAnswer));
        next();
    });
}

} // namespace promdesk
