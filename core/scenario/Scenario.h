#pragma once

#include "ExpectationCheck.h"
#include "LocalizedText.h"
#include "ScenarioLoad.h"
#include "ScenarioServer.h"

#include <QJsonObject>
#include <QList>

namespace mpmlab {

// One experiment, the same on every MPM: server settings, a workload, the
// MPMs to compare, and what the course expects, in words and as checks.
// The expectation is a hypothesis: a campaign reports what it measured
// and whether each check held, never the other way round.
//
// A scenario is a versioned JSON file (schema below `schemaVersion`); the
// built-in ones (ScenarioLibrary) are written the same way, so any of them
// is a model for a user's own. See README "Scenario files".
struct Scenario {
    static constexpr int schemaVersion = 1;

    QString id; // [a-z0-9-]+: scripts and file names use it
    LocalizedText name;
    LocalizedText summary;     // one line: what is done and why
    LocalizedText expectation; // what the course claims, in its words
    QList<MpmKind> mpms{allMpmKinds.begin(), allMpmKinds.end()};
    ScenarioServer server;
    ScenarioLoad load;
    QList<ExpectationCheck> checks;

    // `origin` names the file (or "built-in") in errors.
    static Result<Scenario> fromJson(const QJsonObject &object, const QString &origin);
    static Result<Scenario> fromFile(const QString &path);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace mpmlab
