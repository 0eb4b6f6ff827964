#include "remotewrite/WriteRequestCodec.h"

#include "io/prometheus/write/v2/types.pb.h"
#include "prometheus/remote.pb.h"
#include "util/BoundedSnappy.h"

#include <google/protobuf/arena.h>
#include <snappy.h>

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <memory>
#include <string>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(WriteRequestCodec)
};

prometheus::MetricMetadata::MetricType toV1(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return prometheus::MetricMetadata::COUNTER;
    case MetricType::Gauge:
        return prometheus::MetricMetadata::GAUGE;
    case MetricType::Histogram:
        return prometheus::MetricMetadata::HISTOGRAM;
    case MetricType::GaugeHistogram:
        return prometheus::MetricMetadata::GAUGEHISTOGRAM;
    case MetricType::Summary:
        return prometheus::MetricMetadata::SUMMARY;
    case MetricType::Info:
        return prometheus::MetricMetadata::INFO;
    case MetricType::StateSet:
        return prometheus::MetricMetadata::STATESET;
    case MetricType::Untyped:
        return prometheus::MetricMetadata::UNKNOWN;
    }
    return prometheus::MetricMetadata::UNKNOWN;
}

io::prometheus::write::v2::Metadata::MetricType toV2(MetricType type)
{
    using M = io::prometheus::write::v2::Metadata;
    switch (type) {
    case MetricType::Counter:
        return M::METRIC_TYPE_COUNTER;
    case MetricType::Gauge:
        return M::METRIC_TYPE_GAUGE;
    case MetricType::Histogram:
        return M::METRIC_TYPE_HISTOGRAM;
    case MetricType::GaugeHistogram:
        return M::METRIC_TYPE_GAUGEHISTOGRAM;
    case MetricType::Summary:
        return M::METRIC_TYPE_SUMMARY;
    case MetricType::Info:
        return M::METRIC_TYPE_INFO;
    case MetricType::StateSet:
        return M::METRIC_TYPE_STATESET;
    case MetricType::Untyped:
        return M::METRIC_TYPE_UNSPECIFIED;
    }
    return M::METRIC_TYPE_UNSPECIFIED;
}

// The family a series belongs to, for metadata: `x_bucket` → `x` for histograms, and so on.
QString familyName(const WriteSeries &series)
{
    QString name = series.name();
    if (series.type == MetricType::Histogram || series.type == MetricType::Summary
        || series.type == MetricType::GaugeHistogram) {
        for (QLatin1String suffix : {QLatin1String("_bucket"), QLatin1String("_sum"), QLatin1String("_count"),
                                     QLatin1String("_gsum"), QLatin1String("_gcount")}) {
            if (name.endsWith(suffix))
                return name.chopped(suffix.size());
        }
    }
    return name;
}

// Straight into the body: snappy's std::string overload zero-fills its worst case, and the
// result was copied once more.
QByteArray compress(const std::string &serialized)
{
    QByteArray body(qsizetype(snappy::MaxCompressedLength(serialized.size())), Qt::Uninitialized);
    size_t size = 0;
    snappy::RawCompress(serialized.data(), serialized.size(), body.data(), &size);
    body.truncate(qsizetype(size));
    return body;
}

// A request's messages live in an arena that starts in memory this thread keeps, and its bytes
// in a string this thread keeps: encoding one request after another then allocates (and faults
// in, and gives back) almost nothing. Only larger requests take more blocks from the heap.
struct EncodingScratch
{
    static constexpr size_t kArenaBytes = 1 << 20;
    std::unique_ptr<char[]> arenaBlock = std::make_unique_for_overwrite<char[]>(kArenaBytes);
    std::string serialized;

    google::protobuf::ArenaOptions arenaOptions() const
    {
        google::protobuf::ArenaOptions options;
        options.initial_block = arenaBlock.get();
        options.initial_block_size = kArenaBytes;
        return options;
    }
};

EncodingScratch &scratch()
{
    thread_local EncodingScratch perThread;
    return perThread;
}

