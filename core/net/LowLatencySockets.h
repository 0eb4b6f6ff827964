#pragma once

#include <QString>

namespace promdesk {

// Turns Nagle's algorithm off (TCP_NODELAY) on this process's TCP connections to `port` of
// `host` (its address when `host` is an IP address; any address for a name): the connections Qt
// opened for a request there.
//
// QNetworkAccessManager writes a request body in 16 KiB pieces and leaves Nagle on. When the
// last piece is short, the kernel holds it until the receiver acknowledges the previous one,
// and the receiver delays that acknowledgement by up to 40 ms because it is still waiting for
// the rest of the body: with Nagle on, every request over 16 KiB on a keep-alive connection waits
// that long (docs/performance.md). Qt offers no way to reach its sockets, so PromDesk finds them
// by their peer. Listening sockets, accepted ones (their peer port is the
// other side's) and connections elsewhere keep their options. Linux only; elsewhere it does
// nothing.
void disableNagleOnConnectionsTo(const QString &host, int port);

} // namespace promdesk
