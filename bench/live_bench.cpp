// A live job's schedule and memory, against a Pushgateway (used by bench/live.sh):
//   promdesk-bench-live lateness URL   one job at 10 ticks/s for 60 s: how late each tick starts
//   promdesk-bench-live memory URL     10,000 ticks (ten jobs of 1,000 at 10 ticks/s): resident
//                                      memory after the first 1,000 and at the end
// Targets (issue 16): p99 lateness < 20 ms, the 600th tick within 50 ms of its schedule, and
// memory growing by < 5 MB over 10,000 ticks.
#include "exposition/TextParser.h"
#include "live/LiveJob.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace promdesk;

namespace {

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// TMP's example draft, about 1 KB, with its timestamp generated at each tick.
LiveJobSpec exampleJob(const QString &job, qint64 count)
{
    QByteArray text
        = "# HELP db_backup_last_completion_timestamp_seconds The timestamp of the last completion of a DB backup.\n"
          "# TYPE db_backup_last_completion_timestamp_seconds gauge\n"
          "db_backup_last_completion_timestamp_seconds 0\n";
    for (int i = 0; i < 10; ++i)
        text += "# TYPE db_backup_bytes_" + QByteArray::number(i) + " gauge\ndb_backup_bytes_" + QByteArray::number(i)
            + "{db=\"customers\",path=\"/var/lib/postgresql/15/main\"} 1.2e9\n";
    LiveJobSpec spec;
    spec.key = GroupingKey(job, {{QStringLiteral("instance"), QStringLiteral("bench")}});
    spec.draft = parseText(text, ParseOptions{}).metrics;
    spec.generators = {*parseGeneratorAssignment(u"db_backup_last_completion_timestamp_seconds=now", nullptr)};
    spec.intervalMs = 100;
    spec.count = count;
    return spec;
}

qint64 percentile(QList<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty()
        ? 0
        : values.at(std::clamp<qsizetype>(qsizetype(p * double(values.size())), 0, values.size() - 1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3 || (arguments.at(1) != u"lateness" && arguments.at(1) != u"memory")) {
        std::fprintf(stderr, "usage: promdesk-bench-live lateness|memory PUSHGATEWAY_URL\n");
        return 2;
    }
    HttpClient http;
    GatewayEndpoint endpoint;
    endpoint.baseUrl = QUrl(arguments.at(2));
    endpoint.timeoutMs = 5000;
    PushgatewayClient gateway(endpoint, &http);
    LiveJobProblem problem;
    if (arguments.at(1) == u"lateness") {
        auto job = LiveJob::create(exampleJob(QStringLiteral("bench_lateness"), 600), &gateway, nullptr, &problem);
        QObject::connect(job.get(), &LiveJob::finished, &app, &QCoreApplication::quit);
        job->start();
        app.exec();
        const QList<qint64> &lateness = job->lateness();
        std::printf("ticks %lld sent %lld skipped %lld failed %lld\n", job->stats().ticks, job->stats().sent,
                    job->stats().skipped(), job->stats().failed);
        std::printf("lateness_ms p50 %lld p99 %lld max %lld tick600 %lld\n", percentile(lateness, 0.5),
                    percentile(lateness, 0.99), job->stats().maxLatenessMs,
                    lateness.isEmpty() ? -1 : lateness.constLast());
        return 0;
    }
    std::vector<std::unique_ptr<LiveJob>> jobs;
    for (int i = 0; i < 10; ++i)
        jobs.push_back(
            LiveJob::create(exampleJob(QStringLiteral("bench_memory_%1").arg(i), 1000), &gateway, nullptr, &problem));
    int finished = 0;
    qint64 warm = 0;
    for (const auto &job : jobs) {
        QObject::connect(job.get(), &LiveJob::finished, &app, [&] {
            if (++finished == int(jobs.size()))
                app.quit();
        });
        QObject::connect(job.get(), &LiveJob::tickAnswered, &app, [&](const TickReport &report) {
            if (report.tick == 100 && warm == 0) // 1,000 ticks in all by now: connections and caches are warm
                warm = residentKb();
        });
        job->start();
    }
    app.exec();
    qint64 ticks = 0;
    for (const auto &job : jobs)
        ticks += job->stats().ticks;
    const qint64 end = residentKb();
    std::printf("ticks %lld rss_kb_after_1000 %lld rss_kb_at_end %lld growth_kb %lld\n", ticks, warm, end, end - warm);
    return 0;
}
