#pragma once

#include "common/Result.h"
#include "targets/TargetSpec.h"

#include <QStringList>
#include <optional>

// What `mpmlab` was asked on its command line: the target, the language,
// and the scripted uses (open a campaign, run a scenario, save a
// screenshot and quit) that prepare a class or test the window.
struct GuiOptions {
    mpmlab::TargetSpec target;
    QString language;         // empty: the system's
    bool startServer = false; // --start-server (or --start-lab)
    QString openPath;         // a campaign.json to show
    QString scenario;         // an id or a scenario file to select
    std::optional<double> scale;
    bool run = false;   // run the scenario at once
    QString screenshot; // save the window there when ready, then quit
    bool presentation = false;
    bool serverPanel = false; // --panel server

    // Exits (help, version) or returns an error for a bad option.
    static mpmlab::Result<GuiOptions> parse(const QStringList &arguments);
};
