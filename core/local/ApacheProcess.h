#pragma once

#include "common/ProcessRunner.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <chrono>
#include <optional>

namespace mpmlab {

// One httpd instance on this machine, named by its binary, config file and
// pid file: runs `apache2 -t` and `-k start`, and finds, signals and waits
// for its processes. Knows nothing of what the config says.
class ApacheProcess {
public:
    // A process that runs this instance's config.
    struct Member {
        qint64 pid = 0;
        qint64 parentPid = 0;
        qint64 groupId = 0; // httpd's parent leads its own group (setsid)
        [[nodiscard]] bool isGroupLeader() const { return pid == groupId; }
    };

    ApacheProcess(QString binary, QString serverRoot, QString configPath, QString pidFilePath);

    // `apache2 -t`: Syntax OK (exit 0, output kept for warnings) or ConfigRejected.
    [[nodiscard]] Result<ProcessOutput> configTest() const;

    // `apache2 -k start`: returns once the parent has daemonised. A zero exit
    // does not mean the server is up: check readiness afterwards. With a
    // limit, httpd and every child it forks run under `ulimit -v` (KiB).
    [[nodiscard]] Status start(std::optional<qint64> memoryLimitKib = std::nullopt) const;

    // The parent httpd pid, when the pid file names a live process that runs
    // this instance's config (a stale pid file or a reused pid gives nothing).
    [[nodiscard]] std::optional<qint64> runningPid() const;

    // SIGTERM to the parent (httpd's "stop"), then waits for it to vanish.
    // Past the timeout the whole process group gets SIGKILL.
    [[nodiscard]] Status stopAndWait(std::chrono::milliseconds timeout) const;
    // The same for a parent seen earlier that may be exiting on its own: its
    // pid file is gone at once, yet it holds the port until it is gone.
    [[nodiscard]] Status stopAndWait(std::chrono::milliseconds timeout,
                                     std::optional<qint64> seenPid) const;

    // Every process running this instance's config (`-f CONFIG` on its
    // command line), found in /proc whatever the pid file says: the
    // parent, its children, parents started without a pid file and the
    // children a killed parent left behind, still holding its port.
    [[nodiscard]] QList<Member> members() const;
    // Stops every member: each parent (group leader) with SIGTERM, its
    // group with SIGKILL after `timeout`; then SIGKILL to what is left
    // (children of a killed parent). StopFailed if any survives.
    [[nodiscard]] Status stopAll(std::chrono::milliseconds timeout) const;
    // When `pid` started (from /proc), if it runs.
    [[nodiscard]] static std::optional<QDateTime> startTime(qint64 pid);

    [[nodiscard]] static bool isAlive(qint64 pid);
    // SIGKILL to what is left of the process group `leader` led.
    static void killGroupRemains(qint64 leader);

private:
    [[nodiscard]] QStringList baseArguments() const;
    [[nodiscard]] bool runsOurConfig(qint64 pid) const;

    QString m_binary;
    QString m_serverRoot;
    QString m_configPath;
    QString m_pidFilePath;
};

} // namespace mpmlab
