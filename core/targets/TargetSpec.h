#pragma once

#include "SshLogin.h"
#include "common/Result.h"
#include "local/LocalLab.h"

#include <QString>

namespace mpmlab {

// Which server a front end works on, before anything is opened: the local
// lab (with its options) or a server over SSH (with its login). The one
// description that Target::open() turns into a driver and a sampler, for
// the CLI, the GUI and the campaign runner alike.
struct TargetSpec {
    enum class Kind { Local, Ssh };

    Kind kind = Kind::Local;
    LabOptions lab; // Kind::Local
    SshLogin ssh;   // Kind::Ssh

    // "local" or "ssh://user@host[:port]"; the login's credentials, host-key
    // policy and sudo are left for the caller to fill. InvalidInput
    // otherwise, naming both forms.
    static Result<TargetSpec> parse(const QString &text);
    // The local lab with `options`.
    static TargetSpec local(LabOptions options);

    // "local" or "ssh://user@host:port".
    [[nodiscard]] QString name() const;
    [[nodiscard]] bool isLocal() const { return kind == Kind::Local; }
};

} // namespace mpmlab
