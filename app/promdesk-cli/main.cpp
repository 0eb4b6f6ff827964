#include "StandardStreams.h"

#include <array>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {

// The directory this program was started from, with a trailing '/' ("" when it cannot be told).
std::string ownDirectory()
{
    std::array<char, PATH_MAX> path{};
    const ssize_t length = readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (length <= 0)
        return {};
    const std::string self(path.data(), size_t(length));
    return self.substr(0, self.rfind('/') + 1);
}

// Replaces this process with promdesk-cli-full and the same arguments: beside this program in a
// build tree, in PROMDESK_CLI_FULL_FROM_BINDIR once installed. Returns only when neither starts.
int handOver(char *argv[])
{
    const std::string directory = ownDirectory();
    if (directory.empty()) {
        // Never a path relative to the current directory: that would run whatever lies there.
        std::fprintf(stderr,
                     "promdesk-cli: cannot tell where promdesk-cli is (/proc/self/exe is not readable), "
                     "so cannot start promdesk-cli-full: it runs every command but 'validate'\n");
        return 2; // ExitUsage: the installation, not the server
    }
    const std::array<std::string, 2> candidates{directory + "promdesk-cli-full",
                                                directory + PROMDESK_CLI_FULL_FROM_BINDIR};
    // The error worth telling: the first candidate that is there but cannot be run, else the last.
    std::string failed = candidates.back();
    int failure = ENOENT;
    for (const std::string &candidate : candidates) {
        execv(candidate.c_str(), argv);
        if (errno != ENOENT && failure == ENOENT) {
            failed = candidate;
            failure = errno;
        }
    }
    std::fprintf(stderr,
                 "promdesk-cli: cannot start %s (%s): it runs every command but 'validate'; "
                 "reinstall PromDesk or build the promdesk-cli-full target\n",
                 failed.c_str(), std::strerror(failure));
    return 2; // ExitUsage: the installation, not the server
}

} // namespace

// `promdesk-cli validate` runs here, in a program that needs QtCore alone and so starts in a
// third of the time of one that also loads the network, keychain, SQL and protobuf libraries:
// the start is most of the time of validating a small file, and a fifth of a 20 MB one. Every
// other command line goes, unchanged, to promdesk-cli-full.
int main(int argc, char *argv[])
{
    if (argc >= 2 && std::strcmp(argv[1], "validate") == 0)
        return promdesk::cli::runOverStandardStreams(argc, argv, promdesk::cli::runValidateCommandLine);
    return handOver(argv);
}
