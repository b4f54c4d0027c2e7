#include "RunSummary.h"

#include "load/LoadResult.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

// A sample taken up to this long after the load ended still shows it: the
// sampler's frame describes the interval before it.
constexpr double trailingSampleSeconds = 0.6; // s

std::optional<double> ms(const LatencyHistogram &histogram, double percent)
{
    if (!histogram.count())
        return std::nullopt;
    return double(histogram.valueAtPercentile(percent)) / 1000.0;
}

} // namespace

double RunSummary::failureRatio() const
{
    return attempted ? double(failed()) / double(attempted) : 0.0;
}

double RunSummary::longestWaitMs() const { return std::max(maxMs.value_or(0.0), oldestInFlightMs); }

QStringList RunSummary::metricNames()
{
    return {u"requestsPerSecond"_s,
            u"completed"_s,
            u"failed"_s,
            u"failureRatio"_s,
            u"p50Ms"_s,
            u"p90Ms"_s,
            u"p99Ms"_s,
            u"maxMs"_s,
            u"longestWaitMs"_s,
            u"inFlightAtEnd"_s,
            u"clientsNeverServed"_s,
            u"peakPssKib"_s,
            u"peakRssKib"_s,
            u"peakUssKib"_s,
            u"peakProcesses"_s,
            u"peakThreads"_s,
            u"serverCpuSeconds"_s,
            u"peakBusySlots"_s,
            u"peakKeepAliveSlots"_s};
}

std::optional<double> RunSummary::metric(QStringView name) const
{
    const auto kib = [](const std::optional<qint64> &value) -> std::optional<double> {
        return value ? std::optional<double>(double(*value)) : std::nullopt;
    };
    if (name == u"requestsPerSecond")
        return requestsPerSecond;
    if (name == u"completed")
        return double(counters.completed);
    if (name == u"failed")
        return double(failed());
    if (name == u"failureRatio")
        return failureRatio();
    if (name == u"p50Ms")
        return p50Ms;
    if (name == u"p90Ms")
        return p90Ms;
    if (name == u"p99Ms")
        return p99Ms;
    if (name == u"maxMs")
        return maxMs;
    if (name == u"longestWaitMs")
        return longestWaitMs();
    if (name == u"inFlightAtEnd")
        return double(inFlightAtEnd);
    if (name == u"clientsNeverServed")
        return double(clientsNeverServed);
    if (name == u"peakPssKib")
        return kib(peakPssKib);
    if (name == u"peakRssKib")
        return kib(peakRssKib);
    if (name == u"peakUssKib")
        return kib(peakUssKib);
    if (name == u"peakProcesses")
        return samples ? std::optional<double>(peakProcesses) : std::nullopt;
    if (name == u"peakThreads")
        return samples ? std::optional<double>(peakThreads) : std::nullopt;
    if (name == u"serverCpuSeconds")
        return serverCpuSeconds;
    if (name == u"peakBusySlots")
        return slotCount ? std::optional<double>(peakBusySlots) : std::nullopt;
    if (name == u"peakKeepAliveSlots")
        return slotCount ? std::optional<double>(peakKeepAliveSlots) : std::nullopt;
    return std::nullopt;
}

RunSummary RunSummary::compute(const LoadResult &load, const std::vector<ServerPoint> &server,
                               double loadStartT, double loadEndT)
{
    RunSummary s;
    s.seconds = load.seconds;
    s.requestsPerSecond = load.requestsPerSecond();
    s.counters = load.counters;
    s.attempted = load.counters.completed + load.counters.failedConnect;
    s.p50Ms = ms(load.total, 50);
    s.p90Ms = ms(load.total, 90);
    s.p99Ms = ms(load.total, 99);
    s.maxMs = load.total.count() ? std::optional<double>(double(load.total.max()) / 1000.0)
                                 : std::nullopt;
    s.connectP99Ms = ms(load.connect, 99);
    s.inFlightAtEnd = load.inFlightAtEnd;
    s.oldestInFlightMs = double(load.oldestInFlightMicros) / 1000.0;
    s.clients = load.clients.clients ? load.clients.clients : load.concurrency;
    s.clientsNeverServed = load.clients.neverServed;
    s.medianResponsesPerClient = load.clients.medianResponses;

    const ServerPoint *previous = nullptr;
    bool pssReadable = true;
    double cpuSeconds = 0;
    bool cpuKnown = false;
    for (const ServerPoint &p : server) {
        const bool during = p.t >= loadStartT && p.t <= loadEndT + trailingSampleSeconds;
        if (during && p.running) {
            ++s.samples;
            pssReadable = pssReadable && p.pssComplete;
            if (!s.peakRssKib || p.rssKb > *s.peakRssKib) {
                s.peakRssKib = p.rssKb;
                s.peakRssT = p.t;
            }
            if (!s.peakPssKib || p.pssKb > *s.peakPssKib) {
                s.peakPssKib = p.pssKb;
                s.peakPssT = p.t;
            }
            s.peakUssKib = std::max(s.peakUssKib.value_or(0), p.ussKb);
            s.peakProcesses = std::max(s.peakProcesses, p.processes);
            s.peakThreads = std::max(s.peakThreads, p.threads);
            if (!std::isnan(p.systemCpuPercent))
                s.peakSystemCpuPercent =
                    std::max(s.peakSystemCpuPercent.value_or(0), p.systemCpuPercent);
            if (previous && !std::isnan(p.apacheCpuPercent)) {
                // % of one core over the interval since the previous sample.
                cpuSeconds += p.apacheCpuPercent / 100.0 * (p.t - previous->t);
                cpuKnown = true;
            }
            if (p.slotCount > 0) {
                s.slotCount = std::max(s.slotCount, p.slotCount);
                const int busy = p.slotCount - p.slotsIn(Scoreboard::SlotState::OpenSlot)
                                 - p.slotsIn(Scoreboard::SlotState::Waiting);
                if (busy > s.peakBusySlots) {
                    s.peakBusySlots = busy;
                    s.peakBusyT = p.t;
                }
                const int keptAlive = p.slotsIn(Scoreboard::SlotState::KeepAlive);
                if (keptAlive > s.peakKeepAliveSlots) {
                    s.peakKeepAliveSlots = keptAlive;
                    s.peakKeepAliveT = p.t;
                }
            }
            if (p.connsAsyncKeepAlive >= 0
                && (!s.peakAsyncKeepAlive || p.connsAsyncKeepAlive > *s.peakAsyncKeepAlive)) {
                s.peakAsyncKeepAlive = p.connsAsyncKeepAlive;
                s.peakAsyncKeepAliveT = p.t;
            }
        }
        previous = &p;
    }
    if (!pssReadable) {
        s.peakPssKib.reset();
        s.peakUssKib.reset();
    }
    if (cpuKnown)
        s.serverCpuSeconds = cpuSeconds;
    return s;
}

} // namespace mpmlab
