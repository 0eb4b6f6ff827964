#pragma once

#include "exposition/TextParser.h"
#include "net/HttpTypes.h"

#include <QUrl>

namespace promdesk {

// Reading an exporter's /metrics the way Prometheus scrapes it, to compose from what a service
// exposes. The request asks for text 0.0.4 first (what a Pushgateway takes), OpenMetrics next.
HttpRequest scrapeRequest(const QUrl &url, int timeoutMs = 15000);

/// An exporter's answer as exposition text, or why there is none.
struct ScrapedMetrics
{
    QByteArray text; // exposition text; protobuf answers are converted to text 0.0.4
    ExpositionFormat format = ExpositionFormat::Text;
    QString error; // in plain words, naming the server; empty on success

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

ScrapedMetrics scrapedMetrics(const HttpResult &result, const QUrl &url);

} // namespace promdesk
