#pragma once

#include "LoadSnapshot.h"

#include <mutex>

namespace mpmlab {

// The handoff between one worker thread and the consumer. The worker adds
// its interval into the pending snapshot (one lock per ~100 ms, no
// allocation); the consumer takes what accumulated whenever its timer
// fires, so a slow consumer loses nothing and memory stays bounded.
class SnapshotMailbox {
public:
    void publish(const LoadSnapshot &interval);
    // Adds what is pending into `into` and empties the mailbox; with nothing
    // pending, only the thread's last gauges (connections by state...).
    void drainInto(LoadSnapshot &into);

private:
    std::mutex m_mutex;
    LoadSnapshot m_pending;
    LoadSnapshot m_gauges; // the gauges of the newest interval published
    bool m_hasPending = false;
};

} // namespace mpmlab