QByteArray encodeV1(const SeriesSet &set, const std::vector<WriteRequestEncoder::Utf8Series> &prepared,
                    const std::vector<WriteRequestEncoder::Utf8Family> &families, const QList<BatchSlice> &slices)
{
    EncodingScratch &reused = scratch();
    google::protobuf::Arena arena(reused.arenaOptions());
    auto *request = google::protobuf::Arena::CreateMessage<prometheus::WriteRequest>(&arena);
    request->mutable_timeseries()->Reserve(int(slices.size()));
    std::vector<int> batchFamilies;
    for (const BatchSlice &slice : slices) {
        const WriteSeries &series = set.series.at(slice.series);
        const WriteRequestEncoder::Utf8Series &utf8 = prepared[size_t(slice.series)];
        prometheus::TimeSeries *ts = request->add_timeseries();
        ts->mutable_labels()->Reserve(int(utf8.labels.size()));
        for (const auto &label : utf8.labels) {
            prometheus::Label *l = ts->add_labels();
            l->set_name(label.name);
            l->set_value(label.value);
        }
        ts->mutable_samples()->Reserve(int(slice.end - slice.begin));
        for (qsizetype i = slice.begin; i < slice.end; ++i) {
            prometheus::Sample *sample = ts->add_samples();
            sample->set_value(series.samples.at(i).value);
            sample->set_timestamp(series.samples.at(i).timestampMs);
        }
        if (utf8.family >= 0 && (batchFamilies.empty() || batchFamilies.back() != utf8.family))
            batchFamilies.push_back(utf8.family);
    }
    // Each family's metadata once, in the order the input gave the families.
    std::sort(batchFamilies.begin(), batchFamilies.end());
    batchFamilies.erase(std::unique(batchFamilies.begin(), batchFamilies.end()), batchFamilies.end());
    for (const int index : batchFamilies) {
        const WriteRequestEncoder::Utf8Family &family = families[size_t(index)];
        prometheus::MetricMetadata *metadata = request->add_metadata();
        metadata->set_type(toV1(family.type));
        metadata->set_metric_family_name(family.name);
        metadata->set_help(family.help);
        metadata->set_unit(family.unit);
    }
    request->SerializeToString(&reused.serialized);
    return compress(reused.serialized);
}

QByteArray encodeV2(const SeriesSet &set, const QList<BatchSlice> &slices)
{
    EncodingScratch &reused = scratch();
    google::protobuf::Arena arena(reused.arenaOptions());
    auto *request = google::protobuf::Arena::CreateMessage<io::prometheus::write::v2::Request>(&arena);
    QHash<QString, quint32> symbols;
    auto symbol = [&](const QString &text) -> quint32 {
        auto it = symbols.constFind(text);
        if (it != symbols.cend())
            return *it;
        const auto ref = quint32(request->symbols_size());
        request->add_symbols(text.toStdString());
        symbols.insert(text, ref);
        return ref;
    };
    symbol(QString()); // the spec: symbols[0] is the empty string
    for (const BatchSlice &slice : slices) {
        const WriteSeries &series = set.series.at(slice.series);
        io::prometheus::write::v2::TimeSeries *ts = request->add_timeseries();
        for (const Label &label : series.labels) {
            ts->add_labels_refs(symbol(label.name));
            ts->add_labels_refs(symbol(label.value));
        }
        ts->mutable_samples()->Reserve(int(slice.end - slice.begin));
        for (qsizetype i = slice.begin; i < slice.end; ++i) {
            io::prometheus::write::v2::Sample *sample = ts->add_samples();
            sample->set_value(series.samples.at(i).value);
            sample->set_timestamp(series.samples.at(i).timestampMs);
        }
        io::prometheus::write::v2::Metadata *metadata = ts->mutable_metadata();
        metadata->set_type(toV2(series.type));
        if (!series.help.isEmpty())
            metadata->set_help_ref(symbol(series.help));
        if (!series.unit.isEmpty())
            metadata->set_unit_ref(symbol(series.unit));
    }
    request->SerializeToString(&reused.serialized);
    return compress(reused.serialized);
}

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

