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

// How host keys are checked. A key listed in either file is trusted; an
// unknown key is trusted only if `confirmUnknown` says so (then it is added
// to MPM Lab's own file, never to the user's); a changed key is refused,
// always. There is no way to connect to an unverified host silently.
struct HostKeyPolicy {
    QString userKnownHostsFile;   // ~/.ssh/known_hosts: read only
    QString mpmlabKnownHostsFile; // MPM Lab's own file: read and appended to
    // Empty: unknown keys are refused.
    std::function<bool(const UnknownHostKey &)> confirmUnknown;

    // ~/.ssh/known_hosts and DATA/mpmlab/known_hosts, nothing confirmed.
    static HostKeyPolicy defaults();
};

} // namespace mpmlab
