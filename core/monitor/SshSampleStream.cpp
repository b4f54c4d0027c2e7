#include "SshSampleStream.h"

#include "remote/SshExecChannel.h"
#include "remote/SshSession.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

// bash ends its loop as soon as stdin closes; sh finishes its sleep first.
constexpr auto gracefulStop = 1500ms;

} // namespace

SshSampleStream::SshSampleStream(SshTarget target, SshCredentials credentials, HostKeyPolicy policy,
                                 SshShell::SudoOptions sudo)
    : m_target(std::move(target))
    , m_credentials(std::move(credentials))
    , m_policy(std::move(policy))
    , m_sudo(std::move(sudo))
{
}

SshSampleStream::~SshSampleStream() { stop(); }

QString SshSampleStream::targetName() const { return m_target.toString(); }

Status SshSampleStream::start(const SamplerProgram &program)
{
    if (Status valid = program.validate(); !valid)
        return valid;
    stop();
    auto session = SshSession::connect(m_target, m_credentials, m_policy);
    if (!session)
        return session.error();
    // Without --sudo a login user who is not root samples as itself: every
    // field but the PSS and USS of other users' processes.
    auto shell = SshShell::open(std::move(session).value(), m_sudo, m_credentials.commandTimeout,
                                SshShell::Need::LoginUserIsEnough);
    if (!shell)
        return shell.error();
    m_shell = std::move(shell).value();
    auto channel = m_shell->startAsRoot(QString::fromUtf8(program.shellCommandLine()));
    if (!channel) {
        m_shell.reset();
        return channel.error();
    }
    m_channel = std::move(channel).value();
    return {};
}

Result<QByteArray> SshSampleStream::read(std::chrono::milliseconds timeout)
{
    if (!m_channel)
        return Error{
            Error::Kind::NotRunning, u"the sampler on %1 is not running"_s.arg(targetName()), {}};
    return m_channel->read(timeout);
}

void SshSampleStream::stop()
{
    if (m_channel)
        m_channel->finish(gracefulStop);
    m_channel.reset();
    m_shell.reset();
}

} // namespace mpmlab
