#include "exposition/ParallelValidation.h"

#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace promdesk;

namespace {

constexpr qint64 kNow = 1700000000000;

// Everything a user sees of a report, fixes included, so "the same report" means the same.
QStringList describe(const QList<Problem> &problems, const ParseStats &stats)
{
    QStringList lines;
    for (const Problem &problem : problems) {
        QString line = formatProblem(problem);
        if (problem.fix) {
            line += QStringLiteral(" fix: ") + problem.fix->description;
            for (const TextEdit &edit : problem.fix->edits)
                line += QStringLiteral(" [%1+%2 from %3]").arg(edit.offset).arg(edit.length).arg(edit.copyFrom);
        }
        lines << line;
    }
    lines << QStringLiteral("bytes=%1 lines=%2 samples=%3 families=%4 errors=%5 warnings=%6")
                 .arg(stats.bytes)
                 .arg(stats.lines)
                 .arg(stats.samples)
                 .arg(stats.families)
                 .arg(stats.errors)
                 .arg(stats.warnings);
    return lines;
}

QByteArray family(const QByteArray &name, const QByteArray &type, int samples, const QByteArray &eol = "\n")
{
    QByteArray text = "# HELP " + name + " Some help." + eol + "# TYPE " + name + ' ' + type + eol;
    for (int i = 0; i < samples; ++i)
        text += name + "{i=\"" + QByteArray::number(i) + "\"} " + QByteArray::number(i) + eol;
    return text;
}

// `count` counter families of 200 samples each.
QByteArray families(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += family("family_" + QByteArray::number(i) + "_total", "counter", 200);
    return text;
}

// A metrics file in a directory of its own, removed with it. write() puts new contents in place
// as exporters do: a new file renamed over the old one.
struct ScratchFile
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("metrics.prom"));

    bool write(const QByteArray &text) const
    {
        QSaveFile file(path);
        return dir.isValid() && file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit();
    }
};

} // namespace

class TestParallelValidation : public QObject
{
    Q_OBJECT

private slots:
    void reportsWhatOneParserReports_data();
    void reportsWhatOneParserReports();
    void cutsOnlyWhereAFamilyOpensAfterASample();
    void cutsAfterTheCommentsThatFollowASample();
    void givesEachWorkerTheSameShare_data();
    void givesEachWorkerTheSameShare();
    void readsTheFileItOpenedWhenItIsReplaced();
    void readsLessOfAFileCutShort();
    void readsAFileInPieces();
};

void TestParallelValidation::reportsWhatOneParserReports_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("openMetrics");
    QTest::addColumn<int>("maxProblemsPerCode");
    QTest::addColumn<bool>("joinedFromPieces"); // false: parsed whole after all

    const QByteArray a = family("alpha", "gauge", 20);
    const QByteArray b = family("beta", "counter", 20);
    const QByteArray c = family("gamma", "gauge", 20);
    const QByteArray d = family("delta", "gauge", 20);
    QTest::newRow("valid families, cut between them") << a + b + c + d << false << 1000 << true;
    QTest::newRow("duplicate series in a later piece keeps its line numbers") << a + b + c + d + "delta{i=\"3\"} 3\n"
                                                                              << false << 1000 << true;
    QTest::newRow("problems in every piece")
        << a + "alpha{i=\"1\"} 1,5\n" + b + "beta{i=\"x\"} -1\n" + c + "gamma{i=\"2\" 2\n" + d + "delta{i=\"3\"} Nan\n"
        << false << 1000 << true;
    QTest::newRow("a family split across pieces is parsed whole")
        << a + b + c + "alpha{i=\"99\"} 1\n" + d << false << 1000 << false;
    QTest::newRow("a sample of another piece's family by suffix is parsed whole")
        << a + b + c + "beta_total 1\n" + d << false << 1000 << false;
    QTest::newRow("CRLF in several pieces is parsed whole")
        << family("alpha", "gauge", 20, "\r\n") + b + c + family("delta", "gauge", 20, "\r\n") << false << 1000
        << false;
    QTest::newRow("CRLF in one piece") << a + b + c + family("delta", "gauge", 20, "\r\n") << false << 1000 << true;
    QTest::newRow("byte order mark at the start") << "\xEF\xBB\xBF" + a + b + c + d << false << 1000 << true;
    QTest::newRow("missing final newline at the end") << a + b + c + d.chopped(1) << false << 1000 << true;
    QTest::newRow("OpenMetrics EOF at the end") << a + b + c + d + "# EOF\n" << true << 1000 << true;
    QTest::newRow("OpenMetrics EOF before the last piece is parsed whole")
        << a + b + "# EOF\n" + c + d << true << 1000 << false;
    QTest::newRow("OpenMetrics without EOF") << a + b + c + d << true << 1000 << true;
    // The family's end reports its last line, and so does the repeat found after it; the whole
    // input reports them in that order when the next family opens, and a piece that ends there
    // (the middle one: a family before it, one after it) must too.
    const QByteArray regrouped = "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 0\n"
                                 "h_bucket{x=\"1\",le=\"+Inf\"} 1\nh_count 2\n";
    QTest::newRow("OpenMetrics family end and a repeat on one line at a piece's end") << a + regrouped + d + "# EOF\n"
                                                                                      << true << 1000 << true;
    QTest::newRow("more problems of a kind than are listed is parsed whole")
        << a + "alpha{i=\"1\"} 1,5\n" + b + c + "gamma{i=\"1\"} 1,5\n" + d << false << 1 << false;
    // Exporters write comments between families: the cut goes at the family's HELP, and the
    // comments before it (and their problems, an error in OpenMetrics) stay with the piece before.
    const QByteArray note = "# collected from /proc\n";
    QTest::newRow("comments before every family, cut after them")
        << note + a + note + b + note + c + note + d << false << 1000 << true;
    QTest::newRow("OpenMetrics comments before every family, cut after them") << note + a + note + b + note + c + note
            + d + "# EOF\n" << true << 1000 << true;
    QTest::newRow("OpenMetrics comment after a histogram without +Inf")
        << note + "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 0\n" + note + d + note + c + "# EOF\n"
        << true << 1000 << true;
    QTest::newRow("one family cannot be cut") << family("alpha", "gauge", 200) << false << 1000 << false;
    QTest::newRow("empty input") << QByteArray() << false << 1000 << false;
}

