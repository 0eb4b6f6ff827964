// The Compose view offscreen: the table kept in sync with the text, refused edits explained,
// templates, imports from files (dropped, opened, CSV), the clipboard and a real exporter, and
// the highlighting in light and dark palettes.
#include "ComposeView.h"
#include "Confirm.h"
#include "ConsoleContext.h"
#include "FaultServer.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "PushView.h"
#include "ServerFixture.h"
#include "net/Redactor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

using namespace promdesk;
using namespace promdesk::test;
using namespace promdesk::ui;

class TestCompose : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tableFollowsTextAndWritesItBack();
    void saysWhichFamiliesOpenMetricsRetypes_data();
    void saysWhichFamiliesOpenMetricsRetypes();
    void refusedCellEditsSayWhy_data();
    void refusedCellEditsSayWhy();
    void tableIsReadOnlyWhileTheTextHasErrors();
    void addsAndRemovesRows();
    void marksProblemLines();
    void importsFiles_data();
    void importsFiles();
    void importsDroppedFiles();
    void importsTheClipboard();
    void scrapesARealExporter();
    void saysWhichAddressItScraped();
    void refusesAnExporterUrlWithCredentials();
    void cancelsAHungScrape();
    void highlightsForThePalette();
    void templateSetsTheGroupingKey();

private:
    void setText(const QString &text);

    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleContext> m_context;
    std::unique_ptr<ComposeView> m_view;
};

void TestCompose::init()
{
    m_context = std::make_unique<ConsoleContext>(m_dir.filePath(QStringLiteral("history.sqlite")));
    m_view = std::make_unique<ComposeView>(m_context.get());
    QSignalSpy validated(m_view.get(), &ComposeView::validated);
    QVERIFY(validated.wait());
}

void TestCompose::cleanup()
{
    m_view.reset();
    m_context.reset();
}

void TestCompose::setText(const QString &text)
{
    QSignalSpy validated(m_view.get(), &ComposeView::validated);
    m_view->editor()->setPlainText(text);
    QVERIFY(validated.wait());
}

void TestCompose::tableFollowsTextAndWritesItBack()
{
    MetricTableModel *model = m_view->tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    setText(QStringLiteral(
        "# HELP temp Temperature.\n# TYPE temp gauge\ntemp{room=\"a\"} 21.5\ntemp{room=\"b\"} 19\nup 1\n"));
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, MetricTableModel::ColumnLabels).data().toString(), QStringLiteral("room=\"a\""));
    QCOMPARE(model->index(1, MetricTableModel::ColumnValue).data().toString(), QStringLiteral("19"));

    QSignalSpy validated(m_view.get(), &ComposeView::validated);
    QVERIFY(model->setData(model->index(1, MetricTableModel::ColumnValue), QStringLiteral("18.25"), Qt::EditRole));
    QVERIFY(m_view->editor()->toPlainText().contains(QLatin1String("temp{room=\"b\"} 18.25")));
    // Help belongs to the family: one edit, every row.
    QVERIFY(model->setData(model->index(0, MetricTableModel::ColumnHelp), QStringLiteral("Room temperature."),
                           Qt::EditRole));
    QVERIFY(m_view->editor()->toPlainText().contains(QLatin1String("# HELP temp Room temperature.")));
    QVERIFY(model->setData(model->index(2, MetricTableModel::ColumnTimestamp), QStringLiteral("1700000000000"),
                           Qt::EditRole));
    QVERIFY(m_view->editor()->toPlainText().contains(QLatin1String("up 1 1700000000000")));
    QVERIFY(validated.wait());
    QCOMPARE(model->rowCount(), 3);

    // Undo restores the text as it was before the table edit.
    m_view->editor()->undo();
    QVERIFY(!m_view->editor()->toPlainText().contains(QLatin1String("1700000000000")));
}

void TestCompose::saysWhichFamiliesOpenMetricsRetypes_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("written");
    QTest::newRow("counter-renamed-without-total") << int(MetricTableModel::ColumnName) << "requests"
                                                   << "# TYPE requests unknown";
    QTest::newRow("gauge-made-a-counter") << int(MetricTableModel::ColumnType) << "counter"
                                          << "# TYPE temp unknown";
}

