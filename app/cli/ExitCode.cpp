#include "ExitCode.h"

ExitCode exitCodeFor(mpmlab::Error::Kind kind)
{
    using Kind = mpmlab::Error::Kind;
    switch (kind) {
    case Kind::InvalidInput: return UsageError;
    case Kind::NotInstalled: return NotInstalled;
    case Kind::Busy: return Busy;
    case Kind::ConfigRejected: return ConfigRejected;
    case Kind::StartFailed: return StartFailed;
    case Kind::NotRunning: return NotRunning;
    case Kind::Timeout: return Timeout;
    case Kind::Cancelled: return Stopped;
    case Kind::HostKey: return HostKeyRefused;
    case Kind::StopFailed:
    case Kind::Io:
    case Kind::Network: return Failure;
    }
    return Failure;
}
