#pragma once

#include "HttpTarget.h"
#include "LoadResult.h"
#include "LoadSnapshot.h"
#include "LoadSpec.h"
#include "ResponseParser.h"
#include "SnapshotMailbox.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace mpmlab {

// One load thread: its own epoll loop and its own connections. Everything
// it touches on the request path is its own (counters, histograms, the read
// buffer, the parsers); the only shared things are read-only (the spec, the
// request bytes), the stop flag, the first document length (set once) and
// the mailbox it publishes to every 100 ms.
class LoadWorker {
public:
    struct Setup {
        const LoadSpec *spec = nullptr;
        const HttpTarget *target = nullptr;
        const std::string *request = nullptr;     // measured requests
        const std::string *idleRequest = nullptr; // --idle-connections
        int connections = 0;
        int idleConnections = 0;
        std::uint64_t requestQuota = 0; // measured requests for this thread; 0: no limit
        double rate = 0;                // requests/s for this thread; 0: closed loop
        double totalRate = 0;           // requests/s of the whole run
        int firstConnection = 0;        // index of this thread's first connection in the run
        std::int64_t startMicros = 0;   // steady clock
        std::int64_t warmupEndMicros = 0;
        std::int64_t endMicros = 0; // -t or --max-duration, whichever comes first
        bool endIsMaxDuration = false;
        const std::atomic<bool> *stop = nullptr;
        std::atomic<std::int64_t> *documentLength = nullptr;
        SnapshotMailbox *mailbox = nullptr;
    };

    // What the thread measured, read after it has been joined.
    struct Totals {
        LoadCounters counters;
        LatencyHistogram connect;
        LatencyHistogram processing;
        LatencyHistogram waiting;
        LatencyHistogram total;
        LatencyHistogram corrected;
        IdleConnectionStats idle;
        std::string serverSoftware;
        int firstConnectErrno = 0;
        bool hitEnd = false; // stopped by the time bound
        std::int64_t endMicros = 0;
        int inFlightAtEnd = 0; // requests unanswered when the run ended
        std::int64_t oldestInFlightMicros = 0;
        std::vector<std::uint64_t> responsesPerClient; // measured responses of each connection
    };

    explicit LoadWorker(const Setup &setup);
    ~LoadWorker();
    LoadWorker(const LoadWorker &) = delete;
    LoadWorker &operator=(const LoadWorker &) = delete;

    void run();
    [[nodiscard]] const Totals &totals() const { return m_totals; }

    static std::int64_t nowMicros();

private:
    // Waiting: for the main loop (closed loop) or for the next send time
    // (open loop); Thinking: in a think-time pause; Silent: an idle
    // connection after its one answer.
    enum class Phase : std::uint8_t {
        Unused,
        Connecting,
        Writing,
        Reading,
        Waiting,
        Thinking,
        Silent,
        Done
    };
    enum class Failure : std::uint8_t { None, Connect, Receive, Length, Exception, NotRetried };

    struct Connection {
        int fd = -1;
        Phase phase = Phase::Unused;
        bool idle = false;     // an --idle-connections member
        bool reused = false;   // this request runs on a kept-alive connection
        bool measured = false; // started after the warm-up
        bool gotByte = false;
        bool peerClosed = false; // the server's FIN was seen: never reuse
        std::size_t written = 0;
        std::int64_t intendedMicros = 0; // open loop: when it should have been sent
        std::int64_t startMicros = 0;    // the request's first attempt began
        std::int64_t attemptMicros = 0;  // this attempt began (its connect, if any)
        std::int64_t connectedMicros = 0;
        std::int64_t sentMicros = 0;
        std::int64_t firstByteMicros = 0;
        std::int64_t deadlineMicros = 0;
        std::int64_t nextDueMicros = 0; // open loop schedule, or the end of a think pause
        std::uint64_t responseBytes = 0;
        std::uint64_t responses = 0; // measured, over every connection this client opened
        ResponseParser parser;
    };

    void beginRequest(std::uint32_t index, std::int64_t now);
    void openSocket(std::uint32_t index, std::int64_t now);
    void onConnected(std::uint32_t index, std::int64_t now);
    void sendRequest(std::uint32_t index, std::int64_t now);
    void onEvent(std::uint32_t index, std::uint32_t events);
    void readResponse(std::uint32_t index, std::int64_t now);
    void onResponse(std::uint32_t index, std::int64_t now, bool leftover);
    void onKeepAliveClosed(std::uint32_t index, int error, std::int64_t now);
    void startAttempt(Connection &connection, std::int64_t now);
    void retryOnNewConnection(std::uint32_t index, std::int64_t now);
    void onClosedWhileIdle(std::uint32_t index);
    void failRequest(std::uint32_t index, Failure failure, int error, bool timedOut,
                     std::int64_t now);
    void afterRequest(std::uint32_t index, bool keepConnection, std::int64_t now);
    void beginIdle(std::uint32_t index, std::int64_t now);
    void record(Connection &connection, std::int64_t now);
    void onIdleEvent(std::uint32_t index, std::int64_t now, bool readable);
    void closeSocket(Connection &connection);
    void checkTimeouts(std::int64_t now);
    void measureStates(std::int64_t now);
    // At the end of the warm-up, the requests still unanswered become
    // measured ones.
    void measureCarriedOver();
    // The measured connections' first requests (closed loop: now; open
    // loop: spread from now at the run's rate).
    void startProbe(std::int64_t now);
    // Every idle connection is connected or has failed to.
    [[nodiscard]] bool idleSettled() const;
    void publish(std::int64_t now);
    void finishRun(std::int64_t now);
    void dispatchDue(std::int64_t now);
    void schedule(std::uint32_t index);
    [[nodiscard]] std::int64_t thinkPauseMicros();
    [[nodiscard]] bool quotaLeft() const;
    [[nodiscard]] bool finished() const;
    [[nodiscard]] const std::string &requestFor(const Connection &connection) const;

    Setup m_setup;
    Totals m_totals;
    LoadSnapshot m_interval;
    std::vector<Connection> m_connections; // measured first, then idle ones
    // Connections waiting for a moment (an open-loop send, the end of a
    // think pause): a min-heap on its time.
    std::vector<std::pair<std::int64_t, std::uint32_t>> m_due;
    std::vector<std::uint32_t> m_ready; // connections to start a request on
    std::vector<std::uint32_t> m_readyNow;
    std::vector<char> m_readBuffer;
    LoadCounters m_published;
    int m_epoll = -1;
    int m_inFlight = 0; // measured connections busy with a request
    int m_idleOpen = 0;
    int m_openSockets = 0;      // measured connections
    int m_clientsServed = 0;    // measured connections answered at least once
    std::uint64_t m_issued = 0; // measured requests begun
    bool m_warmupOver = false;
    bool m_probeHeld = false;          // until the idle connections are connected
    std::int64_t m_intervalMicros = 0; // open loop: per-connection send interval
    std::int64_t m_thinkMinMicros = 0;
    std::int64_t m_thinkSpanMicros = 0; // max - min
    std::minstd_rand m_random;          // think pauses; per thread, no lock
    bool m_retryIdempotent = true;      // the method may be sent again after a keep-alive close
    bool m_captureServer = true;
};

} // namespace mpmlab
