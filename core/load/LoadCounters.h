#pragma once

#include <array>
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
//                last chunk), or, without -l, its length differs from the
//                first response's, as ab counts it;
//  - exceptions: the server broke HTTP (garbage instead of a status line,
//                headers beyond the limit, malformed chunked encoding, an
//                invalid Content-Length);
//  - notRetried: a non-idempotent request (POST, PATCH...) on a kept-alive
//                connection that the server closed before any byte of the
//                answer: it cannot be sent again safely (RFC 9112 9.3.1).
// `keepAliveClosed` is no failure: the server ended a kept-alive connection
// (FIN, or a reset met on send or before any byte of the next response), as
// event does when busy. An idempotent request that met the close was sent
// again once on a new connection, as ab and browsers do; a close seen while
// the connection waited for its next request, or that came with a complete
// response the server had not marked `Connection: close`, is counted too,
// so the count does not depend on which side of the race the close fell.
// Timeouts and resets of failed requests are counted again on their own,
// across classes.
struct LoadCounters {
    std::uint64_t completed = 0; // requests that got an answer or failed after connecting
    std::uint64_t failedConnect = 0;
    std::uint64_t failedReceive = 0;
    std::uint64_t failedLength = 0;
    std::uint64_t failedExceptions = 0;
    std::uint64_t failedNotRetried = 0;
    std::uint64_t keepAliveClosed = 0; // not failed
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

    LoadCounters &operator+=(const LoadCounters &other);
    // The change since `earlier` (a snapshot's delta).
    [[nodiscard]] LoadCounters since(const LoadCounters &earlier) const;
};

// Every counter once, with the names it goes by outside: a new counter is
// one line here, and addition, deltas, JSON and CSV follow.
struct LoadCounterField {
    std::uint64_t LoadCounters::*member;
    const char *jsonKey;   // in LoadResult's "counters" object
    const char *csvColumn; // in the time series
};

inline constexpr std::array<LoadCounterField, 14> loadCounterFields{{
    {&LoadCounters::completed, "complete", "requests"},
    {&LoadCounters::failedConnect, "failedConnect", "failed_connect"},
    {&LoadCounters::failedReceive, "failedReceive", "failed_receive"},
    {&LoadCounters::failedLength, "failedLength", "failed_length"},
    {&LoadCounters::failedExceptions, "failedExceptions", "failed_exceptions"},
    {&LoadCounters::failedNotRetried, "failedNotRetried", "failed_not_retried"},
    {&LoadCounters::keepAliveClosed, "keepAliveClosed", "keepalive_closed"},
    {&LoadCounters::non2xx, "non2xx", "non2xx"},
    {&LoadCounters::timeouts, "timeouts", "timeouts"},
    {&LoadCounters::resets, "resets", "resets"},
    {&LoadCounters::keepAliveRequests, "keepAliveRequests", "keepalive_requests"},
    {&LoadCounters::connectionsOpened, "connectionsOpened", "connections_opened"},
    {&LoadCounters::bytesReceived, "bytesReceived", "bytes"},
    {&LoadCounters::bodyBytes, "bodyBytes", "body_bytes"},
}};
static_assert(sizeof(LoadCounters) == loadCounterFields.size() * sizeof(std::uint64_t),
              "every LoadCounters field needs its row in loadCounterFields");

inline LoadCounters &LoadCounters::operator+=(const LoadCounters &other)
{
    for (const LoadCounterField &field : loadCounterFields)
        this->*field.member += other.*field.member;
    return *this;
}

inline LoadCounters LoadCounters::since(const LoadCounters &earlier) const
{
    LoadCounters delta;
    for (const LoadCounterField &field : loadCounterFields)
        delta.*field.member = this->*field.member - earlier.*field.member;
    return delta;
}

} // namespace mpmlab
