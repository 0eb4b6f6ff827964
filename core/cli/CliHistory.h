#pragma once

#include "cli/Cli.h"
#include "history/HistoryDatabase.h"
#include "net/HttpClient.h"

namespace promdesk::cli {

// The request history this process records into: opened on first use at
// HistoryDatabase::defaultPath(); nullptr when PROMDESK_NO_HISTORY=1 or it cannot be opened (said
// once on stderr — a history problem never stops a push).
HistoryDatabase *cliHistory(Io &io);

// Records every request of `http` in the history.
void recordHistory(HttpClient &http, Io &io);

// Closes the history before the application object goes (its database driver needs it).
void closeCliHistory();

} // namespace promdesk::cli
