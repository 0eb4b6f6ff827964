#include "history/HistoryRecorder.h"

namespace promdesk {

std::optional<qint64> samplesWrittenHeader(const HttpResult &result)
{
    const QByteArray value = result.header("X-Prometheus-Remote-Write-Samples-Written");
    bool ok = false;
    const qint64 count = value.toLongLong(&ok);
    return ok ? std::optional<qint64>(count) : std::nullopt;
}

} // namespace promdesk
