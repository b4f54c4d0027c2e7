#include "RequestBuilder.h"

#include <algorithm>
#include <cctype>

namespace mpmlab {

namespace {

bool sameName(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                      == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string buildRequest(const LoadSpec &spec, const HttpTarget &target, bool keepAlive)
{
    const auto userSets = [&](const std::string &name) {
        return std::any_of(spec.headers.begin(), spec.headers.end(),
                           [&](const auto &header) { return sameName(header.first, name); });
    };
    std::string request =
        spec.method + " " + target.path + (spec.http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
    std::string defaults;
    if (spec.http10) {
        if (keepAlive)
            request += "Connection: Keep-Alive\r\n";
    }
    if (!userSets("Host"))
        defaults += "Host: " + target.hostHeader() + "\r\n";
    if (!userSets("User-Agent"))
        defaults += spec.http10 ? "User-Agent: ApacheBench/2.3\r\n"
                                : "User-Agent: mpmlab/" MPMLAB_VERSION "\r\n";
    if (!userSets("Accept"))
        defaults += "Accept: */*\r\n";
    if (!spec.http10 && !userSets("Connection"))
        defaults += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    request += defaults;
    for (const auto &[name, value] : spec.headers)
        request += name + ": " + value + "\r\n";
    if (!spec.body.empty() || spec.method == "POST" || spec.method == "PUT") {
        if (!userSets("Content-Type"))
            request += "Content-Type: "
                       + (spec.contentType.empty() ? std::string("text/plain") : spec.contentType)
                       + "\r\n";
        if (!userSets("Content-Length"))
            request += "Content-Length: " + std::to_string(spec.body.size()) + "\r\n";
    }
    request += "\r\n";
    request += spec.body;
    return request;
}

} // namespace

std::string RequestBuilder::build(const LoadSpec &spec, const HttpTarget &target)
{
    return buildRequest(spec, target, spec.keepAlive);
}

std::string RequestBuilder::buildKeepAlive(const LoadSpec &spec, const HttpTarget &target)
{
    return buildRequest(spec, target, true);
}

} // namespace mpmlab
