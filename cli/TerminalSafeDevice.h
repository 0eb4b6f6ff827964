#pragma once

#include <QIODevice>

namespace promdesk::cli {

// What the CLI writes to a terminal goes through this: any control character that could move
// the cursor, change the title or rewrite the screen (ESC, BEL, C1 controls…) is written as
// \xNN or \u00NN instead, whatever printed it. Line feeds, tabs and carriage returns (the
// progress line) pass. Text written to a file or a pipe does not go through it: it stays
// byte for byte.
class TerminalSafeDevice final : public QIODevice
{
public:
    explicit TerminalSafeDevice(QIODevice *terminal);
    ~TerminalSafeDevice() override;
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QIODevice *m_terminal;
    bool m_pendingC2 = false; // a 0xC2 lead byte whose next byte decides whether it starts a C1 control
};

// True when `fd` is a terminal (never on systems where that cannot be told).
bool isTerminal(int fd);

} // namespace promdesk::cli
