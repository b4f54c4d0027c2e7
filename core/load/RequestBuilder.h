#pragma once

#include "HttpTarget.h"
#include "LoadSpec.h"

#include <string>

namespace mpmlab {

// The bytes of the one request a run sends, built once before the run.
class RequestBuilder {
public:
    // HTTP/1.1 with Host, User-Agent, Accept and Connection (keep-alive or
    // close); with `spec.http10`, byte for byte what ab 2.3 sends.
    static std::string build(const LoadSpec &spec, const HttpTarget &target);
    // The request an idle connection sends: always keep-alive.
    static std::string buildKeepAlive(const LoadSpec &spec, const HttpTarget &target);
};

} // namespace mpmlab
