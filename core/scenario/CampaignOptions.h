#pragma once

#include "apache/MpmKind.h"

#include <QList>
#include <chrono>
#include <optional>

namespace mpmlab {

// How a campaign runs its scenario: on which MPMs, how many times each
// (interleaved: prefork, worker, event, prefork, worker, event...), and at
// which scale (0.1: a tenth of the requests and of the duration, for a
// quick demo or CI; concurrency, think time and idle clients unchanged).
struct CampaignOptions {
    static constexpr int maxRepeat = 20;
    static constexpr double minScale = 0.01;
    static constexpr double maxScale = 10;

    QList<MpmKind> mpms; // empty: the scenario's
    int repeat = 1;
    double scale = 1;
    // Between server samples; empty: 200 ms for short runs, up to 500 ms
    // for long ones, so every run gets at least ~20 samples.
    std::optional<std::chrono::milliseconds> samplingInterval;
};

} // namespace mpmlab
