#pragma once

#include "FakeHttpServer.h"
#include "apache/ServerDriver.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <mutex>
#include <optional>

// A server driver that plays a server instead of driving Apache: it keeps
// the state a driver would (MPM, running, what was applied), answers HTTP
// itself on a real loopback socket (a FakeHttpServer serving a 1 KiB page,
// keep-alive), and follows a script for what real servers will not do on
// demand: an MPM that fails to start with Apache's lines, an apply that
// hangs until the user stops it. For fast tests of the campaign runner.
class ScriptedDriver final : public mpmlab::ServerDriver {
public:
    ScriptedDriver();
    ~ScriptedDriver() override;

    // The script.
    void failApply(mpmlab::MpmKind mpm, mpmlab::Error error);
    // applyProfile for `mpm` waits for the stop token (up to 30 s), then
    // fails with Cancelled as a readiness check does.
    void hangApply(mpmlab::MpmKind mpm);
    // lease() fails with `error`, as when another process owns the server.
    void refuseLease(mpmlab::Error error) { m_leaseRefusal = std::move(error); }
    void setRunning(bool running) { m_running = running; }
    void setConfiguredMpm(mpmlab::MpmKind mpm) { m_configured = mpm; }

    // What the runner did, in order ("lease campaign small", "applyProfile
    // prefork", "restore", "release"...); a change made while the driver did
    // not own the server is marked " (not owned)".
    [[nodiscard]] QStringList calls() const;
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] mpmlab::MpmKind mpm() const { return m_configured; }
    [[nodiscard]] bool hasChanges() const { return m_changed; }
    [[nodiscard]] quint16 port() const { return m_http.port(); }

    [[nodiscard]] QString targetName() const override;
    [[nodiscard]] bool canChange() const override { return true; }
    mpmlab::Result<mpmlab::ServerState> state() override;
    mpmlab::Result<mpmlab::ServerDescription> describe() override;
    mpmlab::Result<mpmlab::SamplingEndpoint> samplingEndpoint() override;
    mpmlab::Result<mpmlab::DirectiveSet> directives() override;
    mpmlab::Result<bool> restorePending() override { return m_changed; }

protected:
    mpmlab::Status doStart() override;
    mpmlab::Status doStop() override;
    mpmlab::Status doSwitchMpm(mpmlab::MpmKind kind) override;
    mpmlab::Result<QStringList> doApplyProfile(const mpmlab::ServerProfile &profile) override;
    mpmlab::Result<QStringList> doSetDirectives(const mpmlab::DirectiveSet &changes,
                                                const QList<mpmlab::MpmKind> &mpms,
                                                mpmlab::MpmKind configured) override;
    mpmlab::Status doSetMemoryLimit(std::optional<qint64> kibibytes) override;
    mpmlab::Result<bool> servesStatusPage() override { return true; }
    mpmlab::Status doAddStatusPage() override { return {}; }
    mpmlab::Result<QStringList> doCreateTestFiles(const mpmlab::TestFilesSpec &spec) override;
    mpmlab::Status doRestore() override;
    mpmlab::Result<mpmlab::MpmKind> configuredMpm() override { return m_configured; }
    mpmlab::Result<std::unique_ptr<mpmlab::ServerOwnership>>
    claimOwnership(const QString &purpose, std::chrono::milliseconds wait) override;

private:
    class Ownership;

    void record(const QString &call);

    FakeHttpServer m_http;
    QMap<mpmlab::MpmKind, mpmlab::Error> m_failures;
    QList<mpmlab::MpmKind> m_hangs;
    mpmlab::MpmKind m_configured = mpmlab::MpmKind::Event;
    mpmlab::DirectiveSet m_directives;
    bool m_running = true;
    bool m_changed = false;
    std::optional<mpmlab::Error> m_leaseRefusal;
    mutable std::mutex m_mutex;
    QStringList m_calls;
};