void TestCompose::saysWhichFamiliesOpenMetricsRetypes()
{
    // OpenMetrics names a counter's samples NAME_total: a table edit that leaves a counter without
    // the suffix writes it as unknown, and the view says so instead of changing the type silently.
    QFETCH(int, column);
    QFETCH(QString, input);
    QFETCH(QString, written);
    const bool renamesCounter = column == MetricTableModel::ColumnName;
    setText(renamesCounter ? QStringLiteral("# TYPE requests counter\nrequests_total 5\n# EOF\n")
                           : QStringLiteral("# TYPE temp gauge\ntemp 21.5\n# EOF\n"));
    MetricTableModel *model = m_view->tableModel();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(m_view->importStatus().isEmpty());
    QVERIFY(model->setData(model->index(0, column), input, Qt::EditRole));
    QVERIFY2(m_view->editor()->toPlainText().contains(written), qPrintable(m_view->editor()->toPlainText()));
    const QString family = renamesCounter ? QStringLiteral("requests") : QStringLiteral("temp");
    QVERIFY2(m_view->importStatus().contains(QLatin1String("unknown")) && m_view->importStatus().contains(family),
             qPrintable(m_view->importStatus()));

    QVERIFY2(m_view->importStatus().contains(QLatin1String("undo")), qPrintable(m_view->importStatus()));

    // Read back, the family is unknown in the table too; the note stays until the next table
    // edit, which replaces it.
    QSignalSpy validated(m_view.get(), &ComposeView::validated);
    QVERIFY(validated.wait());
    QVERIFY(m_view->importStatus().contains(family));
    QVERIFY(model->setData(model->index(0, MetricTableModel::ColumnValue), QStringLiteral("7"), Qt::EditRole));
    QVERIFY2(m_view->importStatus().isEmpty(), qPrintable(m_view->importStatus()));
}

void TestCompose::refusedCellEditsSayWhy_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("name starting with a digit") << int(MetricTableModel::ColumnName) << "1temp"
                                                << "not a metric name";
    QTest::newRow("name of another family") << int(MetricTableModel::ColumnName) << "up"
                                            << "exists already";
    QTest::newRow("histogram typed in a cell") << int(MetricTableModel::ColumnType) << "histogram"
                                               << "counter, gauge or untyped";
    QTest::newRow("unquoted label value") << int(MetricTableModel::ColumnLabels) << "room=a"
                                          << "name=\"value\"";
    QTest::newRow("comma as decimal separator") << int(MetricTableModel::ColumnValue) << "1,5"
                                                << "not a number";
    QTest::newRow("timestamp in words") << int(MetricTableModel::ColumnTimestamp) << "yesterday"
                                        << "milliseconds";
}

void TestCompose::refusedCellEditsSayWhy()
{
    QFETCH(int, column);
    QFETCH(QString, input);
    QFETCH(QString, expectedError);
    setText(QStringLiteral("temp{room=\"a\"} 21.5\nup 1\n"));
    const QString before = m_view->editor()->toPlainText();
    MetricTableModel *model = m_view->tableModel();
    QVERIFY(!model->setData(model->index(0, column), input, Qt::EditRole));
    QVERIFY2(model->lastError().contains(expectedError), qPrintable(model->lastError()));
    QCOMPARE(m_view->editor()->toPlainText(), before);
}

void TestCompose::tableIsReadOnlyWhileTheTextHasErrors()
{
    setText(QStringLiteral("good 1\nbad 1,5\n"));
    MetricTableModel *model = m_view->tableModel();
    QCOMPARE(model->rowCount(), 1); // what could be read
    QVERIFY(!model->isEditable());
    QVERIFY(!(model->flags(model->index(0, MetricTableModel::ColumnValue)) & Qt::ItemIsEditable));
    QVERIFY(!model->addMetric().isValid());
    QVERIFY(m_view->editor()->toPlainText().contains(QLatin1String("bad 1,5"))); // nothing dropped
}

