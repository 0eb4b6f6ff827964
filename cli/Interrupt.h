#pragma once

#include <QObject>

class QSocketNotifier;

namespace promdesk::cli {

// How long an interrupted command waits for the answers of the requests already on the wire
// before it gives up on them: long enough for a healthy server, short enough for a person.
inline constexpr int kInterruptGraceMs = 5000;

// Ctrl+C (SIGINT) and SIGTERM while a command sends. The first asks it to stop sending and let
// the requests on the wire have their answers; the second to stop waiting for them; a third
// ends the process at once, as the signal's default would. Only while one exists: outside it
// a signal ends the process as usual. On systems without POSIX signals it does nothing.
class InterruptWatch final : public QObject
{
    Q_OBJECT

public:
    InterruptWatch();
    ~InterruptWatch() override;
    Q_DISABLE_COPY_MOVE(InterruptWatch)

    [[nodiscard]] int signalNumber() const { return m_signal; } // the first one caught; 0: none
    [[nodiscard]] int count() const { return m_count; }
    // The exit code of a command that stopped because of it: 128 + the signal, as shells do.
    [[nodiscard]] int exitCode() const { return 128 + m_signal; }

signals:
    void interrupted(int count); // 1: stop sending; 2: stop waiting

private:
    void onSignal();

    QSocketNotifier *m_notifier = nullptr;
    int m_signal = 0;
    int m_count = 0;
};

} // namespace promdesk::cli
