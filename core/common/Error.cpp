#include "Error.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

QString Error::toString() const
{
    if (details.trimmed().isEmpty())
        return message;
    return message % u'\n' % details.trimmed();
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::InvalidInput: return u"invalid-input"_s;
    case Kind::NotInstalled: return u"not-installed"_s;
    case Kind::Busy: return u"busy"_s;
    case Kind::ConfigRejected: return u"config-rejected"_s;
    case Kind::StartFailed: return u"start-failed"_s;
    case Kind::StopFailed: return u"stop-failed"_s;
    case Kind::NotRunning: return u"not-running"_s;
    case Kind::Timeout: return u"timeout"_s;
    case Kind::Io: return u"io"_s;
    case Kind::Network: return u"network"_s;
    case Kind::HostKey: return u"host-key"_s;
    case Kind::Cancelled: return u"cancelled"_s;
    }
    return u"unknown"_s;
}

} // namespace mpmlab
