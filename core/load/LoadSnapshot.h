#pragma once

#include "LatencyHistogram.h"
#include "LoadCounters.h"

#include <cstdint>

namespace mpmlab {

// What the load did during one interval (~100 ms): counter deltas and the
// latencies of the requests that ended in it. Worker threads publish one
// each interval; a consumer merges them with add() on its own timer.
struct LoadSnapshot {
    std::int64_t elapsedMicros = 0; // since the run started, at the end of the interval
    bool warmingUp = false;         // nothing is counted during the warm-up
    int openConnections = 0;        // measured connections open at the end of the interval
    int idleConnectionsOpen = 0;    // --idle-connections still open
    // The run's -c connections (not the idle ones) by state at the end of
    // the interval.
    int connecting = 0;
    int awaiting = 0; // a request sent (or being sent), no answer yet
    int thinking = 0; // pausing between a response and the next request
    // The age of the oldest measured request still unanswered at the end of
    // the interval, from its first send; 0 when none.
    std::int64_t oldestInFlightMicros = 0;
    int clientsServed = 0; // measured connections answered at least once since the start
    LoadCounters counters;
    // Of the requests that completed in the interval only: empty when none
    // did, and then no figure, never 0 (see oldestInFlightMicros instead).
    LatencyHistogram latency; // total time; from the intended send time in open loop
    LatencyHistogram connect;

    // Gauges are states at the end of the interval (connections, the oldest
    // wait, clients served so far, warming up), not deltas: one thread's
    // newest values replace its older ones, and threads' values add up.
    void addGauges(const LoadSnapshot &other)
    {
        warmingUp = warmingUp || other.warmingUp;
        openConnections += other.openConnections;
        idleConnectionsOpen += other.idleConnectionsOpen;
        connecting += other.connecting;
        awaiting += other.awaiting;
        thinking += other.thinking;
        oldestInFlightMicros = oldestInFlightMicros > other.oldestInFlightMicros
                                   ? oldestInFlightMicros
                                   : other.oldestInFlightMicros;
        clientsServed += other.clientsServed;
    }

    void clearGauges()
    {
        warmingUp = false;
        openConnections = idleConnectionsOpen = 0;
        connecting = awaiting = thinking = clientsServed = 0;
        oldestInFlightMicros = 0;
    }

    // Merges another thread's interval, or a later interval of the same
    // thread after clearGauges().
    void add(const LoadSnapshot &other)
    {
        elapsedMicros = elapsedMicros > other.elapsedMicros ? elapsedMicros : other.elapsedMicros;
        addGauges(other);
        counters += other.counters;
        latency.add(other.latency);
        connect.add(other.connect);
    }

    void clear()
    {
        elapsedMicros = 0;
        clearGauges();
        counters = {};
        latency.clear();
        connect.clear();
    }
};

} // namespace mpmlab
