#include "SshSession.h"

#include "SshHandles.h"
#include "SshHostKeyCheck.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>
#include <poll.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr int pollSliceMs = 50; // how often a waiting read checks its deadline
constexpr uint32_t readChunkBytes = 16384;
constexpr int keyboardInteractiveRounds = 8; // prompts answered before giving up
constexpr int maxSecretAttempts = 3;         // a refused password or passphrase asked again

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

// libssh asks this for the passphrase of an encrypted key given none:
// noting that it was asked is how an encrypted key is told from a file that
// is no key at all.
int noteEncryptedKey(const char *, char *, size_t, int, int, void *userdata)
{
    *static_cast<bool *>(userdata) = true;
    return -1;
}

Error cancelledLogin(const SshTarget &target)
{
    return Error{
        Error::Kind::Cancelled, u"the login to %1 was cancelled"_s.arg(target.toString()), {}};
}

// The identity file's key, its passphrase asked (again) when needed.
Result<ssh::Key> loadKey(const SshCredentials &credentials, const SshTarget &target)
{
    const QString &file = credentials.identityFile;
    if (!QFileInfo(file).isReadable())
        return Error{
            Error::Kind::InvalidInput, u"cannot read the identity file %1"_s.arg(file), {}};
    QByteArray passphrase = credentials.passphrase.toUtf8();
    for (int attempt = 0;; ++attempt) {
        ssh_key rawKey = nullptr;
        bool encrypted = false;
        if (ssh_pki_import_privkey_file(QFile::encodeName(file).constData(),
                                        passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                        passphrase.isEmpty() ? noteEncryptedKey : nullptr,
                                        &encrypted, &rawKey)
            == SSH_OK) {
            return ssh::Key(rawKey);
        }
        const bool refused = !passphrase.isEmpty();
        if (!encrypted && !refused) {
            return Error{Error::Kind::InvalidInput,
                         u"cannot load the private key %1: it is not a private key"_s.arg(file),
                         {}};
        }
        if (!credentials.askSecret || attempt >= maxSecretAttempts) {
            return Error{Error::Kind::InvalidInput,
                         refused
                             ? u"cannot load the private key %1: wrong passphrase, or not a "
                               "private key"_s.arg(file)
                             : u"the private key %1 is encrypted: give its passphrase"_s.arg(file),
                         {}};
        }
        const std::optional<QString> answer =
            credentials.askSecret({SecretRequest::Kind::Passphrase, file, refused});
        if (!answer || answer->isEmpty())
            return cancelledLogin(target);
        passphrase = answer->toUtf8();
    }
}

// Tries the password as "password" then "keyboard-interactive", as the
// server offers them.
bool loginWithPassword(ssh_session session, int methods, const QString &password,
                       QStringList &tried)
{
    const QByteArray bytes = password.toUtf8();
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        if (!tried.contains(u"password"_s))
            tried << u"password"_s;
        if (ssh_userauth_password(session, nullptr, bytes.constData()) == SSH_AUTH_SUCCESS)
            return true;
    }
    if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
        if (!tried.contains(u"keyboard-interactive"_s))
            tried << u"keyboard-interactive"_s;
        if (authenticateKeyboardInteractive(session, bytes) == SSH_AUTH_SUCCESS)
            return true;
    }
    return false;
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
        Result<ssh::Key> key = loadKey(credentials, target);
        if (!key)
            return key.error();
        tried << u"key %1"_s.arg(credentials.identityFile);
        if ((methods & SSH_AUTH_METHOD_PUBLICKEY)
            && ssh_userauth_publickey(session, nullptr, key->get()) == SSH_AUTH_SUCCESS) {
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
    const bool takesPassword = methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE);
    if (takesPassword) {
        QString password = credentials.password;
        for (int attempt = 0; attempt <= maxSecretAttempts; ++attempt) {
            if (password.isEmpty()) {
                if (!credentials.askSecret)
                    break;
                const std::optional<QString> answer = credentials.askSecret(
                    {SecretRequest::Kind::Password, target.toString(), attempt > 0});
                if (!answer || answer->isEmpty())
                    return cancelledLogin(target);
                password = *answer;
            }
            if (loginWithPassword(session, methods, password, tried))
                return {};
            password.clear();
            if (!ssh_is_connected(session))
                break; // the server gave up on us (MaxAuthTries)
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
                 "user name, the key or the password"_s.arg(
                     target.toString(), target.user,
                     tried.isEmpty() ? u"nothing: give a key file, an agent or a password"_s
                                     : tried.join(u", "_s),
                     offered.isEmpty() ? u"nothing"_s : offered.join(u", "_s)),
                 {}};
}

