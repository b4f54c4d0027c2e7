#pragma once

#include "MpmKind.h"
#include "Scoreboard.h"
#include "common/Result.h"

#include <QHash>
#include <QString>
#include <optional>

namespace mpmlab {

// One mod_status `/server-status?auto` page, parsed. Fields a given MPM or
// Apache version does not print stay empty: prefork and worker print no
// Processes, Stopping, ConnsTotal or ConnsAsync*; ConnsAsyncWaitIO appeared
// in 2.4.71. Every field is also kept verbatim in `fields`.
struct ServerStatus {
    QString serverVersion;
    QString mpmName;            // ServerMPM as printed
    std::optional<MpmKind> mpm; // ServerMPM, when it is one we know
    std::optional<qint64> uptimeSeconds;
    std::optional<qint64> totalAccesses;
    std::optional<qint64> totalKBytes;
    std::optional<double> requestsPerSecond;
    std::optional<double> cpuLoad;
    std::optional<int> busyWorkers;
    std::optional<int> idleWorkers;
    std::optional<int> gracefulWorkers;
    std::optional<int> processes;
    std::optional<int> stopping;
    std::optional<int> connsTotal;
    std::optional<int> connsAsyncWriting;
    std::optional<int> connsAsyncKeepAlive;
    std::optional<int> connsAsyncClosing;
    std::optional<int> connsAsyncWaitIO;
    Scoreboard scoreboard;
    QHash<QString, QString> fields;

    // Fails (Kind::Network) when the text is not a `?auto` page: no
    // "Key: value" lines, or neither ServerMPM nor a Scoreboard.
    static Result<ServerStatus> parse(QStringView text);
};

} // namespace mpmlab
