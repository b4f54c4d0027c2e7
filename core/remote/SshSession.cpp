#include "SshSession.h"

#include "SshHandles.h"
#include "SshHostKeyCheck.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr int pollSliceMs = 50; // how often a waiting read checks its deadline
constexpr uint32_t readChunkBytes = 16384;
constexpr int keyboardInteractiveRounds = 8; // prompts answered before giving up

QString libsshError(ssh_session session) { return QString::fromLocal8Bit(ssh_get_error(session)); }

// Answers the hidden keyboard-interactive prompts with the password: what
// OpenSSH servers with PAM ask ("Password: "). A prompt the server echoes is
// not a password prompt, and the password must not be shown: it gets "".
int authenticateKeyboardInteractive(ssh_session session, const QByteArray &password)
{
    int rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < keyboardInteractiveRounds; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(session);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            ssh_userauth_kbdint_getprompt(session, unsigned(i), &echo);
            ssh_userauth_kbdint_setanswer(session, unsigned(i), echo ? "" : password.constData());
        }
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    }
    return rc;
}

Status authenticate(ssh_session session, const SshTarget &target, const SshCredentials &credentials)
{
    // "none" first: it returns the methods the server offers.
    const int rc = ssh_userauth_none(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return Error{
            Error::Kind::Network, u"SSH authentication failed: "_s + libsshError(session), {}};
    const int methods = ssh_userauth_list(session, nullptr);
    QStringList tried;

    if (!credentials.identityFile.isEmpty()) {
        if (!QFileInfo(credentials.identityFile).isReadable()) {
            return Error{Error::Kind::InvalidInput,
                         u"cannot read the identity file %1"_s.arg(credentials.identityFile),
                         {}};
        }
        ssh_key rawKey = nullptr;
        const QByteArray passphrase = credentials.passphrase.toUtf8();
        if (ssh_pki_import_privkey_file(QFile::encodeName(credentials.identityFile).constData(),
                                        passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                        nullptr, nullptr, &rawKey)
            != SSH_OK) {
            return Error{Error::Kind::InvalidInput,
                         u"cannot load the private key %1: wrong passphrase, or not a private "
                         "key"_s.arg(credentials.identityFile),
                         {}};
        }
        const ssh::Key key(rawKey);
        tried << u"key %1"_s.arg(credentials.identityFile);
        if ((methods & SSH_AUTH_METHOD_PUBLICKEY)
            && ssh_userauth_publickey(session, nullptr, key.get()) == SSH_AUTH_SUCCESS) {
            return {};
        }
    }
    const bool haveAgent =
        !credentials.agentSocket.isEmpty() || !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
    if (credentials.useAgent && haveAgent && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
        // An agent with no usable key returns DENIED without setting an
        // error, so ssh_get_error is empty or still names an earlier
        // attempt: only a new error string is this agent's.
        const QString before = libsshError(session);
        if (ssh_userauth_agent(session, nullptr) == SSH_AUTH_SUCCESS)
            return {};
        const QString why = libsshError(session);
        tried << (why.isEmpty() || why == before ? u"ssh-agent (none of its keys was accepted)"_s
                                                 : u"ssh-agent (%1)"_s.arg(why));
    }
    if (!credentials.password.isEmpty()) {
        const QByteArray password = credentials.password.toUtf8();
        if (methods & SSH_AUTH_METHOD_PASSWORD) {
            tried << u"password"_s;
            if (ssh_userauth_password(session, nullptr, password.constData()) == SSH_AUTH_SUCCESS)
                return {};
        }
        if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
            tried << u"keyboard-interactive"_s;
            if (authenticateKeyboardInteractive(session, password) == SSH_AUTH_SUCCESS)
                return {};
        }
    }
    QStringList offered;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        offered << u"publickey"_s;
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        offered << u"password"_s;
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        offered << u"keyboard-interactive"_s;
    return Error{Error::Kind::InvalidInput,
                 u"%1 refused the login as %2 (tried: %3; the server accepts: %4): check the "
                 "user name, key (--identity) or password"_s.arg(
                     target.toString(), target.user,
                     tried.isEmpty() ? u"nothing: give --identity, an agent or a password"_s
                                     : tried.join(u", "_s),
                     offered.isEmpty() ? u"nothing"_s : offered.join(u", "_s)),
                 {}};
}

