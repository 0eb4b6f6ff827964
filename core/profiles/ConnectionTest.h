#pragma once

#include "net/HttpClient.h"
#include "profiles/Profile.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

namespace promdesk {

/// What one endpoint of a profile answered to a harmless request.
struct EndpointCheck
{
    QString what; // "Pushgateway" or "Remote write"
    QUrl url;     // without credentials
    HttpResult result;
    QString detail; // on success: the version, what the receiver accepts
    QString summary;
    QString advice; // on failure: what to do

    [[nodiscard]] bool ok() const { return result.ok(); }
    // "Pushgateway http://…: reachable, no TLS, auth ok, version 1.5.1 (HTTP 200, 3 ms)" or the
    // explanation of the failure, for the CLI and the GUI alike.
    [[nodiscard]] QString describe(bool verifyPeer) const;
};

/// Tests every endpoint of a profile with requests that change nothing: the Pushgateway's status
/// API, and an empty remote-write request (valid, stores nothing). Asynchronous; deletes itself
/// after `finished`.
class ConnectionTest final : public QObject
{
    Q_OBJECT

public:
    // `secret` is used for these requests only and wiped afterwards.
    static ConnectionTest *start(const Profile &profile, QString secret, HttpClient *http, QObject *parent = nullptr,
                                 HttpHeaders secretHeaders = {});
    ~ConnectionTest() override;

signals:
    void finished(const QList<promdesk::EndpointCheck> &checks);

private:
    ConnectionTest(const Profile &profile, QString secret, HttpHeaders secretHeaders, HttpClient *http,
                   QObject *parent);
    void checkPushgateway();
    void checkRemoteWrite();
    void next();

    Profile m_profile;
    QString m_secret;
    HttpHeaders m_secretHeaders;
    HttpClient *m_http;
    QList<EndpointCheck> m_checks;
    QList<void (ConnectionTest::*)()> m_pending; // the checks still to run, one after another
};

} // namespace promdesk
