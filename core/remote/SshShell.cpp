#include "SshShell.h"

#include "ResidentShell.h"
#include "ShellQuote.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto probeTimeout = 15000ms;
constexpr auto httpTimeout = 3000ms;
constexpr int maxPasswordAttempts = 3; // a refused sudo password asked again

} // namespace

SshShell::SshShell(std::unique_ptr<SshSession> session, std::unique_ptr<ResidentShell> resident,
                   Privilege privilege, QString password, std::chrono::milliseconds commandTimeout)
    : m_session(std::move(session))
    , m_resident(std::move(resident))
    , m_privilege(privilege)
    , m_password(std::move(password))
    , m_commandTimeout(commandTimeout)
{
}

SshShell::~SshShell()
{
    m_resident.reset(); // before the session it runs on
}

Result<std::unique_ptr<SshShell>> SshShell::open(std::unique_ptr<SshSession> session,
                                                 SudoOptions sudo,
                                                 std::chrono::milliseconds commandTimeout,
                                                 Need need)
{
    const QString target = session->target().toString();
    // One shell for the whole connection: the login shell's start-up files
    // are read once, not for every command.
    Result<std::unique_ptr<ResidentShell>> started = ResidentShell::start(*session, probeTimeout);
    if (!started)
        return started.error();
    std::unique_ptr<ResidentShell> resident = std::move(started).value();
    const Result<ProcessOutput> id =
        resident->run(u"id -u"_s, {}, probeTimeout, session->stopToken());
    if (!id)
        return id.error();
    const bool isRoot = id->standardOutput.trimmed() == "0";
    Privilege privilege = Privilege::Root;
    if (!isRoot && !sudo.enabled && need == Need::LoginUserIsEnough) {
        privilege = Privilege::LoginUser;
    } else if (!isRoot) {
        if (!sudo.enabled) {
            return Error{
                Error::Kind::InvalidInput,
                u"%1 is not root on %2: controlling Apache needs root, so use --sudo"_s.arg(
                    session->target().user, target),
                {}};
        }
        const Result<ProcessOutput> passwordless =
            resident->run(u"sudo -n true"_s, {}, probeTimeout, session->stopToken());
        if (!passwordless)
            return passwordless.error();
        if (passwordless->succeeded()) {
            privilege = Privilege::PasswordlessSudo;
        } else if (const std::optional<Error> none = noSudo(*session, *passwordless)) {
            return *none;
        } else {
            const Result<QString> accepted = sudoPassword(*session, *resident, sudo, *passwordless);
            if (!accepted)
                return accepted.error();
            sudo.password = *accepted;
            privilege = Privilege::SudoWithPassword;
        }
    }
    auto shell = std::unique_ptr<SshShell>(new SshShell(std::move(session), std::move(resident),
                                                        privilege, sudo.password, commandTimeout));
    if (Status root = shell->becomeRoot(); !root)
        return root.error();
    return shell;
}

Status SshShell::becomeRoot()
{
    if (m_privilege == Privilege::Root || m_privilege == Privilege::LoginUser)
        return {};
    const QString password = m_privilege == Privilege::SudoWithPassword ? m_password : QString();
    if (Status done = m_resident->becomeRootWithSudo(password, probeTimeout); !done)
        return done;
    const Result<ProcessOutput> id =
        m_resident->run(u"id -u"_s, {}, probeTimeout, m_session->stopToken());
    if (!id)
        return id.error();
    if (id->standardOutput.trimmed() != "0") {
        return Error{Error::Kind::InvalidInput,
                     u"sudo on %1 did not give a root shell"_s.arg(targetName()),
                     id->combinedText()};
    }
    return {};
}

Status SshShell::ensureResident()
{
    if (m_resident && m_resident->isUsable())
        return {};
    // The last one timed out or broke: a new one, as privileged.
    m_resident.reset();
    Result<std::unique_ptr<ResidentShell>> started = ResidentShell::start(*m_session, probeTimeout);
    if (!started)
        return started.error();
    m_resident = std::move(started).value();
    return becomeRoot();
}

