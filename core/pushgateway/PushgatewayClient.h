#pragma once

#include "model/MetricFamily.h"
#include "net/HttpClient.h"
#include "pushgateway/GatewayEndpoint.h"
#include "pushgateway/GatewayGroups.h"
#include "pushgateway/GroupingKey.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace promdesk {

/// How a push is sent: its method, body format and compression.
struct PushOptions
{
    PushMethod method = PushMethod::Replace; // as client_golang's Push()
    BodyFormat format = BodyFormat::Text;    // what TMP's own example uses
    bool gzip = false;
};

/// Builds the exact requests a Pushgateway understands, and sends them without blocking. The
/// request builders are pure so that previews, curl exports and tests see the same bytes.
class PushgatewayClient final : public QObject
{
    Q_OBJECT

public:
    PushgatewayClient(GatewayEndpoint endpoint, HttpClient *http, QObject *parent = nullptr);

    [[nodiscard]] QUrl groupUrl(const GroupingKey &key) const;
    [[nodiscard]] HttpRequest pushRequest(const GroupingKey &key, const MetricSet &metrics,
                                          const PushOptions &options) const;
    // For a body that is already exactly what should go out (text 0.0.4 or delimited protobuf,
    // per options.format, uncompressed): a file that validated clean, or a body from history.
    [[nodiscard]] HttpRequest pushRequest(const GroupingKey &key, const QByteArray &body,
                                          const PushOptions &options) const;
    [[nodiscard]] HttpRequest deleteRequest(const GroupingKey &key) const;
    [[nodiscard]] HttpRequest apiRequest(const QByteArray &method, const QString &path) const;

    using Done = std::function<void(const HttpResult &)>;
    using GroupsDone
        = std::function<void(const HttpResult &, const std::optional<GatewayGroups> &, const QString &error)>;

    HttpCall *push(const GroupingKey &key, const MetricSet &metrics, const PushOptions &options, QObject *context,
                   Done done);
    HttpCall *push(const GroupingKey &key, const QByteArray &body, const PushOptions &options, QObject *context,
                   Done done);
    HttpCall *deleteGroup(const GroupingKey &key, QObject *context, Done done);
    HttpCall *listGroups(QObject *context, GroupsDone done);
    void status(QObject *context, Done done);    // GET /api/v1/status
    void ready(QObject *context, Done done);     // GET /-/ready
    void healthy(QObject *context, Done done);   // GET /-/healthy
    HttpCall *wipe(QObject *context, Done done); // PUT /api/v1/admin/wipe (needs --web.enable-admin-api)

    [[nodiscard]] const GatewayEndpoint &endpoint() const { return m_endpoint; }
    // Added to every request's tag, for the history (the profile's name, a re-send's origin).
    void setTag(const RequestTag &tag) { m_tag = tag; }

private:
    [[nodiscard]] QUrl url(const QString &path) const;
    [[nodiscard]] HttpRequest baseRequest(const QByteArray &method, const QUrl &url) const;

    GatewayEndpoint m_endpoint;
    HttpClient *m_http;
    RequestTag m_tag;
};

} // namespace promdesk
