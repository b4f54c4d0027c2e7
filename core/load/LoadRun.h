#pragma once

#include "HttpTarget.h"
#include "LoadResult.h"
#include "LoadSnapshot.h"
#include "LoadSpec.h"
#include "common/Result.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace mpmlab {

class LoadWorker;
class SnapshotMailbox;

// One load run: checks the spec, resolves the target, raises the open-file
// limit, then runs `threads` LoadWorkers (or as many as automaticThreads()
// chooses when the spec says 0). The consumer (CLI, GUI timer,
// campaign runner), from any single thread, calls collect() on its own
// period to get the merged snapshots, requestStop() to end early (the
// workers notice within 50 ms), and finish() for the result.
class LoadRun {
public:
    static Result<std::unique_ptr<LoadRun>> prepare(const LoadSpec &spec);
    ~LoadRun();
    LoadRun(const LoadRun &) = delete;
    LoadRun &operator=(const LoadRun &) = delete;

    void start();
    // Safe from any thread, including a signal handler's flag poller.
    void requestStop();
    [[nodiscard]] bool isFinished() const;
    // What every thread published since the last call, merged.
    LoadSnapshot collect();
    // Waits for the threads and returns what they measured.
    LoadResult finish();

    [[nodiscard]] const HttpTarget &target() const { return m_target; }
    [[nodiscard]] const LoadSpec &spec() const { return m_spec; }
    [[nodiscard]] int threadCount() const { return m_threadCount; }
    [[nodiscard]] bool threadsChosen() const { return m_spec.threads == 0; }
    // The default thread count for a target: one per core, but one per two
    // cores when the server runs on this machine, where a client thread
    // takes CPU from the server under test (measured: see the README).
    static int automaticThreads(const HttpTarget &target);
    // When start() ran, on the steady clock in microseconds (LoadWorker::
    // nowMicros()): snapshots' elapsedMicros count from here.
    [[nodiscard]] std::int64_t startMicros() const { return m_startMicros; }

private:
    LoadRun(const LoadSpec &spec, HttpTarget target, int threads);

    LoadSpec m_spec;
    HttpTarget m_target;
    std::string m_request;
    std::string m_idleRequest;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_running{0};
    std::atomic<std::int64_t> m_documentLength{-1};
    std::int64_t m_startMicros = 0;
    std::int64_t m_warmupEndMicros = 0;
    std::vector<std::unique_ptr<SnapshotMailbox>> m_mailboxes;
    std::vector<std::unique_ptr<LoadWorker>> m_workers;
    std::vector<std::thread> m_threads;
    int m_threadCount = 1;
};

} // namespace mpmlab
