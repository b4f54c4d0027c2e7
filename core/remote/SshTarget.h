#pragma once

#include "common/Result.h"

#include <QString>

namespace mpmlab {

// Where an SSH driver connects: `ssh://user@host[:port]`. Parsing validates
// every part, so a target that exists is safe to show and to hand to libssh.
struct SshTarget {
    static constexpr quint16 defaultPort = 22;

    QString user;
    QString host; // a host name, an IPv4 address or an IPv6 address (no brackets)
    quint16 port = defaultPort;

    static Result<SshTarget> parse(const QString &text);
    // "ssh://user@host:port", IPv6 addresses in brackets.
    [[nodiscard]] QString toString() const;
};

} // namespace mpmlab
