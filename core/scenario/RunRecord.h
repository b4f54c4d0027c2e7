#pragma once

#include "apache/DirectiveSet.h"
#include "apache/ServerProfile.h"
#include "run/LoadPoint.h"
#include "run/RunSummary.h"
#include "run/ServerPoint.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace mpmlab {

// One run of a campaign: one MPM, one repeat. A run whose server did not
// start under the scenario's settings is a result too: `started` false,
// with Apache's own lines in `errorDetails`.
struct RunRecord {
    MpmKind mpm = MpmKind::Prefork;
    int repeat = 0; // from 0
    bool started = false;
    bool completed = false; // the load ran to its end (not stopped, not failed)
    QString error;
    QString errorDetails;
    QStringList warnings;   // what Apache or MPM Lab said about the settings
    ServerProfile profile;  // what the campaign asked for
    DirectiveSet effective; // what Apache uses afterwards, as the driver reads it
    qint64 startedAtMs = 0; // wall clock, when the run's clock started
    double loadStartT = 0;  // s on the run's clock: the measured period
    double loadEndT = 0;
    int clientThreads = 0;
    double samplingIntervalMs = 0;
    RunSummary summary;
    std::vector<LoadPoint> load;
    std::vector<ServerPoint> server;
    QString busiestScoreboard; // mod_status's scoreboard at the busiest sample
    double busiestScoreboardT = 0;
    QJsonObject loadResult; // the engine's whole result, as `mpmlab-cli load --json` writes it

    // A metric as verdicts compare it. A server that did not start failed
    // every request (failureRatio 1) and has no other figure; a run cut
    // short has none.
    [[nodiscard]] std::optional<double> metric(QStringView name) const;
};

} // namespace mpmlab
