#include "ReadinessCheck.h"

#include "ApacheLog.h"

#include <QDeadlineTimer>
#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace mpmlab {

ReadinessCheck::ReadinessCheck(std::chrono::milliseconds readyTimeout,
                               std::chrono::milliseconds settleDelay,
                               std::chrono::milliseconds pollInterval)
    : m_readyTimeout(readyTimeout)
    , m_settleDelay(settleDelay)
    , m_pollInterval(pollInterval)
{
}

namespace {

constexpr std::chrono::milliseconds stopCheckSlice{50}; // ms: how late a stop request is seen

Error cancelled()
{
    return Error{Error::Kind::Cancelled, u"stopped while Apache was starting"_s, {}};
}

// Sleeps `duration`, false as soon as a stop is requested.
bool sleepUnlessStopped(std::chrono::milliseconds duration, const std::function<bool()> &stop)
{
    const QDeadlineTimer until(duration);
    while (!until.hasExpired()) {
        if (stop && stop())
            return false;
        const auto left = std::chrono::milliseconds(until.remainingTime());
        QThread::msleep(static_cast<unsigned long>(std::min(left, stopCheckSlice).count()));
    }
    return !(stop && stop());
}

} // namespace

Result<ServerStatus> ReadinessCheck::waitUntilReady(MpmKind expected, const Probes &probes) const
{
    const auto probe = [&]() -> Result<ServerStatus> {
        if (!probes.fetchStatus)
            return ServerStatus{};
        Result<ServerStatus> status = probes.fetchStatus();
        if (status && status->mpm != expected) {
            return Error{Error::Kind::StartFailed,
                         u"Apache runs %1, not %2"_s.arg(status->mpmName, mpmName(expected)),
                         {}};
        }
        return status;
    };

    // First check: the parent is up and mod_status answers with our MPM.
    const QDeadlineTimer deadline(m_readyTimeout);
    std::optional<qint64> pid;
    std::optional<qint64> seen; // a parent that was up at some poll
    Result<ServerStatus> status = Error{Error::Kind::Timeout, {}, {}};
    for (;;) {
        const Result<std::optional<qint64>> found = probes.runningPid();
        if (!found)
            return found.error();
        pid = *found;
        // The parent came up and went: it gave up (AH02325 when no child
        // could start), no point waiting for the timeout.
        if (seen && !pid) {
            return Error{Error::Kind::StartFailed,
                         u"Apache started (pid %1), then exited before it answered"_s.arg(*seen),
                         {}};
        }
        if (pid) {
            seen = pid;
            status = probe();
            if (status || status.error().kind == Error::Kind::StartFailed)
                break;
        }
        if (deadline.hasExpired()) {
            const auto ms = m_readyTimeout.count();
            return Error{
                Error::Kind::StartFailed,
                pid ? u"Apache started but mod_status did not answer within %1 ms"_s.arg(ms)
                    : u"Apache did not start: no running process after %1 ms"_s.arg(ms),
                {}};
        }
        if (!sleepUnlessStopped(m_pollInterval, probes.stopRequested))
            return cancelled();
    }
    if (!status)
        return status;

    // Second check, later: the same parent, no child failing, answering.
    probes.progress(u"Checking that Apache stays up"_s);
    if (!sleepUnlessStopped(m_settleDelay, probes.stopRequested))
        return cancelled();
    const Result<std::optional<qint64>> again = probes.runningPid();
    if (!again)
        return again.error();
    if (*again != pid) {
        return Error{Error::Kind::StartFailed,
                     u"Apache started, then died within %1 ms"_s.arg(m_settleDelay.count()),
                     {}};
    }
    if (hasSevereLogLines(probes.errorLogSinceStart())) {
        return Error{Error::Kind::StartFailed,
                     u"Apache started but reports alerts: its children are failing"_s,
                     {}};
    }
    return probe();
}

} // namespace mpmlab
