#pragma once

#include "MpmKind.h"
#include "ServerState.h"
#include "common/Result.h"

#include <functional>
#include <utility>

namespace mpmlab {

// One Apache httpd under test and the means to control it. The local lab
// and the SSH driver implement it; campaigns and front ends only see this.
//
// Every call blocks until the server is in the asked state (or the call
// failed and the previous state was put back), so callers run drivers on a
// worker thread, never on the GUI thread. A driver is used from one thread
// at a time.
class ServerDriver {
public:
    virtual ~ServerDriver() = default;

    // "local" or "ssh://user@host:port".
    [[nodiscard]] virtual QString targetName() const = 0;

    // Running or not, and which MPM the config loads and the server runs.
    virtual Result<ServerState> state() = 0;

    // Starts the server (a no-op when it runs) and waits until it answers,
    // twice, some time apart: a start can succeed and the server die later.
    virtual Status start() = 0;

    // Stops the server (a no-op when stopped) and waits for its pid to vanish.
    virtual Status stop() = 0;

    // Leaves the server running `kind`: a full stop and start (a graceful
    // restart cannot change MPM), the running MPM verified. On failure the
    // previous configuration is restored and restarted if it was running.
    virtual Status switchMpm(MpmKind kind) = 0;

    // Receives one short line per step of long work ("Stopping prefork..."),
    // on the driver's thread.
    using ProgressHandler = std::function<void(const QString &step)>;
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

protected:
    void reportProgress(const QString &step) const
    {
        if (m_progress)
            m_progress(step);
    }

    ServerDriver() = default;
    ServerDriver(const ServerDriver &) = default;
    ServerDriver &operator=(const ServerDriver &) = default;

private:
    ProgressHandler m_progress;
};

} // namespace mpmlab
