#pragma once

#include "DirectiveSet.h"
#include "MpmKind.h"

#include <optional>

namespace mpmlab {

// Everything a campaign sets on a server for one MPM's run, applied in one
// full restart: the MPM, the directives MPM Lab manages (replacing every
// value MPM Lab set before, so nothing of the previous MPM's run lingers),
// and the memory limit (none: no limit).
struct ServerProfile {
    MpmKind mpm = MpmKind::Event;
    DirectiveSet directives;
    std::optional<qint64> memoryLimitKib;
};

} // namespace mpmlab
