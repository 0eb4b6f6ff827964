#include "exposition/Templates.h"

#include <QCoreApplication>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Templates)
};

} // namespace

const QList<MetricTemplate> &metricTemplates()
{
    static const QList<MetricTemplate> templates{
        {Tr::tr("TMP: database backup (db_backup)"),
         Tr::tr("TMP's batch-job example: one group per machine and database, so backups of different "
                "databases never overwrite each other"),
         "# HELP db_backup_last_success_timestamp_seconds Unix time the last backup finished successfully.\n"
         "# TYPE db_backup_last_success_timestamp_seconds gauge\n"
         "db_backup_last_success_timestamp_seconds 1.7e+09\n"
         "# HELP db_backup_duration_seconds How long the last backup took.\n"
         "# TYPE db_backup_duration_seconds gauge\n"
         "db_backup_duration_seconds 41.2\n"
         "# HELP db_backup_size_bytes Size of the last backup.\n"
         "# TYPE db_backup_size_bytes gauge\n"
         "db_backup_size_bytes 5.24288e+08\n",
         QStringLiteral("db_backup"),
         {{QStringLiteral("instance"), QString()}, {QStringLiteral("db"), QStringLiteral("customers")}}},
        {Tr::tr("Batch job: last run"),
         Tr::tr("What a cron job reports when it ends: when it last succeeded, how long it ran, how much it did"),
         "# HELP job_last_success_timestamp_seconds Unix time the job last succeeded.\n"
         "# TYPE job_last_success_timestamp_seconds gauge\n"
         "job_last_success_timestamp_seconds 1.7e+09\n"
         "# HELP job_duration_seconds Duration of the last run.\n"
         "# TYPE job_duration_seconds gauge\n"
         "job_duration_seconds 12.5\n"
         "# HELP job_records_processed Records processed by the last run.\n"
         "# TYPE job_records_processed gauge\n"
         "job_records_processed 1500\n",
         QStringLiteral("nightly_export"),
         {{QStringLiteral("instance"), QString()}}},
        {Tr::tr("Histogram: request duration"),
         Tr::tr("A histogram with cumulative buckets, the +Inf bucket, _sum and _count"),
         "# HELP http_request_duration_seconds Request latency.\n"
         "# TYPE http_request_duration_seconds histogram\n"
         "http_request_duration_seconds_bucket{le=\"0.1\"} 40\n"
         "http_request_duration_seconds_bucket{le=\"0.5\"} 95\n"
         "http_request_duration_seconds_bucket{le=\"1\"} 99\n"
         "http_request_duration_seconds_bucket{le=\"+Inf\"} 100\n"
         "http_request_duration_seconds_sum 21.7\n"
         "http_request_duration_seconds_count 100\n",
         QStringLiteral("latency_probe"),
         {{QStringLiteral("instance"), QString()}}},
        {Tr::tr("Summary: payload size"),
         Tr::tr("A summary with quantiles between 0 and 1, _sum and _count"),
         "# HELP payload_bytes Size of uploaded payloads.\n"
         "# TYPE payload_bytes summary\n"
         "payload_bytes{quantile=\"0.5\"} 1200\n"
         "payload_bytes{quantile=\"0.9\"} 4800\n"
         "payload_bytes{quantile=\"0.99\"} 9100\n"
         "payload_bytes_sum 2.4e+06\n"
         "payload_bytes_count 1000\n",
         QStringLiteral("uploads"),
         {{QStringLiteral("instance"), QString()}}},
        {Tr::tr("OpenMetrics: counter with _total and # EOF"),
         Tr::tr("OpenMetrics text: counters end in _total, a UNIT line, and # EOF at the end"),
         "# TYPE backup_bytes counter\n"
         "# UNIT backup_bytes bytes\n"
         "# HELP backup_bytes Bytes written by backups.\n"
         "backup_bytes_total 5.24288e+08\n"
         "# EOF\n",
         QStringLiteral("db_backup"),
         {{QStringLiteral("instance"), QString()}}},
    };
    return templates;
}

} // namespace promdesk
