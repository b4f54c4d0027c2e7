#include "LoopbackPort.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mpmlab {

bool isLoopbackPortFree(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0
                      && ::listen(fd, 1) == 0;
    ::close(fd);
    return free;
}

std::optional<quint16> findFreeLoopbackPort(quint16 first, int span)
{
    for (int port = first; port < int(first) + span && port <= 65535; ++port) {
        if (isLoopbackPortFree(quint16(port)))
            return quint16(port);
    }
    return std::nullopt;
}

} // namespace mpmlab
