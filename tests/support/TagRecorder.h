#pragma once

// What a history would keep of each request, for tests of what goes into it: each entry's tag
// and, once completed, how it ended. Ids are 1, 2, ... in the order entries were written.
#include "net/RequestRecorder.h"

#include <QList>
#include <QMutex>

#include <optional>

namespace promdesk::test {

class TagRecorder final : public RequestRecorder
{
public:
    struct Entry
    {
        RequestTag tag;
        std::optional<HttpResult> result;
    };
    QList<Entry> entries() const
    {
        QMutexLocker lock(&m_mutex);
        return m_entries;
    }
    QList<Entry> withOperation(const QString &operation) const
    {
        QList<Entry> found;
        for (const Entry &entry : entries()) {
            if (entry.tag.operation == operation)
                found << entry;
        }
        return found;
    }

protected:
    qint64 started(const HttpRequest &request) override
    {
        QMutexLocker lock(&m_mutex);
        m_entries.append(Entry{request.tag, std::nullopt});
        return m_entries.size();
    }
    void finished(qint64 id, const HttpResult &result) override
    {
        QMutexLocker lock(&m_mutex);
        m_entries[id - 1].result = result;
    }

private:
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
};

} // namespace promdesk::test
