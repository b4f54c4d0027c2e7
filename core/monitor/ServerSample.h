#pragma once

#include "ProcessSample.h"
#include "ServerFigures.h"
#include "apache/ServerStatus.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <array>
#include <cstdint>
#include <optional>

namespace mpmlab {

// System CPU time from the first line of /proc/stat, in clock ticks summed
// over all CPUs.
struct SystemCpuTimes {
    qint64 user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;

    [[nodiscard]] qint64 total() const
    {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }
    [[nodiscard]] qint64 busy() const { return total() - idle - iowait; }
};

// Everything one sampler frame says about the server and this Apache
// instance at one moment. A value type: it crosses from the sampler's
// thread to consumers (CLI, GUI timer, campaign runner).
struct ServerSample {
    qint64 sequence = 0;     // the frame number the server printed, from 1
    qint64 receivedAtMs = 0; // client wall clock, ms since the epoch, for files and people
    // Client steady clock (std::chrono::steady_clock), us: the base load
    // snapshots use, so a RunClock puts both on one axis.
    std::int64_t receivedSteadyMicros = 0;
    double uptimeSeconds = 0;   // server /proc/uptime: the monotonic base for rates (10 ms steps)
    qint64 bootTimeSeconds = 0; // server btime, seconds since the epoch
    int clockTicksPerSecond = 100;
    int cpuCount = 0;
    qint64 memTotalKb = 0;
    qint64 memAvailableKb = 0;
    qint64 swapTotalKb = 0;
    qint64 swapFreeKb = 0;
    SystemCpuTimes cpu;
    std::array<double, 3> loadAverage{}; // 1, 5, 15 minutes

    std::optional<qint64> parentPid; // empty: no pid file or no such process (server stopped)
    QList<ProcessSample> processes;  // the parent first, then its children

    std::optional<ServerStatus> status; // mod_status ?auto, fetched on the server
    QString statusError;                // why `status` is empty

    ServerFigures figures; // derived by the sampler from this and earlier samples

    // Server wall clock at the sample, ms since the epoch.
    [[nodiscard]] qint64 serverTimeMs() const
    {
        return bootTimeSeconds * 1000 + qint64(uptimeSeconds * 1000.0);
    }
    [[nodiscard]] qint64 memUsedKb() const { return memTotalKb - memAvailableKb; }
    [[nodiscard]] const ProcessSample *process(qint64 pid) const;
};

} // namespace mpmlab

Q_DECLARE_METATYPE(mpmlab::ServerSample)
