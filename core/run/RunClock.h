#pragma once

#include <QtGlobal>
#include <cstdint>

namespace mpmlab {

// One time base for everything a run records. Load snapshots and server
// samples are stamped with the steady clock (std::chrono::steady_clock, in
// microseconds: the base LoadWorker and the sampler already use); the run
// clock turns such a stamp into seconds since the run's start, so a load
// interval and a server sample line up on one axis to the millisecond. The
// wall-clock anchor says when the run started, for files and reports.
class RunClock {
public:
    // Starts now.
    RunClock();
    // Starts at `steadyMicros`, wall time `wallMs` (for tests and replays).
    RunClock(std::int64_t steadyMicros, qint64 wallMs);

    [[nodiscard]] static std::int64_t steadyMicrosNow();

    [[nodiscard]] std::int64_t startSteadyMicros() const { return m_startSteadyMicros; }
    [[nodiscard]] qint64 startWallMs() const { return m_startWallMs; } // ms since the epoch
    // Seconds from the start to a steady-clock stamp (negative before it).
    [[nodiscard]] double secondsAt(std::int64_t steadyMicros) const;
    [[nodiscard]] double elapsedSeconds() const { return secondsAt(steadyMicrosNow()); }

private:
    std::int64_t m_startSteadyMicros;
    qint64 m_startWallMs;
};

} // namespace mpmlab
