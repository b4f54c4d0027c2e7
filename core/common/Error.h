#pragma once

#include <QString>

namespace mpmlab {

// What went wrong, in the words a user needs to fix it. `kind` lets front
// ends react (the CLI maps it to an exit code); `message` is one sentence;
// `details` carries what the failing tool said (Apache's error_log lines,
// configtest output) verbatim.
struct Error {
    enum class Kind {
        InvalidInput,   // the user asked for something malformed
        NotInstalled,   // a program or package is missing
        Busy,           // a resource is taken (a port, a lock)
        ConfigRejected, // a configuration test failed
        StartFailed,    // a server did not start or died right after
        StopFailed,     // a server did not stop in time
        NotRunning,     // the operation needs a running server
        Timeout,        // something did not answer in time
        Io,             // a file could not be read or written
        Network,        // a connection failed or a reply was malformed
        HostKey,        // a server's host key is unknown and was not accepted, or changed
        Cancelled,      // the user stopped it
    };

    Kind kind = Kind::Io;
    QString message;
    QString details;

    // "message" or "message\ndetails", for logs and consoles.
    [[nodiscard]] QString toString() const;
    [[nodiscard]] static QString kindName(Kind kind);
};

} // namespace mpmlab
