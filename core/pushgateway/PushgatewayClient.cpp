#include "pushgateway/PushgatewayClient.h"

#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextWriter.h"

#include "util/Gzip.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PushgatewayClient)
};

QPair<QByteArray, QByteArray> header(const char *name, const char *value)
{
    return {QByteArray(name), QByteArray(value)};
}
} // namespace

PushgatewayClient::PushgatewayClient(GatewayEndpoint endpoint, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_http(http)
{}

QUrl PushgatewayClient::url(const QString &path) const
{
    QUrl result = m_endpoint.baseUrl;
    // Both parts as they go on the wire: a prefix decoded first ("/team%20a" as "/team a") is not
    // a valid encoded path, and StrictMode would leave no URL at all.
    QString prefix = result.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    result.setPath(prefix + path, QUrl::StrictMode);
    return result;
}

QUrl PushgatewayClient::groupUrl(const GroupingKey &key) const
{
    return url(key.path());
}

HttpRequest PushgatewayClient::baseRequest(const QByteArray &method, const QUrl &url) const
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.credentials = m_endpoint.credentials;
    request.tls = m_endpoint.tls;
    request.timeoutMs = m_endpoint.timeoutMs;
    request.proxy = m_endpoint.proxy;
    request.headers = withoutReservedHeaders(m_endpoint.extraHeaders);
    request.tag = m_tag;
    request.tag.target = QStringLiteral("pushgateway");
    return request;
}

HttpRequest PushgatewayClient::pushRequest(const GroupingKey &key, const MetricSet &metrics,
                                           const PushOptions &options) const
{
    WriteOptions write;
    write.includeTimestamps = false; // the gateway refuses them, in text and in protobuf
    return pushRequest(key,
                       options.format == BodyFormat::Protobuf ? writeDelimitedProtobuf(metrics, write)
                                                              : writeText(metrics, write),
                       options);
}

HttpRequest PushgatewayClient::pushRequest(const GroupingKey &key, const QByteArray &body,
                                           const PushOptions &options) const
{
    HttpRequest request = baseRequest(options.method == PushMethod::Replace ? "PUT" : "POST", groupUrl(key));
    request.tag.operation = options.method == PushMethod::Replace ? QStringLiteral("replace") : QStringLiteral("merge");
    request.tag.groupingKey = key.toString();
    request.body = body;
    request.headers.append(options.format == BodyFormat::Protobuf
                               ? header("Content-Type", kDelimitedProtobufContentType)
                               : header("Content-Type", "text/plain; version=0.0.4; charset=utf-8"));
    if (options.gzip) {
        request.body = gzipCompress(request.body);
        request.headers.append(header("Content-Encoding", "gzip"));
    }
    return request;
}

HttpRequest PushgatewayClient::deleteRequest(const GroupingKey &key) const
{
    HttpRequest request = baseRequest("DELETE", groupUrl(key));
    request.tag.operation = QStringLiteral("delete");
    request.tag.groupingKey = key.toString();
    return request;
}

HttpRequest PushgatewayClient::apiRequest(const QByteArray &method, const QString &path) const
{
    HttpRequest request = baseRequest(method, url(path));
    request.maxResponseBytes = kDataMaxResponseBytes; // the groups are the answer
    request.tag.operation = path.endsWith(QLatin1String("wipe")) ? QStringLiteral("wipe")
        : path.endsWith(QLatin1String("metrics"))                ? QStringLiteral("list")
                                                                 : QStringLiteral("status");
    return request;
}

HttpCall *PushgatewayClient::push(const GroupingKey &key, const MetricSet &metrics, const PushOptions &options,
                                  QObject *context, Done done)
{
    return m_http->send(pushRequest(key, metrics, options), context, std::move(done));
}

HttpCall *PushgatewayClient::push(const GroupingKey &key, const QByteArray &body, const PushOptions &options,
                                  QObject *context, Done done)
{
    return m_http->send(pushRequest(key, body, options), context, std::move(done));
}

HttpCall *PushgatewayClient::deleteGroup(const GroupingKey &key, QObject *context, Done done)
{
    return m_http->send(deleteRequest(key), context, std::move(done));
}

HttpCall *PushgatewayClient::listGroups(QObject *context, GroupsDone done)
{
    return m_http->send(apiRequest("GET", QStringLiteral("/api/v1/metrics")), context,
                        [done = std::move(done)](const HttpResult &result) {
                            if (!result.ok()) {
                                done(result, std::nullopt, {});
                                return;
                            }
                            if (result.bodyCut()) {
                                done(result, std::nullopt,
                                     Tr::tr("the gateway's groups take %1 bytes, more than the %2 MB read of an answer")
                                         .arg(result.bodyBytes)
                                         .arg(result.body.size() >> 20));
                                return;
                            }
                            QString error;
                            const std::optional<GatewayGroups> groups = parseGatewayGroups(result.body, &error);
                            done(result, groups, error);
                        });
}

void PushgatewayClient::status(QObject *context, Done done)
{
    m_http->send(apiRequest("GET", QStringLiteral("/api/v1/status")), context, std::move(done));
}

void PushgatewayClient::ready(QObject *context, Done done)
{
    m_http->send(apiRequest("GET", QStringLiteral("/-/ready")), context, std::move(done));
}

void PushgatewayClient::healthy(QObject *context, Done done)
{
    m_http->send(apiRequest("GET", QStringLiteral("/-/healthy")), context, std::move(done));
}

HttpCall *PushgatewayClient::wipe(QObject *context, Done done)
{
    return m_http->send(apiRequest("PUT", QStringLiteral("/api/v1/admin/wipe")), context, std::move(done));
}

} // namespace promdesk