// A channel running `command` with `input` written to its stdin, which is
// left open; null with the failed step in `failedStep` otherwise.
ssh::Channel openExec(ssh_session session, const QString &command, const QByteArray &input,
                      QString &failedStep)
{
    ssh::Channel channel(ssh_channel_new(session));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
        failedStep = u"cannot open a channel"_s;
        return {};
    }
    if (ssh_channel_request_exec(channel.get(), command.toUtf8().constData()) != SSH_OK) {
        failedStep = u"cannot run a command"_s;
        return {};
    }
    if (!input.isEmpty()
        && ssh_channel_write(channel.get(), input.constData(), uint32_t(input.size()))
               != int(input.size())) {
        failedStep = u"cannot send input to a command"_s;
        return {};
    }
    return channel;
}

} // namespace

void SshSession::SessionDeleter::operator()(ssh_session_struct *session) const
{
    if (ssh_is_connected(session))
        ssh_disconnect(session);
    ssh_free(session);
}

SshSession::SshSession(SshTarget target, SessionHandle session, QString fingerprint)
    : m_target(std::move(target))
    , m_session(std::move(session))
    , m_fingerprint(std::move(fingerprint))
{
}

SshSession::~SshSession() = default;

Error SshSession::sessionError(const QString &what) const
{
    return Error{Error::Kind::Network,
                 u"%1 on %2: %3"_s.arg(what, m_target.toString(), libsshError(m_session.get())),
                 {}};
}

