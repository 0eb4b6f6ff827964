// Grouping keys from URL paths (plain, %-encoded and @base64 parts): a key read from a path
// writes a path that reads back as the same key.
#include "FuzzSupport.h"
#include "pushgateway/GroupingKey.h"

using namespace promdesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = QString::fromUtf8(fuzz::bytes(data, size));
    const std::optional<GroupingKey> key = GroupingKey::fromPath(path);
    if (!key || !key->validate().isEmpty())
        return 0;
    const QString written = key->path();
    QString error;
    const std::optional<GroupingKey> again = GroupingKey::fromPath(written, &error);
    if (!again || !(*again == *key))
        fuzz::fail("a grouping key does not survive its own path",
                   path + QStringLiteral(" -> ") + written + u' ' + error);
    return 0;
}
