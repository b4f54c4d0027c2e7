#pragma once

#include "load/LoadResult.h"
#include "load/LoadSnapshot.h"

#include <QString>
#include <QTextStream>

// The text a user of ab recognises, from a LoadResult: the same lines in
// the same order, times in milliseconds with decimals, plus p99.9, the
// failure breakdown always, and the open-loop and idle-connection parts.
class LoadReport {
public:
    static void print(QTextStream &out, const mpmlab::LoadResult &result);

    // The CSV time series: one header line, then one row per interval.
    static QString timeSeriesHeader();
    static QString timeSeriesRow(const mpmlab::LoadSnapshot &snapshot, double intervalSeconds);
};
