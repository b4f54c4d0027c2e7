#pragma once

#include "common/Error.h"

// mpmlab-cli's exit codes, stable for scripts (listed in the README).
enum ExitCode : int {
    Success = 0,
    Failure = 1,        // anything not listed below (a file that cannot be written...)
    UsageError = 2,     // bad command line, a value out of range, a directory that is no lab,
                        // an open-file limit too low for the load asked
    NotRunning = 3,     // `status` of a stopped server (as LSB init scripts do)
    NotInstalled = 4,   // a required program or package is missing
    Busy = 5,           // a port is taken, or another command owns the lab or server
    ConfigRejected = 6, // Apache's configtest failed
    StartFailed = 7,    // the server did not start, or died right after
    Timeout = 8,
    Stopped = 9,         // Ctrl+C or SIGTERM ended the work early; a changed server was put back
    Incomplete = 10,     // `load`: --max-duration ended the run before its requests or -t were done
    HostKeyRefused = 11, // the server's host key is unknown and was not accepted, or changed
};

ExitCode exitCodeFor(mpmlab::Error::Kind kind);
