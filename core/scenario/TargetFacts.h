#pragma once

#include <QString>

namespace mpmlab {

// The machine a campaign ran on, as its results need to say: figures from
// a laptop with 2 cores do not transfer to a 32-core server.
struct TargetFacts {
    QString target;        // "local" or "ssh://user@host:port"
    QString os;            // PRETTY_NAME of /etc/os-release
    QString apacheVersion; // "Apache/2.4.71 (Debian)"
    int cores = 0;
    qint64 memTotalKb = 0;
    QString clientVersion; // MPM Lab's version
};

} // namespace mpmlab
