#pragma once

#include <QString>

namespace mpmlab {

// Where a sampler running on the server finds this Apache instance: its
// pid file, and mod_status on the server's own loopback.
struct SamplingEndpoint {
    QString pidFile; // absolute, on the server
    QString statusHost = QStringLiteral("127.0.0.1");
    quint16 statusPort = 80;
};

} // namespace mpmlab