// Why ssh_connect failed, in a sentence that says what to check; libssh's
// own words go to the details.
Error connectError(const SshTarget &target, const QString &why, std::chrono::milliseconds timeout)
{
    const QString where = target.toString();
    const auto error = [&](Error::Kind kind, const QString &message) {
        return Error{kind, message, why};
    };
    if (why.contains(u"refused"_s, Qt::CaseInsensitive)) {
        return error(Error::Kind::Network,
                     u"%1 refused the connection on port %2: is sshd running there, and is that "
                     "its port?"_s.arg(target.host)
                         .arg(target.port));
    }
    if (why.contains(u"resolve"_s, Qt::CaseInsensitive)) {
        return error(
            Error::Kind::Network,
            u"cannot find the host '%1': check its name (or give its address)"_s.arg(target.host));
    }
    if (why.contains(u"unreachable"_s, Qt::CaseInsensitive)
        || why.contains(u"no route"_s, Qt::CaseInsensitive)) {
        return error(Error::Kind::Network,
                     u"cannot reach %1: there is no route to it from this machine (is it up, "
                     "and on a network this machine reaches?)"_s.arg(target.host));
    }
    if (why.contains(u"timeout"_s, Qt::CaseInsensitive)
        || why.contains(u"timed out"_s, Qt::CaseInsensitive)) {
        return error(Error::Kind::Timeout,
                     u"%1 did not answer within %2 s: check the host name, the port and that "
                     "a firewall lets SSH through"_s.arg(where)
                         .arg(timeout.count() / 1000.0));
    }
    return error(Error::Kind::Network, u"cannot connect to %1: %2"_s.arg(where, why));
}

// ssh_connect in non-blocking mode, so that `stop` and the deadline are
// checked while it waits.
Status connectInTime(ssh_session session, const SshTarget &target,
                     std::chrono::milliseconds timeout, const std::stop_token &stop)
{
    const QDeadlineTimer deadline(timeout);
    ssh_set_blocking(session, 0);
    int rc = SSH_AGAIN;
    while ((rc = ssh_connect(session)) == SSH_AGAIN) {
        if (stop.stop_requested())
            return cancelledLogin(target);
        if (deadline.hasExpired())
            return connectError(target, u"timeout"_s, timeout);
        const int fd = ssh_get_fd(session);
        if (fd >= 0) {
            pollfd watched{fd, POLLIN | POLLOUT, 0};
            ::poll(&watched, 1, pollSliceMs);
        } else {
            QThread::msleep(10);
        }
    }
    ssh_set_blocking(session, 1);
    if (rc != SSH_OK)
        return connectError(target, libsshError(session), timeout);
    return {};
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
                                                        const HostKeyPolicy &policy,
                                                        std::stop_token stop)
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

    if (Status connected = connectInTime(raw, target, credentials.connectTimeout, stop); !connected)
        return connected.error();
    const int fd = ssh_get_fd(raw);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);

    // ssh_connect does not look at the host key: check it before any
    // credential leaves this machine.
    const Result<QString> fingerprint = checkHostKey(raw, target, policy);
    if (!fingerprint)
        return fingerprint.error();
    if (stop.stop_requested())
        return cancelledLogin(target);
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
        if (m_stop.stop_requested())
            return Error{Error::Kind::Cancelled,
                         u"stopped while a command ran on %1"_s.arg(m_target.toString()),
                         {}};
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
        if (m_stop.stop_requested())
            return Error{Error::Kind::Cancelled,
                         u"stopped while waiting for %1"_s.arg(m_target.toString()),
                         {}};
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
