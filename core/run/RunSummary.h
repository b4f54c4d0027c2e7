#pragma once

#include "ServerPoint.h"
#include "load/LoadCounters.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace mpmlab {

struct LoadResult;

// What one run (one MPM, one repeat) measured, in a few numbers: the load's
// result and the server's peaks over the load's span. Latencies exist only
// when requests completed (never 0 for "nothing answered"); memory figures
// only when they could be read. These are the figures a campaign compares
// and a verdict quotes, with the moments of the server's worst state.
struct RunSummary {
    // The load (after the warm-up).
    double seconds = 0;
    double requestsPerSecond = 0;
    LoadCounters counters;
    std::uint64_t attempted = 0; // completed + failed to connect
    std::optional<double> p50Ms;
    std::optional<double> p90Ms;
    std::optional<double> p99Ms;
    std::optional<double> maxMs;
    std::optional<double> connectP99Ms;
    int inFlightAtEnd = 0;
    double oldestInFlightMs = 0;
    int clients = 0;
    int clientsNeverServed = 0;
    std::uint64_t medianResponsesPerClient = 0;

    // The server during the load.
    int samples = 0;
    std::optional<qint64> peakPssKib; // empty when PSS was unreadable
    std::optional<qint64> peakRssKib;
    std::optional<qint64> peakUssKib;
    double peakPssT = 0; // s on the run's clock
    double peakRssT = 0;
    int peakProcesses = 0;
    int peakThreads = 0;
    std::optional<double> serverCpuSeconds; // Apache's CPU time over the load
    std::optional<double> peakSystemCpuPercent;
    int slotCount = 0;
    int peakBusySlots = 0; // scoreboard slots neither waiting nor open
    double peakBusyT = 0;
    int peakKeepAliveSlots = 0; // 'K': a process or thread held by an idle connection
    double peakKeepAliveT = 0;
    std::optional<int> peakAsyncKeepAlive; // event's ConnsAsyncKeepAlive
    double peakAsyncKeepAliveT = 0;

    // This machine's cost of measuring (it shares the cores with a local lab).
    std::optional<double> clientCpuSeconds;
    std::optional<double> samplerCpuSeconds;

    [[nodiscard]] std::uint64_t failed() const { return counters.failed(); }
    [[nodiscard]] double failureRatio() const;
    // The longest any request waited: the slowest completed one, or the
    // oldest still waiting at the end, whichever is longer.
    [[nodiscard]] double longestWaitMs() const;

    // The figures verdicts compare, by name (see metricNames()).
    [[nodiscard]] std::optional<double> metric(QStringView name) const;
    [[nodiscard]] static QStringList metricNames();

    // From a finished load, the server points of the run and the load's
    // span on the run's clock.
    static RunSummary compute(const LoadResult &load, const std::vector<ServerPoint> &server,
                              double loadStartT, double loadEndT);
};

} // namespace mpmlab
