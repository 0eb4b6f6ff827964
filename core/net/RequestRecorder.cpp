#include "net/RequestRecorder.h"

#include <QCoreApplication>

#include <utility>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RequestRecorder)
};

} // namespace

RecordTicket RequestRecorder::record(const HttpRequest &request)
{
    return {this, started(request)};
}

RecordTicket RequestRecorder::recordAhead(const HttpRequest &request)
{
    return {this, startedAhead(request)};
}

void RequestRecorder::pointAtParent(RequestTag &tag, const RecordTicket &parent) const
{
    tag.parentId = parent.id();
}

HttpResult notSent(const QString &why)
{
    HttpResult result;
    result.category = ErrorCategory::Cancelled;
    //: the request was not sent; %1 says why
    result.errorText = Tr::tr("not sent: %1").arg(why);
    return result;
}

RecordTicket::RecordTicket(RequestRecorder *recorder, qint64 id)
    : m_recorder(recorder)
    , m_id(id)
{}

RecordTicket::~RecordTicket()
{
    if (isOpen())
        completeUnsent(m_unsentReason);
}

RecordTicket::RecordTicket(RecordTicket &&other) noexcept
    : m_recorder(std::exchange(other.m_recorder, nullptr))
    , m_id(other.m_id)
    , m_unsentReason(std::move(other.m_unsentReason))
{}

RecordTicket &RecordTicket::operator=(RecordTicket &&other) noexcept
{
    if (this != &other) {
        if (isOpen())
            completeUnsent(m_unsentReason);
        m_recorder = std::exchange(other.m_recorder, nullptr);
        m_id = other.m_id;
        m_unsentReason = std::move(other.m_unsentReason);
    }
    return *this;
}

void RecordTicket::complete(const HttpResult &result)
{
    if (RequestRecorder *recorder = std::exchange(m_recorder, nullptr))
        recorder->finished(m_id, result);
}

} // namespace promdesk