WriteRequestEncoder::WriteRequestEncoder(SeriesSet set)
    : m_set(std::move(set))
{
    m_series.reserve(size_t(m_set.series.size()));
    QHash<QString, int> familyIndex;
    for (const WriteSeries &series : m_set.series) {
        Utf8Series utf8;
        utf8.labels.reserve(size_t(series.labels.size()));
        for (const Label &label : series.labels)
            utf8.labels.push_back({label.name.toStdString(), label.value.toStdString()});
        if (series.type != MetricType::Untyped || !series.help.isEmpty()) {
            const QString name = familyName(series);
            utf8.family = familyIndex.value(name, -1);
            if (utf8.family < 0) {
                utf8.family = int(m_families.size());
                familyIndex.insert(name, utf8.family);
                m_families.push_back(
                    {name.toStdString(), series.type, series.help.toStdString(), series.unit.toStdString()});
            }
        }
        m_series.push_back(std::move(utf8));
    }
}

QByteArray WriteRequestEncoder::encode(const Batch &batch, RemoteWriteVersion version) const
{
    return version == RemoteWriteVersion::V1 ? encodeV1(m_set, m_series, m_families, batch.slices)
                                             : encodeV2(m_set, batch.slices);
}

QByteArray encodeWriteRequest(const SeriesSet &set, const Batch &batch, RemoteWriteVersion version)
{
    return WriteRequestEncoder(set).encode(batch, version);
}

QByteArray encodeWriteRequest(const SeriesSet &set, RemoteWriteVersion version)
{
    Batch all;
    for (int s = 0; s < set.series.size(); ++s)
        all.slices.append(BatchSlice{s, 0, set.series.at(s).samples.size()});
    return WriteRequestEncoder(set).encode(all, version);
}

DecodedWriteRequest decodeWriteRequest(QByteArrayView body, RemoteWriteVersion version)
{
    DecodedWriteRequest decoded;
    const std::optional<QByteArray> uncompressed = uncompressSnappyBounded(body);
    if (!uncompressed) {
        decoded.error = Tr::tr("the body is not snappy (block format) data of at most %1 MB uncompressed")
                            .arg(kMaxUncompressedSnappyBytes >> 20);
        return decoded;
    }
    const std::string raw = uncompressed->toStdString();
    if (version == RemoteWriteVersion::V1) {
        prometheus::WriteRequest request;
        if (!request.ParseFromString(raw)) {
            decoded.error = Tr::tr("the body is not a prometheus.WriteRequest");
            return decoded;
        }
        for (const prometheus::TimeSeries &ts : request.timeseries()) {
            WriteSeries series;
            for (const prometheus::Label &label : ts.labels())
                series.labels.set(fromStd(label.name()), fromStd(label.value()));
            for (const prometheus::Sample &sample : ts.samples())
                series.samples.append(WriteSample{sample.timestamp(), sample.value()});
            decoded.series.series.append(std::move(series));
        }
        return decoded;
    }
    io::prometheus::write::v2::Request request;
    if (!request.ParseFromString(raw)) {
        decoded.error = Tr::tr("the body is not an io.prometheus.write.v2.Request");
        return decoded;
    }
    for (const io::prometheus::write::v2::TimeSeries &ts : request.timeseries()) {
        WriteSeries series;
        if (ts.labels_refs_size() % 2 != 0) {
            decoded.error = Tr::tr("a series has a label name without a value (an odd number of label refs)");
            return decoded;
        }
        // Refs are unsigned: compared as such, 0xFFFFFFFF is past the table, not -1.
        const auto symbols = std::uint32_t(request.symbols_size());
        for (int i = 0; i + 1 < ts.labels_refs_size(); i += 2) {
            const std::uint32_t name = ts.labels_refs(i), value = ts.labels_refs(i + 1);
            if (name >= symbols || value >= symbols) {
                decoded.error = Tr::tr("a label refers past the symbols table");
                return decoded;
            }
            series.labels.set(fromStd(request.symbols(int(name))), fromStd(request.symbols(int(value))));
        }
        for (const io::prometheus::write::v2::Sample &sample : ts.samples())
            series.samples.append(WriteSample{sample.timestamp(), sample.value()});
        decoded.series.series.append(std::move(series));
    }
    return decoded;
}

} // namespace promdesk
