#pragma once

#include "MpmKind.h"

#include <QList>

namespace mpmlab {

// Where a change of an MPM's own directive (MaxRequestWorkers,
// ThreadsPerChild...) goes: each MPM reads its own section, so a value set
// for event alone leaves prefork at its own after a switch.
enum class DirectiveScope {
    ConfiguredMpm, // the MPM the config loads now
    EveryMpm,      // every MPM the directive applies to
};

// The MPMs whose sections a change in `scope` writes, with `configured`
// the MPM loaded now. A directive only goes into the sections of the MPMs
// it applies to (ManagedOverride::apply).
QList<MpmKind> mpmsInScope(DirectiveScope scope, MpmKind configured);

} // namespace mpmlab
