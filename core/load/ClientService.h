#pragma once

#include <cstdint>
#include <vector>

namespace mpmlab {

// How fairly a run's measured connections (its "clients", one per -c) were
// served: how many never got a response, and the spread of responses per
// client. "368 of 500 clients never got an answer" is the sentence a
// teacher needs under prefork with more thinking clients than processes.
// A response is any complete HTTP response in the measured period, whatever
// its status; a client keeps its count across reconnections.
struct ClientService {
    int clients = 0;
    int neverServed = 0;
    std::uint64_t minResponses = 0;
    std::uint64_t medianResponses = 0; // the upper median for an even count
    std::uint64_t maxResponses = 0;

    // From each client's count of responses (reordered).
    static ClientService fromResponses(std::vector<std::uint64_t> responses);
};

} // namespace mpmlab
