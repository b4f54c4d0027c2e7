#pragma once

#include "ServerSample.h"

#include <QByteArray>

namespace mpmlab {

// Server samples as CSV rows, one per sample: the figures, the system
// memory and CPU, and mod_status's counters and scoreboard counts. Empty
// cells where a value is unknown (CPU on the first sample, ConnsAsync* on
// prefork and worker).
class SampleCsv {
public:
    static QByteArray header();
    static QByteArray row(const ServerSample &sample);
};

} // namespace mpmlab
