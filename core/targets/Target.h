#pragma once

#include "TargetSpec.h"
#include "apache/ServerDriver.h"
#include "common/Result.h"
#include "monitor/SamplerProgram.h"

#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>

namespace mpmlab {

class SampleStream;
class ServerSampler;

// An opened target: the server driver, and the means to sample the server
// the way that driver describes it (pid file, status port) over the right
// transport (/bin/sh here, or an SSH session of its own). Used from one
// thread, like the driver it owns.
class Target {
public:
    // Control: root (or sudo) is required, as every change needs it.
    // LookOnly: a login without root is accepted; the driver can then only
    // read (state, directives) and sample.
    enum class Access { Control, LookOnly };

    // Connects (SSH: on the calling thread, host key checked, the login's
    // questions asked through its callbacks) and detects the server. The
    // local lab opens without touching anything. `stop` ends the wait for
    // the server at any step within ~50 ms (Cancelled). The sampler's
    // sessions log in with what this one was told: the host key it
    // trusted, the password, passphrase and sudo password it was given;
    // they ask nothing.
    static Result<std::unique_ptr<Target>> open(const TargetSpec &spec,
                                                Access access = Access::Control,
                                                const ServerDriver::ProgressHandler &progress = {},
                                                std::stop_token stop = {});
    // How this target's sampler reaches the server: a new stream each call.
    using StreamFactory = std::function<std::unique_ptr<SampleStream>()>;
    // A target from its parts: for front ends with a driver of their own,
    // and for tests (a scripted driver, a stream replaying recorded frames).
    Target(TargetSpec spec, std::unique_ptr<ServerDriver> driver, StreamFactory streams);
    ~Target();
    Target(const Target &) = delete;
    Target &operator=(const Target &) = delete;

    [[nodiscard]] const TargetSpec &spec() const { return m_spec; }
    [[nodiscard]] QString name() const { return m_spec.name(); }
    [[nodiscard]] ServerDriver &driver() { return *m_driver; }

    // The sampler program for the server as it is configured now, every
    // `interval`.
    Result<SamplerProgram> samplerProgram(std::chrono::milliseconds interval);
    // A sampler for it (not started: start() it on the thread that will
    // read it, which may be any).
    Result<std::unique_ptr<ServerSampler>> makeSampler(const SamplerProgram &program) const;

private:
    // An SSH target's driver, and the login its sampler's sessions use.
    struct OpenedSsh {
        std::unique_ptr<ServerDriver> driver;
        SshLogin sampler;
    };
    static Result<OpenedSsh> openSsh(const SshLogin &login, Access access,
                                     const ServerDriver::ProgressHandler &progress,
                                     std::stop_token stop);

    TargetSpec m_spec;
    std::unique_ptr<ServerDriver> m_driver;
    StreamFactory m_streams;
};

} // namespace mpmlab
