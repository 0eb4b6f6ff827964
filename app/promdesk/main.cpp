#include "AppIcon.h"
#include "BackfillView.h"
#include "ComposeView.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "OverwriteLabView.h"
#include "ProfilesPanel.h"
#include "PushView.h"
#include "UiSettings.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QPalette>
#include <QPlainTextEdit>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>
#include <memory>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(promdesk)
};

// A dark palette for checking (and showing) that every view reads on dark themes.
void useDarkPalette(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2f, 0x2f, 0x2f));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Link, QColor(0x99, 0xc1, 0xf1));
    app.setPalette(dark);
}

// A high-contrast palette, black on white as GNOME's HighContrast theme has it, for checking that
// every view takes its colours from the palette. (White on black would hide Fusion's frames and
// check boxes, which it draws a shade darker than the window.)
void useHighContrastPalette(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette contrast;
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button,
                                           QPalette::ToolTipBase, QPalette::Light, QPalette::Midlight})
        contrast.setColor(role, Qt::white);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                                           QPalette::ToolTipText, QPalette::Dark, QPalette::Shadow})
        contrast.setColor(role, Qt::black);
    contrast.setColor(QPalette::Mid, QColor(0x40, 0x40, 0x40));
    contrast.setColor(QPalette::PlaceholderText, QColor(0x40, 0x40, 0x40));
    contrast.setColor(QPalette::Highlight, QColor(0x00, 0x00, 0x80));
    contrast.setColor(QPalette::HighlightedText, Qt::white);
    contrast.setColor(QPalette::Link, QColor(0x00, 0x00, 0xcc));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        contrast.setColor(QPalette::Disabled, role, QColor(0x60, 0x60, 0x60));
    app.setPalette(contrast);
}

