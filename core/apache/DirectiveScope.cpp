#include "DirectiveScope.h"

namespace mpmlab {

QList<MpmKind> mpmsInScope(DirectiveScope scope, MpmKind configured)
{
    if (scope == DirectiveScope::EveryMpm)
        return {allMpmKinds.begin(), allMpmKinds.end()};
    return {configured};
}

} // namespace mpmlab
