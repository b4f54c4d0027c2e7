#pragma once

#include "ApacheProcess.h"
#include "LabConfig.h"
#include "LabSettings.h"
#include "apache/ServerState.h"
#include "apache/ServerStatus.h"
#include "common/Result.h"

#include <chrono>

namespace mpmlab {

// Looks at a local lab without changing or waiting for anything: what
// lab.json says, what the config on disk loads, which of the lab's
// processes run (found by their config path, whatever the pid file says),
// who owns the lab now, and every place where these disagree.
class LabInspector {
public:
    LabInspector(LabSettings settings, LabConfig config, ApacheProcess process);

    [[nodiscard]] ServerState state() const;

    // mod_status's page of the server on 127.0.0.1:`port`.
    static Result<ServerStatus> fetchStatus(quint16 port, std::chrono::milliseconds timeout);

private:
    void addProcessProblems(ServerState &state) const;
    void addConfigProblems(ServerState &state) const;
    void addJournalProblems(ServerState &state) const;

    LabSettings m_settings;
    LabConfig m_config;
    ApacheProcess m_process;
};

} // namespace mpmlab
