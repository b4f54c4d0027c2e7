#pragma once

#include "common/Result.h"
#include "run/RunSummary.h"

#include <QJsonObject>

namespace mpmlab {

// A run's summary in a campaign file: every figure under its metric name
// (requestsPerSecond, p99Ms, peakPssKib...), null when it does not exist
// (nothing completed, PSS unreadable), plus the moments of the server's
// worst state that verdicts quote.
class SummaryJson {
public:
    static QJsonObject toJson(const RunSummary &summary);
    static Result<RunSummary> fromJson(const QJsonObject &object, const QString &where);
};

} // namespace mpmlab
