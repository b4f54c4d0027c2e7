#pragma once

#include <QtGlobal>
#include <optional>

namespace mpmlab {

// Whether a TCP listener could bind 127.0.0.1:port right now (with
// SO_REUSEADDR, as httpd binds, so TIME_WAIT leftovers do not count).
bool isLoopbackPortFree(quint16 port);

// The first free port in [first, first + span), if any.
std::optional<quint16> findFreeLoopbackPort(quint16 first, int span = 100);

} // namespace mpmlab
