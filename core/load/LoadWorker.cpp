#include "LoadWorker.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <functional>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mpmlab {

namespace {

constexpr std::int64_t publishIntervalMicros = 100'000; // us: the snapshot period
constexpr std::int64_t maxWaitMicros = 50'000;          // us: bounds the reaction to a stop request
constexpr std::int64_t maxProbeHoldMicros =
    2'000'000; // us after the warm-up: the probe starts, idle settled or not
constexpr std::size_t readBufferBytes = 64 * 1024;
constexpr int eventsPerWait = 256;

bool isSuccess(int status) { return status >= 200 && status < 300; }

} // namespace

std::int64_t LoadWorker::nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

LoadWorker::LoadWorker(const Setup &setup)
    : m_setup(setup)
    , m_connections(std::size_t(setup.connections + setup.idleConnections))
    , m_readBuffer(readBufferBytes)
{
    for (int i = setup.connections; i < setup.connections + setup.idleConnections; ++i)
        m_connections[std::size_t(i)].idle = true;
    m_due.reserve(std::size_t(setup.connections));
    m_ready.reserve(std::size_t(setup.connections));
    m_readyNow.reserve(std::size_t(setup.connections));
    m_totals.idle.requested = setup.idleConnections;
    if (setup.rate > 0)
        m_intervalMicros =
            std::max<std::int64_t>(1, std::int64_t(double(setup.connections) * 1e6 / setup.rate));
    m_thinkMinMicros = std::int64_t(setup.spec->thinkTimeMin.count()) * 1000;
    m_thinkSpanMicros = std::int64_t(setup.spec->thinkTimeMax.count()) * 1000 - m_thinkMinMicros;
    m_random.seed(std::uint32_t(setup.startMicros) ^ std::uint32_t(setup.firstConnection + 1));
    m_retryIdempotent = setup.spec->methodIsIdempotent();
}

LoadWorker::~LoadWorker()
{
    for (Connection &connection : m_connections)
        closeSocket(connection);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

const std::string &LoadWorker::requestFor(const Connection &connection) const
{
    return connection.idle ? *m_setup.idleRequest : *m_setup.request;
}

bool LoadWorker::quotaLeft() const
{
    return m_setup.requestQuota == 0 || m_issued < m_setup.requestQuota;
}

bool LoadWorker::finished() const { return !quotaLeft() && m_inFlight == 0 && m_ready.empty(); }

void LoadWorker::run()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    std::int64_t now = nowMicros();
    if (m_epoll < 0) {
        m_totals.firstConnectErrno = errno;
        m_totals.endMicros = now;
        return;
    }
    const auto measuredCount = std::uint32_t(m_setup.connections);
    for (auto i = measuredCount; i < m_connections.size(); ++i)
        beginIdle(i, now);
    // Idle clients first, then the probe, from the end of the warm-up: it
    // measures a server that holds them, not the server starting processes
    // for their burst of connects (event needs about 2 s to spawn enough
    // for 300), which the warm-up is there to absorb.
    m_probeHeld = m_setup.idleConnections > 0;
    if (!m_probeHeld)
        startProbe(now);

    std::int64_t nextPublish = now + publishIntervalMicros;
    epoll_event events[eventsPerWait];
    for (;;) {
        now = nowMicros();
        if (m_setup.stop->load(std::memory_order_relaxed))
            break;
        if (now >= m_setup.endMicros) {
            m_totals.hitEnd = true;
            break;
        }
        if (m_probeHeld && now >= m_setup.warmupEndMicros
            && (idleSettled() || now >= m_setup.warmupEndMicros + maxProbeHoldMicros)) {
            m_probeHeld = false;
            startProbe(now);
        }
        if (!m_warmupOver && now >= m_setup.warmupEndMicros) {
            m_warmupOver = true;
            measureCarriedOver();
        }
        if (!m_ready.empty()) {
            std::swap(m_ready, m_readyNow);
            for (std::uint32_t index : m_readyNow)
                beginRequest(index, now);
            m_readyNow.clear();
        }
        if (!m_due.empty())
            dispatchDue(now);
        if (finished())
            break;
        if (now >= nextPublish) {
            checkTimeouts(now);
            measureStates(now);
            publish(now);
            nextPublish = std::max(nextPublish + publishIntervalMicros, now + 1);
        }

        std::int64_t wakeAt = std::min({nextPublish, m_setup.endMicros, now + maxWaitMicros});
        if (!m_due.empty())
            wakeAt = std::min(wakeAt, m_due.front().first);
        const std::int64_t wait = m_ready.empty() ? std::max<std::int64_t>(0, wakeAt - now) : 0;
        const timespec timeout{time_t(wait / 1'000'000), long(wait % 1'000'000) * 1000};
        const int count = epoll_pwait2(m_epoll, events, eventsPerWait, &timeout, nullptr);
        for (int i = 0; i < count; ++i)
            onEvent(events[i].data.u32, events[i].events);
    }

    finishRun(nowMicros());
}

