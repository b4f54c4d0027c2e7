#pragma once

#include <QString>
#include <functional>

namespace mpmlab {

// What the caller is asked when a server presents a host key that no
// known_hosts file lists: accept it (and remember it) or refuse.
struct UnknownHostKey {
    QString host; // as the user typed it
    quint16 port = 0;
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..." as ssh-keygen -l prints it
};

// The answer to an unknown host key.
enum class HostKeyTrust {
    Refuse,   // do not connect
    ThisTime, // connect, and remember nothing
    Remember, // connect, and add the key to MPM Lab's own known_hosts
};

// How host keys are checked. A key listed in either file is trusted; an
// unknown key is trusted only if `confirmUnknown` says so (remembered in
// MPM Lab's own file when asked, never in the user's); a changed key is
// refused, always. There is no way to connect to an unverified host silently.
struct HostKeyPolicy {
    QString userKnownHostsFile;   // ~/.ssh/known_hosts: read only
    QString mpmlabKnownHostsFile; // MPM Lab's own file: read and appended to
    // Empty: unknown keys are refused.
    std::function<HostKeyTrust(const UnknownHostKey &)> confirmUnknown;
    // The fingerprint of an unknown key already trusted for this target
    // ("this time"): later sessions of the same target (the sampler's)
    // accept exactly that key without asking again. A changed key is still
    // refused.
    QString trustedFingerprint;

    // ~/.ssh/known_hosts and DATA/mpmlab/known_hosts, nothing confirmed.
    static HostKeyPolicy defaults();
};

} // namespace mpmlab
