#pragma once

#include "DirectiveScope.h"
#include "DirectiveSet.h"
#include "MpmKind.h"
#include "SamplingEndpoint.h"
#include "ServerDescription.h"
#include "ServerLease.h"
#include "ServerProfile.h"
#include "ServerState.h"
#include "TestFilesSpec.h"
#include "common/Result.h"

#include <QList>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <utility>

namespace mpmlab {

// One Apache httpd under test and the means to control it. The local lab
// and the SSH driver implement it; campaigns and front ends only see this.
//
// Every call blocks until the server is in the asked state (or the call
// failed and the previous state was put back), so callers run drivers on a
// worker thread, never on the GUI thread. A driver is used from one thread
// at a time. A stop token set with setStopToken() ends the waits for a
// server to come up (readiness checks) within ~100 ms with a Cancelled
// error, so that a user's Stop takes effect at once; a stop already sent
// to Apache is still waited for, and restore() should follow.
//
// One owner at a time changes a server: every call that changes or starts
// it (start, stop, switchMpm, applyProfile, setDirectives, setMemoryLimit,
// ensureStatusPage when it adds a page, createTestFiles, restore) holds a
// lease for its own duration unless this driver holds one already, and
// fails with Busy, naming the owner, when another driver (in this process
// or another) holds it. Work made of several calls that nobody may come
// between (a campaign, a command's steps) takes a lease() for all of them.
// Reading (state, directives, restorePending...) never waits for an owner.
class ServerDriver {
public:
    virtual ~ServerDriver() = default;

    // "local" or "ssh://user@host:port".
    [[nodiscard]] virtual QString targetName() const = 0;

    // Whether this driver may change its server: a login without root (and
    // no sudo) may only look. The change methods then fail, saying why.
    [[nodiscard]] virtual bool canChange() const = 0;

    // Running or not, and which MPM the config loads and the server runs.
    virtual Result<ServerState> state() = 0;

    // What a front end shows: the state, the layout, the modules, whether
    // mod_status is readable, a restore owed, and every managed directive
    // that applies to the configured MPM with its source, the value Apache
    // uses and its virtual hosts. Reads only (configtest included).
    virtual Result<ServerDescription> describe() = 0;

    // Where a sampler finds this server (pid file, mod_status port), as it
    // is configured now.
    virtual Result<SamplingEndpoint> samplingEndpoint() = 0;

    // The values Apache uses for the directives MPM Lab manages, as the
    // config sets them (what no file sets is absent: compiled defaults).
    virtual Result<DirectiveSet> directives() = 0;

    // Whether changes are waiting for restore(), also after a crash.
    virtual Result<bool> restorePending() = 0;

    // The changes. Each holds a lease for its own duration (see above),
    // runs the checks every driver shares, then the driver's own step.

    // Starts the server (a no-op when it runs) and waits until it answers,
    // twice, some time apart: a start can succeed and the server die later.
    Status start();

    // Stops the server (a no-op when stopped) and waits for its pid to vanish.
    Status stop();

    // Leaves the server running `kind`: a full stop and start (a graceful
    // restart cannot change MPM), the running MPM verified. On failure the
    // previous configuration is restored and restarted if it was running.
    Status switchMpm(MpmKind kind);

    // Leaves the server running `profile`: its MPM, exactly its managed
    // directives (values MPM Lab set before are dropped) and its memory
    // limit, checked with configtest, in one full stop and start, verified
    // as switchMpm() does. Returns Apache's warnings (values it lowers,
    // inconsistencies). On failure the previous configuration is restored
    // and restarted if it was running; the error carries Apache's lines.
    Result<QStringList> applyProfile(const ServerProfile &profile);

    // Applies validated `changes` (for the configured MPM, or in `scope`),
    // checks the config and, when the server runs, stops and starts it
    // (ServerLimit and ThreadLimit changes need that). Returns the warnings
    // to show the user: inconsistencies, values a <VirtualHost> keeps for
    // itself, and the lines where Apache says it lowered a value. On
    // failure the previous config is back, running as before.
    Result<QStringList> setDirectives(const DirectiveSet &changes,
                                      DirectiveScope scope = DirectiveScope::ConfiguredMpm);

