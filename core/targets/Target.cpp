#include "Target.h"

#include "monitor/LocalSampleStream.h"
#include "monitor/ServerSampler.h"
#include "monitor/SshSampleStream.h"
#include "remote/SshSession.h"
#include "remote/SshShell.h"
#include "ssh/RemoteApacheDriver.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

Target::Target(TargetSpec spec, std::unique_ptr<ServerDriver> driver, StreamFactory streams)
    : m_spec(std::move(spec))
    , m_driver(std::move(driver))
    , m_streams(std::move(streams))
{
}

Target::~Target() = default;

Result<std::unique_ptr<Target>> Target::open(const TargetSpec &spec, Access access,
                                             const ServerDriver::ProgressHandler &progress,
                                             std::stop_token stop)
{
    if (spec.isLocal()) {
        auto lab = std::make_unique<LocalLab>(spec.lab);
        lab->setProgressHandler(progress);
        return std::make_unique<Target>(spec, std::move(lab),
                                        [] { return std::make_unique<LocalSampleStream>(); });
    }
    Result<OpenedSsh> opened = openSsh(spec.ssh, access, progress, std::move(stop));
    if (!opened)
        return opened.error();
    OpenedSsh &ssh = opened.value();
    ssh.driver->setProgressHandler(progress);
    // Its own session, opened on the sampler's thread (SshSampleStream).
    StreamFactory streams = [login = ssh.sampler] {
        return std::make_unique<SshSampleStream>(login.target, login.credentials, login.policy,
                                                 login.sudo);
    };
    return std::make_unique<Target>(spec, std::move(ssh.driver), std::move(streams));
}

Result<Target::OpenedSsh> Target::openSsh(const SshLogin &login, Access access,
                                          const ServerDriver::ProgressHandler &progress,
                                          std::stop_token stop)
{
    if (progress)
        progress(u"Connecting to %1"_s.arg(login.target.toString()));
    // What this login is told, kept for the sampler's sessions.
    OpenedSsh opened;
    opened.sampler = login;
    SshCredentials credentials = login.credentials;
    if (login.credentials.askSecret) {
        credentials.askSecret = [&opened,
                                 ask = login.credentials.askSecret](const SecretRequest &request) {
            const std::optional<QString> answer = ask(request);
            if (answer) {
                (request.kind == SecretRequest::Kind::Password
                     ? opened.sampler.credentials.password
                     : opened.sampler.credentials.passphrase) = *answer;
            }
            return answer;
        };
    }
    auto session = SshSession::connect(login.target, credentials, login.policy, stop);
    if (!session)
        return session.error();
    (*session)->setStopToken(stop);
    opened.sampler.policy.trustedFingerprint = (*session)->hostKeyFingerprint();
    opened.sampler.credentials.askSecret = {};
    if (progress)
        progress(u"Logged in to %1; checking root and sudo"_s.arg(login.target.toString()));
    const SshShell::Need need =
        access == Access::Control ? SshShell::Need::Root : SshShell::Need::LoginUserIsEnough;
    auto shell = SshShell::open(std::move(session).value(), login.sudo,
                                login.credentials.commandTimeout, need);
    if (!shell)
        return shell.error();
    SshShell &opening = **shell;
    opened.sampler.sudo.password = opening.sudoPassword();
    opened.sampler.sudo.askPassword = {};
    if (progress)
        progress(u"Looking for Apache on %1"_s.arg(login.target.toString()));
    auto remote = RemoteApacheDriver::open(std::move(shell).value(), login.apache);
    if (!remote)
        return remote.error();
    // From now on the driver's own stop token governs its waits.
    opening.session().setStopToken({});
    opened.driver = std::move(remote).value();
    return opened;
}

Result<SamplerProgram> Target::samplerProgram(std::chrono::milliseconds interval)
{
    const Result<SamplingEndpoint> endpoint = m_driver->samplingEndpoint();
    if (!endpoint)
        return endpoint.error();
    SamplerProgram program;
    program.pidFile = endpoint->pidFile;
    program.statusHost = endpoint->statusHost;
    program.statusPort = endpoint->statusPort;
    program.interval = interval;
    if (Status valid = program.validate(); !valid)
        return valid.error();
    return program;
}

Result<std::unique_ptr<ServerSampler>> Target::makeSampler(const SamplerProgram &program) const
{
    if (Status valid = program.validate(); !valid)
        return valid.error();
    std::unique_ptr<SampleStream> stream = m_streams ? m_streams() : nullptr;
    if (!stream) {
        return Error{Error::Kind::NotInstalled,
                     u"%1 cannot be sampled: no sampler transport"_s.arg(name()),
                     {}};
    }
    return std::make_unique<ServerSampler>(std::move(stream), program);
}

} // namespace mpmlab
