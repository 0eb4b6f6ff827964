// The validator's remote-write verdicts against a real Prometheus 2.42 receiver, input by input:
// an input PromDesk passes is sent as `write` sends it (series collected, samples in time order)
// and must be stored; an input PromDesk refuses is sent as written, and the receiver must refuse
// it, unless the row is a deliberate difference, which the row then proves.
// passedInputsAreStoredWhole does the first half for every input of the Pushgateway differential
// and keeps its verdicts in tests/data/verdicts/remotewrite.tsv. To regenerate it:
//   PROMDESK_UPDATE_VERDICTS=1 ctest --test-dir build -R tst_verdicts_remotewrite
#include "ServerFixture.h"
#include "VerdictInputs.h"
#include "exposition/TextParser.h"
#include "remotewrite/SeriesCollector.h"
#include "remotewrite/WriteRequestCodec.h"

#include "prometheus/remote.pb.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <snappy.h>

using namespace promdesk;
using namespace promdesk::test;

namespace {

const QList<QPair<QByteArray, QByteArray>> kWriteHeaders = {{"Content-Type", "application/x-protobuf"},
                                                            {"Content-Encoding", "snappy"},
                                                            {"X-Prometheus-Remote-Write-Version", "0.1.0"}};

struct RawSeries
{
    QList<QPair<QByteArray, QByteArray>> labels; // as written: repeats and order kept
    QList<QPair<double, qint64>> samples;
};

// A remote-write 1.0 body exactly as given, for inputs PromDesk would not send.
QByteArray rawBody(const QList<RawSeries> &series)
{
    prometheus::WriteRequest request;
    for (const RawSeries &s : series) {
        prometheus::TimeSeries *ts = request.add_timeseries();
        for (const auto &[name, value] : s.labels) {
            prometheus::Label *label = ts->add_labels();
            label->set_name(name.toStdString());
            label->set_value(value.toStdString());
        }
        for (const auto &[value, timestamp] : s.samples) {
            prometheus::Sample *sample = ts->add_samples();
            sample->set_value(value);
            sample->set_timestamp(timestamp);
        }
    }
    std::string body;
    const std::string serialized = request.SerializeAsString();
    snappy::Compress(serialized.data(), serialized.size(), &body);
    return QByteArray::fromStdString(body);
}

QByteArray withNow(QByteArray text, qint64 nowMs)
{
    return text.replace("NOW-60s", QByteArray::number(nowMs - 60000)).replace("NOW", QByteArray::number(nowMs));
}

} // namespace

Q_DECLARE_METATYPE(RawSeries)

class TestVerdictsRemoteWrite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void verdictMatchesTheReceiver_data();
    void verdictMatchesTheReceiver();
    void repeatedSampleIsDroppedSilently();
    void passedInputsAreStoredWhole();

private:
    int post(const QByteArray &body);
    std::unique_ptr<ServerFixture> m_prometheus;
};

void TestVerdictsRemoteWrite::initTestCase()
{
    QString error;
    m_prometheus = ServerFixture::start(ServerFixture::Kind::Prometheus, &error);
    QVERIFY2(m_prometheus, qPrintable(error));
}

void TestVerdictsRemoteWrite::cleanupTestCase()
{
    m_prometheus.reset();
}

int TestVerdictsRemoteWrite::post(const QByteArray &body)
{
    return httpRequest("POST", m_prometheus->url(QStringLiteral("/api/v1/write")), body, kWriteHeaders).status;
}

