#include "cli/CliHistory.h"

#include "history/HistoryRecorder.h"

namespace promdesk::cli {

namespace {

struct ProcessHistory
{
    bool opened = false;
    std::unique_ptr<HistoryDatabase> database;
    std::unique_ptr<DatabaseRecorder> recorder;
};

ProcessHistory &processHistory()
{
    static ProcessHistory history;
    return history;
}

} // namespace

HistoryDatabase *cliHistory(Io &io)
{
    ProcessHistory &history = processHistory();
    if (!history.opened) {
        history.opened = true;
        if (qEnvironmentVariable("PROMDESK_NO_HISTORY") == u"1")
            return nullptr;
        QString note;
        history.database = HistoryDatabase::open(HistoryDatabase::defaultPath(), &note);
        if (!note.isEmpty())
            io.err << "promdesk-cli: " << note << '\n';
        if (history.database)
            history.recorder = std::make_unique<DatabaseRecorder>(history.database.get());
    }
    return history.database.get();
}

void closeCliHistory()
{
    ProcessHistory &history = processHistory();
    history.recorder.reset();
    history.database.reset();
    history.opened = false;
}

void recordHistory(HttpClient &http, Io &io)
{
    if (cliHistory(io))
        http.setRecorder(processHistory().recorder.get());
}

} // namespace promdesk::cli
