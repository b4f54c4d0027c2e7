#pragma once

#include "MpmKind.h"
#include "ServerStatus.h"
#include "common/Result.h"

#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace mpmlab {

// Whether a server that was just started is really up, for every driver.
// `apache2 -k start` returning 0 proves little: the parent can die seconds
// later, or live on while its children fail (worker under `ulimit -v` logs
// AH03142 every 2 s and answers now and then). So the check runs twice:
// first until the parent exists and mod_status answers with the expected
// MPM, then again after a settle delay, when the same parent must still
// run, answer, and have logged nothing at alert level or worse.
class ReadinessCheck {
public:
    // How a driver looks at its server, locally or over SSH.
    struct Probes {
        // The parent httpd pid, none when no server runs; an error when it
        // cannot be known (a lost connection).
        std::function<Result<std::optional<qint64>>()> runningPid;
        // Empty for a server without a status page MPM Lab can read (only
        // when putting back such an original): then the pid, its survival
        // and the error log are all the check has.
        std::function<Result<ServerStatus>()> fetchStatus;
        // error_log lines written since the start began.
        std::function<QString()> errorLogSinceStart;
        std::function<void(const QString &step)> progress;
        // True once the caller wants to give up (the user pressed Stop):
        // the check ends within a poll interval with a Cancelled error.
        std::function<bool()> stopRequested;
    };

    ReadinessCheck(std::chrono::milliseconds readyTimeout, std::chrono::milliseconds settleDelay,
                   std::chrono::milliseconds pollInterval);

    // The second mod_status page, or StartFailed (without the log lines:
    // the caller adds them).
    [[nodiscard]] Result<ServerStatus> waitUntilReady(MpmKind expected, const Probes &probes) const;

private:
    std::chrono::milliseconds m_readyTimeout;
    std::chrono::milliseconds m_settleDelay;
    std::chrono::milliseconds m_pollInterval;
};

} // namespace mpmlab
