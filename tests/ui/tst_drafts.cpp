// The Compose draft as a document: New, Open, Save, Save As, Open Recent, its name and a modified
// mark in the title, kept across a restart; replacing unsaved work asks; "Check for" follows the
// profile; a problem's click lands on its column. Driven as an operator drives the window.
#include "ComposeView.h"
#include "Confirm.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "ProfilesPanel.h"
#include "exposition/Templates.h"
#include "profiles/ProfileStore.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace promdesk;
using namespace promdesk::ui;

class TestDrafts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void saveAsThenSaveKeepTheFileAndTheTitle();
    void openRecentListsWhatWasOpened();
    void draftSurvivesARestart();
    void replacingUnsavedWorkAsks();
    void checkForFollowsTheProfileUnlessChosen();
    void fixLineGoesOnceNoProblemIsLeft();
    void problemClickLandsOnItsColumn();

private:
    void type(const QString &text);
    void waitValidated();
    QString file(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestDrafts::init()
{
    // A clean start each time: no draft kept, no profile, no recent files.
    QFile::remove(QDir(qEnvironmentVariable("PROMDESK_DATA_DIR")).filePath(QStringLiteral("draft.json")));
    QFile::remove(QDir(qEnvironmentVariable("PROMDESK_CONFIG_DIR")).filePath(QStringLiteral("ui.ini")));
    ProfileStore store(ProfileStore::defaultPath());
    for (const Profile &old : store.profiles())
        store.remove(old.id);
    m_window = std::make_unique<MainWindow>(SandboxEndpoints{});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDrafts::cleanup()
{
    m_window.reset();
}

void TestDrafts::type(const QString &text)
{
    m_window->editor()->setFocus();
    m_window->editor()->moveCursor(QTextCursor::End);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QTest::keyClicks(m_window->editor(), lines.at(i));
        if (i + 1 < lines.size())
            QTest::keyClick(m_window->editor(), Qt::Key_Return);
    }
}

void TestDrafts::waitValidated()
{
    QSignalSpy validated(m_window->composeView(), &ComposeView::validated);
    QVERIFY(validated.wait(5000));
}

QString TestDrafts::file(const QString &name, const QByteArray &content)
{
    QFile out(m_dir.filePath(name));
    out.open(QIODevice::WriteOnly);
    out.write(content);
    return out.fileName();
}

void TestDrafts::saveAsThenSaveKeepTheFileAndTheTitle()
{
    ComposeView *compose = m_window->composeView();
    QVERIFY(compose->newDraft());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] — PromDesk"));
    QVERIFY(!m_window->isWindowModified());
    type(QStringLiteral("backup_ok 1\n"));
    QVERIFY(m_window->isWindowModified());

    const QString path = m_dir.filePath(QStringLiteral("backup.prom"));
    QVERIFY(compose->saveAs(path));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("backup.prom[*] — PromDesk"));
    QVERIFY(!m_window->isWindowModified());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("backup_ok 1\n"));
    saved.close();

    type(QStringLiteral("backup_size_bytes 42\n"));
    QVERIFY(m_window->isWindowModified());
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier); // File ▸ Save
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("backup_ok 1\nbackup_size_bytes 42\n"));
}

void TestDrafts::openRecentListsWhatWasOpened()
{
    const QString first = file(QStringLiteral("first.prom"), "first_metric 1\n");
    const QString csv = file(QStringLiteral("temps.csv"), "timestamp,metric,host,value\n1700000000,temp,a,21.5\n");
    ComposeView *compose = m_window->composeView();
    QSignalSpy imported(compose, &ComposeView::importFinished);
    compose->openDraft(first);
    QVERIFY(imported.wait(5000));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("first.prom[*] — PromDesk"));
    QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("first_metric 1\n"));

    // A CSV is read as samples; it has no file of its own to save to: Save writes a new .prom.
    compose->openDraft(csv);
    QVERIFY(imported.wait(5000));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("temps.prom[*] — PromDesk"));
    QVERIFY(compose->filePath().isEmpty());

    auto *recent = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    emit recent->aboutToShow();
    QStringList names;
    for (QAction *action : recent->actions())
        names << action->text();
    QCOMPARE(names, (QStringList{QStringLiteral("temps.csv"), QStringLiteral("first.prom")}));
}

