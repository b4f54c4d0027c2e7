#pragma once

#include "common/ProcessRunner.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>

namespace mpmlab {

class SshExecChannel;

// A POSIX shell on the server under test: what the SSH Apache driver needs
// and nothing more, so it can be driven over any transport. Scripts are
// POSIX sh text; every value in them must come through shellQuote() after
// validation. One shell belongs to one thread.
class RemoteShell {
public:
    virtual ~RemoteShell() = default;

    // "ssh://user@host:port".
    [[nodiscard]] virtual QString targetName() const = 0;

    // Whether the *AsRoot calls really run as root. A shell opened for
    // reading only (the sampler's, or a driver that only looks) may run them
    // as the login user.
    [[nodiscard]] virtual bool hasRoot() const = 0;

    // Runs `script` with /bin/sh as root (through sudo when the login user
    // is not root), `input` on its stdin.
    virtual Result<ProcessOutput> runAsRoot(const QString &script,
                                            const QByteArray &input = {}) = 0;
    // The same, giving stdout to `onOutput` as it arrives.
    using OutputHandler = std::function<void(const QByteArray &chunk)>;
    virtual Result<ProcessOutput> streamAsRoot(const QString &script,
                                               std::chrono::milliseconds timeout,
                                               const OutputHandler &onOutput) = 0;

    // Starts `script` as root like streamAsRoot, but leaves it running with
    // its stdin open (the sudo password, if any, already consumed from it):
    // for a program that runs until its stdin closes (the sampler, a lock
    // held on the server).
    virtual Result<std::unique_ptr<SshExecChannel>> startAsRoot(const QString &script) = 0;

    // An HTTP GET to 127.0.0.1:port on the server itself (mod_status says
    // `Require local`): the raw reply, headers and body.
    virtual Result<QByteArray> httpGetOnServer(quint16 port, const QString &path) = 0;

    // Small files (config files, test pages) as root: a temporary file in
    // the same directory renamed over `path`, so readers never see half a
    // file; mode and owner of an existing file are kept.
    Status uploadAsRoot(const QString &path, const QByteArray &contents);
    Result<QByteArray> downloadAsRoot(const QString &path);

protected:
    RemoteShell() = default;
};

} // namespace mpmlab
