#include "cli/CliHistory.h"

#include "history/HistoryService.h"

namespace promdesk::cli {

namespace {

struct ProcessHistory
{
    bool opened = false;
    std::unique_ptr<HistoryDatabase> database; // for reading (history list, show...)
    std::unique_ptr<HistoryService> service;   // for recording, on its own thread
    std::unique_ptr<ServiceRecorder> recorder;
    bool notePrinted = false;
};

bool disabled()
{
    return qEnvironmentVariable("PROMDESK_NO_HISTORY") == u"1";
}

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
        if (disabled())
            return nullptr;
        QString note;
        history.database = HistoryDatabase::open(HistoryDatabase::defaultPath(), &note);
        if (!note.isEmpty())
            io.err << "promdesk-cli: " << note << '\n';
    }
    return history.database.get();
}

void startCliHistory()
{
    ProcessHistory &history = processHistory();
    if (!history.service && !disabled()) {
        history.service = std::make_unique<HistoryService>(HistoryDatabase::defaultPath());
        history.recorder = std::make_unique<ServiceRecorder>(history.service.get(), true);
    }
}

void closeCliHistory()
{
    ProcessHistory &history = processHistory();
    history.recorder.reset();
    history.service.reset(); // writes what is still queued
    history.database.reset();
    history.opened = false;
}

void recordHistory(HttpClient &http, Io &io)
{
    startCliHistory();
    ProcessHistory &history = processHistory();
    if (!history.service)
        return;
    if (!history.notePrinted) {
        history.notePrinted = true;
        const QString note = history.service->flush();
        if (!note.isEmpty())
            io.err << "promdesk-cli: " << note << '\n';
    }
    http.setRecorder(history.recorder.get());
}

qint64 recordedId(qint64 ticket)
{
    ProcessHistory &history = processHistory();
    return history.service ? history.service->idOf(quint64(ticket)) : 0;
}

} // namespace promdesk::cli
