#pragma once

#include "LabConfig.h"
#include "LabSettings.h"
#include "common/Result.h"

#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace mpmlab {

struct LabOptions;

// Starts a local lab's Apache and proves it up: first the processes the
// lab left behind (children of a killed parent, a parent without its pid
// file) go; the port is the lab's own unless --port asks for another, and
// a port held by something else is an error naming it, never a silent
// move (only a new lab picks the next free port); configtest; `apache2 -k
// start`; readiness checked twice. On failure everything it started goes
// and the error carries the error_log lines written meanwhile.
class LabStarter {
public:
    enum class Mode {
        Forward, // the asked port (--port) or the lab's; a Stop ends the readiness wait
        Back,    // putting a previous state back: its own port, to the end
    };
    using Progress = std::function<void(const QString &step)>;
    using StopRequested = std::function<bool()>;

    LabStarter(const LabOptions &options, LabConfig base, Progress progress,
               StopRequested stopRequested);

    // Starts the lab with `settings` and saves them (with the port used)
    // in lab.json.
    [[nodiscard]] Status start(const LabSettings &settings, Mode mode) const;

private:
    [[nodiscard]] Result<quint16> choosePort(const LabSettings &saved, Mode mode) const;
    [[nodiscard]] QString errorLogSince(qint64 offset) const;
    // `error` with the error_log lines written since `offset` appended.
    [[nodiscard]] Error withErrorLog(Error error, qint64 offset) const;

    const LabOptions &m_options;
    LabConfig m_base;
    Progress m_progress;
    StopRequested m_stopRequested;
};

} // namespace mpmlab
