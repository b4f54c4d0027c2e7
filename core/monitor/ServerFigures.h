#pragma once

#include <QtGlobal>
#include <optional>

namespace mpmlab {

struct ServerSample;

// What a sample means once compared with the one before it and with the
// baseline taken before the run: the figures a chart or a report shows.
struct ServerFigures {
    int processCount = 0;
    int threadCount = 0;
    qint64 rssKb = 0; // summed: shared pages counted once per process, so it exaggerates prefork
    qint64 pssKb = 0; // summed: the honest total
    qint64 ussKb = 0; // summed: what stopping every process would free
    qint64 swapKb = 0;
    // Processes whose smaps_rollup was never readable (another user's
    // process without root): the PSS, USS and swap sums leave them out.
    int processesWithoutSmaps = 0;
    // Processes whose stat was not read for this sample (idle at their last
    // reading, re-read every other sample): their values are one sample old.
    int processesRepeated = 0;
    // Apache's CPU time over the interval, in % of one core (two busy
    // cores make 200, as `top` shows it). Empty on the first sample.
    std::optional<double> apacheCpuPercent;
    // Busy time of the whole machine over the interval, in % of all cores.
    std::optional<double> systemCpuPercent;
    qint64 memUsedKb = 0;                         // MemTotal - MemAvailable
    std::optional<qint64> memUsedSinceBaselineKb; // memUsedKb minus the baseline's

    // `previous` and `baseline` may be null. Processes present in both
    // samples count their tick delta; a process new since `previous` counts
    // all its ticks; one that ended between the two is lost (its last
    // ticks are not visible anywhere).
    static ServerFigures compute(const ServerSample &current, const ServerSample *previous,
                                 const ServerSample *baseline);
};

} // namespace mpmlab
