#include "ClientService.h"

#include <algorithm>

namespace mpmlab {

ClientService ClientService::fromResponses(std::vector<std::uint64_t> responses)
{
    ClientService service;
    if (responses.empty())
        return service;
    service.clients = int(responses.size());
    service.neverServed = int(std::count(responses.begin(), responses.end(), 0));
    const auto [lowest, highest] = std::minmax_element(responses.begin(), responses.end());
    service.minResponses = *lowest;
    service.maxResponses = *highest;
    const auto middle = responses.begin() + std::ptrdiff_t(responses.size() / 2);
    std::nth_element(responses.begin(), middle, responses.end());
    service.medianResponses = *middle;
    return service;
}

} // namespace mpmlab
