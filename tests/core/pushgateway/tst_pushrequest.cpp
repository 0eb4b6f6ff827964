#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextParser.h"
#include "net/HttpClient.h"
#include "pushgateway/PushgatewayClient.h"

#include <QTest>

#include <zlib.h>

using namespace promdesk;

namespace {

// zlib called directly, not util/Gzip: the push's body is checked by a decoder that shares no code
// with the compressor under test, so a fault both halves of util/Gzip agree on cannot hide.
QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    QByteArray out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = inflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray("<not gzip>");
}

QByteArray headerOf(const HttpRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers) {
        if (header.first == name)
            return header.second;
    }
    return {};
}

} // namespace

class TestPushRequest : public QObject
{
    Q_OBJECT

private slots:
    void buildsTheExactRequest_data();
    void buildsTheExactRequest();
    void neverPutsCredentialsInTheUrl();
};

void TestPushRequest::buildsTheExactRequest_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<QByteArray>("httpMethod");
    QTest::addColumn<QByteArray>("contentType");
    const QByteArray text = "text/plain; version=0.0.4; charset=utf-8";
    // clang-format off
    QTest::newRow("replace-text")      << int(PushMethod::Replace) << int(BodyFormat::Text) << false << QByteArray("PUT") << text;
    QTest::newRow("merge-text")        << int(PushMethod::Merge) << int(BodyFormat::Text) << false << QByteArray("POST") << text;
    QTest::newRow("replace-protobuf")  << int(PushMethod::Replace) << int(BodyFormat::Protobuf) << false << QByteArray("PUT") << QByteArray(kDelimitedProtobufContentType);
    QTest::newRow("merge-text-gzip")   << int(PushMethod::Merge) << int(BodyFormat::Text) << true << QByteArray("POST") << text;
    // clang-format on
}

void TestPushRequest::buildsTheExactRequest()
{
    QFETCH(int, method);
    QFETCH(int, format);
    QFETCH(bool, gzip);
    QFETCH(QByteArray, httpMethod);
    QFETCH(QByteArray, contentType);
    HttpClient http;
    PushgatewayClient client(
        GatewayEndpoint{QUrl(QStringLiteral("https://gw.example:9091/prefix/")), {}, {}, 1000, {}, {}}, &http);
    const MetricSet metrics = parseText("# TYPE a gauge\na{x=\"1\"} 2 1700000000000\n", ParseOptions{}).metrics;
    const HttpRequest request
        = client.pushRequest(GroupingKey(QStringLiteral("j"), {{QStringLiteral("instance"), QStringLiteral("a b")}}),
                             metrics, PushOptions{PushMethod(method), BodyFormat(format), gzip});
    QCOMPARE(request.method, httpMethod);
    QCOMPARE(request.url.toString(),
             QStringLiteral("https://gw.example:9091/prefix/metrics/job/j/instance@base64/YSBi"));
    QCOMPARE(headerOf(request, "Content-Type"), contentType);
    QCOMPARE(headerOf(request, "Content-Encoding"), gzip ? QByteArray("gzip") : QByteArray());
    const QByteArray body = gzip ? gunzip(request.body) : request.body;
    if (BodyFormat(format) == BodyFormat::Text)
        QCOMPARE(body, QByteArray("# TYPE a gauge\na{x=\"1\"} 2\n")); // no timestamp for a gateway
    else
        QCOMPARE(readDelimitedProtobuf(body).metrics.families.at(0).metrics.at(0).timestampMs, std::nullopt);
}

void TestPushRequest::neverPutsCredentialsInTheUrl()
{
    HttpClient http;
    PushgatewayClient client(
        GatewayEndpoint{QUrl(QStringLiteral("http://127.0.0.1:9091")),
                        {Credentials::Kind::Basic, QStringLiteral("1250000000"), QStringLiteral("t0ken")},
                        {},
                        1000,
                        {},
                        {}},
        &http);
    const HttpRequest request
        = client.pushRequest(GroupingKey(QStringLiteral("j")), QByteArray("a 1\n"), PushOptions{});
    QVERIFY(request.url.userInfo().isEmpty());
    QVERIFY(!request.url.toString().contains(QLatin1String("t0ken")));
    QCOMPARE(request.body, QByteArray("a 1\n")); // a prepared body goes out as it is
}

QTEST_GUILESS_MAIN(TestPushRequest)
#include "tst_pushrequest.moc"
