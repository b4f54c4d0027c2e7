#pragma once

#include <QtGlobal>
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

// A deliberately misbehaving HTTP server on a real loopback socket, for the
// failure modes a real Apache will not produce (resets mid-body, stalls,
// lies about lengths, garbage). Each accepted connection runs `behaviour`
// on its own thread with the connected socket; the server closes the
// socket afterwards unless the behaviour did (and set it to -1).
class FakeHttpServer {
public:
    using Behaviour = std::function<void(FakeHttpServer &server, int &fd)>;

    explicit FakeHttpServer(Behaviour behaviour, bool ipv6 = false);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer &) = delete;
    FakeHttpServer &operator=(const FakeHttpServer &) = delete;

    [[nodiscard]] bool isListening() const { return m_listener >= 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] std::string url(const std::string &path = "/") const;
    [[nodiscard]] int acceptedConnections() const { return m_accepted.load(); }
    [[nodiscard]] bool stopping() const { return m_stop.load(); }

    // Reads one request head (up to the blank line); false on close or
    // after 5 s. Behaviours call it before answering.
    static bool readRequest(int fd);
    // Writes everything (blocking), ignoring a peer that went away.
    static void sendAll(int fd, std::string_view data);
    // Closes with SO_LINGER 0: the peer gets a TCP reset.
    static void resetAndClose(int &fd);
    // Sleeps until the server stops or `ms` passed.
    void waitUntilStopped(int ms) const;

private:
    void acceptLoop();

    Behaviour m_behaviour;
    int m_listener = -1;
    quint16 m_port = 0;
    bool m_ipv6 = false;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_accepted{0};
    std::thread m_acceptThread;
    std::mutex m_mutex;
    std::vector<std::thread> m_handlers;
};
