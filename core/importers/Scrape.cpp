#include "importers/Scrape.h"

#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextWriter.h"
#include "net/AnswerExplanation.h"
#include "net/Redactor.h"
#include "util/Gzip.h"
#include "util/Printable.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Scrape)
};

// The answer's bytes as the exporter meant them. PromDesk asks for identity, but an exporter
// behind a proxy may compress all the same: gzip is inflated (within a bound), anything else
// refused, since its bytes are no metrics. Nothing, with `error` set, when they cannot be read.
std::optional<QByteArray> decodedBody(const HttpResult &result, const QString &server, QString &error)
{
    const QByteArray encoding = result.header("Content-Encoding").trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity")
        return result.body;
    if (encoding != "gzip" && encoding != "x-gzip") {
        error = Tr::tr("%1 answered with Content-Encoding '%2', which PromDesk cannot read; nothing was imported")
                    .arg(server, printable(encoding, 40));
        return std::nullopt;
    }
    if (!looksLikeGzip(result.body)) {
        error = Tr::tr("%1 answered with a body labelled gzip that is not gzip; nothing was imported").arg(server);
        return std::nullopt;
    }
    bool tooLarge = false;
    std::optional<QByteArray> inflated = gzipDecompress(result.body, kDataMaxResponseBytes, &tooLarge);
    if (!inflated) {
        error = tooLarge
            ? Tr::tr("%1 answered with a gzip body that inflates past %2 MB; nothing was imported")
                  .arg(server, QString::number(kDataMaxResponseBytes >> 20))
            : Tr::tr("%1 answered with a gzip body that is cut short or damaged; nothing was imported").arg(server);
    }
    return inflated;
}

} // namespace

HttpRequest scrapeRequest(const QUrl &url, int timeoutMs)
{
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.timeoutMs = timeoutMs;
    request.maxResponseBytes = kDataMaxResponseBytes; // the metrics are the answer
    request.headers.append(qMakePair(
        QByteArray("Accept"),
        QByteArray("text/plain;version=0.0.4;q=1,application/openmetrics-text;version=1.0.0;q=0.5,*/*;q=0.1")));
    request.tag.operation = QStringLiteral("scrape");
    request.tag.target = QStringLiteral("exporter");
    return request;
}

ScrapedMetrics scrapedMetrics(const HttpResult &result, const QUrl &url)
{
    ScrapedMetrics scraped;
    const QString server = Tr::tr("the exporter at %1").arg(redactUrl(url));
    if (!result.ok()) {
        const Explanation explanation = explainAnswer(result, server);
        //: %1 says what went wrong, %2 what to do
        scraped.error = Tr::tr("%1 %2").arg(explanation.summary, explanation.advice);
        return scraped;
    }
    if (result.bodyCut()) { // a start of the metrics is no metrics: its last family would be cut
        scraped.error = Tr::tr("%1 answered with %2 bytes, more than the %3 MB read of an answer; nothing was "
                               "imported")
                            .arg(server, QString::number(result.bodyBytes), QString::number(result.body.size() >> 20));
        return scraped;
    }
    const std::optional<QByteArray> body = decodedBody(result, server, scraped.error);
    if (!body)
        return scraped;
    const QByteArray contentType = result.header("Content-Type").toLower();
    if (contentType.startsWith("application/vnd.google.protobuf")) {
        const ProtobufReadResult decoded = readDelimitedProtobuf(*body);
        if (!decoded.error.isEmpty()) {
            scraped.error = Tr::tr("%1 answered with protobuf that could not be read: %2").arg(server, decoded.error);
            return scraped;
        }
        scraped.text = writeText(decoded.metrics);
        return scraped;
    }
    if (!contentType.isEmpty() && !contentType.startsWith("text/plain")
        && !contentType.startsWith("application/openmetrics-text")) {
        scraped.error = Tr::tr("%1 answered with '%2', not metrics; check that the URL is the exporter's metrics "
                               "path (usually /metrics)")
                            .arg(server, QString::fromLatin1(result.header("Content-Type")));
        return scraped;
    }
    scraped.text = *body;
    scraped.format = contentType.startsWith("application/openmetrics-text") ? ExpositionFormat::OpenMetrics
                                                                            : detectFormat(scraped.text);
    return scraped;
}

} // namespace promdesk