void LoadWorker::finishRun(std::int64_t now)
{
    m_totals.endMicros = now;
    m_totals.idle.stillOpen = m_idleOpen;
    // The last interval shows the states the run ended in, before teardown,
    // and the requests left unanswered are reported, not dropped silently:
    // a starved client waited at least this long (also one whose request
    // went out during the warm-up).
    measureStates(now);
    m_totals.inFlightAtEnd = m_interval.connecting + m_interval.awaiting;
    m_totals.oldestInFlightMicros = m_interval.oldestInFlightMicros;
    m_totals.responsesPerClient.reserve(std::size_t(m_setup.connections));
    for (std::uint32_t i = 0; i < std::uint32_t(m_setup.connections); ++i)
        m_totals.responsesPerClient.push_back(m_connections[i].responses);
    for (Connection &connection : m_connections)
        closeSocket(connection);
    publish(now);
}

void LoadWorker::startProbe(std::int64_t now)
{
    for (std::uint32_t i = 0; i < std::uint32_t(m_setup.connections); ++i) {
        if (m_setup.rate > 0) {
            // Spread the first sends of all the run's connections evenly,
            // 1/rate apart, so threads interleave rather than send together.
            m_connections[i].nextDueMicros =
                now
                + std::int64_t(double(m_setup.firstConnection + int(i)) * 1e6 / m_setup.totalRate);
            m_connections[i].phase = Phase::Waiting;
            schedule(i);
        } else {
            m_ready.push_back(i);
        }
    }
}

bool LoadWorker::idleSettled() const
{
    return m_totals.idle.opened + m_totals.idle.failed >= m_setup.idleConnections;
}

void LoadWorker::measureCarriedOver()
{
    // A client whose request went out during the warm-up and is still
    // unanswered waits during the measurement: its wait counts, from its
    // first send, as the user lived it. Dropping it would show a server
    // that stalled through the warm-up (prefork or worker under idle
    // keep-alive clients) as fast once it answers.
    for (std::uint32_t i = 0; i < std::uint32_t(m_setup.connections); ++i) {
        Connection &c = m_connections[i];
        const bool inFlight =
            c.phase == Phase::Connecting || c.phase == Phase::Writing || c.phase == Phase::Reading;
        if (!inFlight || c.measured || !quotaLeft())
            continue;
        c.measured = true;
        ++m_issued;
    }
}

void LoadWorker::schedule(std::uint32_t index)
{
    m_due.emplace_back(m_connections[index].nextDueMicros, index);
    std::push_heap(m_due.begin(), m_due.end(), std::greater<>{});
}