    // A virtual-memory limit (ulimit -v, KiB) for every Apache process, or
    // none; applied with a full restart when the server runs. Kept until
    // changed or restore().
    Status setMemoryLimit(std::optional<qint64> kibibytes);
    static constexpr qint64 minMemoryLimitKib = 16 * 1024;            // below this nothing starts
    static constexpr qint64 maxMemoryLimitKib = 1024LL * 1024 * 1024; // 1 TiB
    // An error naming the range when `kibibytes` is outside it.
    [[nodiscard]] static Status checkMemoryLimit(std::optional<qint64> kibibytes);

    // Makes sure mod_status answers /server-status?auto on the server's
    // loopback, as the sampler needs. When it does not, MPM Lab's own page
    // (local access only) goes into the config through the same backed-up
    // path as every change, and restore() takes it away. True when the
    // config changed. A lease only when it changes something.
    Result<bool> ensureStatusPage();

    // Writes test.html and large.bin into the DocumentRoot; returns their
    // URL paths ("/test.html", "/large.bin").
    Result<QStringList> createTestFiles(const TestFilesSpec &spec);

    // Puts back what the server was before MPM Lab's first change: files
    // byte for byte, the MPM, running or not; removes the test files.
    Status restore();

    // Makes this driver the owner of its server for `purpose` ("campaign
    // keep-alive") until the lease goes. When another owner holds it:
    // Busy naming that owner (purpose, pid, command, since when), at once
    // or after `wait`; Cancelled when the stop token stops the wait. While
    // this driver owns the server, further leases share that ownership.
    // A lease must go before its driver, on the driver's thread.
    Result<ServerLease> lease(const QString &purpose,
                              std::chrono::milliseconds wait = std::chrono::milliseconds(0));
    // Whether this driver owns its server now.
    [[nodiscard]] bool ownsServer() const { return !m_ownership.expired(); }

    // Receives one short line per step of long work ("Stopping prefork..."),
    // on the driver's thread.
    using ProgressHandler = std::function<void(const QString &step)>;
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

    // Waits for readiness end early once `token` is stopped (an empty token
    // never stops). Reset it before restore(), which must run to the end.
    void setStopToken(std::stop_token token) { m_stopToken = std::move(token); }

protected:
    // The driver's own steps, called with the lease held and the shared
    // checks passed (valid values, directives that apply to the MPM, a
    // memory limit in range).
    virtual Status doStart() = 0;
    virtual Status doStop() = 0;
    virtual Status doSwitchMpm(MpmKind kind) = 0;
    // Returns Apache's own warnings (configtest, start).
    virtual Result<QStringList> doApplyProfile(const ServerProfile &profile) = 0;
    // `changes` go into the sections of `mpms` (their per-MPM directives)
    // and the global part; `configured` is the MPM the config loads.
    // Returns Apache's own warnings.
    virtual Result<QStringList> doSetDirectives(const DirectiveSet &changes,
                                                const QList<MpmKind> &mpms, MpmKind configured) = 0;
    virtual Status doSetMemoryLimit(std::optional<qint64> kibibytes) = 0;
    // Whether mod_status answers (running) or would answer (stopped) now.
    virtual Result<bool> servesStatusPage() = 0;
    virtual Status doAddStatusPage() = 0;
    virtual Result<QStringList> doCreateTestFiles(const TestFilesSpec &spec) = 0;
    virtual Status doRestore() = 0;
    // The MPM the config on disk loads (what the next start runs).
    virtual Result<MpmKind> configuredMpm() = 0;
    // Managed directives that <VirtualHost> blocks set for themselves, as
    // "KeepAliveTimeout 15 in <VirtualHost *:80>"; none by default.
    virtual Result<QStringList> virtualHostSettings() { return QStringList{}; }

    // The driver's own means of exclusion (a lock file, a lock held on the
    // server), taken for `purpose` as lease() describes.
    virtual Result<std::unique_ptr<ServerOwnership>>
    claimOwnership(const QString &purpose, std::chrono::milliseconds wait) = 0;

    // The warnings of a change of `names` under `mpm`, made: what the config
    // now makes Apache adjust, the <VirtualHost> blocks that keep their own
    // value of one of `names`, then Apache's own `apache` lines that are not
    // already among them.
    [[nodiscard]] QStringList warningsAfter(const QStringList &names, MpmKind mpm,
                                            const QStringList &apache);
    [[nodiscard]] bool stopRequested() const { return m_stopToken.stop_requested(); }
    [[nodiscard]] const std::stop_token &stopToken() const { return m_stopToken; }

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
    std::stop_token m_stopToken;
    std::weak_ptr<ServerOwnership> m_ownership;
};

} // namespace mpmlab
