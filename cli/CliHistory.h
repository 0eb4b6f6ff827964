#pragma once

#include "Cli.h"
#include "history/HistoryDatabase.h"
#include "net/HttpClient.h"
#include "net/RequestRecorder.h"

namespace promdesk::cli {

// The request history, for the history command to read: opened on first use at
// HistoryDatabase::defaultPath(), every page of the file checked (a damaged file is moved aside
// with a note); nullptr when PROMDESK_NO_HISTORY=1 or it cannot be opened (said once on stderr).
// Requests are recorded through recordHistory() instead.
HistoryDatabase *cliHistory(Io &io);

// Starts the recording thread now, so that opening the database overlaps with reading input.
void startCliHistory();

// Records every request of `http` in the history (each entry is written before its request
// goes out).
void recordHistory(HttpClient &http, Io &io);

// The history id of the last request this process sent (0: none, or not recorded).
qint64 lastRecordedId();

// The history id of the entry `entry` stands for, while it is open (0: not recorded). The CLI's
// recorder writes an entry before record() returns, so its id is known at once.
qint64 recordedIdOf(const RecordTicket &entry);

// Says once per run, on stderr, that the history could not be written (the requests still went).
void reportHistoryProblem(const QString &problem, Io &io);

// What the history could not write since the last call ("" when all was well): a long run
// says so as it happens, and goes on.
QString takeCliHistoryProblem();

// Closes the history before the application object goes (its database driver needs it), after
// saying whether anything could not be recorded.
void closeCliHistory(Io &io);

} // namespace promdesk::cli
