// Property-style tests: random metric sets, written and parsed back, must give the same model.
#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextParser.h"
#include "exposition/TextWriter.h"
#include "model/Sample.h"

#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace promdesk;

namespace {

enum class Flavour { Text, OpenMetrics, Protobuf };

class Generator
{
public:
    Generator(quint32 seed, Flavour flavour)
        : m_random(seed)
        , m_flavour(flavour)
    {}

    MetricSet metricSet()
    {
        MetricSet set;
        const int families = 1 + m_random.bounded(12);
        for (int i = 0; i < families; ++i)
            set.families.append(family(i));
        return set;
    }

private:
    QString name(int index)
    {
        static const char *stems[] = {"http_requests", "backup:duration", "_internal", "queue_depth", "Temp"};
        return QString::fromLatin1(stems[m_random.bounded(5)]) + QLatin1Char('_') + QString::number(index);
    }

    QString labelValue()
    {
        static const QString pieces[]
            = {QStringLiteral("a"),  QStringLiteral(" "), QStringLiteral("\""), QStringLiteral("\\"),
               QStringLiteral("\n"), QStringLiteral("/"), QStringLiteral("ü"),  QStringLiteral("東京"),
               QStringLiteral("+"),  QStringLiteral("="), QStringLiteral("{}"), QStringLiteral("#")};
        QString value;
        const int length = m_random.bounded(6);
        for (int i = 0; i < length; ++i)
            value += pieces[m_random.bounded(12)];
        return value;
    }

    double value()
    {
        switch (m_random.bounded(8)) {
        case 0:
            return std::numeric_limits<double>::quiet_NaN();
        case 1:
            return std::numeric_limits<double>::infinity();
        case 2:
            return -std::numeric_limits<double>::infinity();
        case 3:
            return double(m_random.bounded(1000));
        case 4:
            return m_flavour == Flavour::Protobuf ? staleMarker() : 0.1;
        default:
            return (m_random.generateDouble() - 0.5) * std::pow(10.0, m_random.bounded(40) - 20);
        }
    }

    Labels labels()
    {
        Labels labels;
        const int count = m_random.bounded(4);
        for (int i = 0; i < count; ++i) {
            QString value = labelValue();
            if (value.isEmpty())
                value = QStringLiteral("v");
            labels.set(QStringLiteral("l%1").arg(m_random.bounded(6)), value);
        }
        return labels;
    }

    MetricFamily family(int index)
    {
        static const MetricType types[]
            = {MetricType::Counter, MetricType::Gauge, MetricType::Untyped, MetricType::Histogram, MetricType::Summary};
        MetricFamily family;
        family.type = types[m_random.bounded(5)];
        family.name = name(index);
        if (family.type == MetricType::Counter)
            family.name += QStringLiteral("_total");
        if (m_random.bounded(2))
            family.help = QStringLiteral("Help with \\ backslash, \"quotes\"\nand a newline ") + labelValue();
        const bool timestamps = m_flavour != Flavour::Protobuf && m_random.bounded(2);
        QList<Labels> seen;
        const int metrics = 1 + m_random.bounded(5);
        for (int i = 0; i < metrics; ++i) {
            Metric metric;
            metric.labels = labels();
            if (seen.contains(metric.labels))
                continue;
            seen.append(metric.labels);
            if (timestamps)
                metric.timestampMs = 1600000000000 + qint64(m_random.bounded(100000000)) * 7;
            switch (family.type) {
            case MetricType::Histogram: {
                double cumulative = 0;
                // OpenMetrics gives a histogram with buckets below 0 no _sum (and so no _count).
                double bound = m_flavour == Flavour::OpenMetrics ? 0 : -1;
                const int buckets = m_random.bounded(4);
                for (int b = 0; b < buckets; ++b) {
                    bound += 0.5 + m_random.bounded(10);
                    cumulative += m_random.bounded(50);
                    metric.buckets.append(Bucket{bound, cumulative});
                }
                cumulative += m_random.bounded(5);
                metric.buckets.append(Bucket{std::numeric_limits<double>::infinity(), cumulative});
                metric.count = cumulative;
                metric.sum = cumulative * 0.25;
                break;
            }
            case MetricType::Summary:
                for (double q : {0.5, 0.9, 0.99}) {
                    if (m_random.bounded(2))
                        metric.quantiles.append(Quantile{q, double(m_random.bounded(100))});
                }
                metric.count = double(m_random.bounded(1000));
                metric.sum = m_random.generateDouble() * 100;
                break;
            case MetricType::Counter:
                metric.value = double(m_random.bounded(100000)) / 4;
                if (m_flavour == Flavour::OpenMetrics && m_random.bounded(2))
                    metric.created = 1600000000 + m_random.bounded(1000);
                break;
            default:
                metric.value = value();
            }
            family.metrics.append(metric);
        }
        return family;
    }

