#pragma once

#include "Cli.h"

namespace promdesk::cli {

// Sets up the application (name, version) and the process's standard streams — made safe for a
// terminal when they are one — and runs `command` with the whole argument list
// ("promdesk-cli COMMAND ..."). Returns its exit code once the streams are flushed.
int runOverStandardStreams(int argc, char *argv[], int (*command)(const QStringList &, Io &));

// The whole command line of `promdesk-cli validate ...`, without the command table: what the
// light promdesk-cli runs in its own process.
int runValidateCommandLine(const QStringList &arguments, Io &io);

} // namespace promdesk::cli
