#pragma once

#include "scenario/CampaignResult.h"

#include <QString>

namespace mpmlab {

// A campaign as plain text for a terminal or a log, in English or French:
// the scenario and the machine, one column per MPM with the figures that
// matter (median and spread over repeats), the runs that failed to start
// with Apache's words, then each verdict, held or not, with its evidence.
class TextReport {
public:
    static QString render(const CampaignResult &campaign, QStringView language = u"en");
    // The figures the table shows, in order (RunSummary metric names).
    static QStringList tableMetrics();
};

} // namespace mpmlab
