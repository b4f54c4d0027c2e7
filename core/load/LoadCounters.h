#pragma once

#include <cstdint>

namespace mpmlab {

// What a load run counts, in ab's classes. Each worker thread owns its
// own copy (one writer); copies add up.
//
// Failure classes (a failed request is in exactly one):
//  - connect:    no connection (refused, unreachable, no local port, or the
//                timeout expired while connecting);
//  - receive:    the connection broke or went silent after the request was
//                sent (reset, send error, timeout waiting for the response);
//  - length:     the body ended early (close before Content-Length or the
//                last chunk, a keep-alive connection closed before any byte
//                of the next response), or, without -l, its length differs
//                from the first response's, as ab counts it;
//  - exceptions: the server broke HTTP (garbage instead of a status line,
//                headers beyond the limit, malformed chunked encoding, an
//                invalid Content-Length);
//  - notRetried: a non-idempotent request (POST) on a kept-alive connection
//                that the server closed before answering: it cannot be sent
//                again safely.
// `keepAliveClosed` is no failure: the server ended an idle kept-alive
// connection (as event does when busy) and the idempotent request that met
// the close was sent again once on a new connection, as ab and browsers do.
// Timeouts and resets are counted again on their own, across classes.
struct LoadCounters {
    std::uint64_t completed = 0; // requests that got an answer or failed after connecting
    std::uint64_t failedConnect = 0;
    std::uint64_t failedReceive = 0;
    std::uint64_t failedLength = 0;
    std::uint64_t failedExceptions = 0;
    std::uint64_t failedNotRetried = 0;
    std::uint64_t keepAliveClosed = 0; // retried, not failed
    std::uint64_t non2xx = 0;          // complete responses whose status is not 2xx
    std::uint64_t timeouts = 0;
    std::uint64_t resets = 0;
    std::uint64_t keepAliveRequests =
        0; // responses that kept the connection open (-k), as ab counts
    std::uint64_t connectionsOpened = 0;
    std::uint64_t bytesReceived = 0; // everything read, headers included
    std::uint64_t bodyBytes = 0;     // decoded entity bodies

    [[nodiscard]] std::uint64_t failed() const
    {
        return failedConnect + failedReceive + failedLength + failedExceptions + failedNotRetried;
    }

    LoadCounters &operator+=(const LoadCounters &other)
    {
        completed += other.completed;
        failedConnect += other.failedConnect;
        failedReceive += other.failedReceive;
        failedLength += other.failedLength;
        failedExceptions += other.failedExceptions;
        failedNotRetried += other.failedNotRetried;
        keepAliveClosed += other.keepAliveClosed;
        non2xx += other.non2xx;
        timeouts += other.timeouts;
        resets += other.resets;
        keepAliveRequests += other.keepAliveRequests;
        connectionsOpened += other.connectionsOpened;
        bytesReceived += other.bytesReceived;
        bodyBytes += other.bodyBytes;
        return *this;
    }

    // The change since `earlier` (a snapshot's delta).
    [[nodiscard]] LoadCounters since(const LoadCounters &earlier) const
    {
        LoadCounters delta;
        delta.completed = completed - earlier.completed;
        delta.failedConnect = failedConnect - earlier.failedConnect;
        delta.failedReceive = failedReceive - earlier.failedReceive;
        delta.failedLength = failedLength - earlier.failedLength;
        delta.failedExceptions = failedExceptions - earlier.failedExceptions;
        delta.failedNotRetried = failedNotRetried - earlier.failedNotRetried;
        delta.keepAliveClosed = keepAliveClosed - earlier.keepAliveClosed;
        delta.non2xx = non2xx - earlier.non2xx;
        delta.timeouts = timeouts - earlier.timeouts;
        delta.resets = resets - earlier.resets;
        delta.keepAliveRequests = keepAliveRequests - earlier.keepAliveRequests;
        delta.connectionsOpened = connectionsOpened - earlier.connectionsOpened;
        delta.bytesReceived = bytesReceived - earlier.bytesReceived;
        delta.bodyBytes = bodyBytes - earlier.bodyBytes;
        return delta;
    }
};

} // namespace mpmlab
