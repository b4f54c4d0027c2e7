#include "RunRecord.h"

namespace mpmlab {

std::optional<double> RunRecord::metric(QStringView name) const
{
    if (!started)
        return name == u"failureRatio" ? std::optional<double>(1.0) : std::nullopt;
    // A run cut short (stopped, or a load that could not start) decides nothing.
    if (!completed)
        return std::nullopt;
    return summary.metric(name);
}

} // namespace mpmlab
