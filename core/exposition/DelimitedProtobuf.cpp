#include "exposition/DelimitedProtobuf.h"

#include "io/prometheus/client/metrics.pb.h"

#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"
#include "model/Names.h"
#include "util/Printable.h"

#include <google/protobuf/io/coded_stream.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace promdesk {

namespace pb = io::prometheus::client;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DelimitedProtobuf)
};

pb::MetricType toProto(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return pb::COUNTER;
    case MetricType::Gauge:
    case MetricType::Info:
    case MetricType::StateSet:
        return pb::GAUGE;
    case MetricType::Histogram:
        return pb::HISTOGRAM;
    case MetricType::GaugeHistogram:
        return pb::GAUGE_HISTOGRAM;
    case MetricType::Summary:
        return pb::SUMMARY;
    case MetricType::Untyped:
        return pb::UNTYPED;
    }
    return pb::UNTYPED;
}

MetricType fromProto(pb::MetricType type)
{
    switch (type) {
    case pb::COUNTER:
        return MetricType::Counter;
    case pb::GAUGE:
        return MetricType::Gauge;
    case pb::SUMMARY:
        return MetricType::Summary;
    case pb::HISTOGRAM:
        return MetricType::Histogram;
    case pb::GAUGE_HISTOGRAM:
        return MetricType::GaugeHistogram;
    case pb::UNTYPED:
        return MetricType::Untyped;
    }
    return MetricType::Untyped;
}

bool isCount(double value)
{
    return value >= 0 && value < 1.8e19 && std::floor(value) == value;
}

