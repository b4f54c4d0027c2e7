#pragma once

#include "common/Result.h"
#include "scenario/CampaignResult.h"

#include <QStringList>

namespace mpmlab {

// Every time series of a campaign as CSV files in one directory, two per
// run: load-MPM-N.csv (one row per ~100 ms interval) and server-MPM-N.csv
// (one row per sample), N counting repeats from 1; times in seconds on the
// run's clock, so the two files of a run line up. Empty cells: no value.
class SeriesCsv {
public:
    // The files written, or the first write error (nothing is left half-written).
    static Result<QStringList> write(const CampaignResult &campaign, const QString &directory);
};

} // namespace mpmlab
