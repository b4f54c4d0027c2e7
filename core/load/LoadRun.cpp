#include "LoadRun.h"

#include "FileDescriptorLimit.h"
#include "LoadWorker.h"
#include "RequestBuilder.h"
#include "SnapshotMailbox.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

// Descriptors beside the connections: stdio, epoll instances, files the
// front end writes, Qt's own.
constexpr long spareDescriptors = 64;

} // namespace

Result<std::unique_ptr<LoadRun>> LoadRun::prepare(const LoadSpec &spec)
{
    if (const Status valid = spec.validate(); !valid)
        return valid.error();
    Result<HttpTarget> target = HttpTarget::parse(spec.url);
    if (!target)
        return target.error();
    HttpTarget resolved = std::move(target).value();
    if (const Status found = resolved.resolve(); !found)
        return found.error();
    const int threads =
        std::min(spec.threads > 0 ? spec.threads : automaticThreads(resolved), spec.concurrency);
    const long needed =
        long(spec.concurrency) + spec.idleConnections + 2L * threads + spareDescriptors;
    const QString what = spec.idleConnections
                             ? u"concurrency %1 with %2 idle connections"_s.arg(spec.concurrency)
                                   .arg(spec.idleConnections)
                             : u"concurrency %1"_s.arg(spec.concurrency);
    if (const Status fits = FileDescriptorLimit::ensure(needed, what); !fits)
        return fits.error();
    return std::unique_ptr<LoadRun>(new LoadRun(spec, std::move(resolved), threads));
}

LoadRun::LoadRun(const LoadSpec &spec, HttpTarget target, int threads)
    : m_spec(spec)
    , m_target(std::move(target))
    , m_threadCount(threads)
{
    m_request = RequestBuilder::build(m_spec, m_target);
    m_idleRequest = RequestBuilder::buildKeepAlive(m_spec, m_target);
}

int LoadRun::automaticThreads(const HttpTarget &target)
{
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    return target.isOnThisMachine() ? std::max(1, cores / 2) : cores;
}

LoadRun::~LoadRun()
{
    requestStop();
    for (std::thread &thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
}

void LoadRun::start()
{
    const int threads = m_threadCount;
    m_startMicros = LoadWorker::nowMicros();
    m_warmupEndMicros = m_startMicros + m_spec.warmup.count() * 1000;
    std::int64_t end = m_startMicros + m_spec.maxDuration.count() * 1000;
    bool endIsMax = true;
    if (m_spec.duration.count() > 0 && m_warmupEndMicros + m_spec.duration.count() * 1000 <= end) {
        end = m_warmupEndMicros + m_spec.duration.count() * 1000;
        endIsMax = false;
    }

    std::uint64_t quotaGiven = 0;
    int connectionsGiven = 0;
    for (int i = 0; i < threads; ++i) {
        LoadWorker::Setup setup;
        setup.spec = &m_spec;
        setup.target = &m_target;
        setup.request = &m_request;
        setup.idleRequest = &m_idleRequest;
        setup.connections =
            m_spec.concurrency / threads + (i < m_spec.concurrency % threads ? 1 : 0);
        setup.idleConnections =
            m_spec.idleConnections / threads + (i < m_spec.idleConnections % threads ? 1 : 0);
        if (m_spec.requests > 0) {
            // In proportion to the thread's connections; the last takes the rest.
            setup.requestQuota = i + 1 == threads
                                     ? m_spec.requests - quotaGiven
                                     : m_spec.requests * std::uint64_t(setup.connections)
                                           / std::uint64_t(m_spec.concurrency);
            quotaGiven += setup.requestQuota;
        }
        setup.rate = m_spec.rate * double(setup.connections) / double(m_spec.concurrency);
        setup.totalRate = m_spec.rate;
        setup.firstConnection = connectionsGiven;
        connectionsGiven += setup.connections;
        setup.startMicros = m_startMicros;
        setup.warmupEndMicros = m_warmupEndMicros;
        setup.endMicros = end;
        setup.endIsMaxDuration = endIsMax;
        setup.stop = &m_stop;
        setup.documentLength = &m_documentLength;
        m_mailboxes.push_back(std::make_unique<SnapshotMailbox>());
        setup.mailbox = m_mailboxes.back().get();
        m_workers.push_back(std::make_unique<LoadWorker>(setup));
    }
    m_running = threads;
    for (auto &worker : m_workers) {
        m_threads.emplace_back([this, raw = worker.get()] {
            raw->run();
            m_running.fetch_sub(1, std::memory_order_release);
        });
    }
}

void LoadRun::requestStop() { m_stop.store(true, std::memory_order_relaxed); }

bool LoadRun::isFinished() const { return m_running.load(std::memory_order_acquire) == 0; }

LoadSnapshot LoadRun::collect()
{
    LoadSnapshot merged;
    for (auto &mailbox : m_mailboxes)
        mailbox->drainInto(merged);
    return merged;
}

LoadResult LoadRun::finish()
{
    for (std::thread &thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
    LoadResult result;
    result.host = m_target.host;
    result.address = m_target.addressText();
    result.port = m_target.port;
    result.path = m_target.path;
    result.documentLength = m_documentLength.load();
    result.concurrency = m_spec.concurrency;
    result.threads = int(m_workers.size());
    result.threadsChosen = threadsChosen();
    result.keepAlive = m_spec.keepAlive;
    result.thinkTimeMin = m_spec.thinkTimeMin;
    result.thinkTimeMax = m_spec.thinkTimeMax;
    result.targetRate = m_spec.rate;
    result.stopped = m_stop.load();
    result.requests = m_spec.requests;
    result.maxDuration = m_spec.maxDuration;
    std::int64_t end = m_warmupEndMicros;
    std::vector<std::uint64_t> responsesPerClient;
    responsesPerClient.reserve(std::size_t(m_spec.concurrency));
    for (const auto &worker : m_workers) {
        const LoadWorker::Totals &totals = worker->totals();
        result.counters += totals.counters;
        result.connect.add(totals.connect);
        result.processing.add(totals.processing);
        result.waiting.add(totals.waiting);
        result.total.add(totals.total);
        result.corrected.add(totals.corrected);
        result.idle.add(totals.idle);
        if (result.serverSoftware.empty())
            result.serverSoftware = totals.serverSoftware;
        if (result.firstConnectError.empty() && totals.firstConnectErrno != 0)
            result.firstConnectError = std::strerror(totals.firstConnectErrno);
        end = std::max(end, totals.endMicros);
        result.inFlightAtEnd += totals.inFlightAtEnd;
        result.oldestInFlightMicros =
            std::max(result.oldestInFlightMicros, totals.oldestInFlightMicros);
        responsesPerClient.insert(responsesPerClient.end(), totals.responsesPerClient.begin(),
                                  totals.responsesPerClient.end());
    }
    result.clients = ClientService::fromResponses(std::move(responsesPerClient));
    const bool durationEnds =
        m_spec.duration.count() > 0 && m_spec.duration <= m_spec.maxDuration - m_spec.warmup;
    for (const auto &worker : m_workers) {
        if (worker->totals().hitEnd && !durationEnds && !result.stopped)
            result.hitMaxDuration = true;
    }
    result.seconds = double(end - m_warmupEndMicros) / 1e6;
    return result;
}

} // namespace mpmlab
