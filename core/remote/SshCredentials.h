#pragma once

#include <QString>
#include <chrono>

namespace mpmlab {

// How to log in and how long to wait. Methods are tried in this order:
// the identity file (if set), the agent (if allowed), then the password
// (as "password" and as "keyboard-interactive"). Secrets stay in memory only.
struct SshCredentials {
    QString identityFile; // private key file; empty: none
    QString passphrase;   // for an encrypted identity file
    bool useAgent = true; // SSH_AUTH_SOCK, or agentSocket
    // An ssh-agent socket for this session only; empty: SSH_AUTH_SOCK. Lets
    // a caller pick an agent without changing the process environment.
    QString agentSocket;
    QString password; // empty: no password authentication
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds commandTimeout{120000};
};

} // namespace mpmlab
