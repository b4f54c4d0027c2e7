#include "RunRecorder.h"

#include "load/LoadRun.h"
#include "monitor/ServerSampler.h"

namespace mpmlab {

namespace {

double percentileMs(const LatencyHistogram &histogram, double percent)
{
    return histogram.count() ? double(histogram.valueAtPercentile(percent)) / 1000.0
                             : LoadPoint::none;
}

} // namespace

RunRecorder::RunRecorder(RunClock clock)
    : m_clock(clock)
{
}

void RunRecorder::attachLoad(LoadRun *load)
{
    m_load = load;
    if (!load)
        return;
    m_lastLoadT = m_clock.secondsAt(load->startMicros());
    const std::lock_guard lock(m_mutex);
    m_loadStartT = m_lastLoadT;
}

void RunRecorder::attachSampler(ServerSampler *sampler) { m_sampler = sampler; }

LoadPoint RunRecorder::pointFor(const LoadSnapshot &s, double t, double interval, int clients)
{
    LoadPoint point;
    point.t = t;
    point.interval = interval;
    point.warmingUp = s.warmingUp;
    point.requestsPerSecond = interval > 0 ? double(s.counters.completed) / interval : 0.0;
    point.p50Ms = percentileMs(s.latency, 50);
    point.p90Ms = percentileMs(s.latency, 90);
    point.p99Ms = percentileMs(s.latency, 99);
    point.maxMs = s.latency.count() ? double(s.latency.max()) / 1000.0 : LoadPoint::none;
    point.longestWaitMs = double(s.oldestInFlightMicros) / 1000.0;
    point.counters = s.counters;
    point.connecting = s.connecting;
    point.awaiting = s.awaiting;
    point.thinking = s.thinking;
    point.openConnections = s.openConnections;
    point.idleConnectionsOpen = s.idleConnectionsOpen;
    point.clientsNeverServed = std::max(0, clients - s.clientsServed);
    return point;
}

ServerPoint RunRecorder::pointFor(const ServerSample &sample, double t)
{
    const ServerFigures &f = sample.figures;
    ServerPoint point;
    point.t = t;
    point.running = sample.parentPid.has_value();
    point.processes = f.processCount;
    point.threads = f.threadCount;
    point.rssKb = f.rssKb;
    point.pssKb = f.pssKb;
    point.ussKb = f.ussKb;
    point.pssComplete = f.processesWithoutSmaps == 0;
    point.memUsedKb = f.memUsedKb;
    point.memTotalKb = sample.memTotalKb;
    point.cores = sample.cpuCount;
    point.apacheCpuPercent = f.apacheCpuPercent.value_or(ServerPoint::none);
    point.systemCpuPercent = f.systemCpuPercent.value_or(ServerPoint::none);
    if (const std::optional<ServerStatus> &status = sample.status) {
        point.busyWorkers = status->busyWorkers.value_or(-1);
        point.idleWorkers = status->idleWorkers.value_or(-1);
        point.connsTotal = status->connsTotal.value_or(-1);
        point.connsAsyncKeepAlive = status->connsAsyncKeepAlive.value_or(-1);
        point.connsAsyncWriting = status->connsAsyncWriting.value_or(-1);
        point.connsAsyncClosing = status->connsAsyncClosing.value_or(-1);
        point.slotCount = status->scoreboard.slotCount();
        for (int i = 0; i < Scoreboard::slotStateCount; ++i)
            point.slotStates[std::size_t(i)] = status->scoreboard.count(Scoreboard::SlotState(i));
    }
    return point;
}

void RunRecorder::addLoad(const LoadSnapshot &snapshot)
{
    const double t = m_clock.secondsAt(m_load->startMicros() + snapshot.elapsedMicros);
    const LoadPoint point = pointFor(snapshot, t, t - m_lastLoadT, m_load->spec().concurrency);
    m_lastLoadT = t;
    const std::lock_guard lock(m_mutex);
    m_loadPoints.push_back(point);
    if (!snapshot.warmingUp) {
        m_totals += snapshot.counters;
        m_latency.add(snapshot.latency);
    }
}

void RunRecorder::tick()
{
    bool added = false;
    if (m_load) {
        const LoadSnapshot snapshot = m_load->collect();
        // Nothing published since the last tick: no interval to record.
        if (snapshot.elapsedMicros > 0) {
            addLoad(snapshot);
            added = true;
        }
    }
    if (m_sampler) {
        const QList<ServerSample> samples = m_sampler->takeSamples();
        if (!samples.isEmpty()) {
            std::vector<ServerPoint> points;
            points.reserve(std::size_t(samples.size()));
            for (const ServerSample &sample : samples)
                points.push_back(pointFor(sample, m_clock.secondsAt(sample.receivedSteadyMicros)));
            const std::lock_guard lock(m_mutex);
            m_serverPoints.insert(m_serverPoints.end(), points.begin(), points.end());
            // The newest sample that read mod_status: not every sample does
            // (a status request can time out on a saturated server).
            for (qsizetype i = samples.size() - 1; i >= 0; --i) {
                if (const std::optional<ServerStatus> &status = samples.at(i).status) {
                    m_scoreboard = status->scoreboard.text();
                    m_scoreboardT = points.at(std::size_t(i)).t;
                    break;
                }
            }
            for (qsizetype i = 0; i < samples.size(); ++i) {
                const std::optional<ServerStatus> &status = samples.at(i).status;
                if (status && status->scoreboard.busy() > m_busiestSlots) {
                    m_busiestSlots = status->scoreboard.busy();
                    m_busiestScoreboard = status->scoreboard.text();
                    m_busiestScoreboardT = points[std::size_t(i)].t;
                }
            }
            added = true;
        }
    }
    if (added) {
        const std::lock_guard lock(m_mutex);
        ++m_generation;
    }
}

quint64 RunRecorder::generation() const
{
    const std::lock_guard lock(m_mutex);
    return m_generation;
}

RunUpdate RunRecorder::readSince(RunCursor &cursor) const
{
    const std::lock_guard lock(m_mutex);
    RunUpdate update;
    const auto loadFrom = std::min(cursor.load, m_loadPoints.size());
    const auto serverFrom = std::min(cursor.server, m_serverPoints.size());
    update.load.assign(m_loadPoints.begin() + std::ptrdiff_t(loadFrom), m_loadPoints.end());
    update.server.assign(m_serverPoints.begin() + std::ptrdiff_t(serverFrom), m_serverPoints.end());
    update.scoreboard = m_scoreboard;
    update.scoreboardT = m_scoreboardT;
    update.generation = m_generation;
    cursor.load = m_loadPoints.size();
    cursor.server = m_serverPoints.size();
    return update;
}

std::vector<LoadPoint> RunRecorder::loadPoints() const
{
    const std::lock_guard lock(m_mutex);
    return m_loadPoints;
}

std::vector<ServerPoint> RunRecorder::serverPoints() const
{
    const std::lock_guard lock(m_mutex);
    return m_serverPoints;
}

LoadCounters RunRecorder::totals() const
{
    const std::lock_guard lock(m_mutex);
    return m_totals;
}

LatencyHistogram RunRecorder::latency() const
{
    const std::lock_guard lock(m_mutex);
    return m_latency;
}

QString RunRecorder::busiestScoreboard(double *t) const
{
    const std::lock_guard lock(m_mutex);
    if (t)
        *t = m_busiestScoreboardT;
    return m_busiestScoreboard;
}

double RunRecorder::loadStartT() const
{
    const std::lock_guard lock(m_mutex);
    return m_loadStartT;
}

} // namespace mpmlab