std::optional<Error> SshShell::noSudo(const SshSession &session, const ProcessOutput &sudo)
{
    const QString target = session.target().toString();
    const QString user = session.target().user;
    const QString said = sudo.combinedText();
    if (sudo.exitCode == 127) {
        return Error{Error::Kind::InvalidInput,
                     u"sudo is not installed on %1: log in as root instead"_s.arg(target), said};
    }
    if (said.contains(u"not in the sudoers"_s) || said.contains(u"not allowed to run sudo"_s)
        || said.contains(u"may not run sudo"_s)) {
        return Error{Error::Kind::InvalidInput,
                     u"%1 may not use sudo on %2: ask its administrator to allow it (adduser %1 "
                     "sudo), or log in as root"_s.arg(user, target),
                     said};
    }
    return std::nullopt;
}

Result<QString> SshShell::sudoPassword(const SshSession &session, ResidentShell &resident,
                                       const SudoOptions &sudo, const ProcessOutput &refusal)
{
    const QString target = session.target().toString();
    QString password = sudo.password;
    for (int attempt = 0; attempt <= maxPasswordAttempts; ++attempt) {
        if (password.isEmpty()) {
            if (!sudo.askPassword) {
                return Error{Error::Kind::InvalidInput,
                             u"sudo on %1 asks for a password: give it when asked"_s.arg(target),
                             refusal.combinedText()};
            }
            const std::optional<QString> answer = sudo.askPassword(attempt > 0);
            if (!answer || answer->isEmpty())
                return Error{Error::Kind::Cancelled, u"sudo on %1 was cancelled"_s.arg(target), {}};
            password = *answer;
        }
        // -k: always ask, so the password line is always consumed by sudo.
        const Result<ProcessOutput> check =
            resident.run(u"sudo -S -k -p '' true"_s, password.toUtf8() + '\n', probeTimeout,
                         session.stopToken());
        if (!check)
            return check.error();
        if (check->succeeded())
            return password;
        if (const std::optional<Error> none = noSudo(session, *check))
            return *none;
        if (!sudo.askPassword || attempt == maxPasswordAttempts) {
            return Error{Error::Kind::InvalidInput,
                         u"sudo on %1 refused the password (or %2 may not use sudo)"_s.arg(
                             target, session.target().user),
                         check->combinedText()};
        }
        password.clear();
    }
    return Error{Error::Kind::InvalidInput, u"sudo on %1 refused the password"_s.arg(target), {}};
}

QString SshShell::targetName() const { return m_session->target().toString(); }

QString SshShell::wrapped(const QString &script) const
{
    // Always /bin/sh, whatever the login shell of the user.
    const QString shell = u"/bin/sh -c "_s + shellQuote(script);
    switch (m_privilege) {
    case Privilege::Root:
    case Privilege::LoginUser: return shell;
    case Privilege::PasswordlessSudo: return u"sudo -n -- "_s + shell;
    case Privilege::SudoWithPassword: return u"sudo -S -k -p '' -- "_s + shell;
    }
    return shell;
}

QByteArray SshShell::withPassword(const QByteArray &input) const
{
    // sudo reads its password byte by byte up to the newline; the rest of
    // stdin reaches the command untouched.
    if (m_privilege == Privilege::SudoWithPassword)
        return m_password.toUtf8() + '\n' + input;
    return input;
}

Result<ProcessOutput> SshShell::runAsRoot(const QString &script, const QByteArray &input)
{
    if (Status ready = ensureResident(); !ready)
        return ready.error();
    return m_resident->run(script, input, m_commandTimeout, m_session->stopToken());
}

Result<ProcessOutput> SshShell::streamAsRoot(const QString &script,
                                             std::chrono::milliseconds timeout,
                                             const OutputHandler &onOutput)
{
    return m_session->stream(wrapped(script), withPassword({}), timeout, onOutput);
}

Result<std::unique_ptr<SshExecChannel>> SshShell::startAsRoot(const QString &script)
{
    return m_session->start(wrapped(script), withPassword({}));
}

Result<QByteArray> SshShell::httpGetOnServer(quint16 port, const QString &path)
{
    const QByteArray request = "GET " + path.toLatin1()
                               + " HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: mpmlab\r\n"
                                 "Connection: close\r\n\r\n";
    return m_session->exchangeThroughTunnel(u"127.0.0.1"_s, port, request, httpTimeout);
}

} // namespace mpmlab
