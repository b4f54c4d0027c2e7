#pragma once

#include "apache/Scoreboard.h"

#include <QtGlobal>
#include <array>
#include <limits>

namespace mpmlab {

// One server sample reduced to what a chart or a file shows. Values the
// sample did not carry are NaN (CPU on the first sample) or -1 (mod_status
// fields a given MPM does not print, such as event's async connections).
struct ServerPoint {
    static constexpr double none = std::numeric_limits<double>::quiet_NaN();

    double t = 0; // s since the run's start, when the sample arrived
    bool running = false;
    int processes = 0;
    int threads = 0;
    qint64 rssKb = 0;
    qint64 pssKb = 0;
    qint64 ussKb = 0;
    bool pssComplete = true; // false when some processes' smaps_rollup was unreadable
    qint64 memUsedKb = 0;    // system: MemTotal - MemAvailable
    qint64 memTotalKb = 0;
    int cores = 0;                  // the server's CPUs: systemCpuPercent x cores = % of one core
    double apacheCpuPercent = none; // % of one core
    double systemCpuPercent = none; // % of all cores
    int busyWorkers = -1;
    int idleWorkers = -1;
    int connsTotal = -1;
    int connsAsyncKeepAlive = -1;
    int connsAsyncWriting = -1;
    int connsAsyncClosing = -1;
    int slotCount = 0; // scoreboard slots (ServerLimit x ThreadLimit)
    std::array<int, Scoreboard::slotStateCount> slotStates{};

    [[nodiscard]] int slotsIn(Scoreboard::SlotState state) const
    {
        return slotStates[std::size_t(state)];
    }
};

} // namespace mpmlab
