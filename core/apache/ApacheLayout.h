#pragma once

#include "MpmKind.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mpmlab {

// How Apache is installed on a server, as detected over the remote shell:
// Debian/Ubuntu (/etc/apache2 or a private instance /etc/apache2-NAME, with
// a2enmod and envvars) or RHEL/Fedora (/etc/httpd, conf.modules.d/00-mpm.conf).
struct ApacheLayout {
    enum class Family { Debian, Rhel };

    Family family = Family::Debian;
    QString osName;        // PRETTY_NAME of /etc/os-release
    QString configDir;     // /etc/apache2, /etc/apache2-NAME or /etc/httpd
    QString instance;      // NAME of /etc/apache2-NAME, else empty
    QString apacheVersion; // "Apache/2.4.71 (Debian)"
    std::optional<MpmKind> configuredMpm;
    QStringList loadedModules; // as apachectl -M names them: "mpm_event_module"
    QStringList phpModules;    // enabled mod_php .load files ("php8.2"): they need prefork
    QString documentRoot;
    QList<quint16> listenPorts;
    QString pidFile;
    QString errorLog;
    bool systemd = false; // systemd manages the service
    // Whether an enabled config file has `SetHandler server-status`: with
    // status_module loaded, the sign of a status page while Apache is down.
    bool statusHandler = false;
    QString statusModuleFile; // LoadModule's file for status_module
    // MPM Lab's `ulimit -v` / LimitAS= for Apache, when one is set (KiB).
    std::optional<qint64> memoryLimitKib;

    // MPM Lab's managed override file (see ManagedOverride).
    [[nodiscard]] QString overridePath() const;
    [[nodiscard]] QString mpmConfigPath(MpmKind mpm) const; // where the stock values live
    [[nodiscard]] QString mainConfigPath() const;
    // POSIX sh lines that make apachectl, a2enmod and a2dismod act on this
    // instance (APACHE_CONFDIR), to put before them.
    [[nodiscard]] QString environmentPrefix() const;
    // Where MPM Lab keeps the memory limit: Debian's envvars; on RHEL the
    // systemd drop-in, or without systemd a file of its own in conf.d that
    // the driver's start commands read (memoryLimitStartPrefix()).
    [[nodiscard]] QString memoryLimitPath() const;
    // POSIX sh to put before a start on RHEL without systemd: `ulimit -v`
    // with the value in memoryLimitPath() when that file holds one, so the
    // limit follows the config tree (archived, rolled back, restored with
    // it). Empty for the layouts where envvars or systemd apply it.
    [[nodiscard]] QString memoryLimitStartPrefix() const;
    // The port where the driver reaches mod_status on the server's loopback.
    [[nodiscard]] quint16 statusPort() const;
    // Whether the config, as it is on disk, serves /server-status (see
    // statusHandler): what a stopped server will answer once started.
    [[nodiscard]] bool configuresStatusPage() const;

    // The shell script that prints what parse() reads, for `configDir`
    // (validated by the caller) or, when empty, whichever layout exists.
    static QString detectionScript(const QString &configDir);
    // key=value lines from detectionScript().
    static Result<ApacheLayout> parse(const QString &output, const QString &targetName);

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace mpmlab
