#pragma once

#include "DirectiveSet.h"
#include "MpmKind.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <optional>

namespace mpmlab {

// MPM Lab's one config file on a real server, read after every stock file
// (Debian: conf-enabled/zz-mpmlab.conf; RHEL: conf.d/zz-mpmlab.conf).
//
// Why one override file and not edits of the stock files: the stock files
// (apache2.conf, mods-available/mpm_*.conf) stay byte-identical, with their
// comments, so a package upgrade never meets a locally modified conffile;
// every value MPM Lab set is visible in one place; undoing is removing one
// file; and Apache's "last value wins" rule makes the override reliable.
// MPM directives sit in <IfModule mpm_NAME_module> sections, so a value set
// for worker cannot break prefork (ThreadsPerChild there is AH00526).
struct ManagedOverride {
    // How render()'s text begins: where it starts in a config that holds it.
    static constexpr const char *header = "# Managed by MPM Lab: ";

    DirectiveSet global;
    QMap<MpmKind, DirectiveSet> perMpm;
    // MPM Lab's own /server-status page (mod_status, `Require local`), for
    // a server with none that answers on its loopback: every start is
    // verified through it and the sampler reads it. `statusModuleFile` is
    // the LoadModule file used when status_module is not loaded. A later
    // <Location> wins, so while the page is on, /server-status is local only
    // even where the server's own config let more clients in.
    bool statusPage = false;
    QString statusModuleFile;

    // Puts each of `changes` in the global part or in `mpm`'s section.
    void apply(const DirectiveSet &changes, MpmKind mpm);
    // Puts each of `changes` in the global part, or in the section of each
    // of `mpms` it applies to (ThreadsPerChild never in prefork's: AH00526).
    void apply(const DirectiveSet &changes, const QList<MpmKind> &mpms);
    [[nodiscard]] bool isEmpty() const;

    [[nodiscard]] QByteArray render() const;
    // Reads a file render() wrote; lines it does not know are ignored.
    static ManagedOverride parse(const QByteArray &text);
};

// RHEL's conf.modules.d/00-mpm.conf with exactly `mpm`'s LoadModule line
// active and the others commented out.
QByteArray withRhelMpm(const QByteArray &text, MpmKind mpm);

// Debian's envvars with MPM Lab's `ulimit -v` block replaced, or removed
// when `kibibytes` is empty. apachectl sources envvars (under systemd too),
// so the limit applies to every Apache process.
QByteArray withMemoryLimit(const QByteArray &envvars, std::optional<qint64> kibibytes);

// RHEL without systemd: the file (ApacheLayout::memoryLimitPath()) whose
// number the driver's start commands give to `ulimit -v`.
QByteArray rhelMemoryLimitFile(qint64 kibibytes);

// RHEL with systemd: the drop-in for httpd.service that sets LimitAS
// (the address space, as `ulimit -v`; K is KiB for systemd).
QByteArray systemdMemoryLimitDropIn(qint64 kibibytes);
// The root shell script that installs the drop-in at `path` (its text on
// standard input) or, when `remove`, deletes it, then reloads systemd's
// units. The limit applies from the next start of httpd.service.
QString systemdDropInScript(const QString &path, bool remove);

} // namespace mpmlab
