// Measures what an operator feels in the console while it imports and backfills a large file:
// the longest stall of the GUI thread (an event-loop latency probe: a 5 ms timer whose late
// ticks are the stalls) and the peak memory. Used by bench/gui.sh.
//
//   promdesk-bench-gui FILE REMOTE_WRITE_URL
//   promdesk-bench-gui --jobs PUSHGATEWAY_URL   three live jobs at 10 ticks/s each for 20 s, shown
//                                               in the Jobs view (target: worst stall < 16 ms)
#include "BackfillView.h"
#include "JobsView.h"
#include "LiveJobs.h"
#include "MainWindow.h"
#include "ProfilesPanel.h"
#include "exposition/TextParser.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

// The longest time the event loop could not run a 5 ms timer, beyond those 5 ms.
class StallProbe final : public QObject
{
public:
    explicit StallProbe(QObject *parent)
        : QObject(parent)
    {
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worstNs = std::max(m_worstNs, now - m_last - kIntervalMs * 1000000LL);
            m_last = now;
        });
        m_timer.start(kIntervalMs);
    }
    [[nodiscard]] double worstMs() const { return double(m_worstNs) / 1e6; }

private:
    static constexpr int kIntervalMs = 5;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_worstNs = 0;
};

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

// Three jobs of TMP's example, each from three machines at 10 ticks/s, in the Jobs view.
int runJobs(QApplication &app, const QString &gatewayUrl)
{
    promdesk::ui::MainWindow window(promdesk::ui::SandboxEndpoints{gatewayUrl});
    window.views()->setCurrentWidget(window.jobsView());
    window.show();
    StallProbe *probe = nullptr;
    QTimer::singleShot(500, &app, [&] {
        promdesk::Profile profile;
        profile.name = QStringLiteral("bench");
        profile.pushgatewayUrl = gatewayUrl;
        for (int i = 0; i < 3; ++i) {
            promdesk::LiveJobSpec spec;
            spec.key = promdesk::GroupingKey(QStringLiteral("bench_gui_%1").arg(i));
            spec.draft = promdesk::parseText("# TYPE db_backup_last_completion_timestamp_seconds gauge\n"
                                             "db_backup_last_completion_timestamp_seconds 0\n",
                                             promdesk::ParseOptions{})
                             .metrics;
            spec.generators
                = {*promdesk::parseGeneratorAssignment(u"db_backup_last_completion_timestamp_seconds=now", nullptr)};
            spec.machines = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
            spec.intervalMs = 100;
            spec.durationMs = 20000;
            QString error;
            window.liveJobs()->start(spec, profile, promdesk::SecretResult{}, false, &error);
        }
        probe = new StallProbe(&app); // from here every stall counts
    });
    QObject::connect(window.liveJobs(), &promdesk::ui::LiveJobs::allFinished, &app, &QApplication::quit);
    QTimer::singleShot(60000, &app, &QApplication::quit);
    app.exec();
    qint64 sent = 0;
    for (const auto &job : window.liveJobs()->jobs())
        sent += job->job->stats().sent;
    std::printf("jobs 3 requests %lld worst_stall_ms %.1f\n", sent, probe ? probe->worstMs() : -1.0);
    return 0;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() == 3 && arguments.at(1) == u"--jobs")
        return runJobs(app, arguments.at(2));
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: promdesk-bench-gui FILE REMOTE_WRITE_URL\n");
        return 2;
    }
    promdesk::ui::MainWindow window({QStringLiteral("http://127.0.0.1:1"), arguments.at(2)});
    promdesk::ui::BackfillView *backfill = window.backfillView();
    window.views()->setCurrentWidget(backfill);
    window.show();

    QElapsedTimer phase;
    qint64 importMs = 0;
    double importStallMs = 0;
    int exitCode = 1;
    auto *probe = new StallProbe(&app);
    QObject::connect(backfill, &promdesk::ui::BackfillView::planned, &app, [&] {
        importMs = phase.elapsed();
        importStallMs = probe->worstMs();
        phase.restart();
        backfill->start();
    });
    QObject::connect(backfill, &promdesk::ui::BackfillView::finished, &app, [&](const promdesk::BackfillSummary &) {
        QTextStream out(stdout);
        out << "import_ms " << importMs << "\nimport_worst_stall_ms " << importStallMs << "\nbackfill_ms "
            << phase.elapsed() << "\nworst_stall_ms " << probe->worstMs() << "\npeak_rss_kb " << peakRssKb()
            << "\nprogress " << backfill->progressText() << '\n';
        exitCode = 0;
        app.quit();
    });
    QTimer::singleShot(500, &app, [&] { // the window is up; from here every stall counts
        delete probe;
        probe = new StallProbe(&app);
        phase.start();
        backfill->load(arguments.at(1));
    });
    QTimer::singleShot(600000, &app, &QApplication::quit); // bounded: a hang ends the run
    app.exec();
    return exitCode;
}
