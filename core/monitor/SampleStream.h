#pragma once

#include "SamplerProgram.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <optional>

namespace mpmlab {

// The transport under the sampler: start the sampler script on the server,
// hand back its stdout as it comes, stop it. The local target runs it with
// /bin/sh (LocalSampleStream); the SSH target runs the same program over
// one exec channel of its libssh session.
//
// A stream is used from one thread only, the one that calls start() (libssh
// sessions and QProcess both belong to one thread), and never blocks longer
// than the timeout it is given, so its owner can stop within ~100 ms.
class SampleStream {
public:
    virtual ~SampleStream() = default;
    SampleStream(const SampleStream &) = delete;
    SampleStream &operator=(const SampleStream &) = delete;

    // "local" or "ssh://user@host:port", for messages.
    [[nodiscard]] virtual QString targetName() const = 0;

    // Runs `program` on the server. NotInstalled when there is no shell to
    // run it, Network when the connection fails.
    virtual Status start(const SamplerProgram &program) = 0;

    // Waits up to `timeout` for output and returns what arrived, in chunks
    // of any size (empty when nothing did). Fails once the program has
    // ended or the connection broke, with what it printed on stderr in the
    // error's details.
    virtual Result<QByteArray> read(std::chrono::milliseconds timeout) = 0;

    // Ends the program (its stdin closed, then killed if it lingers) and
    // waits for it. Harmless when not started or already stopped.
    virtual void stop() = 0;

    // The CPU time the program used so far, when it runs on this machine
    // (where it shares the cores with a local lab); empty elsewhere.
    [[nodiscard]] virtual std::optional<double> ownCpuSeconds() const { return std::nullopt; }

protected:
    SampleStream() = default;
};

} // namespace mpmlab
