#include "CliHistory.h"

#include "history/HistoryService.h"

#include <QCoreApplication>

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CliHistory)
};

struct ProcessHistory
{
    bool opened = false;
    std::unique_ptr<HistoryDatabase> database; // for reading (history list, show...)
    std::unique_ptr<HistoryService> service;   // for recording, on its own thread
    std::unique_ptr<ServiceRecorder> recorder;
    bool notePrinted = false;
    bool problemPrinted = false; // a failed write is said once per run
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
        history.database = HistoryDatabase::open(HistoryDatabase::defaultPath(), &note, HistoryDatabase::Check::Pages);
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

qint64 recordedIdOf(const RecordTicket &entry)
{
    const ProcessHistory &history = processHistory();
    return entry.isOpen() && history.service ? history.service->idOf(quint64(entry.id())) : 0;
}

qint64 lastRecordedId()
{
    const ProcessHistory &history = processHistory();
    return history.recorder ? history.recorder->lastEntryId() : 0;
}

void reportHistoryProblem(const QString &problem, Io &io)
{
    ProcessHistory &history = processHistory();
    if (problem.isEmpty() || history.problemPrinted)
        return;
    history.problemPrinted = true;
    io.err << "promdesk-cli: warning: "
           << Tr::tr("the history could not record this run: %1. The requests were sent; the history does not show "
                     "them, or shows their outcome as unknown.\n")
                  .arg(problem);
}

QString takeCliHistoryProblem()
{
    ProcessHistory &history = processHistory();
    return history.service ? history.service->takeWriteProblem() : QString();
}

void closeCliHistory(Io &io)
{
    ProcessHistory &history = processHistory();
    if (history.service) {
        history.service->flush(); // what is queued is written, or fails, now
        reportHistoryProblem(history.service->takeWriteProblem(), io);
    }
    if (history.database)
        reportHistoryProblem(history.database->lastError().describe(), io);
    history.recorder.reset();
    history.service.reset(); // writes what is still queued
    history.database.reset();
    history.opened = false;
    history.notePrinted = false;
    history.problemPrinted = false;
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
        if (!note.isEmpty()) {
            io.err << "promdesk-cli: " << note << '\n';
            history.service->takeWriteProblem(); // the same note: said once
        }
    }
    http.setRecorder(history.recorder.get());
}

} // namespace promdesk::cli
