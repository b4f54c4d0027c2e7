#pragma once

#include <QtGlobal>
#include <optional>

namespace mpmlab {

// One process of the Apache instance at one sample, from /proc/PID/stat and
// /proc/PID/smaps_rollup on the server.
struct ProcessSample {
    qint64 pid = 0;
    qint64 ppid = 0;
    int threads = 0;
    qint64 userTicks = 0;   // utime, in clock ticks (ServerSample::clockTicksPerSecond)
    qint64 systemTicks = 0; // stime, in clock ticks
    qint64 rssKb = 0;       // resident set, shared pages included
    // From smaps_rollup. Empty when it could not be read (another user's
    // process without root). smaps_rollup costs ~100 us per process, so the
    // sampler reads it for a rotating subset each frame and carries the
    // last value forward: `memoryFresh` says whether it was read this frame.
    std::optional<qint64> pssKb; // proportional set: shared pages divided among sharers
    std::optional<qint64> ussKb; // unique set: Private_Clean + Private_Dirty (+ hugetlb)
    std::optional<qint64> swapKb;
    bool memoryFresh = false;
    // Whether /proc/PID/stat was read for this sample. The sampler reads a
    // process whose stat did not change at its last reading (an idle one)
    // every other frame only; in between it repeats the values of that
    // reading. A process that starts working shows at most a frame late,
    // with all its CPU ticks.
    bool statFresh = true;

    [[nodiscard]] qint64 cpuTicks() const { return userTicks + systemTicks; }
};

} // namespace mpmlab
