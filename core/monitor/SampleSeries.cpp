#include "SampleSeries.h"

#include <QHash>

namespace mpmlab {

ServerSample SampleSeries::accept(ServerSample sample)
{
    if (m_previous) {
        QHash<qint64, const ProcessSample *> before;
        before.reserve(m_previous->processes.size());
        for (const ProcessSample &p : m_previous->processes)
            before.insert(p.pid, &p);
        for (ProcessSample &p : sample.processes) {
            if (p.memoryFresh)
                continue;
            // Same pid and not fewer CPU ticks: the same process as before.
            const ProcessSample *old = before.value(p.pid);
            if (old && old->cpuTicks() <= p.cpuTicks()) {
                p.pssKb = old->pssKb;
                p.ussKb = old->ussKb;
                p.swapKb = old->swapKb;
            }
        }
    }
    if (!m_baseline)
        m_baseline = sample;
    sample.figures =
        ServerFigures::compute(sample, m_previous ? &*m_previous : nullptr, &*m_baseline);
    m_previous = sample;
    return sample;
}

} // namespace mpmlab