// Prints the wall-clock time of the first painted frame and quits: bench/gui.sh subtracts the
// time it launched the binary.
class FirstPaintReporter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Report once this paint has been drawn and flushed, when the event loop is back.
            QTimer::singleShot(0, this, [] {
                std::printf("first_paint_epoch_ms %lld\n", static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

// The command line, described once for both passes of main().
struct CommandLine
{
    QCommandLineOption selfTest{QStringLiteral("self-test"),
                                Tr::tr("Open the window, let it validate once, and exit (for CI).")};
    QCommandLineOption pushgateway{QStringLiteral("sandbox-pushgateway"),
                                   Tr::tr("Pushgateway URL of the local sandbox."), QStringLiteral("URL")};
    QCommandLineOption remoteWrite{QStringLiteral("sandbox-remote-write"),
                                   Tr::tr("Remote write URL of the local sandbox."), QStringLiteral("URL")};
    QCommandLineOption query{QStringLiteral("sandbox-query"),
                             Tr::tr("Query API of the local sandbox's Prometheus, for arrival checks."),
                             QStringLiteral("URL")};
    QCommandLineOption view{QStringLiteral("view"),
                            Tr::tr("Open this view: compose, push, groups, lab, backfill, jobs or history."),
                            QStringLiteral("NAME"), QStringLiteral("compose")};
    QCommandLineOption labSteps{QStringLiteral("run-lab-steps"),
                                Tr::tr("Reset the overwrite lab and run its first N steps (for demonstrations)."),
                                QStringLiteral("N")};
    QCommandLineOption liveJobOption{QStringLiteral("demo-live-job"),
                                     Tr::tr("Push TMP's example every 2 s as these machines, with arrival checks (for "
                                            "demonstrations)."),
                                     QStringLiteral("NAME,NAME...")};
    QCommandLineOption darkOption{QStringLiteral("dark"), Tr::tr("Use a dark palette whatever the system's.")};
    QCommandLineOption highContrastOption{
        QStringLiteral("high-contrast"), Tr::tr("Use a high-contrast palette (black on white) whatever the system's.")};
    QCommandLineOption tableOption{QStringLiteral("compose-table"),
                                   Tr::tr("Show Compose's table rather than its text.")};
    QCommandLineOption newProfileOption{QStringLiteral("new-profile"),
                                        Tr::tr("Open the profile dialog (for demonstrations).")};
    QCommandLineOption languageOption{
        QStringLiteral("lang"),
        Tr::tr("Show the console in this language: system, or one of %1 (default: the choice in View > Language, "
               "else the system's).")
            .arg(promdesk::availableLanguages().join(QStringLiteral(", "))),
        QStringLiteral("LANG")};
    QCommandLineOption firstPaintOption{QStringLiteral("report-first-paint"),
                                        Tr::tr("Print the time of the first painted frame and quit (bench/gui.sh).")};
    QCommandLineParser parser;

    CommandLine()
    {
        parser.setApplicationDescription(Tr::tr("Desktop console for pushing metrics to Prometheus backends"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("A metrics file to open in Compose."));
        parser.addOptions({selfTest, pushgateway, remoteWrite, query, view, labSteps, liveJobOption, darkOption,
                           highContrastOption, tableOption, newProfileOption, languageOption, firstPaintOption});
    }
};

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("PromDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("PromDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROMDESK_VERSION));
}

// Installs the translations for --lang, else the language saved from View > Language, else the
// system's. False, with the reason on stderr, when --lang names a language PromDesk lacks.
bool useLanguage(const QStringList &arguments)
{
    if (const std::optional<QString> refusal
        = promdesk::useRequestedLanguage(arguments, promdesk::ui::savedLanguage())) {
        std::fprintf(stderr, "promdesk: %s\n", qPrintable(*refusal));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    {
        // --help, --version and a mistyped option are answered before any window system is
        // needed: on a server, over ssh, or in a package build, with no display.
        QCoreApplication textOnly(argc, argv);
        nameApplication();
        if (!useLanguage(QCoreApplication::arguments()))
            return 2;
        CommandLine commandLine;
        commandLine.parser.process(textOnly);
    }
    QApplication app(argc, argv);
    nameApplication();
    useLanguage(QCoreApplication::arguments());
    // The desktop matches the window to its launcher entry by this id, and shows this icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(PROMDESK_APP_ID));
    QApplication::setWindowIcon(promdesk::ui::applicationIcon());
    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    parser.process(app);
    const CommandLine &options = commandLine;
    if (parser.isSet(options.darkOption))
        useDarkPalette(app);
    else if (parser.isSet(options.highContrastOption))
        useHighContrastPalette(app);

    if (parser.isSet(options.firstPaintOption))
        app.installEventFilter(new FirstPaintReporter(&app));
    promdesk::ui::MainWindow window(
        {parser.value(options.pushgateway), parser.value(options.remoteWrite), parser.value(options.query)});
    if (!parser.positionalArguments().isEmpty()) {
        // A file opens in Compose, or is planned in Backfill when that view is asked for.
        const QString path = parser.positionalArguments().constFirst();
        if (parser.value(options.view) == u"backfill")
            window.backfillView()->load(path);
        else
            window.composeView()->openDraft(path);
    }
    if (parser.isSet(options.tableOption))
        window.composeView()->findChild<QTabWidget *>(QStringLiteral("composeTabs"))->setCurrentIndex(1);
    if (parser.isSet(options.newProfileOption))
        QTimer::singleShot(200, window.profilesPanel(), &promdesk::ui::ProfilesPanel::newProfile);
    const QStringList views{QStringLiteral("compose"), QStringLiteral("push"),     QStringLiteral("groups"),
                            QStringLiteral("lab"),     QStringLiteral("backfill"), QStringLiteral("jobs"),
                            QStringLiteral("history")};
    window.views()->setCurrentIndex(std::max<qsizetype>(0, views.indexOf(parser.value(options.view))));
    window.show();
    if (const int steps = parser.value(options.labSteps).toInt(); steps > 0) {
        promdesk::ui::OverwriteLabView *lab = window.labView();
        auto remaining = std::make_shared<int>(steps);
        QObject::connect(lab, &promdesk::ui::OverwriteLabView::resetFinished, lab, [lab] { lab->runStep(); });
        QObject::connect(lab, &promdesk::ui::OverwriteLabView::stepFinished, lab, [lab, remaining](int, bool ok) {
            if (ok && --*remaining > 0)
                lab->runStep();
        });
        QTimer::singleShot(300, lab, [lab] { lab->reset(); });
    }
    if (parser.isSet(options.liveJobOption)) {
        // TMP's example: the completion time, set to now at each push, per machine.
        window.editor()->setPlainText(
            QStringLiteral("# HELP db_backup_last_completion_timestamp_seconds The timestamp of the last "
                           "successful completion of a DB backup.\n# TYPE "
                           "db_backup_last_completion_timestamp_seconds gauge\n"
                           "db_backup_last_completion_timestamp_seconds 0\n"));
        QString error;
        window.composeView()->tableModel()->setGenerators(
            {*promdesk::parseGeneratorAssignment(u"db_backup_last_completion_timestamp_seconds=now", &error)});
        promdesk::ui::PushView *push = window.pushView();
        push->setGroupingKey(QStringLiteral("db_backup"), {{QStringLiteral("db"), QStringLiteral("customers")}});
        push->setLiveChoice({false, 2.0, parser.value(options.liveJobOption).split(u','), false, true});
        QTimer::singleShot(500, push, &promdesk::ui::PushView::send);
    }
    if (parser.isSet(options.selfTest)) {
        // The window shows the installed icon and names its launcher entry; then the example is
        // validated, every view opened in turn, and the console quits.
        if (window.windowIcon().availableSizes().isEmpty()
            || QGuiApplication::desktopFileName() != QLatin1String(PROMDESK_APP_ID)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(Tr::tr("promdesk --self-test: the window has no icon or no desktop file name")));
            return 1;
        }
        int exitCode = 1;
        QObject::connect(
            &window, &promdesk::ui::MainWindow::validated, &app,
            [&] {
                if (window.problemList()->topLevelItemCount() != 0)
                    return app.quit();
                auto *next = new QTimer(&app);
                QObject::connect(next, &QTimer::timeout, &app, [&, next] {
                    const int index = window.views()->currentIndex() + 1;
                    if (index >= window.views()->count()) {
                        exitCode = 0;
                        next->stop();
                        app.quit();
                        return;
                    }
                    window.views()->setCurrentIndex(index);
                });
                window.views()->setCurrentIndex(0);
                next->start(150);
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(10000, &app, &QApplication::quit); // a hang fails the self-test, never blocks CI
        app.exec();
        return exitCode;
    }
    return app.exec();
}
