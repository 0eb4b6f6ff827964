// PromDesk's OpenMetrics verdicts against prometheus_client's OpenMetrics parser (Debian's
// python3-prometheus-client, which agrees with all 211 cases of the official suite), on seeded
// mutations of the suite's cases that must parse: "parses or not" must agree on every input.
#include "Mutations.h"
#include "exposition/TextParser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace promdesk;
using namespace promdesk::test;

namespace {

constexpr int kMutationsPerCase = 400;
const QString kSuite = QStringLiteral(PROMDESK_TEST_DATA_DIR "/openmetrics-parsers");
const QString kPython = QStringLiteral("/usr/bin/python3");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// The suite's cases that must parse, and their mutations, by name.
std::map<QString, QByteArray> inputs()
{
    std::map<QString, QByteArray> all;
    for (const QString &name : QDir(kSuite).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QJsonObject test = QJsonDocument::fromJson(readFile(kSuite + u'/' + name + u"/test.json")).object();
        if (!test.value(u"shouldParse").toBool())
            continue;
        const QByteArray metrics = readFile(kSuite + u'/' + name + u"/metrics");
        all[name] = metrics;
        for (const Mutation &mutation : mutate(metrics, kMutationsPerCase, seedFor(name)))
            all[name + u'~' + mutation.kind] = mutation.text;
    }
    return all;
}

// Where prometheus_client reads more than OpenMetrics allows, PromDesk keeps to the spec's
// grammar (docs/validation.md lists these). Each is recognised by PromDesk's error and the text
// of its line; anything else is a disagreement.
// PromDesk's errors are all considered: prometheus_client stops at its first complaint, and where
// it is lax on one line, a later rule can be what PromDesk reports first.
QString knownLaxness(const QString &pythonVerdict, const QList<Problem> &problems, const QByteArray &text)
{
    if ((pythonVerdict.startsWith(u"error TypeError") && pythonVerdict.contains(u"Timestamp"))
        || (pythonVerdict.startsWith(u"error AttributeError") && pythonVerdict.contains(u"'sec'")))
        return QStringLiteral("crashes comparing a float timestamp with a seconds.fraction one");
    if (!pythonVerdict.startsWith(u"ok"))
        return {};
    const QList<QByteArray> lines = text.split('\n');
    struct Laxness
    {
        const char *code;
        const char *linePattern;
        const char *what;
    };
    static const Laxness kLaxness[] = {
        {"unknown-comment", "^#[^ ]+ (HELP|TYPE|UNIT) ",
         "takes any '#word HELP ...' line as metadata: it never checks that the first word is '#'"},
        {"invalid-timestamp", " [0-9]+\\.[0-9]{9}[0-9]*[^0-9 ]",
         "cuts a timestamp's fraction after nine digits, whatever follows them"},
        {"invalid-timestamp", " [-+0-9.]*[\\t\\r\\v\\f][-+0-9.\\t\\r\\v\\f]*$",
         "reads blanks inside a timestamp, as Python's int() does"},
        {"stray-whitespace", " [-+0-9.]*[\\t\\r\\v\\f][-+0-9.\\t\\r\\v\\f]*$",
         "reads blanks inside a timestamp, as Python's int() does"},
        {"invalid-number", "(le|quantile)=\"[ \\t\\r\\v\\f]*[-+0-9.eEinfINFaA]+[ \\t\\r\\v\\f]*\"",
         "reads a bound with blanks around it, as Python's float() does"},
        {"invalid-label-syntax", "\\}[^ ]", "skips the character after '}' where the spec wants a space"},
        {"invalid-timestamp", " [0-9]+\\.[-+]", "reads a sign after a timestamp's point, as Python's int() does"},
        {"number-out-of-range", "", "reads a number beyond a double as ±Inf or 0, where Prometheus refuses it"},
        {"unterminated-label-value", "\\\\\"\\}", "ends a label value at an escaped quote before '}'"},
    };
    for (const Problem &problem : problems) {
        if (problem.severity != Severity::Error)
            continue;
        const QString line = QString::fromLatin1(lines.value(problem.line - 1));
        for (const Laxness &laxness : kLaxness) {
            if (problem.code == QLatin1String(laxness.code)
                && QRegularExpression(QString::fromLatin1(laxness.linePattern)).match(line).hasMatch())
                return QString::fromLatin1(laxness.what);
        }
    }
    return {};
}

QString fileNameFor(const QString &name)
{
    return QString(name).replace(u'@', u'_');
}

} // namespace

class TestOpenMetricsDifferential : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithPrometheusClient();
};

void TestOpenMetricsDifferential::agreesWithPrometheusClient()
{
    if (!QFile::exists(kPython))
        QFAIL("/usr/bin/python3 is missing: run scripts/install-deps.sh");
    const std::map<QString, QByteArray> all = inputs();
    QVERIFY2(all.size() > 2000, qPrintable(QString::number(all.size())));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const auto &[name, text] : all) {
        QFile file(dir.filePath(fileNameFor(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    QProcess python;
    python.start(kPython, {QStringLiteral(PROMDESK_TEST_SUPPORT_DIR "/openmetrics_verdicts.py"), dir.path()});
    QVERIFY(python.waitForFinished(120000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    std::map<QString, QString> theirs;
    for (const QByteArray &line : python.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 2)
            theirs[QString::fromUtf8(fields[0])] = QString::fromUtf8(fields.mid(1).join(' '));
    }
    QCOMPARE(theirs.size(), all.size());

    QStringList disagreements;
    std::map<QString, int> laxness;
    int refused = 0;
    for (const auto &[name, text] : all) {
        ParseOptions options;
        options.format = ExpositionFormat::OpenMetrics;
        options.fileName = QStringLiteral("input");
        const ParseResult result = parseText(text, options);
        const Problem *firstError = nullptr;
        for (const Problem &problem : result.problems) {
            if (problem.severity == Severity::Error && !firstError)
                firstError = &problem;
        }
        const QString ours = firstError ? formatProblem(*firstError) : QString();
        const QString &their = theirs[fileNameFor(name)];
        const bool theyRefuse = their.startsWith(u"error");
        refused += theyRefuse ? 1 : 0;
        if (theyRefuse == !ours.isEmpty())
            continue;
        if (const QString known = knownLaxness(their, result.problems, text); !known.isEmpty()) {
            ++laxness[known];
            continue;
        }
        {
            disagreements << QStringLiteral("%1 | prometheus_client: %2 | PromDesk: %3 | input: %4")
                                 .arg(name, their, ours.isEmpty() ? QStringLiteral("ok") : ours,
                                      QString::fromUtf8(escapeForTable(text.left(300))));
        }
    }
    for (const QString &disagreement : std::as_const(disagreements))
        qInfo("%s", qPrintable(disagreement));
    for (const auto &[what, count] : laxness)
        qInfo("%d input(s) where prometheus_client %s", count, qPrintable(what));
    qInfo("%zu inputs, %d refused by prometheus_client, %lld disagreements", all.size(), refused,
          qlonglong(disagreements.size()));
    QVERIFY2(disagreements.isEmpty(), "see the disagreements above");
}

QTEST_GUILESS_MAIN(TestOpenMetricsDifferential)
#include "tst_openmetrics_differential.moc"
