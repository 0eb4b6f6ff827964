#include "net/LowLatencySockets.h"

#include <QHostAddress>
#include <QPair>
#include <QtGlobal>

#include <optional>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#endif

namespace promdesk {

#ifdef Q_OS_LINUX
namespace {

// The peer of a connected TCP socket, or nothing for any other descriptor (a file, a listening
// or unconnected socket, a Unix socket).
std::optional<QPair<QHostAddress, int>> tcpPeer(int fd)
{
    struct stat info
    {};
    if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
        return std::nullopt;
    int type = 0;
    socklen_t length = sizeof type;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM)
        return std::nullopt;
    sockaddr_storage address{};
    socklen_t addressLength = sizeof address;
    if (getpeername(fd, reinterpret_cast<sockaddr *>(&address), &addressLength) != 0)
        return std::nullopt;
    int port = 0;
    if (address.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
    else if (address.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    else
        return std::nullopt;
    return QPair<QHostAddress, int>(QHostAddress(reinterpret_cast<const sockaddr *>(&address)), port);
}

} // namespace
#endif

void disableNagleOnConnectionsTo(const QString &host, int port)
{
#ifdef Q_OS_LINUX
    const QHostAddress literal(host);
    DIR *directory = opendir("/proc/self/fd");
    if (!directory)
        return;
    const int own = dirfd(directory);
    while (const dirent *entry = readdir(directory)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || fd == own)
            continue;
        const auto peer = tcpPeer(int(fd));
        if (!peer || peer->second != port
            || (!literal.isNull() && !literal.isEqual(peer->first, QHostAddress::ConvertV4MappedToIPv4)))
            continue;
        const int on = 1;
        setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
    closedir(directory);
#else
    Q_UNUSED(host);
    Q_UNUSED(port);
#endif
}

} // namespace promdesk
