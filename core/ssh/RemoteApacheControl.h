#pragma once

#include "apache/ApacheLayout.h"
#include "apache/MpmKind.h"
#include "apache/ServerStatus.h"
#include "common/ProcessRunner.h"
#include "common/Result.h"

#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace mpmlab {

class RemoteShell;

struct RemoteApacheOptions {
    // /etc/apache2 (empty: whichever of /etc/apache2 and /etc/httpd exists)
    // or a Debian private instance /etc/apache2-NAME.
    QString configDir;
    QString clientJournalDir; // empty: RestoreJournal::defaultClientDir()
    std::chrono::milliseconds readyTimeout{20000};
    // The second readiness check comes this long after the first: a server
    // can die ~2 s after a start that returned 0 (worker under ulimit -v).
    std::chrono::milliseconds settleDelay{2000};
    std::chrono::milliseconds stopTimeout{15000};

    // Only Apache's own config directories: the path goes into commands.
    static Status validateConfigDir(const QString &configDir);
};

// The primitive steps on a remote Apache, each one command over the shell:
// is it running, mod_status through a tunnel, configtest, start with
// readiness checked twice, stop and wait, change the loaded MPM. Knows
// nothing of journals and rollbacks (RemoteApacheDriver does).
class RemoteApacheControl {
public:
    using Progress = std::function<void(const QString &)>;
    using StopCheck = std::function<bool()>;

    // `stopRequested` (may be empty) ends readiness waits early: Cancelled.
    RemoteApacheControl(RemoteShell &shell, ApacheLayout layout, RemoteApacheOptions options,
                        Progress progress, StopCheck stopRequested = {});

    [[nodiscard]] const ApacheLayout &layout() const { return m_layout; }
    // After a new detection (a change may move the MPM, the modules...).
    void setLayout(ApacheLayout layout) { m_layout = std::move(layout); }

    Result<std::optional<qint64>> runningPid();
    Result<ServerStatus> fetchStatus();
    // Syntax OK (the output kept for Apache's warnings) or ConfigRejected.
    Result<ProcessOutput> configTest();
    // Starts and waits until mod_status reports `expected`, twice, settleDelay
    // apart, with no alert in the error log in between. Without
    // `viaStatusPage` (a server with no page MPM Lab can read) the parent's
    // pid and the error log are all that is checked.
    Status startAndVerify(MpmKind expected, bool viaStatusPage = true);
    Status stopAndWait();
    // a2dismod every other MPM then a2enmod `mpm` (Debian), detached from
    // the connection so that it ends whole; or the LoadModule lines of
    // 00-mpm.conf (RHEL), replaced in one rename.
    Status enableMpm(MpmKind mpm);

    // Runs `script` as root; a non-zero exit becomes `kind` with the output.
    Result<ProcessOutput> runChecked(const QString &script, Error::Kind kind, const QString &what);

private:
    Result<qint64> errorLogSize();
    [[nodiscard]] QString errorLogSince(qint64 offset);
    [[nodiscard]] QString controlCommand(const QString &action) const;
    [[nodiscard]] Error withErrorLog(Error error, qint64 offset);

    RemoteShell &m_shell;
    ApacheLayout m_layout;
    RemoteApacheOptions m_options;
    Progress m_progress;
    StopCheck m_stopRequested;
    std::optional<qint64> m_startedPid; // the last parent startAndVerify() saw
};

} // namespace mpmlab