void LoadWorker::dispatchDue(std::int64_t now)
{
    while (!m_due.empty() && m_due.front().first <= now) {
        std::pop_heap(m_due.begin(), m_due.end(), std::greater<>{});
        const std::uint32_t index = m_due.back().second;
        m_due.pop_back();
        const Phase phase = m_connections[index].phase;
        if (phase == Phase::Waiting || phase == Phase::Thinking)
            beginRequest(index, now);
    }
}

void LoadWorker::beginRequest(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    const bool measured = now >= m_setup.warmupEndMicros;
    if (measured && !quotaLeft()) {
        closeSocket(c);
        c.phase = Phase::Done;
        return;
    }
    if (measured)
        ++m_issued;
    ++m_inFlight;
    c.measured = measured;
    c.intendedMicros = m_setup.rate > 0 ? c.nextDueMicros : now;
    if (m_setup.rate > 0)
        c.nextDueMicros += m_intervalMicros;
    c.startMicros = now;
    startAttempt(c, now);
    c.reused = c.fd >= 0;
    if (c.reused)
        sendRequest(index, now);
    else
        openSocket(index, now);
}

void LoadWorker::startAttempt(Connection &c, std::int64_t now)
{
    c.attemptMicros = now;
    c.connectedMicros = now;
    c.sentMicros = now;
    c.firstByteMicros = now;
    c.deadlineMicros = now + m_setup.spec->timeout.count() * 1000;
    c.gotByte = false;
    c.written = 0;
    c.responseBytes = 0;
    c.parser.reset(m_setup.spec->method == "HEAD");
    c.parser.setCaptureServer(m_captureServer);
}

void LoadWorker::retryOnNewConnection(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    closeSocket(c);
    c.reused = false;     // so a retry is never retried again
    startAttempt(c, now); // the user's wait still counts from startMicros
    openSocket(index, now);
}

void LoadWorker::beginIdle(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    c.startMicros = c.attemptMicros = c.connectedMicros = c.sentMicros = now;
    c.deadlineMicros = now + m_setup.spec->timeout.count() * 1000;
    c.parser.reset(m_setup.spec->method == "HEAD");
    openSocket(index, now);
}

void LoadWorker::openSocket(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    const int fd =
        ::socket(m_setup.target->address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        failRequest(index, Failure::Connect, errno, false, now);
        return;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c.fd = fd;
    c.peerClosed = false;
    if (!c.idle)
        ++m_openSockets;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.u32 = index;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
        failRequest(index, Failure::Connect, errno, false, now);
        return;
    }
    c.phase = Phase::Connecting;
    const int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&m_setup.target->address),
                             m_setup.target->addressLength);
    if (rc == 0)
        onConnected(index, now);
    else if (errno != EINPROGRESS)
        failRequest(index, Failure::Connect, errno, false, now);
}

void LoadWorker::onConnected(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    c.connectedMicros = now;
    if (c.idle)
        ++m_totals.idle.opened;
    else if (c.measured)
        ++m_totals.counters.connectionsOpened;
    sendRequest(index, now);
}

void LoadWorker::sendRequest(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    const std::string &request = requestFor(c);
    c.phase = Phase::Writing;
    while (c.written < request.size()) {
        const ssize_t sent =
            ::send(c.fd, request.data() + c.written, request.size() - c.written, MSG_NOSIGNAL);
        if (sent > 0) {
            c.written += std::size_t(sent);
        } else if (sent < 0 && errno == EINTR) {
            continue;
        } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return; // EPOLLOUT resumes it
        } else {
            const int error = errno;
            if (c.reused) // a kept-alive connection the server already closed
                onKeepAliveClosed(index, error, now);
            else
                failRequest(index, Failure::Receive, error, false, now);
            return;
        }
    }
    c.sentMicros = now;
    c.phase = Phase::Reading;
}

