#include "net/LowLatencySockets.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#endif

namespace promdesk {

void disableNagleOnOpenTcpSockets()
{
#ifdef Q_OS_LINUX
    DIR *directory = opendir("/proc/self/fd");
    if (!directory)
        return;
    const int own = dirfd(directory);
    while (const dirent *entry = readdir(directory)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || fd == own)
            continue;
        struct stat info{};
        if (fstat(int(fd), &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        int type = 0;
        socklen_t length = sizeof type;
        if (getsockopt(int(fd), SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM)
            continue;
        sockaddr_storage address{};
        socklen_t addressLength = sizeof address;
        if (getsockname(int(fd), reinterpret_cast<sockaddr *>(&address), &addressLength) != 0
            || (address.ss_family != AF_INET && address.ss_family != AF_INET6))
            continue;
        const int on = 1;
        setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
    closedir(directory);
#endif
}

} // namespace promdesk
