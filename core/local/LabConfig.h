#pragma once

#include "apache/MpmKind.h"

#include <QByteArray>
#include <QString>

namespace mpmlab {

// The complete httpd configuration of a local lab instance, generated from
// scratch: the lab never edits Apache's own tree. It mirrors a stock Debian
// 12 server (the same modules, the same KeepAlive and MPM defaults), so what
// the lab shows is what a fresh `apt install apache2` would do, but listens
// on loopback only and keeps every file under the lab directory.
struct LabConfig {
    QString rootDir;    // ServerRoot: conf/, htdocs/, logs/, run/ live here
    QString modulesDir; // where Debian installs mod_*.so
    quint16 port = 0;
    MpmKind mpm = MpmKind::Event;
    QString runAsUser; // set when started as root: children drop to this user
    QString runAsGroup;
    QByteArray overrides; // ManagedOverride text, read after the defaults

    [[nodiscard]] QString configPath() const;
    [[nodiscard]] QString pidFilePath() const;
    [[nodiscard]] QString errorLogPath() const;
    [[nodiscard]] QString documentRoot() const;

    [[nodiscard]] QByteArray render() const;
};

} // namespace mpmlab
