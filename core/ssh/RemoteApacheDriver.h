#pragma once

#include "RemoteApacheConfig.h"
#include "RemoteApacheControl.h"
#include "RemoteConfigArchive.h"
#include "RestoreJournal.h"
#include "apache/ApacheLayout.h"
#include "apache/ServerDriver.h"

#include <functional>
#include <memory>
#include <optional>

namespace mpmlab {

class RemoteShell;

// The `ssh://` target: a real Apache httpd controlled through a RemoteShell
// (an SSH session as root or with sudo). Every change follows one path:
// the restore journal is written before the first change (on the server,
// next to an archive of the original config tree, and on the client), the
// tree is archived again before each change, files are replaced atomically,
// configtest runs before any restart, and a failed configtest or start puts
// the previous tree back and restarts it as it was. One owner at a time
// changes a config tree: RemoteLock, on the server.
class RemoteApacheDriver final : public ServerDriver {
public:
    // Detects the layout (Debian or RHEL, the instance, the MPM...) first.
    static Result<std::unique_ptr<RemoteApacheDriver>> open(std::unique_ptr<RemoteShell> shell,
                                                            RemoteApacheOptions options);
    ~RemoteApacheDriver() override;

    [[nodiscard]] QString targetName() const override;
    // False when opened on a shell without root (SshShell::Need::
    // LoginUserIsEnough): it can then look (state, directives, layout) but
    // every change fails with an error that says so.
    [[nodiscard]] bool canChange() const override;
    Result<ServerState> state() override;
    Result<ServerDescription> describe() override;
    Result<SamplingEndpoint> samplingEndpoint() override;
    Result<DirectiveSet> directives() override;
    Result<bool> restorePending() override;

    // As last detected: every change and state() detect again, updating
    // what the reference shows.
    [[nodiscard]] const ApacheLayout &layout() const { return m_control->layout(); }
    // The journal on the server, if a restore is owed.
    Result<std::optional<RestoreJournal>> serverJournal();

protected:
    Status doStart() override;
    Status doStop() override;
    Status doSwitchMpm(MpmKind kind) override;
    Result<QStringList> doApplyProfile(const ServerProfile &profile) override;
    Result<QStringList> doSetDirectives(const DirectiveSet &changes, const QList<MpmKind> &mpms,
                                        MpmKind configured) override;
    Status doSetMemoryLimit(std::optional<qint64> kibibytes) override;
    Result<bool> servesStatusPage() override;
    Status doAddStatusPage() override;
    Result<QStringList> doCreateTestFiles(const TestFilesSpec &spec) override;
    Status doRestore() override;
    Result<MpmKind> configuredMpm() override;
    // Managed directives that <VirtualHost> blocks set for themselves
    // ("KeepAliveTimeout 15 in <VirtualHost *:80>"): for those hosts the
    // global values, MPM Lab's included, do not apply.
    Result<QStringList> virtualHostSettings() override;
    // RemoteLock on the server, as root.
    Result<std::unique_ptr<ServerOwnership>>
    claimOwnership(const QString &purpose, std::chrono::milliseconds wait) override;

private:
    RemoteApacheDriver(std::unique_ptr<RemoteShell> shell, RemoteApacheOptions options);
    Status detect();
    // An error naming `what` when the shell has no root.
    [[nodiscard]] Status requireRoot(const QString &what) const;
    [[nodiscard]] RemoteConfigArchive archive() const;
    // The restore journal, written before the first change; first of all
    // an error naming `what` when the shell has no root. `created` says
    // whether this call wrote it.
    Result<RestoreJournal> ensureJournal(const QString &what, bool *created = nullptr);
    // The MPM the config loads as last detected (event when none).
    [[nodiscard]] MpmKind loadedMpm() const;
    [[nodiscard]] RemoteApacheConfig config() const;
    Status writeStatusPage();

    // The one path every change takes: journal, archive, `edit`, configtest,
    // restart when `restart` (or when the server runs), verified as
    // `expectedMpm`; rollback on failure. Returns Apache's warnings.
    // `undoOutsideTree` puts back what `edit` changed outside the config tree
    // (RHEL's systemd drop-in), after the tree itself.
    Result<QStringList> change(const QString &what, const std::function<Status()> &edit,
                               MpmKind expectedMpm, bool startEvenIfStopped,
                               const std::function<Status()> &undoOutsideTree = {});
    Status setSystemdMemoryLimit(std::optional<qint64> kibibytes);
    // Debian's envvars or RHEL's memory-limit file, inside the tree: an
    // edit for change().
    Status writeMemoryLimit(std::optional<qint64> kibibytes);
    // An error when `kind` would break the server (mod_php needs prefork).
    [[nodiscard]] Status checkMpmAllowed(MpmKind kind) const;

    std::unique_ptr<RemoteShell> m_shell;
    RemoteApacheOptions m_options;
    std::unique_ptr<RemoteApacheControl> m_control;
};

} // namespace mpmlab
