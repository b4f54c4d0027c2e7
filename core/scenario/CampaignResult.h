#pragma once

#include "RunRecord.h"
#include "Scenario.h"
#include "TargetFacts.h"
#include "Verdict.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace mpmlab {

// The median and the spread of one figure over an MPM's repeats.
struct Spread {
    double median = 0;
    double min = 0;
    double max = 0;
    int runs = 0;
};

// Everything a campaign did and measured: the scenario as it ran, the
// machine, every run with its time series and summary, and the verdicts.
// What results/CampaignFile writes as campaign.json and reads back.
struct CampaignResult {
    Scenario scenario;
    double scale = 1;
    int repeat = 1;
    QList<MpmKind> mpms;
    TargetFacts target;
    QDateTime started;
    QDateTime finished;
    bool cancelled = false;
    QString error;        // why the campaign ended early, if it did
    QString restoreError; // the server could not be put back (the user must act)
    QList<RunRecord> runs;
    QList<Verdict> verdicts;

    [[nodiscard]] QList<const RunRecord *> runsOf(MpmKind mpm) const;
    // Over the MPM's runs that have the metric; empty when none has it.
    [[nodiscard]] std::optional<Spread> spread(MpmKind mpm, QStringView metric) const;
};

} // namespace mpmlab

Q_DECLARE_METATYPE(mpmlab::CampaignResult)
