#pragma once

#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace mpmlab {

// A secret a login asks for while it runs, when it was not given or the
// server refused the one given.
struct SecretRequest {
    enum class Kind {
        Password,   // the login's password (password or keyboard-interactive)
        Passphrase, // the passphrase of an encrypted identity file
    };
    Kind kind = Kind::Password;
    QString about;      // "ssh://user@host:22", or the identity file
    bool again = false; // the last answer was refused
};

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
    QString password; // empty: no password authentication unless asked
    // Asked, when set, for what the login needs and was not given: the
    // passphrase of an encrypted identity file; the password when the
    // server takes one and no other method worked. Asked again (`again`)
    // when the server refuses the answer, a few times. No answer, or an
    // empty one: the login gives up (Cancelled). Called on the connecting
    // thread, which it may block.
    std::function<std::optional<QString>(const SecretRequest &)> askSecret;
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds commandTimeout{120000};
};

} // namespace mpmlab
