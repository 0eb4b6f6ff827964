#include "exposition/DelimitedProtobuf.h"
#include "exposition/TextParser.h"
#include "history/BodyDecoder.h"
#include "history/CurlExport.h"
#include "remotewrite/WriteRequestCodec.h"
#include "util/Gzip.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;

namespace {

HistoryEntry withBody(QByteArray body, HttpHeaders headers)
{
    HistoryEntry e;
    e.id = 7;
    e.method = "POST";
    e.url = QStringLiteral("http://127.0.0.1:9090/api/v1/write");
    e.requestBody = body;
    e.requestBodySize = body.size();
    e.requestHeaders = std::move(headers);
    return e;
}

SeriesSet series()
{
    SeriesSet set;
    set.series = {WriteSeries{
        Labels{{QStringLiteral("__name__"), QStringLiteral("up")}, {QStringLiteral("job"), QStringLiteral("a")}},
        {{1700000000000, 1}, {1700000060000, 0.5}},
        0,
        MetricType::Gauge,
        {},
        {}}};
    return set;
}

const QByteArray kText = "# TYPE up gauge\nup{job=\"a\"} 1\n";

} // namespace

class TestBodyDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decodesEveryKind_data();
    void decodesEveryKind();
    void saysWhyAGzipBodyCannotBeShown();
    void curlInlinesTextAndFilesBinary();
    void curlNeverWritesTheSecretUnlessRevealed();
    void curlRefusesABodyKeptInPart_data();
    void curlRefusesABodyKeptInPart();
    void curlQuotesWhatTheHistoryHolds_data();
    void curlQuotesWhatTheHistoryHolds();
};

void TestBodyDecoder::decodesEveryKind_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    const QString rw = QStringLiteral("up{job=\"a\"} 1 1700000000000\nup{job=\"a\"} 0.5 1700000060000\n");
    const MetricSet metrics = parseText(kText, ParseOptions{}).metrics;
    // clang-format off
    QTest::newRow("text") << kText << QByteArray("text/plain; version=0.0.4") << QByteArray() << "text exposition" << QString::fromUtf8(kText);
    QTest::newRow("text-gzip") << gzipCompress(kText) << QByteArray("text/plain; version=0.0.4") << QByteArray("gzip") << "gzip, text exposition" << QString::fromUtf8(kText);
    QTest::newRow("protobuf-delimited") << writeDelimitedProtobuf(metrics) << QByteArray(kDelimitedProtobufContentType) << QByteArray() << "protobuf-delimited MetricFamily" << QString::fromUtf8(kText);
    QTest::newRow("remote-write-1") << encodeWriteRequest(series(), RemoteWriteVersion::V1) << QByteArray(kRemoteWriteV1ContentType) << QByteArray("snappy") << "remote write 1.0" << rw;
    QTest::newRow("remote-write-2") << encodeWriteRequest(series(), RemoteWriteVersion::V2) << QByteArray(kRemoteWriteV2ContentType) << QByteArray("snappy") << "remote write 2.0" << rw;
    // clang-format on
}

void TestBodyDecoder::decodesEveryKind()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, kind);
    QFETCH(QString, text);
    HttpHeaders headers{{"Content-Type", contentType}};
    if (!encoding.isEmpty())
        headers.append({QByteArray("Content-Encoding"), encoding});
    const DecodedBody decoded = decodeRequestBody(withBody(body, headers));
    QCOMPARE(decoded.kind, kind);
    QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
    QCOMPARE(decoded.text, text);
}

void TestBodyDecoder::saysWhyAGzipBodyCannotBeShown()
{
    const QByteArray compressed = gzipCompress(kText);
    const DecodedBody decoded = decodeRequestBody(withBody(
        compressed.left(compressed.size() / 2), {{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}}));
    QCOMPARE(decoded.kind, QStringLiteral("gzip"));
    QVERIFY2(decoded.error.contains(QLatin1String("not whole, valid gzip")), qPrintable(decoded.error));
    QVERIFY(decoded.text.isEmpty());
}

