// Retry-After as seconds or an HTTP date: never a negative wait.
#include "FuzzSupport.h"
#include "remotewrite/RetryPolicy.h"

#include <QDateTime>

using namespace promdesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const std::optional<qint64> waitMs = parseRetryAfter(fuzz::bytes(data, size), now);
    if (waitMs && *waitMs < 0)
        fuzz::fail("a negative wait", QString::number(*waitMs));
    return 0;
}