void setCount(double value, auto setInteger, auto setFloat)
{
    // Integral counts use the uint64 field everyone understands; the rest need the float one.
    if (isCount(value))
        setInteger(static_cast<google::protobuf::uint64>(value));
    else
        setFloat(value);
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

namespace {

// Appends the message with its varint length in front. (A StringOutputStream shared by the
// messages zero-filled its whole spare capacity for each one: n² for many small families.)
void appendDelimited(const google::protobuf::MessageLite &message, QByteArray &out)
{
    const size_t size = message.ByteSizeLong();
    std::uint8_t length[10];
    const auto lengthEnd = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(std::uint32_t(size), length);
    out.append(reinterpret_cast<const char *>(length), qsizetype(lengthEnd - length));
    const qsizetype at = out.size();
    out.resize(at + qsizetype(size));
    message.SerializeWithCachedSizesToArray(reinterpret_cast<std::uint8_t *>(out.data() + at));
}

} // namespace

QByteArray writeDelimitedProtobuf(const MetricSet &metrics, const WriteOptions &options)
{
    QByteArray out;
    for (const MetricFamily &family : metrics.families) {
        pb::MetricFamily message;
        message.set_name(utf8(family.name));
        if (!family.help.isEmpty())
            message.set_help(utf8(family.help));
        if (!family.unit.isEmpty())
            message.set_unit(utf8(family.unit));
        message.set_type(toProto(family.type));
        for (const Metric &metric : family.metrics) {
            pb::Metric *m = message.add_metric();
            for (const Label &label : metric.labels) {
                pb::LabelPair *pair = m->add_label();
                pair->set_name(utf8(label.name));
                pair->set_value(utf8(label.value));
            }
            switch (family.type) {
            case MetricType::Counter:
                m->mutable_counter()->set_value(metric.value);
                break;
            case MetricType::Gauge:
            case MetricType::Info:
            case MetricType::StateSet:
                m->mutable_gauge()->set_value(metric.value);
                break;
            case MetricType::Untyped:
                m->mutable_untyped()->set_value(metric.value);
                break;
            case MetricType::Summary: {
                pb::Summary *summary = m->mutable_summary();
                if (metric.count) {
                    setCount(
                        *metric.count, [&](auto v) { summary->set_sample_count(v); },
                        [&](double v) { summary->set_sample_count(google::protobuf::uint64(std::max(0.0, v))); });
                }
                if (metric.sum)
                    summary->set_sample_sum(*metric.sum);
                for (const Quantile &q : metric.quantiles) {
                    pb::Quantile *quantile = summary->add_quantile();
                    quantile->set_quantile(q.quantile);
                    quantile->set_value(q.value);
                }
                break;
            }
            case MetricType::Histogram:
            case MetricType::GaugeHistogram: {
                pb::Histogram *histogram = m->mutable_histogram();
                if (metric.count) {
                    setCount(
                        *metric.count, [&](auto v) { histogram->set_sample_count(v); },
                        [&](double v) { histogram->set_sample_count_float(v); });
                }
                if (metric.sum)
                    histogram->set_sample_sum(*metric.sum);
                for (const Bucket &b : metric.buckets) {
                    pb::Bucket *bucket = histogram->add_bucket();
                    bucket->set_upper_bound(b.upperBound);
                    setCount(
                        b.cumulativeCount, [&](auto v) { bucket->set_cumulative_count(v); },
                        [&](double v) { bucket->set_cumulative_count_float(v); });
                }
                break;
            }
            }
            if (options.includeTimestamps && metric.timestampMs)
                m->set_timestamp_ms(*metric.timestampMs);
        }
        appendDelimited(message, out);
    }
    return out;
}

namespace {

// Decoded families are held to the rules their text would be: valid names and label names, no
// series twice, histograms and summaries that make sense. The first error in `text`, or nothing.
const Problem *textRuleBroken(const QByteArray &text, ParseResult &parsed)
{
    ParseOptions options;
    options.allowFuture = true; // a timestamp's plausibility is the validator's business, not the decoder's
    parsed = parseText(text, options);
    for (const Problem &problem : parsed.problems) {
        if (problem.severity == Severity::Error)
            return &problem;
    }
    return nullptr;
}

QString invalidFamily(qint64 familyAt, const Problem &problem)
{
    //: %2 is the validator's message, %3 its problem code
    return Tr::tr("the MetricFamily at byte %1 decodes, but as metrics it is invalid: %2 [%3]")
        .arg(QString::number(familyAt), problem.message, problem.code);
}

// The next length-delimited MetricFamily at `at`: its message, and where the next one starts; or
// what is wrong there, in words that name the byte and what was expected.
std::optional<QString> readFramedFamily(QByteArrayView bytes, qint64 at, pb::MetricFamily &message, qint64 *next)
{
    const qint64 left = bytes.size() - at;
    google::protobuf::io::CodedInputStream input(reinterpret_cast<const std::uint8_t *>(bytes.data() + at),
                                                 int(std::min<qint64>(left, std::numeric_limits<int>::max())));
    std::uint32_t length = 0;
    if (!input.ReadVarint32(&length)) {
        return Tr::tr("at byte %1: expected the length of a MetricFamily (a varint), found bytes that are not one")
            .arg(at);
    }
    const qint64 header = input.CurrentPosition();
    if (qint64(length) > left - header) {
        return Tr::tr("at byte %1: a MetricFamily of %2 bytes is announced, but only %3 bytes follow")
            .arg(at)
            .arg(length)
            .arg(left - header);
    }
    if (!message.ParseFromArray(bytes.data() + at + header, int(length)))
        return Tr::tr("at byte %1: %2 bytes that are not a MetricFamily message").arg(at + header).arg(length);
    // Protobuf takes an empty message (a NUL byte is one) as valid: every field has its default.
    // A family has a name, at least, and a sound one.
    const QString name = QString::fromStdString(message.name());
    if (name.isEmpty())
        return Tr::tr("at byte %1: a MetricFamily without a name").arg(at);
    if (!isValidMetricName(name))
        return Tr::tr("at byte %1: '%2' is not a valid metric name")
            .arg(QString::number(at), printable(QStringView(name)));
    for (const pb::Metric &metric : message.metric()) {
        for (const pb::LabelPair &pair : metric.label()) {
            if (!isValidLabelName(QString::fromStdString(pair.name()))) {
                return Tr::tr("at byte %1: family '%2' has a label named '%3', which is not a valid label name")
                    .arg(QString::number(at), name, printable(QStringView(QString::fromStdString(pair.name()))));
            }
        }
    }
    *next = at + header + length;
    return std::nullopt;
}

} // namespace

ProtobufReadResult readDelimitedProtobuf(QByteArrayView bytes)
{
    ProtobufReadResult result;
    QByteArray wholeText;
    std::vector<std::pair<int, qint64>> familyLines; // (first line in wholeText, byte offset)
    int linesSoFar = 0;
    ParseResult parsed;
    for (qint64 at = 0; at < bytes.size();) {
        pb::MetricFamily message;
        const qint64 familyAt = at;
        if (const std::optional<QString> problem = readFramedFamily(bytes, at, message, &at)) {
            result.error = *problem;
            result.metrics = {}; // a stream that is wrong somewhere is not converted in part
            break;
        }
        MetricFamily family;
        family.name = QString::fromStdString(message.name());
        family.help = QString::fromStdString(message.help());
        family.unit = QString::fromStdString(message.unit());
        family.type = fromProto(message.type());
        for (const pb::Metric &m : message.metric()) {
            Metric metric;
            for (const pb::LabelPair &pair : m.label())
                metric.labels.set(QString::fromStdString(pair.name()), QString::fromStdString(pair.value()));
            if (m.has_timestamp_ms())
                metric.timestampMs = m.timestamp_ms();
            switch (family.type) {
            case MetricType::Counter:
                metric.value = m.counter().value();
                break;
            case MetricType::Gauge:
                metric.value = m.gauge().value();
                break;
            case MetricType::Untyped:
                metric.value = m.untyped().value();
                break;
            case MetricType::Summary:
                if (m.summary().has_sample_count())
                    metric.count = double(m.summary().sample_count());
                if (m.summary().has_sample_sum())
                    metric.sum = m.summary().sample_sum();
                for (const pb::Quantile &q : m.summary().quantile())
                    metric.quantiles.append(Quantile{q.quantile(), q.value()});
                break;
            default: {
                const pb::Histogram &h = m.histogram();
                if (h.has_sample_count_float())
                    metric.count = h.sample_count_float();
                else if (h.has_sample_count())
                    metric.count = double(h.sample_count());
                if (h.has_sample_sum())
                    metric.sum = h.sample_sum();
                for (const pb::Bucket &b : h.bucket()) {
                    const double count
                        = b.has_cumulative_count_float() ? b.cumulative_count_float() : double(b.cumulative_count());
                    metric.buckets.append(Bucket{b.upper_bound(), count});
                }
                break;
            }
            }
            family.metrics.append(std::move(metric));
        }
        const QByteArray text = writeText(MetricSet{{family}});
        result.metrics.families.append(std::move(family));
        familyLines.emplace_back(linesSoFar + 1, familyAt);
        linesSoFar += int(text.count('\n'));
        wholeText += text;
    }
    // One parse of all the families' text: an error is mapped back to the family its line is in.
    if (!familyLines.empty()) {
        if (const Problem *problem = textRuleBroken(wholeText, parsed)) {
            auto family
                = std::upper_bound(familyLines.begin(), familyLines.end(), problem->line,
                                   [](int line, const std::pair<int, qint64> &start) { return line < start.first; });
            result.error
                = invalidFamily(family == familyLines.begin() ? family->second : std::prev(family)->second, *problem);
            result.metrics = {};
        }
    }
    return result;
}

} // namespace promdesk
