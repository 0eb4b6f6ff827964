#pragma once

namespace promdesk {

// Turns Nagle's algorithm off (TCP_NODELAY) on this process's open TCP sockets.
//
// QNetworkAccessManager writes a request body in 16 KiB pieces and leaves Nagle on. When the
// last piece is short, the kernel holds it until the receiver acknowledges the previous one,
// and the receiver delays that acknowledgement by up to 40 ms because it is still waiting for
// the rest of the body: every request over 16 KiB on a keep-alive connection paid 40 ms (a
// backfill of 500 requests took 22 s instead of 1 s). Qt offers no way to reach its sockets, so
// PromDesk sets the option on every TCP socket it owns; it only changes latency, never content.
// Linux only; elsewhere it does nothing.
void disableNagleOnOpenTcpSockets();

} // namespace promdesk
