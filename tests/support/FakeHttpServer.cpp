#include "FakeHttpServer.h"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

FakeHttpServer::FakeHttpServer(Behaviour behaviour, bool ipv6)
    : m_behaviour(std::move(behaviour))
    , m_ipv6(ipv6)
{
    const int fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage address{};
    socklen_t length = 0;
    if (ipv6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&address);
        in6->sin6_family = AF_INET6;
        in6->sin6_addr = in6addr_loopback;
        length = sizeof *in6;
    } else {
        auto *in = reinterpret_cast<sockaddr_in *>(&address);
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        length = sizeof *in;
    }
    // Port 0: the kernel picks a free one, so parallel tests never collide.
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), length) != 0
        || ::listen(fd, 1024) != 0) {
        ::close(fd);
        return;
    }
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ipv6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port)
                  : ntohs(reinterpret_cast<sockaddr_in *>(&address)->sin_port);
    m_listener = fd;
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

FakeHttpServer::~FakeHttpServer()
{
    m_stop = true;
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    if (m_listener >= 0)
        ::close(m_listener);
    const std::lock_guard lock(m_mutex);
    for (std::thread &handler : m_handlers)
        handler.join();
}

std::string FakeHttpServer::url(const std::string &path) const
{
    return (m_ipv6 ? "http://[::1]:" : "http://127.0.0.1:") + std::to_string(m_port) + path;
}

void FakeHttpServer::acceptLoop()
{
    while (!m_stop) {
        pollfd waiting{m_listener, POLLIN, 0};
        if (::poll(&waiting, 1, 20) <= 0)
            continue;
        int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        ++m_accepted;
        const std::lock_guard lock(m_mutex);
        m_handlers.emplace_back([this, fd]() mutable {
            m_behaviour(*this, fd);
            if (fd >= 0)
                ::close(fd);
        });
    }
}

bool FakeHttpServer::readRequest(int fd)
{
    std::string head;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (head.find("\r\n\r\n") == std::string::npos) {
        pollfd waiting{fd, POLLIN, 0};
        if (std::chrono::steady_clock::now() > deadline || ::poll(&waiting, 1, 100) < 0)
            return false;
        if (!(waiting.revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
        if (received <= 0)
            return false;
        head.append(buffer, std::size_t(received));
    }
    return true;
}

void FakeHttpServer::sendAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent <= 0)
            return;
        data.remove_prefix(std::size_t(sent));
    }
}

void FakeHttpServer::resetAndClose(int &fd)
{
    const linger abort{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    ::close(fd);
    fd = -1;
}

void FakeHttpServer::waitUntilStopped(int ms) const
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!m_stop && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}
