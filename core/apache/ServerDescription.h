#pragma once

#include "DirectiveReading.h"
#include "ServerState.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mpmlab {

// Everything a front end shows of a server at one moment: its state, how
// Apache is installed, whether MPM Lab can read its status page and change
// it, a restore owed from an earlier session, and the directives that
// matter with where each comes from. What ServerDriver::describe() returns;
// a value type that crosses threads and goes to JSON (`server status --json`).
struct ServerDescription {
    ServerState state;
    // In words: "Debian (/etc/apache2)", "RHEL (/etc/httpd, systemd)",
    // "MPM Lab's local lab (DIR)".
    QString layout;
    QString apacheVersion;  // "Apache/2.4.71 (Debian)", from the binary: also when stopped
    QStringList modules;    // loaded modules as apachectl -M names them
    QStringList phpModules; // mod_php: it needs prefork
    QString documentRoot;
    QList<quint16> listenPorts;
    QString managedFile;         // where MPM Lab's values go
    bool statusReadable = false; // mod_status answered /server-status?auto
    QString statusProblem;       // why not, when it did not
    bool canChange = false;
    QString cannotChange; // why not, when it cannot
    bool restorePending = false;
    QString restoreSince; // when MPM Lab's first change was made (ISO 8601), if known
    // The managed directives that apply to the configured MPM.
    QList<DirectiveReading> directives;
    // configtest's AH lines: values Apache says it changes or refuses.
    QStringList apacheWarnings;
    // The SSH target's detected layout (ApacheLayout::toJson()), for scripts.
    QJsonObject layoutDetails;

    // The reading of `name`; null when it does not apply to the configured MPM.
    [[nodiscard]] const DirectiveReading *directive(const QString &name) const;
    // The state's keys, then the rest: what `server status --json` prints.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace mpmlab

Q_DECLARE_METATYPE(mpmlab::ServerDescription)
