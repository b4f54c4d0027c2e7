#pragma once

#include "HostKeyPolicy.h"
#include "SshCredentials.h"
#include "SshExecChannel.h"
#include "SshTarget.h"
#include "common/ProcessRunner.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>

struct ssh_session_struct;

namespace mpmlab {

// One authenticated libssh connection to a server whose host key has been
// verified. libssh sessions are not thread-safe: a session and everything
// it runs belong to the thread that connected it. Disconnects when destroyed.
class SshSession {
public:
    // Connects, checks the host key against `policy` (before any credential
    // is sent), then authenticates. Fails with Network (unreachable, a
    // broken connection), Timeout (no answer within connectTimeout),
    // HostKey (unknown and not accepted, or changed), InvalidInput
    // (credentials refused) or Cancelled (`stop`, or a secret not given),
    // each in a sentence that says what to check. `stop` ends the
    // connection's wait within ~50 ms.
    static Result<std::unique_ptr<SshSession>> connect(const SshTarget &target,
                                                       const SshCredentials &credentials,
                                                       const HostKeyPolicy &policy,
                                                       std::stop_token stop = {});
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Runs `command` with the login shell of the remote user, feeds `input`
    // on its stdin then closes it, and collects stdout, stderr and the exit
    // status. Timeout after `timeout` (the channel is closed).
    Result<ProcessOutput> run(const QString &command, const QByteArray &input,
                              std::chrono::milliseconds timeout);
    // The same, handing each piece of stdout to `onOutput` as it arrives,
    // for long commands (the output is not kept).
    using OutputHandler = std::function<void(const QByteArray &chunk)>;
    Result<ProcessOutput> stream(const QString &command, const QByteArray &input,
                                 std::chrono::milliseconds timeout, const OutputHandler &onOutput);

    // Starts `command` like run() but leaves it running with its stdin open
    // after `input`, for a program that runs until its stdin closes.
    Result<std::unique_ptr<SshExecChannel>> start(const QString &command, const QByteArray &input);

    // Opens a TCP connection from the server to host:port (direct-tcpip),
    // sends `request` and reads until the peer closes: how the driver talks
    // to mod_status on the server's loopback without curl on the server.
    Result<QByteArray> exchangeThroughTunnel(const QString &host, quint16 port,
                                             const QByteArray &request,
                                             std::chrono::milliseconds timeout);

    // An SSH_MSG_IGNORE: keeps NAT and firewalls from dropping an idle link.
    Status sendKeepAlive();

    // While `stop` is not stopped, commands run to their end or timeout;
    // once it is, a waiting command gives up within ~50 ms (Cancelled).
    void setStopToken(std::stop_token stop) { m_stop = std::move(stop); }
    [[nodiscard]] const std::stop_token &stopToken() const { return m_stop; }

    [[nodiscard]] const SshTarget &target() const { return m_target; }
    [[nodiscard]] QString hostKeyFingerprint() const { return m_fingerprint; }

private:
    struct SessionDeleter {
        void operator()(ssh_session_struct *session) const;
    };
    using SessionHandle = std::unique_ptr<ssh_session_struct, SessionDeleter>;

    SshSession(SshTarget target, SessionHandle session, QString fingerprint);
    [[nodiscard]] Error sessionError(const QString &what) const;

    SshTarget m_target;
    SessionHandle m_session;
    QString m_fingerprint;
    std::stop_token m_stop;
};

} // namespace mpmlab