    QRandomGenerator m_random;
    Flavour m_flavour;
};

QString diff(const MetricSet &a, const MetricSet &b)
{
    return QString::fromUtf8(writeText(a)) + QStringLiteral("\n---- differs from ----\n")
        + QString::fromUtf8(writeText(b));
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips_data();
    void roundTrips();
    void typeAfterOtherMetricsTypesTheFamily();
    void gaugeHistogramWithoutSamplesLeavesItsPartsTheirOwn();
};

// Found by fuzz_text_parser: a family announced with its HELP alone (other metrics followed it)
// kept that first, untyped description when its TYPE came later, and its histogram was written
// back as an untyped 0.
void TestRoundTrip::typeAfterOtherMetricsTypesTheFamily()
{
    const QByteArray text
        = "# HELP h Latency.\nother 1\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n";
    const ParseResult parsed = parseText(text, ParseOptions{});
    QVERIFY(!parsed.hasErrors());
    const MetricFamily *family = parsed.metrics.family(QStringLiteral("h"));
    QVERIFY(family);
    QCOMPARE(family->type, MetricType::Histogram);
    QCOMPARE(family->metrics.size(), 1);
    const ParseResult reread = parseText(writeText(parsed.metrics), ParseOptions{});
    QCOMPARE(reread.stats.samples, parsed.stats.samples);
    QCOMPARE(reread.metrics, parsed.metrics);
}

// Found by fuzz_text_parser: text 0.0.4 declares `gauge_histogram` only for the Pushgateway, which
// keeps its _bucket, _sum and _count lines as untyped families of their own. Writing the empty
// family as `# TYPE x histogram` claimed those names again, a second TYPE line for 'x' to Go.
void TestRoundTrip::gaugeHistogramWithoutSamplesLeavesItsPartsTheirOwn()
{
    const QByteArray text = "# TYPE x gauge_histogram\nx_bucket{le=\"1\"} 1\nx_bucket{le=\"+Inf\"} 2\nx_sum 3\n"
                            "x_count 2\n";
    ParseOptions options;
    options.target = ValidationTarget::Pushgateway;
    const ParseResult parsed = parseText(text, options);
    QVERIFY(!parsed.hasErrors());
    QCOMPARE(parsed.stats.samples, 4);
    const QByteArray written = writeText(parsed.metrics);
    QVERIFY2(!written.contains("# TYPE x "), written.constData());
    const ParseResult reread = parseText(written, options);
    QVERIFY2(!reread.hasErrors(), written.constData());
    QCOMPARE(reread.stats.samples, parsed.stats.samples);
}

void TestRoundTrip::roundTrips_data()
{
    QTest::addColumn<int>("flavour");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 40; ++seed) {
        QTest::addRow("text-seed-%u", seed) << int(Flavour::Text) << seed;
        QTest::addRow("openmetrics-seed-%u", seed) << int(Flavour::OpenMetrics) << seed;
        QTest::addRow("protobuf-seed-%u", seed) << int(Flavour::Protobuf) << seed;
    }
}

void TestRoundTrip::roundTrips()
{
    QFETCH(int, flavour);
    QFETCH(quint32, seed);
    Generator generator(seed, Flavour(flavour));
    const MetricSet original = generator.metricSet();

    MetricSet parsed;
    if (Flavour(flavour) == Flavour::Protobuf) {
        const ProtobufReadResult result = readDelimitedProtobuf(writeDelimitedProtobuf(original));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        parsed = result.metrics;
    } else {
        ParseOptions options;
        options.format = Flavour(flavour) == Flavour::Text ? ExpositionFormat::Text : ExpositionFormat::OpenMetrics;
        options.target = ValidationTarget::Generic;
        options.nowMs = 4102444800000; // 2100: generated timestamps are never "in the future"
        const QByteArray text = Flavour(flavour) == Flavour::Text ? writeText(original) : writeOpenMetrics(original);
        const ParseResult result = parseText(text, options);
        QStringList problems;
        for (const Problem &problem : result.problems)
            problems << formatProblem(problem);
        QVERIFY2(result.problems.isEmpty(),
                 qPrintable(problems.join(QLatin1Char('\n')) + QLatin1Char('\n') + QString::fromUtf8(text)));
        parsed = result.metrics;
    }
    QVERIFY2(parsed == original, qPrintable(diff(parsed, original)));
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