void TestBodyDecoder::curlInlinesTextAndFilesBinary()
{
    HistoryEntry text = withBody(kText, {{"Content-Type", "text/plain"}});
    text.method = "PUT";
    const CurlExport inlined = exportCurl(text, {});
    QVERIFY(inlined.bodyFile.isEmpty());
    QVERIFY2(inlined.command.contains(QLatin1String(
                 "--data-binary @- 'http://127.0.0.1:9090/api/v1/write' <<'PROMDESK_BODY'\n# TYPE up gauge")),
             qPrintable(inlined.command));
    const HistoryEntry binary = withBody(encodeWriteRequest(series(), RemoteWriteVersion::V1),
                                         {{"Content-Encoding", "snappy"}, {"Content-Type", "application/x-protobuf"}});
    const CurlExport filed = exportCurl(binary, CurlOptions{{}, QStringLiteral("/tmp/out")});
    QCOMPARE(filed.bodyFile, binary.requestBody);
    QVERIFY(filed.command.contains(QLatin1String("--data-binary '@/tmp/out/request-7.bin'")));
    QVERIFY(filed.command.contains(QLatin1String("-H 'Content-Encoding: snappy'")));
    QVERIFY(!filed.command.contains(QLatin1String("--http1.1")));
    HistoryEntry overTls = binary;
    overTls.url = QStringLiteral("https://tmp.example:9090/api/v1/prom/write");
    QVERIFY2(exportCurl(overTls, {}).command.startsWith(QLatin1String("curl -sS -X POST --http1.1 ")),
             qPrintable(exportCurl(overTls, {}).command));
}

void TestBodyDecoder::curlNeverWritesTheSecretUnlessRevealed()
{
    HistoryEntry e = withBody(kText, {{"Authorization", "Basic ••••••"}});
    e.authKind = Credentials::Kind::Basic;
    e.authUser = QStringLiteral("1250000000");
    const CurlExport hidden = exportCurl(e, {});
    QVERIFY2(hidden.command.contains(QLatin1String("-u '1250000000:'\"${PROMDESK_SECRET:?")),
             qPrintable(hidden.command));
    QVERIFY(!hidden.command.contains(QLatin1String("Authorization")));
    QVERIFY(hidden.note.contains(QLatin1String("PROMDESK_SECRET")));
    const CurlExport shown = exportCurl(e, CurlOptions{QStringLiteral("t0'ken"), {}});
    QVERIFY2(shown.command.contains(QLatin1String("-u '1250000000:t0'\\''ken'")), qPrintable(shown.command));
}

// A body cut at the history's cap: a command would send only the part kept, and a PUT of it
// would replace the group with fewer series, or a cut line the gateway refuses.
void TestBodyDecoder::curlRefusesABodyKeptInPart_data()
{
    QTest::addColumn<QByteArray>("kept");
    QTest::newRow("cut-at-a-line-end") << QByteArray("up 1\n");
    QTest::newRow("cut-mid-line") << QByteArray("up 1\nup{a=\"x");
}

void TestBodyDecoder::curlRefusesABodyKeptInPart()
{
    QFETCH(QByteArray, kept);
    HistoryEntry e = withBody(kept, {{"Content-Type", "text/plain"}});
    e.method = "PUT";
    e.requestBodyTruncated = true;
    e.requestBodySize = 5 << 20;
    for (const QString &directory : {QString(), QStringLiteral("/tmp/out")}) {
        const CurlExport curl = exportCurl(e, CurlOptions{{}, directory});
        QVERIFY2(curl.command.isEmpty(), qPrintable(curl.command));
        QVERIFY(curl.bodyFile.isEmpty());
        QVERIFY2(curl.refusal.contains(QLatin1String("kept only part of its body")), qPrintable(curl.refusal));
    }
}

void TestBodyDecoder::curlQuotesWhatTheHistoryHolds_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("plain") << QStringLiteral("1250000000");
    QTest::newRow("command substitution") << QStringLiteral("a\"$(touch pwned)`touch pwned`");
    QTest::newRow("quotes and backslash") << QStringLiteral("it's \\ \"quoted\"");
}

void TestBodyDecoder::curlQuotesWhatTheHistoryHolds()
{
    // Run the exported command with curl replaced by a function that prints its arguments: the
    // user comes out as it was, and the secret from the variable; nothing else runs.
    QFETCH(QString, user);
    HistoryEntry e = withBody(kText, {{"Authorization", "Basic ••••••"}});
    e.authKind = Credentials::Kind::Basic;
    e.authUser = user;
    QTemporaryDir dir;
    QProcess bash;
    bash.setWorkingDirectory(dir.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROMDESK_SECRET"), QStringLiteral("s3cret"));
    bash.setProcessEnvironment(environment);
    bash.start(
        QStringLiteral("bash"),
        {QStringLiteral("-c"), QStringLiteral("curl() { printf '%s\\n' \"$@\"; }\n") + exportCurl(e, {}).command});
    QVERIFY(bash.waitForFinished(10000));
    const QStringList printed = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'));
    QVERIFY2(printed.contains(user + QStringLiteral(":s3cret")), qPrintable(printed.join(QLatin1Char('|'))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("pwned"))));
}

QTEST_GUILESS_MAIN(TestBodyDecoder)
#include "tst_bodydecoder.moc"
