#pragma once

#include "common/Result.h"

#include <cstdint>
#include <string>
#include <sys/socket.h>

namespace mpmlab {

// Where a load goes: an http:// URL split into its parts, and the socket
// address it resolves to. IPv4 names, dotted quads and bracketed IPv6
// literals (`http://[::1]:8080/`) are accepted.
struct HttpTarget {
    std::string host; // without brackets
    std::uint16_t port = 80;
    std::string path = "/"; // path and query, as sent
    bool ipv6Literal = false;

    sockaddr_storage address{};
    socklen_t addressLength = 0;

    // Splits the URL; InvalidInput with the reason when it is malformed.
    static Result<HttpTarget> parse(const std::string &url);
    // Resolves `host` (getaddrinfo); Network with the resolver's words when
    // the name is unknown.
    Status resolve();

    // "host:port" as the Host header wants it ([::1]:8080 for IPv6; the
    // port is left out when it is 80).
    [[nodiscard]] std::string hostHeader() const;
    // The resolved address as text, e.g. "127.0.0.1" or "::1".
    [[nodiscard]] std::string addressText() const;
    // The resolved address is loopback or one of this machine's own
    // interface addresses: the server under test shares our CPUs.
    [[nodiscard]] bool isOnThisMachine() const;
};

} // namespace mpmlab
