#pragma once

#include "LabConfig.h"
#include "LabJournal.h"
#include "LabSettings.h"
#include "LabStarter.h"
#include "apache/ServerDriver.h"

#include <QString>
#include <chrono>
#include <optional>

namespace mpmlab {

class ApacheProcess;

struct LabOptions {
    QString rootDir;             // empty: LocalLab::defaultRootDir()
    std::optional<quint16> port; // asked for (--port): used as is, must be free
    QString apacheBinary = QStringLiteral("/usr/sbin/apache2");
    QString modulesDir = QStringLiteral("/usr/lib/apache2/modules");
    std::chrono::milliseconds readyTimeout{15000};
    // The second readiness check comes this long after the first: a server
    // can die ~2 s after a start that returned 0 (worker under ulimit -v).
    std::chrono::milliseconds settleDelay{2000};
    std::chrono::milliseconds stopTimeout{10000};
};

// The `local` target: a private Apache httpd that MPM Lab runs from Debian's
// apache2 binary and modules under the user's own account, with its whole
// tree (config, document root, logs, pid file) in one lab directory and a
// listener on 127.0.0.1 only. No root, no ssh, and the system's Apache is
// never touched.
//
// What the user chose (port, MPM, directives, memory limit) is kept in
// lab.json, from which httpd.conf is generated. One owner at a time
// changes the lab (a lock file, run/lab.lock); the lab finds its Apache
// processes by their config path, orphans of a killed parent included;
// its port never moves unless asked (--port) or for a new lab whose
// default port is taken. Before the first change a restore journal
// (LabJournal) records the lab as it was, and restore() puts it back.
class LocalLab final : public ServerDriver {
public:
    explicit LocalLab(LabOptions options = {});
    ~LocalLab() override;

    // $MPMLAB_LAB_DIR, else XDG_DATA_HOME/mpmlab/lab; for root, which must
    // hand the document root to www-data, /var/lib/mpmlab/lab.
    static QString defaultRootDir();
    static constexpr const char *testPagePath = TestFilesSpec::pagePath;

    [[nodiscard]] QString targetName() const override;
    [[nodiscard]] bool canChange() const override { return true; }
    // Never waits for an owner; lists where lab.json, httpd.conf and the
    // running processes disagree, and who owns the lab now.
    Result<ServerState> state() override;
    Result<ServerDescription> describe() override;
    Result<SamplingEndpoint> samplingEndpoint() override;
    Result<DirectiveSet> directives() override;
    Result<bool> restorePending() override;

    // `lab set-mpm`: the user's choice of the lab's own MPM, switched as
    // switchMpm() does, but not an experiment: restore() keeps it. It is
    // journaled only while it runs, so that a kill in the middle leaves a
    // restore owed; when one is owed already, the MPM that restore() puts
    // back becomes `kind`.
    Status chooseMpm(MpmKind kind);

    [[nodiscard]] QString rootDir() const { return m_options.rootDir; }
    [[nodiscard]] QString errorLogPath() const;

protected:
    Status doStart() override;
    Status doStop() override;
    // An experiment, as on any target: restore() takes it back.
    Status doSwitchMpm(MpmKind kind) override;
    Result<QStringList> doApplyProfile(const ServerProfile &profile) override;
    Result<QStringList> doSetDirectives(const DirectiveSet &changes, const QList<MpmKind> &mpms,
                                        MpmKind configured) override;
    Status doSetMemoryLimit(std::optional<qint64> kibibytes) override;
    // The lab's config always serves /server-status (every start checks it).
    Result<bool> servesStatusPage() override { return true; }
    Status doAddStatusPage() override { return {}; }
    Result<QStringList> doCreateTestFiles(const TestFilesSpec &spec) override;
    Status doRestore() override;
    Result<MpmKind> configuredMpm() override;
    Result<std::unique_ptr<ServerOwnership>>
    claimOwnership(const QString &purpose, std::chrono::milliseconds wait) override;

private:
    using ChangeKind = LabJournal::ChangeKind;
    using Outcome = LabJournal::Outcome;

    [[nodiscard]] Status checkInstalled() const;
    [[nodiscard]] LabConfig configFor(const LabSettings &settings) const;
    [[nodiscard]] ApacheProcess processFor(const LabConfig &config) const;
    [[nodiscard]] LabStarter starter() const;
    [[nodiscard]] Result<LabSettings> loadSettings() const;
    [[nodiscard]] Status switchTo(MpmKind kind, ChangeKind how);
    // Writes `wanted`, checks it, and stops and starts the lab if it runs
    // (or `startEvenIfStopped`); rolls back to `saved`, running as before,
    // on failure. Returns configtest's warnings. The caller holds a lease.
    [[nodiscard]] Result<QStringList> changeTo(const LabSettings &saved, const LabSettings &wanted,
                                               bool startEvenIfStopped, ChangeKind how,
                                               const QString &purpose);
    [[nodiscard]] Status restoreJournaled();

    LabOptions m_options;
};

} // namespace mpmlab
