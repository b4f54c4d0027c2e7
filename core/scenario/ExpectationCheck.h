#pragma once

#include "LocalizedText.h"
#include "apache/MpmKind.h"
#include "common/JsonFields.h"

#include <QJsonObject>
#include <QMap>
#include <optional>

namespace mpmlab {

// One machine-checkable part of a scenario's expectation: a metric of one
// MPM's runs (see RunSummary::metricNames()) compared with the other MPMs'
// or with a number. Examples, as a scenario file writes them:
//   {"metric": "requestsPerSecond", "mpm": "event", "is": "highest", "by": 1.25}
//   {"metric": "failureRatio", "mpm": "prefork", "is": "above", "value": 0.01}
//   {"metric": "longestWaitMs", "mpm": "worker", "is": "atLeast", "times": 10, "than": "event"}
struct ExpectationCheck {
    enum class Relation {
        Highest, // more than `factor` x every other MPM's value
        Lowest,  // less than every other MPM's value / `factor`
        Above,   // more than `value`
        Below,   // less than `value`
        AtLeast, // at least `factor` x `than`'s value
    };

    QString id;
    LocalizedText expected; // the claim in words, as the course makes it
    QString metric;
    MpmKind mpm = MpmKind::Prefork;
    Relation relation = Relation::Highest;
    double factor = 1;
    double value = 0;
    std::optional<MpmKind> than;

    static Result<ExpectationCheck> fromJson(const JsonFields &fields);
    [[nodiscard]] QJsonObject toJson() const;

    // Whether the check held, given each MPM's value of the metric; empty
    // when a value it needs is missing (an MPM not run, a figure not
    // measured). Ties never hold: a claim that one MPM is worst needs a
    // worst one.
    [[nodiscard]] std::optional<bool>
    evaluate(const QMap<MpmKind, std::optional<double>> &values) const;
    // The MPMs whose values the check reads.
    [[nodiscard]] QList<MpmKind> involves(const QList<MpmKind> &campaignMpms) const;
    // "event's requests/s is the highest, by 1.25x or more" and in French.
    [[nodiscard]] LocalizedText rule() const;
};

} // namespace mpmlab