void TestCompose::addsAndRemovesRows()
{
    setText(QStringLiteral("# TYPE temp gauge\ntemp{room=\"a\"} 21.5\n"));
    MetricTableModel *model = m_view->tableModel();
    QVERIFY(model->addMetric().isValid());
    QVERIFY(m_view->editor()->toPlainText().contains(QLatin1String("new_metric 0")));
    QVERIFY(model->addMetric(0).isValid());
    QVERIFY2(m_view->editor()->toPlainText().contains(QLatin1String("temp{room=\"a\",series=\"2\"} 21.5")),
             qPrintable(m_view->editor()->toPlainText()));
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(model->removeMetric(2));
    QVERIFY(!m_view->editor()->toPlainText().contains(QLatin1String("new_metric")));
    QSignalSpy validated(m_view.get(), &ComposeView::validated);
    QVERIFY(validated.wait());
    QCOMPARE(m_view->problemList()->topLevelItemCount(), 0); // what the table writes is valid
}

void TestCompose::marksProblemLines()
{
    setText(QStringLiteral("a 1\nb 1,5\nc 2\nd{x=\"y} 1\n"));
    const QList<QTextEdit::ExtraSelection> marks = m_view->editor()->extraSelections();
    QCOMPARE(marks.size(), 2);
    QCOMPARE(marks.at(0).cursor.block().blockNumber(), 1);
    QCOMPARE(marks.at(1).cursor.block().blockNumber(), 3);
}

void TestCompose::importsFiles_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // in the editor when ok, in the status otherwise
    QTest::newRow("text exposition") << "jobs.prom" << QByteArray("# TYPE jobs gauge\njobs 3\n") << true << "jobs 3";
    QTest::newRow("csv long form with timestamps")
        << "temps.csv"
        << QByteArray("timestamp,metric,host,value\n1700000000,cpu_temp,a,61.5\n1700000060,cpu_temp,a,62\n") << true
        << "cpu_temp{host=\"a\"} 61.5 1700000000000";
    QTest::newRow("csv with a bad value")
        << "bad.csv" << QByteArray("timestamp,metric,value\n1700000000,x,abc\n") << false << "nothing was imported";
    QTest::newRow("csv with an error, named like a placeholder")
        << "bad %2 rows.csv" << QByteArray("timestamp,metric,value\n1700000000,x,abc\n") << false
        << "bad %2 rows.csv has 1 error(s); nothing was imported";
    QTest::newRow("latin-1 file") << "latin1.prom"
                                  << QByteArray("temp{room=\"K\xfc"
                                                "che\"} 1\n")
                                  << false << "not UTF-8";
    QTest::newRow("missing file") << "" << QByteArray() << false << "Cannot read";
}

void TestCompose::importsFiles()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(fileName.isEmpty() ? QStringLiteral("does-not-exist.prom") : fileName);
    if (!fileName.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QString before = m_view->editor()->toPlainText();
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    m_view->importFile(path);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(0).toBool(), ok);
    if (ok) {
        QVERIFY2(m_view->editor()->toPlainText().contains(expected), qPrintable(m_view->editor()->toPlainText()));
    } else {
        QVERIFY2(m_view->importStatus().contains(expected), qPrintable(m_view->importStatus()));
        QCOMPARE(m_view->editor()->toPlainText(), before); // a failed import changes nothing
    }
}

