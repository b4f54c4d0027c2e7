#pragma once

#include "load/LoadCounters.h"

#include <cmath>
#include <limits>

namespace mpmlab {

// What the load did in one interval of a run (~100 ms), reduced to the
// figures a chart or a file shows: no histogram. Latency fields are over
// the requests that completed in the interval and NaN when none did: a
// request that never completed is never shown as fast. `longestWaitMs` is
// the age of the oldest request still unanswered at the end of the
// interval: what a starved client is suffering right now.
struct LoadPoint {
    static constexpr double none = std::numeric_limits<double>::quiet_NaN();

    double t = 0;        // s since the run's start, at the end of the interval
    double interval = 0; // s
    bool warmingUp = false;
    double requestsPerSecond = 0; // completed requests (any status) per second
    double p50Ms = none;
    double p90Ms = none;
    double p99Ms = none;
    double maxMs = none;
    double longestWaitMs = 0;
    LoadCounters counters; // the interval's deltas: completions, failures by class
    int connecting = 0;    // measured connections, at the end of the interval
    int awaiting = 0;
    int thinking = 0;
    int openConnections = 0;
    int idleConnectionsOpen = 0;
    int clientsNeverServed = 0; // measured connections without a response so far
};

} // namespace mpmlab
