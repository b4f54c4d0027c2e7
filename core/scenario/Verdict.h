#pragma once

#include "LocalizedText.h"
#include "apache/MpmKind.h"

#include <QList>
#include <QMap>
#include <optional>

namespace mpmlab {

// Whether one of a scenario's checks held in a campaign, with the numbers
// it compared and what the server showed that explains them: "150 of 150
// scoreboard slots in keep-alive (K) at 4.2 s", "PSS 50 MiB vs RSS 964 MiB",
// "did not start: AH03142".
struct Verdict {
    QString id;
    LocalizedText expected; // the claim, in the course's words
    LocalizedText rule;     // the check, as MPM Lab evaluated it
    QString metric;
    std::optional<bool> held;                    // empty: could not be decided (a figure missing)
    QMap<MpmKind, std::optional<double>> values; // the median per MPM
    QList<LocalizedText> evidence;
};

} // namespace mpmlab