void TestCompose::importsDroppedFiles()
{
    const QString path = m_dir.filePath(QStringLiteral("dropped.prom"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("dropped_metric 42\n");
    file.close();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QWidget *viewport = m_view->editor()->viewport();
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(finished.wait());
    QCOMPARE(m_view->editor()->toPlainText(), QStringLiteral("dropped_metric 42\n"));
}

void TestCompose::importsTheClipboard()
{
    QApplication::clipboard()->setText(QStringLiteral("from_clipboard 1\n"));
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    m_view->importClipboard();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(m_view->editor()->toPlainText(), QStringLiteral("from_clipboard 1\n"));
}

void TestCompose::scrapesARealExporter()
{
    QString error;
    const auto gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(gateway, qPrintable(error));
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    m_view->scrape(gateway->url(QStringLiteral("/metrics")));
    QVERIFY(finished.wait(15000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(m_view->importStatus()));
    QVERIFY(m_view->editor()->toPlainText().contains(QLatin1String("pushgateway_build_info")));

    const QString before = m_view->editor()->toPlainText();
    Confirm::setNextAnswer(true); // the scraped text is not saved: replacing it asks
    m_view->scrape(QUrl(QStringLiteral("http://127.0.0.1:1/metrics")));
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.last().at(0).toBool(), false);
    QVERIFY2(m_view->importStatus().contains(QLatin1String("Cannot connect")), qPrintable(m_view->importStatus()));
    QCOMPARE(m_view->editor()->toPlainText(), before);
}

// An exporter's address with escapes ("%3D", "%2B") is shown as given, beside the answer's
// status, time and size, each in its place.
void TestCompose::saysWhichAddressItScraped()
{
    QString error;
    const auto gateway = ServerFixture::start(ServerFixture::Kind::Pushgateway, &error);
    QVERIFY2(gateway, qPrintable(error));
    QUrl url = gateway->url(QStringLiteral("/metrics"));
    url.setQuery(QStringLiteral("q=a%3Db%2Bc"), QUrl::StrictMode);
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    m_view->scrape(url);
    QVERIFY(finished.wait(15000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(m_view->importStatus()));
    const QString status = m_view->importStatus();
    QVERIFY2(status.startsWith(QStringLiteral("Imported ") + redactUrl(url) + QStringLiteral(" (HTTP 200, ")),
             qPrintable(status + QStringLiteral(" / ") + redactUrl(url)));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(\(HTTP 200, \d+ ms, \d+\.\d KB\)\.$)")).match(status).hasMatch(),
             qPrintable(status));
}

void TestCompose::refusesAnExporterUrlWithCredentials()
{
    FaultServer server;
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    const QString before = m_view->editor()->toPlainText();
    m_view->scrape(QUrl(QStringLiteral("http://user:s3cret@127.0.0.1:%1/metrics").arg(server.port())));
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(m_view->importStatus().contains(QLatin1String("credentials never go in a URL")),
             qPrintable(m_view->importStatus()));
    QVERIFY(!m_view->importStatus().contains(QLatin1String("s3cret")));
    QTest::qWait(100);
    QCOMPARE(server.received().size(), 0);
    QCOMPARE(m_view->editor()->toPlainText(), before);
}

void TestCompose::cancelsAHungScrape()
{
    FaultServer server;
    server.script({FaultServer::Answer::hangs()});
    QSignalSpy finished(m_view.get(), &ComposeView::importFinished);
    m_view->scrape(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(server.port())));
    QTRY_COMPARE(server.received().size(), 1);
    m_view->cancelImport();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(m_view->importStatus().contains(QLatin1String("Cancelled")), qPrintable(m_view->importStatus()));
}

void TestCompose::highlightsForThePalette()
{
    setText(QStringLiteral("temp{room=\"a\"} 21.5 1700000000000\n"));
    auto nameColour = [this] {
        const QTextBlock block = m_view->editor()->document()->firstBlock();
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.start == 0)
                return range.format.foreground().color();
        }
        return QColor();
    };
    const QColor light = nameColour();
    QVERIFY(light.isValid());
    QPalette dark = m_view->palette();
    dark.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    m_view->setPalette(dark);
    const QColor onDark = nameColour();
    QVERIFY(onDark.isValid());
    QVERIFY(onDark != light);
    QVERIFY(onDark.lightness() > 128); // a light colour on a dark base
}

void TestCompose::templateSetsTheGroupingKey()
{
    MainWindow window({});
    window.composeView()->applyTemplate(metricTemplates().constFirst());
    const GroupingKey key = window.pushView()->groupingKey();
    QCOMPARE(key.job(), QStringLiteral("db_backup"));
    QVERIFY(key.toString().contains(QLatin1String("db=\"customers\"")));
    QVERIFY(key.toString().contains(QLatin1String("instance=")));
    QVERIFY(window.editor()->toPlainText().contains(QLatin1String("db_backup_duration_seconds")));
}

QTEST_MAIN(TestCompose)
#include "tst_compose.moc"
