#pragma once

#include "SampleStream.h"
#include "remote/HostKeyPolicy.h"
#include "remote/SshCredentials.h"
#include "remote/SshShell.h"
#include "remote/SshTarget.h"

#include <memory>

namespace mpmlab {

class SshExecChannel;

// Runs the sampler on a server over SSH: one exec channel, as root (through
// sudo exactly as SshShell runs every command when the login user is not
// root and sudo is asked for; as the login user when it is not), its
// stdout handed back as it comes.
//
// Ownership: libssh sessions belong to one thread, so the stream keeps only
// what it needs to log in and opens its OWN session in start(), on the
// thread that calls it (ServerSampler's sampler thread), separate from the
// driver's session on the caller's thread. stop() closes the channel and
// that session on the same thread.
class SshSampleStream final : public SampleStream {
public:
    SshSampleStream(SshTarget target, SshCredentials credentials, HostKeyPolicy policy,
                    SshShell::SudoOptions sudo);
    ~SshSampleStream() override;

    [[nodiscard]] QString targetName() const override;
    Status start(const SamplerProgram &program) override;
    Result<QByteArray> read(std::chrono::milliseconds timeout) override;
    void stop() override;

private:
    SshTarget m_target;
    SshCredentials m_credentials;
    HostKeyPolicy m_policy;
    SshShell::SudoOptions m_sudo;
    std::unique_ptr<SshShell> m_shell;         // owns the session
    std::unique_ptr<SshExecChannel> m_channel; // goes before the session
};

} // namespace mpmlab
