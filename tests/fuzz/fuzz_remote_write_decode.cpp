// Remote-write 1.0 and 2.0 bodies as the history decodes them: no crash on any bytes.
#include "FuzzSupport.h"
#include "remotewrite/WriteRequestCodec.h"

#include <google/protobuf/stubs/logging.h>

using namespace promdesk;

// libprotobuf logs every string field that is not UTF-8: megabytes of log per run, no finding.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const RemoteWriteVersion version = (data[0] & 1) ? RemoteWriteVersion::V2 : RemoteWriteVersion::V1;
    const DecodedWriteRequest decoded = decodeWriteRequest(fuzz::bytes(data + 1, size - 1), version);
    (void)decoded;
    return 0;
}