void TestParallelValidation::reportsWhatOneParserReports()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, openMetrics);
    QFETCH(int, maxProblemsPerCode);
    QFETCH(bool, joinedFromPieces);

    ParseOptions options;
    options.fileName = QStringLiteral("input.prom");
    options.nowMs = kNow;
    options.format = openMetrics ? ExpositionFormat::OpenMetrics : ExpositionFormat::Text;
    options.maxProblemsPerCode = maxProblemsPerCode;

    TextParser whole(options);
    whole.feed(text);
    whole.finish();

    const Validation parallel = validateInParallel(MemoryValidationSource(text), options, 4, 64);
    QCOMPARE(parallel.pieces > 1, joinedFromPieces);
    QCOMPARE(describe(parallel.problems, parallel.stats), describe(whole.problems(), whole.stats()));
}

void TestParallelValidation::cutsOnlyWhereAFamilyOpensAfterASample()
{
    const QByteArray text = family("alpha", "gauge", 30) + family("beta", "gauge", 10);
    const std::vector<qint64> starts = pieceStarts(MemoryValidationSource(text), 2);
    QCOMPARE(starts.size(), size_t(2));
    QCOMPARE(starts[1], qint64(text.indexOf("# HELP beta")));
}

void TestParallelValidation::cutsAfterTheCommentsThatFollowASample()
{
    const QByteArray text
        = family("alpha", "gauge", 30) + "# next: beta\n\n# from the kernel\n" + family("beta", "gauge", 10);
    const std::vector<qint64> starts = pieceStarts(MemoryValidationSource(text), 2);
    QCOMPARE(starts.size(), size_t(2));
    QCOMPARE(starts[1], qint64(text.indexOf("# HELP beta")));
}

void TestParallelValidation::givesEachWorkerTheSameShare_data()
{
    constexpr qint64 kMiB = 1 << 20;
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("pieces");
    QTest::newRow("smaller than one piece") << 3 * kMiB << 2 << 1;
    QTest::newRow("room for five pieces on two workers") << 20 * kMiB << 2 << 4;
    QTest::newRow("room for seven pieces on three workers") << 28 * kMiB << 3 << 6;
    QTest::newRow("room for eight pieces on two workers") << 32 * kMiB << 2 << 8;
    QTest::newRow("room for more than four a worker") << 100 * kMiB << 2 << 8;
    QTest::newRow("fewer pieces than workers") << 12 * kMiB << 4 << 3;
    QTest::newRow("no worker given") << 20 * kMiB << 0 << 4;
}

void TestParallelValidation::givesEachWorkerTheSameShare()
{
    QFETCH(qint64, size);
    QFETCH(int, workers);
    QFETCH(int, pieces);
    QCOMPARE(pieceCount(size, 4 << 20, workers), pieces);
}

// An exporter's output is often written by renaming a new file over the old one: every piece of a
// validation reads the file that was there when it began, not parts of two.
void TestParallelValidation::readsTheFileItOpenedWhenItIsReplaced()
{
    const ScratchFile scratch;
    const QByteArray before = family("before_total", "counter", 100);
    QVERIFY(scratch.write(before));
    QFile opened(scratch.path);
    QVERIFY(opened.open(QIODevice::ReadOnly));
    const FileValidationSource source(opened);
    QVERIFY(scratch.write(family("after_total", "counter", 100)));

    QCOMPARE(source.size(), before.size());
    QByteArray buffer;
    QCOMPARE(source.read(0, before.size(), buffer).toByteArray(), before);
    QCOMPARE(source.read(40, 30, buffer).toByteArray(), before.mid(40, 30));
}

// A file cut short while it is read yields fewer bytes than its size said: the caller can tell.
void TestParallelValidation::readsLessOfAFileCutShort()
{
    const ScratchFile scratch;
    const QByteArray text = families(10);
    QVERIFY(scratch.write(text));
    QFile file(scratch.path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const FileValidationSource source(file);
    QVERIFY(file.resize(text.size() / 2));
    ParseOptions options;
    options.nowMs = kNow;
    const Validation validation = validateInParallel(source, options, 2, 4096);
    QCOMPARE(source.size(), text.size());
    QVERIFY2(validation.stats.bytes < source.size(), qPrintable(QString::number(validation.stats.bytes)));
}

void TestParallelValidation::readsAFileInPieces()
{
    const ScratchFile scratch;
    const QByteArray text = families(40);
    QVERIFY(scratch.write(text));
    ParseOptions options;
    options.nowMs = kNow;
    const Validation whole = validateInParallel(MemoryValidationSource(text), options, 1);
    QFile file(scratch.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const FileValidationSource source(file);
    const Validation pieces = validateInParallel(source, options, 4, 4096);
    QCOMPARE(pieces.pieces, 16);
    QCOMPARE(describe(pieces.problems, pieces.stats), describe(whole.problems, whole.stats));

    QByteArray buffer;
    QCOMPARE(source.read(text.size() - 10, 100, buffer).toByteArray(), text.right(10)); // fewer at the end
}

QTEST_GUILESS_MAIN(TestParallelValidation)
#include "tst_parallelvalidation.moc"
