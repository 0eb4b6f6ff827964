#include "live/LiveJobEntry.h"

#include "exposition/TextWriter.h"

namespace promdesk {

namespace {

// What the entry shows: the request the job repeats, with the draft as text (the ticks carry the
// generated values, in the job's format), for the first machine.
HttpRequest jobEntryRequest(const LiveJobSpec &spec, const PushgatewayClient *gateway, const RemoteWriteClient *writer)
{
    const QByteArray draft = writeText(spec.draft);
    if (gateway) {
        PushOptions asText = spec.push;
        asText.format = BodyFormat::Text;
        asText.gzip = false;
        return gateway->pushRequest(machineKey(spec, spec.machines.value(0)), draft, asText);
    }
    HttpRequest request = writer->request({}, writer->nextVersion());
    request.headers
        = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8")}};
    request.body = draft;
    return request;
}

} // namespace

LiveJobEntry LiveJobEntry::open(RequestRecorder *recorder, const LiveJobSpec &spec, PushgatewayClient *gateway,
                                RemoteWriteClient *writer, const RequestTag &tag)
{
    LiveJobEntry entry;
    RequestTag tickTag = tag;
    if (recorder) {
        HttpRequest request = jobEntryRequest(spec, gateway, writer);
        request.tag = tag;
        request.tag.operation = QStringLiteral("job");
        request.tag.target = gateway ? QStringLiteral("pushgateway") : QStringLiteral("remote-write");
        if (gateway)
            request.tag.groupingKey = machineKey(spec, spec.machines.value(0)).toString();
        entry.m_ticket = recorder->record(request);
        recorder->pointAtParent(tickTag, entry.m_ticket);
    }
    if (gateway)
        gateway->setTag(tickTag);
    else if (writer)
        writer->setTag(tickTag);
    return entry;
}

void LiveJobEntry::complete(const LiveJob &job, ErrorCategory outcome)
{
    const LiveJobStats &s = job.stats();
    HttpResult overall;
    overall.category = outcome;
    overall.status = s.lastStatus;
    overall.errorText = countersLine(describeEnd(job), s);
    m_ticket.complete(overall);
}

ErrorCategory jobOutcome(const LiveJob &job)
{
    if (job.endReason() == LiveJob::EndReason::Refused)
        return ErrorCategory::Rejected;
    return job.stats().failed > 0 ? ErrorCategory::Other : ErrorCategory::None;
}

} // namespace promdesk
