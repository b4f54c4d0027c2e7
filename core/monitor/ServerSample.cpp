#include "ServerSample.h"

namespace mpmlab {

const ProcessSample *ServerSample::process(qint64 pid) const
{
    for (const ProcessSample &p : processes) {
        if (p.pid == pid)
            return &p;
    }
    return nullptr;
}

} // namespace mpmlab
