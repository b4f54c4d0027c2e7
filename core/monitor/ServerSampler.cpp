#include "ServerSampler.h"

#include "SampleSeries.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

// How long one read may block: the bound on how late stop() is noticed.
constexpr auto readSlice = 100ms;

} // namespace

ServerSampler::ServerSampler(std::unique_ptr<SampleStream> stream, SamplerProgram program)
    : m_stream(std::move(stream))
    , m_program(std::move(program))
{
}

ServerSampler::~ServerSampler() { stop(); }

Status ServerSampler::start()
{
    if (m_thread.joinable())
        return Error{Error::Kind::Busy, u"the sampler is already running"_s, {}};
    if (Status valid = m_program.validate(); !valid)
        return valid;
    {
        const std::lock_guard lock(m_mutex);
        m_failure.reset();
    }
    m_stopRequested.store(false);
    std::promise<Status> started;
    std::future<Status> result = started.get_future();
    m_thread = std::thread([this, &started] { run(started); });
    Status status = result.get();
    if (!status) {
        m_thread.join();
        return status;
    }
    return {};
}

void ServerSampler::stop()
{
    m_stopRequested.store(true);
    if (m_thread.joinable())
        m_thread.join();
}

void ServerSampler::run(std::promise<Status> &started)
{
    // The stream lives on this thread from start to stop (libssh and
    // QProcess both require it).
    if (Status status = m_stream->start(m_program); !status) {
        started.set_value(status);
        return;
    }
    m_running.store(true);
    started.set_value(Status{});

    FrameParser parser;
    SampleSeries series;
    while (!m_stopRequested.load()) {
        Result<QByteArray> chunk = m_stream->read(readSlice);
        if (!chunk) {
            const std::lock_guard lock(m_mutex);
            m_failure = chunk.error();
            break;
        }
        if (chunk->isEmpty())
            continue;
        parser.feed(*chunk);
        QList<ServerSample> samples = parser.takeSamples();
        for (ServerSample &raw : samples) {
            if (m_resetBaseline.exchange(false))
                series.resetBaseline();
            raw = series.accept(std::move(raw));
            if (m_handler)
                m_handler(raw);
        }
        const std::lock_guard lock(m_mutex);
        m_counters.bytesRead += chunk->size();
        m_counters.framesAccepted = parser.framesAccepted();
        m_counters.framesDropped = parser.framesDropped();
        m_counters.lastDropReason = parser.lastDropReason();
        if (!samples.isEmpty()) {
            m_latest = samples.constLast();
            m_queue.append(std::move(samples));
            if (m_queue.size() > maxQueuedSamples) {
                const qsizetype excess = m_queue.size() - maxQueuedSamples;
                m_queue.remove(0, excess);
                m_counters.samplesDiscarded += excess;
            }
            m_changed.notify_all();
        }
    }
    const std::optional<double> programCpu = m_stream->ownCpuSeconds();
    m_stream->stop();
    m_running.store(false);
    const std::lock_guard lock(m_mutex);
    m_counters.programCpuSeconds = programCpu;
    m_changed.notify_all();
}

QList<ServerSample> ServerSampler::takeSamples()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_queue, {});
}

bool ServerSampler::waitForSamples(qsizetype count, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] {
        return m_queue.size() >= count || !m_running.load();
    }) && m_queue.size() >= count;
}

std::optional<ServerSample> ServerSampler::latest() const
{
    const std::lock_guard lock(m_mutex);
    return m_latest;
}

SamplerCounters ServerSampler::counters() const
{
    const std::lock_guard lock(m_mutex);
    return m_counters;
}

std::optional<Error> ServerSampler::failure() const
{
    const std::lock_guard lock(m_mutex);
    return m_failure;
}

} // namespace mpmlab
