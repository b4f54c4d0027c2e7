#pragma once

#include "common/Result.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mpmlab {

// What to send, how hard and for how long: the input of a LoadRun. A plain
// value; build it anywhere, hand it to any thread.
struct LoadSpec {
    std::string url; // http://host[:port]/path
    std::string method = "GET";
    std::vector<std::pair<std::string, std::string>>
        headers;             // -H, replace defaults of the same name
    std::string body;        // -p FILE contents
    std::string contentType; // -T

    // Closed loop: `requests` in total (0: no limit, then `duration` bounds
    // the run) over `concurrency` connections.
    std::uint64_t requests = 1;
    int concurrency = 1;
    std::chrono::milliseconds duration{0}; // -t; 0: until `requests` are done
    std::chrono::milliseconds warmup{0};   // load before measuring, not counted
    std::chrono::milliseconds maxDuration{std::chrono::hours(1)}; // hard bound on any run
    std::chrono::milliseconds timeout{30000};                     // -s, per request (ab's default)

    // Open loop: requests per second over all connections, each sent at its
    // intended time whether the previous answer came or not (0: closed loop).
    double rate = 0;

    bool keepAlive = false;            // -k
    bool http10 = false;               // ab's exact HTTP/1.0 request
    bool acceptVariableLength = false; // -l: a body length different from the first is no failure
    // Worker threads; 0: LoadRun chooses (see LoadRun::automaticThreads()).
    int threads = 0;

    // Keep-alive connections that send one request and then stay silent,
    // beside the measured load.
    int idleConnections = 0;

    // Browser-like clients: each connection pauses a uniform random time in
    // [min, max] between the end of a request (its response, or its
    // failure) and its next request (0, 0: none). A kept-alive connection
    // stays open through the pause; without keep-alive the next request
    // opens a new connection after it. Closed loop only.
    std::chrono::milliseconds thinkTimeMin{0};
    std::chrono::milliseconds thinkTimeMax{0};

    // InvalidInput with the reason if a field is out of range.
    [[nodiscard]] Status validate() const;
    [[nodiscard]] bool thinks() const { return thinkTimeMax.count() > 0; }
    // Whether `method` may be sent again after a kept-alive connection
    // closed under it (RFC 9110 9.2.2: GET, HEAD, OPTIONS, TRACE, PUT, DELETE).
    [[nodiscard]] bool methodIsIdempotent() const;
};

} // namespace mpmlab
