#pragma once

#include "net/HttpTypes.h"

#include <optional>

namespace promdesk {

// The remote-write 2.0 "samples written" count of an answer, when the receiver sent one.
std::optional<qint64> samplesWrittenHeader(const HttpResult &result);

} // namespace promdesk
