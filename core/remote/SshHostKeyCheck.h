#pragma once

#include "HostKeyPolicy.h"
#include "SshTarget.h"
#include "common/Result.h"

#include <libssh/libssh.h>

namespace mpmlab {

// Decides, on a connected but not yet authenticated session, whether the
// server is who the known_hosts files say it is. Returns the SHA256
// fingerprint of the accepted key.
Result<QString> checkHostKey(ssh_session session, const SshTarget &target,
                             const HostKeyPolicy &policy);

// "SHA256:base64" of a public key, as `ssh-keygen -l` prints it.
QString sha256Fingerprint(ssh_key key);

} // namespace mpmlab
