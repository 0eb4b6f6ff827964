#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QPlainTextEdit>
#include <QTimer>
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
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Open this view: compose, push, groups or history."),
                                  QStringLiteral("NAME"), QStringLiteral("compose"));
    parser.addOptions({selfTest, pushgateway, remoteWrite, view});
    parser.process(app);

    promdesk::ui::MainWindow window({parser.value(pushgateway), parser.value(remoteWrite)});
    if (!parser.positionalArguments().isEmpty()) {
        QFile file(parser.positionalArguments().constFirst());
        if (file.open(QIODevice::ReadOnly))
            window.editor()->setPlainText(QString::fromUtf8(file.readAll()));
    }
    const QStringList views{QStringLiteral("compose"), QStringLiteral("push"), QStringLiteral("groups"), QStringLiteral("history")};
    window.views()->setCurrentIndex(std::max<qsizetype>(0, views.indexOf(parser.value(view))));
    window.show();
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
