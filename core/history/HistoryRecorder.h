#pragma once

#include "history/HistoryDatabase.h"
#include "net/HttpClient.h"

namespace promdesk {

// Records every request of an HttpClient in a HistoryDatabase, on the calling thread. For the
// CLI, whose thread has nothing else to do while it waits; the GUI records from a worker.
class DatabaseRecorder final : public RequestRecorder
{
public:
    explicit DatabaseRecorder(HistoryDatabase *database) : m_database(database) {}
    qint64 started(const HttpRequest &request) override;
    void finished(qint64 id, const HttpResult &result) override;

private:
    HistoryDatabase *m_database;
};

std::optional<qint64> samplesWrittenHeader(const HttpResult &result);

} // namespace promdesk
