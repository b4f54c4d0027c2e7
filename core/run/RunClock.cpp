#include "RunClock.h"

#include <QDateTime>
#include <chrono>

namespace mpmlab {

RunClock::RunClock()
    : RunClock(steadyMicrosNow(), QDateTime::currentMSecsSinceEpoch())
{
}

RunClock::RunClock(std::int64_t steadyMicros, qint64 wallMs)
    : m_startSteadyMicros(steadyMicros)
    , m_startWallMs(wallMs)
{
}

std::int64_t RunClock::steadyMicrosNow()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double RunClock::secondsAt(std::int64_t steadyMicros) const
{
    return double(steadyMicros - m_startSteadyMicros) / 1e6;
}

} // namespace mpmlab
