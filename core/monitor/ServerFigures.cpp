#include "ServerFigures.h"

#include "ServerSample.h"

#include <QHash>

namespace mpmlab {

ServerFigures ServerFigures::compute(const ServerSample &current, const ServerSample *previous,
                                     const ServerSample *baseline)
{
    ServerFigures figures;
    figures.processCount = int(current.processes.size());
    for (const ProcessSample &p : current.processes) {
        figures.threadCount += p.threads;
        figures.rssKb += p.rssKb;
        if (p.pssKb)
            figures.pssKb += *p.pssKb;
        if (p.ussKb)
            figures.ussKb += *p.ussKb;
        if (p.swapKb)
            figures.swapKb += *p.swapKb;
        if (!p.pssKb)
            ++figures.processesWithoutSmaps;
        if (!p.statFresh)
            ++figures.processesRepeated;
    }
    figures.memUsedKb = current.memUsedKb();
    if (baseline)
        figures.memUsedSinceBaselineKb = figures.memUsedKb - baseline->memUsedKb();

    if (!previous)
        return figures;
    const double elapsedSeconds = current.uptimeSeconds - previous->uptimeSeconds;
    if (elapsedSeconds > 0 && current.clockTicksPerSecond > 0) {
        QHash<qint64, qint64> ticksBefore;
        ticksBefore.reserve(previous->processes.size());
        for (const ProcessSample &p : previous->processes)
            ticksBefore.insert(p.pid, p.cpuTicks());
        qint64 ticks = 0;
        for (const ProcessSample &p : current.processes) {
            const auto before = ticksBefore.constFind(p.pid);
            // A smaller count means the pid was reused by a new process.
            const qint64 delta =
                before == ticksBefore.cend() ? p.cpuTicks() : p.cpuTicks() - *before;
            ticks += delta >= 0 ? delta : p.cpuTicks();
        }
        figures.apacheCpuPercent =
            100.0 * double(ticks) / double(current.clockTicksPerSecond) / elapsedSeconds;
    }
    const qint64 totalDelta = current.cpu.total() - previous->cpu.total();
    if (totalDelta > 0) {
        const qint64 busyDelta = current.cpu.busy() - previous->cpu.busy();
        figures.systemCpuPercent = 100.0 * double(qMax<qint64>(busyDelta, 0)) / double(totalDelta);
    }
    return figures;
}

} // namespace mpmlab
