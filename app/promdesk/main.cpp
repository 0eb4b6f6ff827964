#include "BackfillView.h"
#include "MainWindow.h"
#include "OverwriteLabView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QPlainTextEdit>
#include <QTimer>

#include <memory>
#include <QTabWidget>
#include <QTreeWidget>

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
    parser.addOptions({selfTest, pushgateway, remoteWrite, view, labSteps});
    parser.process(app);

    promdesk::ui::MainWindow window({parser.value(pushgateway), parser.value(remoteWrite)});
    if (!parser.positionalArguments().isEmpty()) {
        // A file opens in Compose, or is planned in Backfill when that view is asked for.
        const QString path = parser.positionalArguments().constFirst();
        QFile file(path);
        if (parser.value(view) == u"backfill")
            window.backfillView()->load(path);
        else if (file.open(QIODevice::ReadOnly))
            window.editor()->setPlainText(QString::fromUtf8(file.readAll()));
    }
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
        int exitCode = 1;
        QObject::connect(&window, &promdesk::ui::MainWindow::validated, &app, [&] {
            exitCode = window.problemList()->topLevelItemCount() == 0 ? 0 : 1;
            app.quit();
        });
        QTimer::singleShot(10000, &app, &QApplication::quit); // a hang fails the self-test, never blocks CI
        app.exec();
        return exitCode;
    }
    return app.exec();
}
