#pragma once

#include "FrameParser.h"
#include "SampleStream.h"
#include "SamplerProgram.h"
#include "ServerSample.h"

#include <QList>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace mpmlab {

struct SamplerCounters {
    qint64 framesAccepted = 0;
    qint64 framesDropped = 0;    // cut short or garbled: see lastDropReason
    qint64 samplesDiscarded = 0; // accepted but never taken (the queue was full)
    qint64 bytesRead = 0;
    QString lastDropReason;
    // What the sampler program itself used, read as it stops, when it ran on
    // this machine (see SampleStream::ownCpuSeconds()).
    std::optional<double> programCpuSeconds;
};

// Samples one Apache instance live: runs the sampler program through a
// SampleStream on a thread of its own, parses the frames and hands out
// complete ServerSample values with their figures. Consumers either drain
// takeSamples() on their own timer (as they merge load snapshots) or get
// one callback per frame on the sampler thread; never one per line.
// Needs no event loop and no GUI.
class ServerSampler {
public:
    using FrameHandler = std::function<void(const ServerSample &)>;
    // About 10 minutes at 500 ms: a consumer that stops taking samples
    // loses the oldest ones, not memory.
    static constexpr qsizetype maxQueuedSamples = 1200;

    ServerSampler(std::unique_ptr<SampleStream> stream, SamplerProgram program);
    ~ServerSampler();
    ServerSampler(const ServerSampler &) = delete;
    ServerSampler &operator=(const ServerSampler &) = delete;

    // Called on the sampler thread for each sample, before it is queued.
    // Set it before start().
    void setFrameHandler(FrameHandler handler) { m_handler = std::move(handler); }

    // Starts the program on the sampler thread; returns once it runs or
    // failed to (a bad program, no shell, no connection).
    Status start();
    // Stops the program and the thread, within ~100 ms plus the stream's stop.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running.load(); }

    // The samples completed since the last call, oldest first.
    [[nodiscard]] QList<ServerSample> takeSamples();
    // Waits until at least `count` samples are queued, the sampler ends or
    // `timeout` passes; true when the samples are there.
    bool waitForSamples(qsizetype count, std::chrono::milliseconds timeout);
    [[nodiscard]] std::optional<ServerSample> latest() const;
    [[nodiscard]] SamplerCounters counters() const;
    // Why sampling ended on its own (the program died, the connection
    // broke); empty while it runs and when it ran until stop().
    [[nodiscard]] std::optional<Error> failure() const;

    // The next sample becomes the baseline for "memory used since".
    void resetBaseline() { m_resetBaseline.store(true); }

    [[nodiscard]] const SamplerProgram &program() const { return m_program; }

private:
    void run(std::promise<Status> &started);

    std::unique_ptr<SampleStream> m_stream;
    SamplerProgram m_program;
    FrameHandler m_handler;
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_resetBaseline{false};

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_changed;
    QList<ServerSample> m_queue;
    std::optional<ServerSample> m_latest;
    SamplerCounters m_counters;
    std::optional<Error> m_failure;
};

} // namespace mpmlab
