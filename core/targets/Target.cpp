#include "Target.h"

#include "monitor/LocalSampleStream.h"
#include "monitor/ServerSampler.h"
#include "monitor/SshSampleStream.h"
#include "remote/SshSession.h"
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
                                             const ServerDriver::ProgressHandler &progress)
{
    std::unique_ptr<ServerDriver> driver;
    if (spec.isLocal()) {
        driver = std::make_unique<LocalLab>(spec.lab);
    } else {
        if (progress)
            progress(u"Connecting to %1"_s.arg(spec.ssh.target.toString()));
        auto session = SshSession::connect(spec.ssh.target, spec.ssh.credentials, spec.ssh.policy);
        if (!session)
            return session.error();
        const SshShell::Need need =
            access == Access::Control ? SshShell::Need::Root : SshShell::Need::LoginUserIsEnough;
        auto shell = SshShell::open(std::move(session).value(), spec.ssh.sudo,
                                    spec.ssh.credentials.commandTimeout, need);
        if (!shell)
            return shell.error();
        auto remote = RemoteApacheDriver::open(std::move(shell).value(), spec.ssh.apache);
        if (!remote)
            return remote.error();
        driver = std::move(remote).value();
    }
    driver->setProgressHandler(progress);
    StreamFactory streams;
    if (spec.isLocal()) {
        streams = [] { return std::make_unique<LocalSampleStream>(); };
    } else {
        // Its own session, opened on the sampler's thread (SshSampleStream).
        streams = [login = spec.ssh] {
            return std::make_unique<SshSampleStream>(login.target, login.credentials, login.policy,
                                                     login.sudo);
        };
    }
    return std::make_unique<Target>(spec, std::move(driver), std::move(streams));
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
