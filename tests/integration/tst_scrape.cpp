// Reading an exporter's metrics: the real Pushgateway and Prometheus serve their own /metrics,
// which is what operators scrape to compose from.
#include "AsyncWait.h"
#include "ServerFixture.h"
#include "exposition/DelimitedProtobuf.h"
#include "importers/Scrape.h"
#include "net/HttpClient.h"
#include "util/Gzip.h"

#include <QTest>

using namespace promdesk;
using namespace promdesk::test;

class TestScrape : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsExporters_data();
    void readsExporters();
    void convertsProtobufAnswersToText();
    void inflatesAnswersSentCompressed_data();
    void inflatesAnswersSentCompressed();

private:
    std::unique_ptr<ServerFixture> m_gateway;
    std::unique_ptr<ServerFixture> m_prometheus;
};

void TestScrape::initTestCase()
{
    QString error;
    m_gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(m_gateway, qPrintable(error));
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

void TestScrape::readsExporters_data()
{
    QTest::addColumn<QString>("server"); // pushgateway, prometheus, or none
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("pushgateway metrics") << "pushgateway"
                                         << "/metrics"
                                         << "pushgateway_build_info"
                                         << "";
    QTest::newRow("prometheus metrics") << "prometheus"
                                        << "/metrics"
                                        << "prometheus_build_info"
                                        << "";
    QTest::newRow("json status page") << "pushgateway"
                                      << "/api/v1/status"
                                      << ""
                                      << "not metrics";
    QTest::newRow("wrong path") << "prometheus"
                                << "/no-such-page"
                                << ""
                                << "Nothing at this URL";
    QTest::newRow("nothing listening") << "none"
                                       << "/metrics"
                                       << ""
                                       << "Cannot connect to the exporter at http://127.0.0.1:1/metrics";
}

void TestScrape::readsExporters()
{
    QFETCH(QString, server);
    QFETCH(QString, path);
    QFETCH(QString, expectedText);
    QFETCH(QString, expectedError);
    const QUrl url = server == u"pushgateway" ? m_gateway->url(path)
        : server == u"prometheus"             ? m_prometheus->url(path)
                                              : QUrl(QStringLiteral("http://127.0.0.1:1") + path);
    HttpClient http;
    const HttpResult result
        = awaitCall<HttpResult>([&](QObject *context, std::function<void(const HttpResult &)> done) {
              http.send(scrapeRequest(url, 10000), context, done);
          });
    const ScrapedMetrics scraped = scrapedMetrics(result, url);
    if (!expectedError.isEmpty()) {
        QVERIFY2(scraped.error.contains(expectedError), qPrintable(scraped.error));
        return;
    }
    QVERIFY2(scraped.ok(), qPrintable(scraped.error));
    QVERIFY(scraped.text.contains(expectedText.toUtf8()));
    ParseOptions options;
    options.format = scraped.format;
    const ParseResult parsed = parseText(scraped.text, options);
    QVERIFY2(!parsed.hasErrors(), qPrintable(parsed.problems.value(0).message));
    QVERIFY(parsed.stats.samples > 10);
}

void TestScrape::convertsProtobufAnswersToText()
{
    const MetricSet metrics = parseText("# TYPE jobs_done counter\njobs_done{queue=\"a\"} 3\n", ParseOptions{}).metrics;
    HttpResult result;
    result.status = 200;
    result.category = ErrorCategory::None;
    result.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(kDelimitedProtobufContentType)));
    result.body = writeDelimitedProtobuf(metrics);
    const ScrapedMetrics scraped = scrapedMetrics(result, QUrl(QStringLiteral("http://exporter:9100/metrics")));
    QVERIFY2(scraped.ok(), qPrintable(scraped.error));
    QCOMPARE(scraped.text, QByteArray("# TYPE jobs_done counter\njobs_done{queue=\"a\"} 3\n"));

    result.body = "\x05garbage";
    QVERIFY(scrapedMetrics(result, QUrl(QStringLiteral("http://exporter:9100/metrics")))
                .error.contains(QLatin1String("protobuf")));
}

void TestScrape::inflatesAnswersSentCompressed_data()
{
    // PromDesk asks for identity, but an exporter behind a proxy may compress all the same.
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");
    const QByteArray text("# TYPE jobs_done counter\njobs_done{queue=\"a\"} 3\n");
    const QByteArray compressed = gzipCompress(text);
    QTest::newRow("gzip") << QByteArray("gzip") << compressed << "";
    QTest::newRow("gzip-in-capitals") << QByteArray("GZIP") << compressed << "";
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << compressed << "";
    QTest::newRow("identity") << QByteArray("identity") << text << "";
    QTest::newRow("labelled-gzip-but-plain") << QByteArray("gzip") << text << "labelled gzip that is not gzip";
    QTest::newRow("gzip-cut-short") << QByteArray("gzip") << compressed.left(compressed.size() / 2)
                                    << "cut short or damaged";
    QTest::newRow("brotli") << QByteArray("br") << QByteArray("\x1b\x2a") << "Content-Encoding 'br'";
}

void TestScrape::inflatesAnswersSentCompressed()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    HttpResult result;
    result.status = 200;
    result.category = ErrorCategory::None;
    result.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain; version=0.0.4")));
    result.headers.append(qMakePair(QByteArray("Content-Encoding"), encoding));
    result.body = body;
    result.bodyBytes = body.size();
    const ScrapedMetrics scraped = scrapedMetrics(result, QUrl(QStringLiteral("http://exporter:9100/metrics")));
    if (!expectedError.isEmpty()) {
        QVERIFY2(scraped.error.contains(expectedError), qPrintable(scraped.error));
        QVERIFY(scraped.text.isEmpty());
        return;
    }
    QVERIFY2(scraped.ok(), qPrintable(scraped.error));
    QCOMPARE(scraped.text, QByteArray("# TYPE jobs_done counter\njobs_done{queue=\"a\"} 3\n"));
}

QTEST_GUILESS_MAIN(TestScrape)
#include "tst_scrape.moc"