void TestDrafts::draftSurvivesARestart()
{
    ComposeView *compose = m_window->composeView();
    QVERIFY(compose->saveAs(m_dir.filePath(QStringLiteral("kept.prom"))));
    type(QStringLiteral("typed_after_saving 1\n"));
    const QString text = m_window->editor()->toPlainText();
    // A generator set in the table is not part of the text: it is kept beside it.
    QString error;
    compose->tableModel()->setGenerators({*parseGeneratorAssignment(u"typed_after_saving=inc:2", &error)});
    m_window->close(); // the operator quits with unsaved typing
    m_window = std::make_unique<MainWindow>(SandboxEndpoints{});
    QCOMPARE(m_window->editor()->toPlainText(), text);
    QCOMPARE(m_window->composeView()->filePath(), m_dir.filePath(QStringLiteral("kept.prom")));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("kept.prom[*] — PromDesk"));
    QVERIFY(m_window->isWindowModified());
    QTRY_COMPARE(m_window->composeView()->generators().size(), 1);
    QCOMPARE(m_window->composeView()->generators().constFirst().generator.toString(), QStringLiteral("inc:2"));
}

void TestDrafts::replacingUnsavedWorkAsks()
{
    ComposeView *compose = m_window->composeView();
    // The example shown at a first start is not the operator's work: a template replaces it at once.
    compose->applyTemplate(metricTemplates().constLast());
    QCOMPARE(m_window->editor()->toPlainText(), QString::fromUtf8(metricTemplates().constLast().text));

    type(QStringLiteral("my_work 1\n"));
    const QString work = m_window->editor()->toPlainText();
    Confirm::setNextAnswer(false);
    compose->applyTemplate(metricTemplates().constFirst());
    QCOMPARE(m_window->editor()->toPlainText(), work); // "no": nothing replaced
    QVERIFY(Confirm::lastQuestion().contains(QLatin1String("not saved")));
    Confirm::setNextAnswer(false);
    QVERIFY(!compose->newDraft());
    QCOMPARE(m_window->editor()->toPlainText(), work);
    Confirm::setNextAnswer(true);
    compose->applyTemplate(metricTemplates().constFirst());
    QCOMPARE(m_window->editor()->toPlainText(), QString::fromUtf8(metricTemplates().constFirst().text));
}

void TestDrafts::checkForFollowsTheProfileUnlessChosen()
{
    ProfileStore store(ProfileStore::defaultPath());
    QString error;
    Profile tmp = tmpProfileTemplate(QStringLiteral("tmp-gz"), QStringLiteral("http://10.0.0.8:9090"),
                                     QStringLiteral("1300000000"));
    QVERIFY(store.save(tmp, &error));
    Profile gateway;
    gateway.name = QStringLiteral("gateway");
    gateway.kind = ProfileKind::Pushgateway;
    gateway.pushgatewayUrl = QStringLiteral("http://127.0.0.1:9");
    QVERIFY(store.save(gateway, &error));
    m_window = std::make_unique<MainWindow>(SandboxEndpoints{});
    auto *target = m_window->composeView()->findChild<QComboBox *>(QStringLiteral("targetCombo"));
    ProfilesPanel *panel = m_window->profilesPanel();

    panel->select(QStringLiteral("tmp-gz"));
    QCOMPARE(ValidationTarget(target->currentData().toInt()), ValidationTarget::Tmp);
    panel->select(QStringLiteral("gateway"));
    QCOMPARE(ValidationTarget(target->currentData().toInt()), ValidationTarget::Pushgateway);

    // The operator picks "Any receiver": from then on the profile does not change it.
    target->setCurrentIndex(target->findData(int(ValidationTarget::Generic)));
    emit target->activated(target->currentIndex());
    panel->select(QStringLiteral("tmp-gz"));
    QCOMPARE(ValidationTarget(target->currentData().toInt()), ValidationTarget::Generic);
}

void TestDrafts::fixLineGoesOnceNoProblemIsLeft()
{
    ComposeView *compose = m_window->composeView();
    compose->newDraft();
    type(QStringLiteral("a Nan\n"));
    waitValidated();
    compose->applyAllFixes();
    QVERIFY2(compose->importStatus().contains(QLatin1String("1 fix(es) applied")), qPrintable(compose->importStatus()));
    waitValidated();
    QCOMPARE(m_window->problemList()->topLevelItemCount(), 0);
    QCOMPARE(compose->importStatus(), QString());
}

void TestDrafts::problemClickLandsOnItsColumn()
{
    ComposeView *compose = m_window->composeView();
    compose->newDraft();
    type(QStringLiteral("ok_metric 1\nbad_metric{host=\"a\"} 1,5\n"));
    waitValidated();
    QTreeWidget *problems = m_window->problemList();
    QVERIFY(problems->topLevelItemCount() >= 1);
    QTreeWidgetItem *item = problems->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("2"));
    problems->scrollToItem(item);
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, problems->visualItemRect(item).center());
    const QTextCursor cursor = m_window->editor()->textCursor();
    QCOMPARE(cursor.blockNumber(), 1);
    QCOMPARE(cursor.positionInBlock(), int(QStringLiteral("bad_metric{host=\"a\"} ").size())); // at "1,5"
}

QTEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
