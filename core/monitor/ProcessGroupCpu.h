#pragma once

#include <QtGlobal>
#include <optional>

namespace mpmlab {

// The CPU time a process group used so far, from /proc on this machine:
// utime + stime + cutime + cstime of every live member, so a long-lived
// child (the sampler's awk, whose ticks reach no parent before it ends)
// counts, and so does whatever the members forked and reaped.
class ProcessGroupCpu {
public:
    // Seconds, or empty when no live process belongs to `group`.
    static std::optional<double> seconds(qint64 group);
};

} // namespace mpmlab
