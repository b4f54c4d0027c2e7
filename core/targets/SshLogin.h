#pragma once

#include "remote/HostKeyPolicy.h"
#include "remote/SshCredentials.h"
#include "remote/SshShell.h"
#include "remote/SshTarget.h"
#include "ssh/RemoteApacheControl.h"

namespace mpmlab {

// Everything needed to log in to a server and find its Apache: where, as
// whom, how host keys are checked, sudo, and which instance. Front ends
// fill it (a command line, a connection dialog); every session of a
// target (the driver's and the sampler's) logs in with the same one.
struct SshLogin {
    SshTarget target;
    SshCredentials credentials;
    HostKeyPolicy policy;
    SshShell::SudoOptions sudo;
    RemoteApacheOptions apache; // configDir: a Debian instance /etc/apache2-NAME
};

} // namespace mpmlab
