#pragma once

#include "common/Result.h"
#include "remote/HostKeyPolicy.h"
#include "remote/SshCredentials.h"
#include "remote/SshSession.h"
#include "remote/SshShell.h"
#include "remote/SshTarget.h"
#include "ssh/RemoteApacheDriver.h"

#include <QString>
#include <chrono>
#include <memory>

class TestSshd;

// MPM Lab's side of a TestSshd for core tests: the server's key in a
// known_hosts file of the test's own, the generated client key, no agent.
class TestSshClient {
public:
    // Writes `dir`/known_hosts with the key of `sshd`, which must run.
    TestSshClient(const TestSshd &sshd, const QString &dir);

    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] mpmlab::SshTarget target() const { return m_target; }
    [[nodiscard]] mpmlab::HostKeyPolicy policy() const;
    [[nodiscard]] mpmlab::SshCredentials credentials() const;
    [[nodiscard]] QString knownHostsPath() const;

    // A new session as `user` (another local account) with the same key.
    mpmlab::Result<std::unique_ptr<mpmlab::SshSession>> connectAs(const QString &user) const;
    // A root shell on a new session.
    mpmlab::Result<std::unique_ptr<mpmlab::SshShell>> shell() const;
    // The SSH driver on `configDir`, its client journal under `dir`/journals.
    mpmlab::Result<std::unique_ptr<mpmlab::RemoteApacheDriver>>
    driver(const QString &configDir,
           std::chrono::milliseconds settleDelay = std::chrono::milliseconds(500)) const;

private:
    QString m_dir;
    QString m_keyPath;
    mpmlab::SshTarget m_target;
    bool m_valid = false;
};
