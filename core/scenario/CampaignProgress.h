#pragma once

#include "LocalizedText.h"
#include "apache/MpmKind.h"

#include <QMetaType>
#include <QString>
#include <memory>
#include <optional>

namespace mpmlab {

class RunRecorder;

// Where a campaign stands, for a progress line or bar: the step, the MPM,
// the run, how far in all and how long still. While a run loads, `recorder`
// is that run's live record, which any thread may read (RunRecorder::
// readSince) to draw it as it happens.
struct CampaignProgress {
    enum class Step {
        Preparing, // reading the server, writing the test files
        Applying,  // the MPM and the scenario's settings: configtest, restart, readiness
        WarmingUp, // the sampler's baseline and the load's warm-up
        Loading,
        Restoring, // putting the server back as it was
        Done,
    };

    Step step = Step::Preparing;
    std::optional<MpmKind> mpm;
    int repeat = 0; // from 0
    int run = 0;    // from 0, over all MPMs and repeats
    int runs = 0;
    double fraction = 0;              // of the whole campaign, 0 to 1
    std::optional<double> etaSeconds; // what is left, estimated
    QString detail;                   // the driver's own step ("Stopping prefork")
    std::shared_ptr<const RunRecorder> recorder;

    [[nodiscard]] static LocalizedText stepName(Step step);
};

} // namespace mpmlab

Q_DECLARE_METATYPE(mpmlab::CampaignProgress)
