#pragma once

#include "CampaignResult.h"
#include "Verdict.h"

namespace mpmlab {

// Decides each of a scenario's checks on a campaign's runs (the median of
// each MPM's repeats) and writes its evidence in both languages: the
// numbers compared, then, for each MPM involved, what the server showed at
// its worst moment (scoreboard slots held, connections parked by event's
// listener, clients never served, requests still waiting, PSS against RSS,
// CPU time, a start that failed with Apache's own line).
class VerdictJudge {
public:
    static QList<Verdict> judge(const CampaignResult &campaign);
    static Verdict judge(const ExpectationCheck &check, const CampaignResult &campaign);
};

} // namespace mpmlab
