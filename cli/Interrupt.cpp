#include "Interrupt.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace promdesk::cli {

#ifdef Q_OS_UNIX

namespace {

// The handler only writes the signal's number into a pipe (async-signal-safe); the event loop
// reads it. The third signal restores the default action and raises it again.
int g_pipe[2] = {-1, -1};
std::atomic<int> g_caught{0};
struct sigaction g_previous[2];
constexpr int kSignals[2] = {SIGINT, SIGTERM};

void onSignalCaught(int signal)
{
    if (g_caught.fetch_add(1) + 1 >= 3) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    const auto number = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t written = write(g_pipe[1], &number, 1);
}

} // namespace

InterruptWatch::InterruptWatch()
{
    if (pipe(g_pipe) != 0)
        return;
    for (const int end : g_pipe)
        fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK);
    g_caught = 0;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptWatch::onSignal);
    struct sigaction action = {};
    action.sa_handler = onSignalCaught;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 2; ++i)
        sigaction(kSignals[i], &action, &g_previous[i]);
}

InterruptWatch::~InterruptWatch()
{
    if (!m_notifier)
        return;
    for (int i = 0; i < 2; ++i)
        sigaction(kSignals[i], &g_previous[i], nullptr);
    delete m_notifier;
    close(g_pipe[0]);
    close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void InterruptWatch::onSignal()
{
    unsigned char number = 0;
    while (read(g_pipe[0], &number, 1) == 1) {
        if (m_signal == 0)
            m_signal = number;
        emit interrupted(++m_count);
    }
}

#else

InterruptWatch::InterruptWatch() = default;
InterruptWatch::~InterruptWatch() = default;
void InterruptWatch::onSignal() {}

#endif

} // namespace promdesk::cli
