#pragma once

#include "Scenario.h"

#include <QList>
#include <QStringList>

namespace mpmlab {

// The built-in scenarios: the six experiments of the reference course
// (high-load, keep-alive, large-file, memory-limit, resources,
// stress-limit) and MPM Lab's own that make each design visible
// (keep-alive-browsers, idle-keep-alive). Their ids are stable: scripts
// rely on them. They ship as JSON files in the program's resources
// (core/scenario/builtin/), written like any user's scenario file.
class ScenarioLibrary {
public:
    // In the course's order, then MPM Lab's own.
    static QStringList builtInIds();
    static QList<Scenario> builtIns();
    // A built-in id, or the path of a scenario file.
    static Result<Scenario> find(const QString &idOrPath);
};

} // namespace mpmlab
