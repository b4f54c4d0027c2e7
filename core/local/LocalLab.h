#pragma once

#include "LabConfig.h"
#include "LabSettings.h"
#include "apache/ServerDriver.h"

#include <QString>
#include <chrono>
#include <optional>

namespace mpmlab {

class ApacheProcess;
struct ServerStatus;

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
class LocalLab final : public ServerDriver {
public:
    explicit LocalLab(LabOptions options = {});
    ~LocalLab() override;

    // $MPMLAB_LAB_DIR, else XDG_DATA_HOME/mpmlab/lab; for root, which must
    // hand the document root to www-data, /var/lib/mpmlab/lab.
    static QString defaultRootDir();
    static constexpr const char *testPagePath = TestFilesSpec::pagePath;

    [[nodiscard]] QString targetName() const override;
    Result<ServerState> state() override;
    Status start() override;
    Status stop() override;
    Status switchMpm(MpmKind kind) override;
    Result<QStringList> applyProfile(const ServerProfile &profile) override;
    Result<SamplingEndpoint> samplingEndpoint() override;
    Result<DirectiveSet> directives() override;
    Result<QStringList> setDirectives(const DirectiveSet &changes) override;
    Status setMemoryLimit(std::optional<qint64> kibibytes) override;
    // The lab's config always serves /server-status (every start checks it).
    Result<bool> ensureStatusPage() override { return false; }
    Result<QStringList> createTestFiles(const TestFilesSpec &spec) override;
    Status restore() override;
    Result<bool> restorePending() override;

    [[nodiscard]] QString rootDir() const { return m_options.rootDir; }
    [[nodiscard]] QString errorLogPath() const;

private:
    [[nodiscard]] Status checkInstalled() const;
    [[nodiscard]] LabConfig configFor(const LabSettings &settings) const;
    [[nodiscard]] ApacheProcess processFor(const LabConfig &config) const;
    [[nodiscard]] Result<quint16> choosePort(const LabSettings &saved) const;
    [[nodiscard]] Status startWith(const LabSettings &settings);
    // Writes `wanted`, checks it, and stops and starts the lab if it runs
    // (or `startEvenIfStopped`); rolls back to `saved`, running as before,
    // on failure. Returns configtest's warnings.
    [[nodiscard]] Result<QStringList> changeTo(const LabSettings &saved, const LabSettings &wanted,
                                               bool startEvenIfStopped);
    [[nodiscard]] Result<ServerStatus> fetchStatus(quint16 port,
                                                   std::chrono::milliseconds timeout) const;
    [[nodiscard]] QString errorLogSince(qint64 offset) const;
    // `error` with the error_log lines written since `offset` appended.
    [[nodiscard]] Error withErrorLog(Error error, qint64 offset) const;

    LabOptions m_options;
};

} // namespace mpmlab
