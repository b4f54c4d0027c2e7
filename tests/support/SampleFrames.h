#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Sampler frames written the way the sampler script writes them (see
// SamplerScript and FrameParser), for tests that feed a parser or replay a
// server without running the script.
namespace SampleFrames {

struct Process {
    char tag; // 'P' read this frame, 'Q' repeated from an earlier reading
    qint64 pid, ppid;
    int threads;
    qint64 utime, stime, rss;
    QByteArray pss, uss, swap; // as printed: a number, "-" or "?"
};

// Frame `seq` with `processes`, the mod_status page `status` (none: the
// fetch failed) and the parent pid (0: no server). The server's uptime and
// CPU counters advance with `seq`, `secondsPerFrame` apart.
QByteArray frame(qint64 seq, const QList<Process> &processes, const QString &status,
                 qint64 parent = 4242, double secondsPerFrame = 0.5);

} // namespace SampleFrames
