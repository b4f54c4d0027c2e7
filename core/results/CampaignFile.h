#pragma once

#include "common/Result.h"
#include "scenario/CampaignResult.h"

#include <QJsonObject>
#include <QString>

namespace mpmlab {

// campaign.json: one campaign, everything it did and measured, versioned.
// Keys scripts rely on (a contract; more may be added, never renamed):
//   schema; scenario.id; runs[] with mpm, started, error and summary
//   (requestsPerSecond, completed, failed, p50Ms, p99Ms, maxMs,
//   inFlightAtEnd, clientsNeverServed, peakPssKib, peakRssKib,
//   peakProcesses, peakThreads, serverCpuSeconds); verdicts[] with id,
//   expected.en, expected.fr, held (true, false or null) and evidence.
// The time series of each run are columns under runs[].series.
class CampaignFile {
public:
    static constexpr int schemaVersion = 1;

    static QJsonObject toJson(const CampaignResult &campaign);
    // A file of a newer schema, or a corrupted one, gives an error that says
    // which and where.
    static Result<CampaignResult> fromJson(const QJsonObject &object, const QString &origin);

    // Written atomically: readers see the old file or the new one.
    static Status save(const CampaignResult &campaign, const QString &path);
    static Result<CampaignResult> load(const QString &path);
};

} // namespace mpmlab
