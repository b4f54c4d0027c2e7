#pragma once

#include "MpmKind.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace mpmlab {

// What a server driver knows about its server at one moment. A value type:
// it crosses threads (driver thread -> GUI) and goes to JSON for scripts.
struct ServerState {
    QString target; // "local" or "ssh://user@host:port"
    bool running = false;
    qint64 pid = 0; // the parent httpd process, 0 when stopped
    QString host;   // where clients connect, e.g. 127.0.0.1
    quint16 port = 0;
    std::optional<MpmKind> configuredMpm; // what the config on disk loads
    std::optional<MpmKind> runningMpm;    // what mod_status reports (ServerMPM)
    QString serverVersion;                // mod_status ServerVersion, when running
    QString osName;                       // the server's PRETTY_NAME (/etc/os-release)
    QString configRoot;                   // the config tree this driver manages
    std::optional<qint64> memoryLimitKib; // MPM Lab's ulimit -v for Apache, if set
    // Who is changing the server now (ServerDriver::lease), empty if nobody.
    QString owner;
    // Where what the driver keeps, the config on disk and the running
    // server disagree (an interrupted change, processes of a killed
    // parent...), one sentence each; empty when they agree.
    QStringList problems;

    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace mpmlab

Q_DECLARE_METATYPE(mpmlab::ServerState)