void LoadWorker::onEvent(std::uint32_t index, std::uint32_t events)
{
    Connection &c = m_connections[index];
    const std::int64_t now = nowMicros();
    const bool readable = events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR);
    // With edge triggering a FIN that came with the last bytes of a response
    // raises no second event: remember it, or a kept-alive connection the
    // server already closed would wait for an answer until the timeout.
    if (events & (EPOLLRDHUP | EPOLLHUP))
        c.peerClosed = true;
    switch (c.phase) {
    case Phase::Connecting:
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0 || (events & EPOLLERR)) {
                failRequest(index, Failure::Connect, error ? error : ECONNREFUSED, false, now);
                return;
            }
            onConnected(index, now);
        }
        break;
    case Phase::Writing:
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
            sendRequest(index, now);
        break;
    case Phase::Waiting:
    case Phase::Thinking:
        // The server closed (or wrote to) a kept-alive connection between
        // two requests: the next one opens a new connection.
        if (readable && c.fd >= 0)
            onClosedWhileIdle(index);
        return;
    case Phase::Silent: onIdleEvent(index, now, readable); return;
    case Phase::Reading:
    case Phase::Unused:
    case Phase::Done: break;
    }
    if (c.phase == Phase::Reading && readable)
        readResponse(index, now);
}

