#include "HostKeyPolicy.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace mpmlab {

HostKeyPolicy HostKeyPolicy::defaults()
{
    HostKeyPolicy policy;
    policy.userKnownHostsFile = QDir::homePath() + u"/.ssh/known_hosts"_s;
    policy.mpmlabKnownHostsFile =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/mpmlab/known_hosts"_s;
    return policy;
}

} // namespace mpmlab
