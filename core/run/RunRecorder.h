#pragma once

#include "LoadPoint.h"
#include "RunClock.h"
#include "ServerPoint.h"
#include "load/LatencyHistogram.h"
#include "load/LoadCounters.h"

#include <QString>
#include <mutex>
#include <vector>

namespace mpmlab {

class LoadRun;
class ServerSampler;
struct LoadSnapshot;
struct ServerSample;

// Where a reader stopped reading a recorder: the next points it wants.
struct RunCursor {
    std::size_t load = 0;
    std::size_t server = 0;
};

// What a recorder added since a reader's cursor.
struct RunUpdate {
    std::vector<LoadPoint> load;
    std::vector<ServerPoint> server;
    QString scoreboard; // the newest mod_status scoreboard, one symbol per slot
    double scoreboardT = 0;
    quint64 generation = 0;
};

// The record of one run: on each tick() it drains the LoadRun's merged
// snapshots and the ServerSampler's samples into small points on one time
// axis (RunClock), keeps the run's latency histogram and counters for its
// summary, and serves new points to any number of readers (the CLI's
// progress line, the GUI's plot timer, the campaign runner, a metrics
// endpoint), each with its own cursor. tick() runs on the owner's thread;
// readers may be on any thread. Never a histogram per point.
class RunRecorder {
public:
    explicit RunRecorder(RunClock clock = RunClock());

    // Sources, owned by the caller and alive until its last tick(); either
    // may be absent. A load can be attached after the sampler started.
    void attachLoad(LoadRun *load);
    void attachSampler(ServerSampler *sampler);
    // Drains the sources into points. Call it every ~100 ms.
    void tick();

    // Whether anything was added since `generation` (cheap: one atomic-like read).
    [[nodiscard]] quint64 generation() const;
    // The points after `cursor`, which moves past them.
    [[nodiscard]] RunUpdate readSince(RunCursor &cursor) const;
    // Everything recorded so far.
    [[nodiscard]] std::vector<LoadPoint> loadPoints() const;
    [[nodiscard]] std::vector<ServerPoint> serverPoints() const;

    // Over the measured intervals (after the warm-up) so far.
    [[nodiscard]] LoadCounters totals() const;
    [[nodiscard]] LatencyHistogram latency() const;

    // The scoreboard at the busiest sample so far (most slots neither open
    // nor waiting), and when: what a finished run shows of its scoreboard.
    [[nodiscard]] QString busiestScoreboard(double *t = nullptr) const;

    [[nodiscard]] const RunClock &clock() const { return m_clock; }
    // When the load started and ended (s on the clock), 0 / last point's t
    // until known.
    [[nodiscard]] double loadStartT() const;

    // The conversions, for tests and replays.
    [[nodiscard]] static LoadPoint pointFor(const LoadSnapshot &snapshot, double t, double interval,
                                            int clients);
    [[nodiscard]] static ServerPoint pointFor(const ServerSample &sample, double t);

private:
    void addLoad(const LoadSnapshot &snapshot);

    const RunClock m_clock;
    LoadRun *m_load = nullptr;
    ServerSampler *m_sampler = nullptr;
    double m_lastLoadT = 0;

    mutable std::mutex m_mutex; // guards everything below
    std::vector<LoadPoint> m_loadPoints;
    std::vector<ServerPoint> m_serverPoints;
    QString m_scoreboard;
    double m_scoreboardT = 0;
    QString m_busiestScoreboard;
    double m_busiestScoreboardT = 0;
    int m_busiestSlots = -1;
    LoadCounters m_totals;
    LatencyHistogram m_latency;
    double m_loadStartT = 0;
    quint64 m_generation = 0;
};

} // namespace mpmlab
