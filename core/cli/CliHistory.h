#pragma once

#include "cli/Cli.h"
#include "history/HistoryDatabase.h"
#include "net/HttpClient.h"

namespace promdesk::cli {

// The request history this process records into: opened on first use at
// HistoryDatabase::defaultPath(); nullptr when PROMDESK_NO_HISTORY=1 or it cannot be opened (said
// once on stderr — a history problem never stops a push).
HistoryDatabase *cliHistory(Io &io);

// Starts the recording thread now, so that opening the database overlaps with reading input.
void startCliHistory();

// Records every request of `http` in the history (each entry is written before its request
// goes out).
void recordHistory(HttpClient &http, Io &io);

// The database id of a request recorded through recordHistory (its HttpCall's record id).
qint64 recordedId(qint64 ticket);

// Closes the history before the application object goes (its database driver needs it).
void closeCliHistory();

} // namespace promdesk::cli
