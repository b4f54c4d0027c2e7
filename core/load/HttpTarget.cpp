#include "HttpTarget.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstring>
#include <ifaddrs.h>
#include <netdb.h>
#include <optional>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

Error invalidUrl(const std::string &url, const QString &why)
{
    return Error{Error::Kind::InvalidInput,
                 u"invalid URL '%1': %2"_s.arg(QString::fromStdString(url), why),
                 {}};
}

bool isHostCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

// The IPv4 address in `address`, also from an IPv4-mapped IPv6 address.
std::optional<in_addr_t> ipv4Of(const sockaddr *address)
{
    if (address->sa_family == AF_INET)
        return ntohl(reinterpret_cast<const sockaddr_in *>(address)->sin_addr.s_addr);
    if (address->sa_family == AF_INET6) {
        const in6_addr &in6 = reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr;
        if (IN6_IS_ADDR_V4MAPPED(&in6)) {
            in_addr_t value = 0;
            std::memcpy(&value, in6.s6_addr + 12, sizeof value);
            return ntohl(value);
        }
    }
    return std::nullopt;
}

bool sameHost(const sockaddr *a, const sockaddr *b)
{
    const std::optional<in_addr_t> a4 = ipv4Of(a);
    const std::optional<in_addr_t> b4 = ipv4Of(b);
    if (a4 || b4)
        return a4 == b4;
    if (a->sa_family != AF_INET6 || b->sa_family != AF_INET6)
        return false;
    return IN6_ARE_ADDR_EQUAL(&reinterpret_cast<const sockaddr_in6 *>(a)->sin6_addr,
                              &reinterpret_cast<const sockaddr_in6 *>(b)->sin6_addr);
}

} // namespace

Result<HttpTarget> HttpTarget::parse(const std::string &url)
{
    HttpTarget target;
    const std::string scheme = "http://";
    if (url.rfind("https://", 0) == 0)
        return invalidUrl(url, u"https is not supported yet; use http://"_s);
    if (url.size() < scheme.size()
        || !std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) {
               return a == std::tolower(static_cast<unsigned char>(b));
           }))
        return invalidUrl(url, u"it must start with http://"_s);

    const std::size_t authorityStart = scheme.size();
    std::size_t authorityEnd = url.find_first_of("/?#", authorityStart);
    if (authorityEnd == std::string::npos)
        authorityEnd = url.size();
    const std::string authority = url.substr(authorityStart, authorityEnd - authorityStart);
    if (authority.empty())
        return invalidUrl(url, u"no host"_s);
    if (authority.find('@') != std::string::npos)
        return invalidUrl(url, u"user names in URLs are not supported"_s);

    std::string portText;
    if (authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string::npos)
            return invalidUrl(url, u"unterminated IPv6 address (missing ']')"_s);
        target.host = authority.substr(1, close - 1);
        target.ipv6Literal = true;
        in6_addr probe{};
        if (inet_pton(AF_INET6, target.host.c_str(), &probe) != 1)
            return invalidUrl(
                url, u"'%1' is not an IPv6 address"_s.arg(QString::fromStdString(target.host)));
        const std::string rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':')
                return invalidUrl(url, u"unexpected text after the IPv6 address"_s);
            portText = rest.substr(1);
            if (portText.empty())
                return invalidUrl(url, u"empty port"_s);
        }
    } else {
        const std::size_t colon = authority.find(':');
        target.host = authority.substr(0, colon);
        if (colon != std::string::npos) {
            portText = authority.substr(colon + 1);
            if (portText.empty())
                return invalidUrl(url, u"empty port"_s);
        }
        if (target.host.empty())
            return invalidUrl(url, u"no host"_s);
        if (!std::all_of(target.host.begin(), target.host.end(), isHostCharacter))
            return invalidUrl(
                url, u"'%1' is not a valid host name"_s.arg(QString::fromStdString(target.host)));
    }
    if (!portText.empty()) {
        if (portText.size() > 5 || !std::all_of(portText.begin(), portText.end(), [](char c) {
                return c >= '0' && c <= '9';
            }))
            return invalidUrl(url,
                              u"port '%1' is not a number"_s.arg(QString::fromStdString(portText)));
        const int port = std::stoi(portText);
        if (port < 1 || port > 65535)
            return invalidUrl(url, u"port %1 is out of range 1-65535"_s.arg(port));
        target.port = std::uint16_t(port);
    }

    std::string path = url.substr(authorityEnd);
    if (const std::size_t fragment = path.find('#'); fragment != std::string::npos)
        path.resize(fragment);
    if (path.empty() || path.front() == '?')
        path.insert(0, "/");
    if (std::any_of(path.begin(), path.end(),
                    [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }))
        return invalidUrl(url, u"spaces or control characters in the path (percent-encode them)"_s);
    target.path = path;
    return target;
}

Status HttpTarget::resolve()
{
    addrinfo hints{};
    hints.ai_family = ipv6Literal ? AF_INET6 : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo *found = nullptr;
    const std::string service = std::to_string(port);
    int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
    if (rc != 0 && (rc == EAI_NONAME || rc == EAI_ADDRFAMILY)) {
        // AI_ADDRCONFIG hides ::1 when no non-loopback IPv6 address exists.
        hints.ai_flags = 0;
        rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
    }
    if (rc != 0 || !found) {
        return Error{Error::Kind::Network,
                     u"cannot resolve host '%1': %2"_s.arg(QString::fromStdString(host),
                                                           QString::fromUtf8(gai_strerror(rc))),
                     {}};
    }
    // Prefer IPv4 for names, as ab does (localhost resolves to both).
    const addrinfo *chosen = found;
    for (const addrinfo *entry = found; entry; entry = entry->ai_next) {
        if (entry->ai_family == AF_INET) {
            chosen = entry;
            break;
        }
    }
    std::memcpy(&address, chosen->ai_addr, chosen->ai_addrlen);
    addressLength = socklen_t(chosen->ai_addrlen);
    freeaddrinfo(found);
    return {};
}

std::string HttpTarget::hostHeader() const
{
    std::string text = ipv6Literal ? "[" + host + "]" : host;
    if (port != 80)
        text += ":" + std::to_string(port);
    return text;
}

bool HttpTarget::isOnThisMachine() const
{
    const auto *target = reinterpret_cast<const sockaddr *>(&address);
    if (const std::optional<in_addr_t> v4 = ipv4Of(target))
        if ((*v4 >> 24) == 127) // 127.0.0.0/8
            return true;
    if (target->sa_family == AF_INET6
        && IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<const sockaddr_in6 *>(target)->sin6_addr))
        return true;
    ifaddrs *interfaces = nullptr;
    if (getifaddrs(&interfaces) != 0)
        return false;
    bool own = false;
    for (const ifaddrs *entry = interfaces; entry && !own; entry = entry->ifa_next)
        own = entry->ifa_addr && sameHost(entry->ifa_addr, target);
    freeifaddrs(interfaces);
    return own;
}

std::string HttpTarget::addressText() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&address);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    } else if (address.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&address);
        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    }
    return text;
}

} // namespace mpmlab
