// Encoding speed of remote-write requests: 1,000 series × 1,000 samples planned into batches of
// 2,000 and encoded (protobuf + snappy) on one core. Prints samples per second.
#include "remotewrite/Batcher.h"
#include "remotewrite/WriteRequestCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace promdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SeriesSet set;
    for (int s = 0; s < 1000; ++s) {
        WriteSeries series;
        series.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("bench_metric")},
                               {QStringLiteral("instance"), QStringLiteral("host-%1").arg(s % 50)},
                               {QStringLiteral("series"), QString::number(s)}};
        series.samples.reserve(1000);
        for (int p = 0; p < 1000; ++p)
            series.samples.append(WriteSample{1700000000000 + qint64(p) * 15000, double(s) + p * 0.5});
        set.series.append(std::move(series));
    }
    const QList<Batch> batches = planBatches(set, BatchLimits{});
    qint64 bytes = 0;
    double best = 1e30;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer clock;
        clock.start();
        bytes = 0;
        const WriteRequestEncoder encoder(set);
        for (const Batch &batch : batches)
            bytes += encoder.encode(batch, RemoteWriteVersion::V1).size();
        best = std::min(best, double(clock.nsecsElapsed()) / 1e9);
    }
    const double rate = double(set.sampleCount()) / best;
    std::printf(
        "encoded %lld samples in %lld requests (%lld bytes snappy) in %.3f s: %.2fM samples/s (target >= 5M) %s\n",
        static_cast<long long>(set.sampleCount()), static_cast<long long>(batches.size()),
        static_cast<long long>(bytes), best, rate / 1e6, rate >= 5e6 ? "PASS" : "MISS");
    return 0;
}