void TestVerdictsRemoteWrite::verdictMatchesTheReceiver_data()
{
    QTest::addColumn<QByteArray>("text");            // NOW is the current time in milliseconds
    QTest::addColumn<QList<RawSeries>>("asWritten"); // for an input PromDesk refuses
    QTest::addColumn<QString>("errorCode");          // PromDesk's, or empty
    // clang-format off
    QTest::newRow("clean") << QByteArray("rwv_clean{a=\"x\"} 1 NOW\n") << QList<RawSeries>{} << QString();
    QTest::newRow("labels-unsorted") << QByteArray("rwv_unsorted{b=\"1\",a=\"2\"} 1 NOW\n") << QList<RawSeries>{} << QString();
    QTest::newRow("reserved-label-stored") << QByteArray("rwv_reserved{__odd=\"x\"} 1 NOW\n") << QList<RawSeries>{} << QString();
    QTest::newRow("empty-label-value-dropped") << QByteArray("rwv_empty{a=\"\"} 1 NOW\n") << QList<RawSeries>{} << QString();
    QTest::newRow("exact-repeat-sent-once") << QByteArray("rwv_exact 1 NOW\nrwv_exact 1 NOW\n") << QList<RawSeries>{} << QString();
    QTest::newRow("samples-out-of-order-in-the-input") << QByteArray("rwv_order 2 NOW\nrwv_order 1 NOW-60s\n") << QList<RawSeries>{} << QString();
    QTest::newRow("label-name-twice")
        << QByteArray("rwv_twice{a=\"1\",a=\"2\"} 1 NOW\n")
        << QList<RawSeries>{RawSeries{{{"__name__", "rwv_twice"}, {"a", "1"}, {"a", "2"}}, {{1, 0}}}}
        << QStringLiteral("duplicate-label-name");
    // clang-format on
}

void TestVerdictsRemoteWrite::verdictMatchesTheReceiver()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<RawSeries>, asWritten);
    QFETCH(QString, errorCode);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    text = withNow(text, now);

    ParseOptions options;
    options.target = ValidationTarget::RemoteWrite;
    options.nowMs = now;
    const ParseResult parsed = parseText(text, options);
    QStringList errors;
    for (const Problem &problem : parsed.problems) {
        if (problem.severity == Severity::Error)
            errors << problem.code;
    }
    QCOMPARE(errors, errorCode.isEmpty() ? QStringList() : QStringList{errorCode});

    if (errorCode.isEmpty()) {
        // As `write` and backfills send it: each series' samples in time order, exact repeats
        // dropped (BackfillPlan normalises every set it plans).
        SeriesSet set = seriesFromMetrics(parsed.metrics, now);
        const NormalizeReport normalized = normalize(set, QStringLiteral("input"));
        for (const Problem &problem : normalized.problems)
            QVERIFY2(problem.severity == Severity::Warning, qPrintable(formatProblem(problem)));
        const int status = post(encodeWriteRequest(set, RemoteWriteVersion::V1));
        QVERIFY2(status / 100 == 2,
                 qPrintable(QStringLiteral("PromDesk passes it, the receiver answers %1").arg(status)));
        // Every sample arrived.
        const QString name = set.series.constFirst().labels.value(QStringLiteral("__name__"));
        const QJsonArray stored
            = queryPrometheus(m_prometheus->baseUrl(), QStringLiteral("sum(count_over_time(%1[1h]))").arg(name));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).toObject().value(QStringLiteral("value")).toArray().at(1).toString(),
                 QString::number(set.sampleCount()));
    } else {
        for (RawSeries &series : asWritten) {
            for (auto &sample : series.samples)
                sample.second = now;
        }
        const int status = post(rawBody(asWritten));
        QVERIFY2(status / 100 == 4 || status / 100 == 5,
                 qPrintable(QStringLiteral("PromDesk refuses it, the receiver answers %1").arg(status)));
    }
}

// Deliberate: two samples of one series at one timestamp are an error for remote write, though
// Prometheus answers 204. It keeps one and drops the other without a word; PromDesk refuses the
// input so that nothing is lost silently.
void TestVerdictsRemoteWrite::repeatedSampleIsDroppedSilently()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray text = withNow("rwv_repeat 1 NOW\nrwv_repeat 2 NOW\n", now);
    ParseOptions options;
    options.target = ValidationTarget::RemoteWrite;
    options.nowMs = now;
    const ParseResult parsed = parseText(text, options);
    QVERIFY(parsed.hasErrors());
    QCOMPARE(parsed.problems.constFirst().code, QStringLiteral("duplicate-series"));

    const int status = post(rawBody({RawSeries{{{"__name__", "rwv_repeat"}}, {{1, now}, {2, now}}}}));
    QCOMPARE(status, 204);
    const QJsonArray stored
        = queryPrometheus(m_prometheus->baseUrl(), QStringLiteral("count_over_time(rwv_repeat[1h])"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("value")).toArray().at(1).toString(), QStringLiteral("1"));
}

