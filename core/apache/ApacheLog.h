#pragma once

#include <QString>

namespace mpmlab {

// Whether error_log text has lines at alert, emerg or crit level
// ("[mpm_worker:alert]"): a server that logs them is not healthy even if it
// answers now and then (worker under `ulimit -v`: AH03142 every 2 s).
bool hasSevereLogLines(const QString &log);

} // namespace mpmlab