Result<std::unique_ptr<SshSession>> SshSession::connect(const SshTarget &target,
                                                        const SshCredentials &credentials,
                                                        const HostKeyPolicy &policy)
{
    SessionHandle session(ssh_new());
    if (!session)
        return Error{Error::Kind::Io, u"libssh could not create a session"_s, {}};
    ssh_session raw = session.get();
    const QByteArray host = target.host.toUtf8();
    const QByteArray user = target.user.toUtf8();
    const unsigned int port = target.port;
    const long timeoutSeconds = std::max<long>(1, long(credentials.connectTimeout.count() / 1000));
    // Everything comes from the target and the policy: ~/.ssh/config could
    // silently redirect the host, change the user or disable checks.
    const int noConfig = 0;
    const QByteArray mpmlabKnownHosts = QFile::encodeName(policy.mpmlabKnownHostsFile);
    const QByteArray userKnownHosts = QFile::encodeName(policy.userKnownHostsFile);
    ssh_options_set(raw, SSH_OPTIONS_PROCESS_CONFIG, &noConfig);
    ssh_options_set(raw, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(raw, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(raw, SSH_OPTIONS_PORT, &port);
    ssh_options_set(raw, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    // libssh checks both files; it appends accepted keys to KNOWNHOSTS, so
    // that is MPM Lab's own file and the user's stays untouched.
    ssh_options_set(raw, SSH_OPTIONS_KNOWNHOSTS, mpmlabKnownHosts.constData());
    ssh_options_set(raw, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, userKnownHosts.constData());
    if (!credentials.agentSocket.isEmpty()) {
        const QByteArray agentSocket = QFile::encodeName(credentials.agentSocket);
        ssh_options_set(raw, SSH_OPTIONS_IDENTITY_AGENT, agentSocket.constData());
    }

    if (ssh_connect(raw) != SSH_OK) {
        return Error{Error::Kind::Network,
                     u"cannot connect to %1: %2"_s.arg(target.toString(), libsshError(raw)),
                     {}};
    }
    const int fd = ssh_get_fd(raw);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);

    // ssh_connect does not look at the host key: check it before any
    // credential leaves this machine.
    const Result<QString> fingerprint = checkHostKey(raw, target, policy);
    if (!fingerprint)
        return fingerprint.error();
    if (Status authenticated = authenticate(raw, target, credentials); !authenticated)
        return authenticated.error();
    return std::unique_ptr<SshSession>(new SshSession(target, std::move(session), *fingerprint));
}

Result<ProcessOutput> SshSession::run(const QString &command, const QByteArray &input,
                                      std::chrono::milliseconds timeout)
{
    return stream(command, input, timeout, {});
}

Result<ProcessOutput> SshSession::stream(const QString &command, const QByteArray &input,
                                         std::chrono::milliseconds timeout,
                                         const OutputHandler &onOutput)
{
    QString failedStep;
    ssh::Channel channel = openExec(m_session.get(), command, input, failedStep);
    if (!channel)
        return sessionError(failedStep);
    ssh_channel_send_eof(channel.get());

    ProcessOutput output;
    const QDeadlineTimer deadline(timeout);
    char buffer[readChunkBytes];
    for (;;) {
        const int got =
            ssh_channel_read_timeout(channel.get(), buffer, readChunkBytes, 0, pollSliceMs);
        if (got == SSH_ERROR)
            return sessionError(u"the connection failed while a command ran"_s);
        if (got > 0) {
            if (onOutput)
                onOutput(QByteArray(buffer, got));
            else
                output.standardOutput.append(buffer, got);
        }
        int gotErr = 0;
        while ((gotErr = ssh_channel_read_nonblocking(channel.get(), buffer, readChunkBytes, 1))
               > 0)
            output.standardError.append(buffer, gotErr);
        if (ssh_channel_is_eof(channel.get()) && got <= 0 && gotErr <= 0)
            break;
        if (deadline.hasExpired()) {
            return Error{Error::Kind::Timeout,
                         u"a command on %1 did not finish within %2 ms"_s.arg(m_target.toString())
                             .arg(timeout.count()),
                         QString::fromUtf8(output.standardError)};
        }
    }
    // After EOF the exit status follows at once; -1 means killed by a signal.
    output.exitCode = ssh_channel_get_exit_status(channel.get());
    return output;
}

Result<std::unique_ptr<SshExecChannel>> SshSession::start(const QString &command,
                                                          const QByteArray &input)
{
    QString failedStep;
    ssh::Channel channel = openExec(m_session.get(), command, input, failedStep);
    if (!channel)
        return sessionError(failedStep);
    return std::unique_ptr<SshExecChannel>(
        new SshExecChannel(m_target.toString(), channel.release()));
}

Result<QByteArray> SshSession::exchangeThroughTunnel(const QString &host, quint16 port,
                                                     const QByteArray &request,
                                                     std::chrono::milliseconds timeout)
{
    ssh::Channel channel(ssh_channel_new(m_session.get()));
    if (!channel
        || ssh_channel_open_forward(channel.get(), host.toUtf8().constData(), port, "127.0.0.1", 0)
               != SSH_OK) {
        return Error{Error::Kind::Network,
                     u"%1 cannot reach %2:%3 on its side: %4"_s.arg(m_target.toString(), host)
                         .arg(port)
                         .arg(libsshError(m_session.get())),
                     {}};
    }
    if (ssh_channel_write(channel.get(), request.constData(), uint32_t(request.size()))
        != int(request.size())) {
        return sessionError(u"cannot send through a tunnel"_s);
    }
    QByteArray reply;
    const QDeadlineTimer deadline(timeout);
    char buffer[readChunkBytes];
    while (!ssh_channel_is_eof(channel.get())) {
        const int got =
            ssh_channel_read_timeout(channel.get(), buffer, readChunkBytes, 0, pollSliceMs);
        if (got == SSH_ERROR)
            return sessionError(u"a tunnel failed"_s);
        if (got > 0)
            reply.append(buffer, got);
        if (deadline.hasExpired()) {
            return Error{Error::Kind::Timeout,
                         u"%1:%2 on %3 did not answer within %4 ms"_s.arg(host)
                             .arg(port)
                             .arg(m_target.toString())
                             .arg(timeout.count()),
                         {}};
        }
    }
    return reply;
}

Status SshSession::sendKeepAlive()
{
    if (ssh_send_ignore(m_session.get(), "mpmlab") != SSH_OK)
        return sessionError(u"the connection dropped"_s);
    return {};
}

} // namespace mpmlab
