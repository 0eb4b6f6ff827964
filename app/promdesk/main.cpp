#include "BackfillView.h"
#include "ComposeView.h"
#include "MainWindow.h"
#include "OverwriteLabView.h"
#include "ProfilesPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QPalette>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>
#include <memory>

namespace {

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PromDesk"));
    QApplication::setOrganizationName(QStringLiteral("PromDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PROMDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop console for pushing metrics to Prometheus backends"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Open the window, let it validate once, and exit (for CI)."));
    const QCommandLineOption pushgateway(QStringLiteral("sandbox-pushgateway"),
                                         QStringLiteral("Pushgateway URL of the local sandbox."), QStringLiteral("URL"));
    const QCommandLineOption remoteWrite(QStringLiteral("sandbox-remote-write"),
                                         QStringLiteral("Remote write URL of the local sandbox."), QStringLiteral("URL"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A metrics file to open in Compose."));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Open this view: compose, push, groups, lab, backfill or history."),
                                  QStringLiteral("NAME"), QStringLiteral("compose"));
    const QCommandLineOption labSteps(QStringLiteral("run-lab-steps"),
                                      QStringLiteral("Reset the overwrite lab and run its first N steps (for demonstrations)."),
                                      QStringLiteral("N"));
    const QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Use a dark palette whatever the system's."));
    const QCommandLineOption tableOption(QStringLiteral("compose-table"), QStringLiteral("Show Compose's table rather than its text."));
    const QCommandLineOption newProfileOption(QStringLiteral("new-profile"),
                                              QStringLiteral("Open the profile dialog (for demonstrations)."));
    const QCommandLineOption firstPaintOption(QStringLiteral("report-first-paint"),
                                              QStringLiteral("Print the time of the first painted frame and quit (bench/gui.sh)."));
    parser.addOptions({selfTest, pushgateway, remoteWrite, view, labSteps, darkOption, tableOption, newProfileOption, firstPaintOption});
    parser.process(app);
    if (parser.isSet(darkOption))
        useDarkPalette(app);

    if (parser.isSet(firstPaintOption))
        app.installEventFilter(new FirstPaintReporter(&app));
    promdesk::ui::MainWindow window({parser.value(pushgateway), parser.value(remoteWrite)});
    if (!parser.positionalArguments().isEmpty()) {
        // A file opens in Compose, or is planned in Backfill when that view is asked for.
        const QString path = parser.positionalArguments().constFirst();
        if (parser.value(view) == u"backfill")
            window.backfillView()->load(path);
        else
            window.composeView()->importFile(path);
    }
    if (parser.isSet(tableOption))
        window.composeView()->findChild<QTabWidget *>(QStringLiteral("composeTabs"))->setCurrentIndex(1);
    if (parser.isSet(newProfileOption))
        QTimer::singleShot(200, window.profilesPanel(), &promdesk::ui::ProfilesPanel::newProfile);
    const QStringList views{QStringLiteral("compose"), QStringLiteral("push"), QStringLiteral("groups"), QStringLiteral("lab"),
                            QStringLiteral("backfill"), QStringLiteral("history")};
    window.views()->setCurrentIndex(std::max<qsizetype>(0, views.indexOf(parser.value(view))));
    window.show();
    if (const int steps = parser.value(labSteps).toInt(); steps > 0) {
        promdesk::ui::OverwriteLabView *lab = window.labView();
        auto remaining = std::make_shared<int>(steps);
        QObject::connect(lab, &promdesk::ui::OverwriteLabView::resetFinished, lab, [lab] { lab->runStep(); });
        QObject::connect(lab, &promdesk::ui::OverwriteLabView::stepFinished, lab, [lab, remaining](int, bool ok) {
            if (ok && --*remaining > 0)
                lab->runStep();
        });
        QTimer::singleShot(300, lab, [lab] { lab->reset(); });
    }
    if (parser.isSet(selfTest)) {
        // Validates the example, then opens every view in turn and quits.
        int exitCode = 1;
        QObject::connect(&window, &promdesk::ui::MainWindow::validated, &app, [&] {
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
        }, Qt::SingleShotConnection);
        QTimer::singleShot(10000, &app, &QApplication::quit); // a hang fails the self-test, never blocks CI
        app.exec();
        return exitCode;
    }
    return app.exec();
}
