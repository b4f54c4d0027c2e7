#pragma once

#include <QByteArray>

namespace mpmlab {

// The program that runs on the server and prints one frame per interval
// (FrameParser reads them). It is POSIX sh plus awk (mawk, gawk or busybox
// awk), so it runs on any Linux server. One awk runs for the whole session
// and writes the frames; when bash is there the loop feeding it runs under
// bash and forks nothing (builtin pause, /dev/tcp for mod_status).
//
// Arguments ($1...): pid file, interval in ms, mod_status host, port and
// path, smaps_rollup reads per frame, fetcher (auto|curl|wget|bash|none).
// Frame lines: V version; T uptime btime; K clock-ticks page-kB cpus;
// M MemTotal MemAvailable SwapTotal SwapFree (kB); C user nice system idle
// iowait irq softirq steal (ticks); L load averages; H parent pid or "-";
// P pid ppid threads utime stime rss-kB pss uss swap (kB, "-" unreadable,
// "?" not read this frame); Q the same fields for a process whose stat was
// not read this frame: the values of its last reading, which found them
// unchanged (such a process is read every other frame); S one mod_status
// line; E status <why none>.
class SamplerScript {
public:
    // The sampler itself.
    static QByteArray text();
    // A few lines of sh that run the sampler (passed as $0) under bash when
    // the server has it and $1 is not "sh", else under sh, with $2... as
    // its arguments.
    static QByteArray launcher();
};

} // namespace mpmlab
