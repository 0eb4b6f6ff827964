// How much a live job adds to the history: 10,000 ticks of a 1 KB draft whose one generated
// value changes each tick, recorded as a job records them (one entry each, under the job).
// Target (issue 16): at most 5 MB.
#include "history/HistoryDatabase.h"
#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdio>
using namespace promdesk;
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
    std::printf("%s\n", qPrintable(dir.path()));
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    auto db = HistoryDatabase::open(path, nullptr);
    HttpRequest request;
    request.method = "PUT";
    request.url = QUrl(QStringLiteral("http://127.0.0.1:9091/metrics/job/db_backup/instance/host-1/db/customers"));
    request.headers = {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}, {"User-Agent", "PromDesk/0.1"}};
    request.credentials.kind = Credentials::Kind::Basic;
    request.credentials.user = QStringLiteral("1300000000");
    QByteArray base;
    for (int i = 0; i < 10; ++i)
        base += QStringLiteral("# HELP m%1 Some help text about metric %1.\n# TYPE m%1 "
                               "gauge\nm%1{db=\"customers\",path=\"/var/lib/x\"} 1234\n")
                    .arg(i)
                    .toUtf8();
    HttpResult ok;
    ok.status = 200;
    ok.category = ErrorCategory::None;
    ok.headers = {{"Date", "Wed, 02 Dec 2026 05:00:00 GMT"}, {"Content-Length", "0"}};
    // The job's own entry holds the draft; each tick's body is stored relative to it.
    RequestTag jobTag;
    jobTag.operation = QStringLiteral("job");
    jobTag.groupingKey = QStringLiteral("{job=\"db_backup\",instance=\"host-1\",db=\"customers\"}");
    request.body = base;
    const qint64 job = db->begin(entryFor(request, jobTag));
    const qint64 before = QFileInfo(path).size();
    for (int i = 0; i < 10000; ++i) {
        RequestTag tag;
        tag.operation = QStringLiteral("replace");
        tag.profile = QStringLiteral("tmp-prod");
        tag.target = QStringLiteral("pushgateway");
        tag.groupingKey = QStringLiteral("{job=\"db_backup\",instance=\"host-1\",db=\"customers\"}");
        tag.parentId = job;
        request.body = base;
        request.body.replace("1234", QByteArray::number(1764652000.123 + i * 2, 'f', 3));
        const qint64 id = db->begin(entryFor(request, tag));
        db->complete(id, ok);
    }
    db.reset();
    std::printf("body %lld bytes; grew %lld bytes for 10000 ticks\n", (long long)base.size(),
                (long long)(QFileInfo(path).size() - before));
}
