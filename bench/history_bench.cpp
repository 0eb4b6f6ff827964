// The history with 100,000 entries: how long listing the newest 100 that match a filter takes,
// and how long recording one request (begin + complete) takes.
// Targets (issue 7): listing under 20 ms.
#include "history/HistoryDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace promdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    auto db = HistoryDatabase::open(dir.filePath(QStringLiteral("history.sqlite")), nullptr);
    HttpRequest request;
    request.method = "PUT";
    request.url = QUrl(QStringLiteral("http://127.0.0.1:9091/metrics/job/bench/instance/host"));
    request.headers = {{"Content-Type", "text/plain; version=0.0.4"}};
    request.body = QByteArray("# TYPE bench gauge\nbench{a=\"1\"} 1\n").repeated(20);
    HttpResult ok;
    ok.status = 200;
    ok.category = ErrorCategory::None;
    HttpResult refused;
    refused.status = 400;
    refused.category = ErrorCategory::Rejected;
    refused.body = "pushed metrics are invalid or inconsistent with existing metrics\n";

    QElapsedTimer clock;
    clock.start();
    const int total = 100000;
    for (int i = 0; i < total; ++i) {
        RequestTag tag;
        tag.operation = i % 3 ? QStringLiteral("replace") : QStringLiteral("write");
        tag.profile = QStringLiteral("profile-%1").arg(i % 10);
        const qint64 id = db->begin(entryFor(request, tag));
        db->complete(id, i % 50 ? ok : refused);
    }
    const double perRecordMs = double(clock.nsecsElapsed()) / 1e6 / total;

    auto measure = [&](const char *name, const HistoryFilter &filter) {
        double best = 1e9;
        qsizetype found = 0;
        for (int round = 0; round < 5; ++round) {
            clock.restart();
            found = db->list(filter).size();
            best = std::min(best, double(clock.nsecsElapsed()) / 1e6);
        }
        std::printf("list newest 100, %-24s %6.2f ms (%lld found) %s\n", name, best, static_cast<long long>(found),
                    best < 20 ? "PASS" : "MISS");
    };
    measure("no filter:", HistoryFilter{});
    HistoryFilter failed;
    failed.failedOnly = true;
    measure("failed only:", failed);
    HistoryFilter profile;
    profile.profile = QStringLiteral("profile-3");
    measure("one profile:", profile);
    HistoryFilter text;
    text.text = QStringLiteral("instance/host");
    measure("text in URL:", text);
    std::printf("recording one request (begin + complete): %.3f ms on average over %d\n", perRecordMs, total);
    return 0;
}
