#include "SnapshotMailbox.h"

namespace mpmlab {

void SnapshotMailbox::publish(const LoadSnapshot &interval)
{
    const std::lock_guard lock(m_mutex);
    // Gauges are states, not deltas: the newest value wins.
    m_pending.clearGauges();
    m_pending.add(interval);
    m_gauges.clearGauges();
    m_gauges.addGauges(interval);
    m_hasPending = true;
}

void SnapshotMailbox::drainInto(LoadSnapshot &into)
{
    const std::lock_guard lock(m_mutex);
    if (!m_hasPending) {
        // Nothing new from this thread since the last drain (a consumer
        // faster than the 100 ms period, or a late thread): its connections
        // still exist, so its last gauges count, without a new interval.
        into.addGauges(m_gauges);
        return;
    }
    into.add(m_pending);
    m_pending.clear();
    m_hasPending = false;
}

} // namespace mpmlab