void LoadWorker::readResponse(std::uint32_t index, std::int64_t now)
{
    Connection &c = m_connections[index];
    char *buffer = m_readBuffer.data();
    for (;;) {
        const ssize_t received = ::recv(c.fd, buffer, m_readBuffer.size(), 0);
        if (received > 0) {
            if (!c.gotByte) {
                c.gotByte = true;
                c.firstByteMicros = now;
            }
            c.responseBytes += std::uint64_t(received);
            std::size_t consumed = 0;
            const auto outcome = c.parser.feed(buffer, std::size_t(received), consumed);
            if (outcome == ResponseParser::Outcome::Complete) {
                onResponse(index, now, consumed < std::size_t(received));
                return;
            }
            if (outcome == ResponseParser::Outcome::Error) {
                failRequest(index, Failure::Exception, 0, false, now);
                return;
            }
            // A short read drained the socket: new bytes raise a new edge.
            // Not so for a close that came with this edge: read on to it.
            if (std::size_t(received) < m_readBuffer.size() && !c.peerClosed)
                return;
            continue;
        }
        // A kept-alive connection that ends before any byte of the answer
        // was closed by the server between two requests, not mid-response.
        const bool keptAliveAndClosed = c.reused && !c.gotByte;
        if (received == 0) {
            if (keptAliveAndClosed)
                onKeepAliveClosed(index, 0, now);
            else if (c.parser.finish() == ResponseParser::Outcome::Complete)
                onResponse(index, now, false);
            else
                failRequest(index, Failure::Length, 0, false, now);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        const int error = errno;
        if (keptAliveAndClosed)
            onKeepAliveClosed(index, error, now);
        else
            failRequest(index, Failure::Receive, error, false, now);
        return;
    }
}

void LoadWorker::record(Connection &c, std::int64_t now)
{
    const std::int64_t total = now - c.startMicros; // from the first attempt
    const std::int64_t connect = c.reused ? 0 : c.connectedMicros - c.attemptMicros;
    const std::int64_t waiting = c.firstByteMicros - c.sentMicros;
    m_totals.total.record(total);
    m_totals.connect.record(connect);
    m_totals.waiting.record(waiting);
    m_totals.processing.record(total - connect);
    const std::int64_t intended = now - c.intendedMicros;
    if (m_setup.rate > 0)
        m_totals.corrected.record(intended);
    m_interval.latency.record(m_setup.rate > 0 ? intended : total);
    m_interval.connect.record(connect);
}

void LoadWorker::onResponse(std::uint32_t index, std::int64_t now, bool leftover)
{
    Connection &c = m_connections[index];
    const ResponseParser &parser = c.parser;
    if (c.idle) {
        ++m_totals.idle.answered;
        m_totals.idle.answerTime.record(now - c.startMicros);
        if (parser.keepAlive() && !leftover) {
            c.phase = Phase::Silent;
            c.sentMicros = now; // from here: how long the server keeps it
            ++m_idleOpen;
        } else {
            ++m_totals.idle.closedByServer;
            m_totals.idle.closedAfter.record(0);
            closeSocket(c);
            c.phase = Phase::Done;
        }
        return;
    }

    if (m_captureServer && !parser.server().empty()) {
        m_totals.serverSoftware.assign(parser.server());
        m_captureServer = false;
    }
    const auto body = std::int64_t(parser.bodyBytes());
    bool lengthFailure = leftover; // the body ran past its Content-Length
    // The first complete body sets the document length for every thread;
    // a plain load after that keeps the shared cache line read-only.
    std::int64_t expected = m_setup.documentLength->load(std::memory_order_relaxed);
    if (expected < 0
        && m_setup.documentLength->compare_exchange_strong(expected, body,
                                                           std::memory_order_relaxed))
        expected = body;
    if (expected != body && !m_setup.spec->acceptVariableLength)
        lengthFailure = true;
    const bool promisedKeepAlive = !leftover && parser.keepAlive() && m_setup.spec->keepAlive;
    const bool keep = promisedKeepAlive && !c.peerClosed;

    if (c.measured) {
        LoadCounters &counters = m_totals.counters;
        ++counters.completed;
        if (c.responses++ == 0)
            ++m_clientsServed;
        // Closed with the answer although the answer did not say so.
        if (promisedKeepAlive && c.peerClosed)
            ++counters.keepAliveClosed;
        if (!isSuccess(parser.statusCode()))
            ++counters.non2xx;
        if (parser.keepAlive() && m_setup.spec->keepAlive)
            ++counters.keepAliveRequests;
        if (lengthFailure)
            ++counters.failedLength;
        counters.bytesReceived += c.responseBytes;
        counters.bodyBytes += parser.bodyBytes();
        record(c, now);
    }
    afterRequest(index, keep, now);
}

void LoadWorker::onKeepAliveClosed(std::uint32_t index, int error, std::int64_t now)
{
    Connection &c = m_connections[index];
    if (!m_retryIdempotent) {
        failRequest(index, Failure::NotRetried, error, false, now);
        return;
    }
    if (c.measured)
        ++m_totals.counters.keepAliveClosed;
    retryOnNewConnection(index, now);
}

void LoadWorker::onClosedWhileIdle(std::uint32_t index)
{
    Connection &c = m_connections[index];
    if (c.measured)
        ++m_totals.counters.keepAliveClosed;
    closeSocket(c);
}

void LoadWorker::failRequest(std::uint32_t index, Failure failure, int error, bool timedOut,
                             std::int64_t now)
{
    Connection &c = m_connections[index];
    if (c.idle) {
        ++m_totals.idle.failed;
        closeSocket(c);
        c.phase = Phase::Done;
        return;
    }
    if (c.measured) {
        LoadCounters &counters = m_totals.counters;
        switch (failure) {
        case Failure::Connect:
            ++counters.failedConnect;
            if (m_totals.firstConnectErrno == 0)
                m_totals.firstConnectErrno = error ? error : ETIMEDOUT;
            break;
        case Failure::Receive: ++counters.failedReceive; break;
        case Failure::Length: ++counters.failedLength; break;
        case Failure::Exception: ++counters.failedExceptions; break;
        case Failure::NotRetried: ++counters.failedNotRetried; break;
        case Failure::None: break;
        }
        if (failure != Failure::Connect)
            ++counters.completed;
        if (timedOut)
            ++counters.timeouts;
        if (error == ECONNRESET || error == EPIPE)
            ++counters.resets;
        counters.bytesReceived += c.responseBytes;
    }
    afterRequest(index, false, now);
}

void LoadWorker::afterRequest(std::uint32_t index, bool keepConnection, std::int64_t now)
{
    Connection &c = m_connections[index];
    --m_inFlight;
    if (!keepConnection)
        closeSocket(c);
    if (m_setup.rate > 0) {
        if (c.nextDueMicros <= now && keepConnection) {
            beginRequest(index, now);
        } else {
            c.phase = Phase::Waiting;
            schedule(index);
        }
        return;
    }
    if (m_setup.spec->thinks()) {
        c.phase = Phase::Thinking;
        c.nextDueMicros = now + thinkPauseMicros();
        schedule(index);
        return;
    }
    if (keepConnection) {
        beginRequest(index, now);
    } else {
        // Through the main loop, not recursively: a refused connect fails
        // at once, and -n 100000 of them must not nest.
        c.phase = Phase::Waiting;
        m_ready.push_back(index);
    }
}

std::int64_t LoadWorker::thinkPauseMicros()
{
    if (m_thinkSpanMicros == 0)
        return m_thinkMinMicros;
    std::uniform_int_distribution<std::int64_t> pause(m_thinkMinMicros,
                                                      m_thinkMinMicros + m_thinkSpanMicros);
    return pause(m_random);
}

void LoadWorker::onIdleEvent(std::uint32_t index, std::int64_t now, bool readable)
{
    Connection &c = m_connections[index];
    if (!readable)
        return;
    for (;;) {
        const ssize_t received = ::recv(c.fd, m_readBuffer.data(), m_readBuffer.size(), 0);
        if (received > 0)
            continue; // a parting message (408): the close follows
        if (received < 0 && errno == EINTR)
            continue;
        if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        ++m_totals.idle.closedByServer;
        m_totals.idle.closedAfter.record(now - c.sentMicros);
        --m_idleOpen;
        closeSocket(c);
        c.phase = Phase::Done;
        return;
    }
}

void LoadWorker::closeSocket(Connection &connection)
{
    if (connection.fd < 0)
        return;
    ::close(connection.fd);
    connection.fd = -1;
    if (!connection.idle)
        --m_openSockets;
}

void LoadWorker::checkTimeouts(std::int64_t now)
{
    for (std::uint32_t i = 0; i < m_connections.size(); ++i) {
        Connection &c = m_connections[i];
        const bool busy =
            c.phase == Phase::Connecting || c.phase == Phase::Writing || c.phase == Phase::Reading;
        if (!busy || c.deadlineMicros > now)
            continue;
        const Failure failure = c.phase == Phase::Connecting ? Failure::Connect : Failure::Receive;
        failRequest(i, failure, c.phase == Phase::Connecting ? ETIMEDOUT : 0, true, now);
    }
}

void LoadWorker::measureStates(std::int64_t now)
{
    int connecting = 0;
    int awaiting = 0;
    int thinking = 0;
    std::int64_t oldest = 0;
    for (std::uint32_t i = 0; i < std::uint32_t(m_setup.connections); ++i) {
        const Connection &c = m_connections[i];
        switch (c.phase) {
        case Phase::Connecting: ++connecting; break;
        case Phase::Writing:
        case Phase::Reading: ++awaiting; break;
        case Phase::Thinking: ++thinking; continue;
        default: continue;
        }
        oldest = std::max(oldest, now - c.startMicros);
    }
    m_interval.connecting = connecting;
    m_interval.awaiting = awaiting;
    m_interval.thinking = thinking;
    m_interval.oldestInFlightMicros = oldest;
    m_interval.clientsServed = m_clientsServed;
    m_interval.openConnections = m_openSockets;
    m_interval.idleConnectionsOpen = m_idleOpen;
}

void LoadWorker::publish(std::int64_t now)
{
    m_interval.elapsedMicros = now - m_setup.startMicros;
    m_interval.warmingUp = now < m_setup.warmupEndMicros;
    m_interval.counters = m_totals.counters.since(m_published);
    m_published = m_totals.counters;
    m_setup.mailbox->publish(m_interval);
    m_interval.latency.clear();
    m_interval.connect.clear();
}

} // namespace mpmlab