namespace {

QByteArray tableRow(const VerdictInput &input, const QStringList &errors, const QByteArray &sent,
                    const QByteArray &note)
{
    return input.id.toUtf8() + '\t' + (errors.isEmpty() ? QByteArray("ok") : errors.join(u' ').toUtf8()) + '\t' + sent
        + '\t' + note + '\t' + escapeForTable(input.text) + '\n';
}

// The samples Prometheus holds for one input's series (they all carry its verdict_case label),
// counted from the raw range: count_over_time would drop the names and clash.
qint64 storedSamples(const QUrl &prometheus, int inputIndex)
{
    qint64 samples = 0;
    for (const QJsonValue &series :
         queryPrometheus(prometheus, QStringLiteral("{verdict_case=\"%1\"}[2h]").arg(inputIndex)))
        samples += series.toObject().value(QStringLiteral("values")).toArray().size();
    return samples;
}

} // namespace

// Every input of the Pushgateway differential (own inputs, prometheus/common's, mutations),
// validated for remote write. Each one PromDesk passes is sent as `write` sends it, with a label
// naming the input so that its series are its own, and its timestamps moved so that the newest is
// now (how old a sample may be is the receiver's state, not the input's): the receiver must take
// it and store every sample.
void TestVerdictsRemoteWrite::passedInputsAreStoredWhole()
{
    const QList<VerdictInput> inputs = verdictInputs(12);
    QVERIFY2(inputs.size() > 1000, qPrintable(QString::number(inputs.size())));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QByteArray table = "# id\tPromDesk errors\tseries and samples sent, receiver status, samples stored\tnote\tinput\n";
    QStringList disagreements;
    int passed = 0;
    for (int i = 0; i < inputs.size(); ++i) {
        const VerdictInput &input = inputs.at(i);
        ParseOptions options;
        options.target = ValidationTarget::RemoteWrite;
        options.nowMs = now;
        options.fileName = QStringLiteral("input");
        const ParseResult parsed = parseText(input.text, options);
        QStringList errors;
        for (const Problem &problem : parsed.problems) {
            if (problem.severity == Severity::Error)
                errors << QStringLiteral("%1@%2").arg(problem.code).arg(problem.line);
        }
        SeriesSet set = errors.isEmpty() ? seriesFromMetrics(parsed.metrics, now) : SeriesSet{};
        if (!errors.isEmpty() || set.series.isEmpty()) {
            table += tableRow(input, errors, "-", {});
            continue;
        }
        ++passed;
        normalize(set, QStringLiteral("input"));
        if (set.maxTimestamp() - set.minTimestamp() > 3600000) {
            table += tableRow(input, errors, "-", "spans over an hour: not sent");
            continue;
        }
        const qint64 shift = now - set.maxTimestamp();
        for (WriteSeries &series : set.series) {
            series.labels.set(QStringLiteral("verdict_case"), QString::number(i));
            for (WriteSample &sample : series.samples)
                sample.timestampMs += shift;
        }
        const int status = post(encodeWriteRequest(set, RemoteWriteVersion::V1));
        const qint64 stored = status / 100 == 2 ? storedSamples(m_prometheus->baseUrl(), i) : 0;
        const QByteArray sent = QByteArray::number(set.series.size()) + " series, "
            + QByteArray::number(set.sampleCount()) + " samples; " + QByteArray::number(status) + "; "
            + QByteArray::number(stored) + " stored";
        QByteArray note;
        if (status / 100 != 2)
            note = "DISAGREE: PromDesk passes, the receiver refuses";
        else if (stored != set.sampleCount())
            note = "DISAGREE: samples lost";
        if (!note.isEmpty())
            disagreements << QString::fromUtf8(tableRow(input, errors, sent, note)).trimmed();
        table += tableRow(input, errors, sent, note);
    }
    qInfo("%lld inputs: %d passed and sent, %lld disagreements", qlonglong(inputs.size()), passed,
          qlonglong(disagreements.size()));
    QVERIFY2(passed > 100, qPrintable(QString::number(passed)));

    const QString difference
        = differenceFromStoredTable(table, QStringLiteral(PROMDESK_TEST_DATA_DIR "/verdicts/remotewrite.tsv"));
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.mid(0, 30).join(u'\n')));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestVerdictsRemoteWrite)
#include "tst_verdicts_remotewrite.moc"
