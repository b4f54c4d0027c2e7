#pragma once

#include "LabSettings.h"
#include "apache/MpmKind.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace mpmlab {

// The complete httpd configuration of a local lab instance, generated from
// scratch: the lab never edits Apache's own tree. It mirrors a stock Debian
// 12 server (the same modules, the same KeepAlive and MPM defaults), so what
// the lab shows is what a fresh `apt install apache2` would do, but listens
// on loopback only and keeps every file under the lab directory.
struct LabConfig {
    // How every config render() writes begins: how a lab is recognised.
    static constexpr const char *signature = "# MPM Lab local lab instance.";

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
    [[nodiscard]] QString settingsPath() const; // lab.json: what the user chose
    [[nodiscard]] QString journalPath() const;  // restore.json: see LabJournal
    [[nodiscard]] QString lockPath() const;     // who changes the lab now

    // The config of the lab in `rootDir` before any setting: its paths,
    // and the account its children serve as (www-data when run as root).
    static LabConfig forLab(const QString &rootDir, const QString &modulesDir);
    // This config with `settings` (port, MPM, directives) applied.
    [[nodiscard]] LabConfig withSettings(const LabSettings &settings) const;

    [[nodiscard]] QByteArray render() const;
    // The modules render() loads, as `apachectl -M` names them
    // ("mpm_event_module", "status_module"...).
    [[nodiscard]] QStringList moduleNames() const;

    // What a config file on disk loads and listens on, as render() writes
    // them (none when the line is missing).
    static std::optional<MpmKind> mpmIn(const QByteArray &config);
    static std::optional<quint16> portIn(const QByteArray &config);
};

} // namespace mpmlab
