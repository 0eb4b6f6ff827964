#include "TerminalSafeDevice.h"

#include <QFileDevice>

#ifdef Q_OS_UNIX
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace promdesk::cli {

TerminalSafeDevice::TerminalSafeDevice(QIODevice *terminal)
    : m_terminal(terminal)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalSafeDevice::~TerminalSafeDevice()
{
    if (m_pendingC2)
        m_terminal->write("\xC2", 1);
}

qint64 TerminalSafeDevice::writeData(const char *data, qint64 size)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(size + 16);
    for (qint64 i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (m_pendingC2) {
            m_pendingC2 = false;
            if (byte >= 0x80 && byte <= 0x9F) { // U+0080–U+009F: C1 controls, CSI among them
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
                continue;
            }
            out += '\xC2';
        }
        if (byte == 0xC2) {
            m_pendingC2 = true;
        } else if ((byte < 0x20 && byte != '\n' && byte != '\t' && byte != '\r') || byte == 0x7F) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += char(byte);
        }
    }
    const qint64 written = m_terminal->write(out);
    // Through to the terminal now: what a command prints must not wait behind what it prints
    // later on the other stream (a QFile of stdout keeps a buffer of its own).
    if (auto *file = qobject_cast<QFileDevice *>(m_terminal))
        file->flush();
    return written < 0 ? -1 : size;
}

bool isTerminal(int fd)
{
#ifdef Q_OS_UNIX
    return isatty(fd) == 1;
#elif defined(Q_OS_WIN)
    return _isatty(fd) != 0;
#else
    Q_UNUSED(fd);
    return false;
#endif
}

} // namespace promdesk::cli
