#pragma once

#include "ClientService.h"
#include "LatencyHistogram.h"
#include "LoadCounters.h"

#include <QJsonObject>
#include <chrono>
#include <cstdint>
#include <string>

namespace mpmlab {

// The --idle-connections that sent one request and then stayed silent.
struct IdleConnectionStats {
    int requested = 0;
    int opened = 0;               // connected
    int answered = 0;             // got their one response
    int failed = 0;               // no connection or no response before the timeout
    int closedByServer = 0;       // after answering, the server closed them during the run
    int stillOpen = 0;            // open when the run ended
    LatencyHistogram answerTime;  // connect to response, us
    LatencyHistogram closedAfter; // response to the server's close, us

    void add(const IdleConnectionStats &other);
    [[nodiscard]] QJsonObject toJson() const;
};

// Everything a finished run measured: counters of the measured period
// (after the warm-up) and the latency distributions, ab's way: connect is
// 0 for a reused connection, waiting is from the request sent to the first
// byte, processing is total minus connect, total is from the start of the
// request (its connect, if any) to the last byte; a request sent again
// after a kept-alive connection closed under it counts from its first try.
//
// The censoring rule: latency figures are over completed requests only.
// When none completed they are absent (JSON null, never 0), and beside
// them the requests still in flight and the age of the oldest say how
// long the unanswered clients waited at least.
struct LoadResult {
    std::string host;
    std::string address; // what the host resolved to
    std::uint16_t port = 0;
    std::string path;
    std::string serverSoftware;
    std::int64_t documentLength = -1; // bytes of the first complete body
    int concurrency = 0;
    int threads = 0;
    bool threadsChosen = false; // automatic (LoadRun::automaticThreads), not asked for
    bool keepAlive = false;
    std::chrono::milliseconds thinkTimeMin{0};
    std::chrono::milliseconds thinkTimeMax{0};
    double targetRate = 0;       // open loop: requests/s asked for; 0 in closed loop
    double seconds = 0;          // the measured period
    bool stopped = false;        // ended by a stop request
    bool hitMaxDuration = false; // the spec's maxDuration ended it before its requests or -t
    std::uint64_t requests = 0;  // asked for (0: a run bounded by its duration)
    std::chrono::milliseconds maxDuration{0};
    std::string firstConnectError; // the system's words for the first failed connect
    // Requests still unanswered at the end (also those sent during the
    // warm-up), and the age of the oldest, from its first send.
    int inFlightAtEnd = 0;
    std::int64_t oldestInFlightMicros = 0;
    ClientService clients;

    LoadCounters counters;
    LatencyHistogram connect;
    LatencyHistogram processing;
    LatencyHistogram waiting;
    LatencyHistogram total;
    LatencyHistogram corrected; // open loop: from the intended send time
    IdleConnectionStats idle;

    [[nodiscard]] double requestsPerSecond() const;
    [[nodiscard]] QJsonObject toJson() const;
    // A histogram as JSON: count, min, mean, sd, max and the percentiles, in
    // ms; the figures are null when the count is 0.
    [[nodiscard]] static QJsonObject histogramJson(const LatencyHistogram &histogram);
};

} // namespace mpmlab
