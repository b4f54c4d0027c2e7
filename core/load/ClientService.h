#pragma once

#include <cstdint>

namespace mpmlab {

// How fairly a run's measured connections (its "clients", one per -c) were
// served: how many never got a response, and the spread of responses per
// client. "368 of 500 clients never got an answer" is the sentence a
// teacher needs under prefork with more thinking clients than processes.
struct ClientService {
    int clients = 0;
    int neverServed = 0;
    std::uint64_t minResponses = 0;
    std::uint64_t medianResponses = 0;
    std::uint64_t maxResponses = 0;
};

} // namespace mpmlab
