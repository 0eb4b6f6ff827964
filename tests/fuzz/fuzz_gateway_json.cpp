// The Pushgateway's /api/v1/metrics JSON: no crash on any bytes.
#include "FuzzSupport.h"
#include "pushgateway/GatewayGroups.h"

using namespace promdesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QString error;
    const std::optional<GatewayGroups> groups = parseGatewayGroups(fuzz::bytes(data, size), &error);
    if (!groups && error.isEmpty())
        fuzz::fail("refused without a reason");
    return 0;
}
