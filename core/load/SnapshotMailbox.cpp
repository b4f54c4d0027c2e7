#include "SnapshotMailbox.h"

namespace mpmlab {

void SnapshotMailbox::publish(const LoadSnapshot &interval)
{
    const std::lock_guard lock(m_mutex);
    // Gauges are states, not deltas: the newest value wins.
    m_pending.openConnections = 0;
    m_pending.idleConnectionsOpen = 0;
    m_pending.warmingUp = false;
    m_pending.add(interval);
    m_hasPending = true;
}

void SnapshotMailbox::drainInto(LoadSnapshot &into)
{
    const std::lock_guard lock(m_mutex);
    if (!m_hasPending)
        return;
    into.add(m_pending);
    m_pending.clear();
    m_hasPending = false;
}

} // namespace mpmlab
