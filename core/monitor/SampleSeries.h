#pragma once

#include "ServerSample.h"

#include <optional>

namespace mpmlab {

// The running state between frames: carries each process's last PSS, USS
// and swap forward to frames that did not read its smaps_rollup, keeps the
// baseline and the previous sample, and fills in each sample's figures.
class SampleSeries {
public:
    // Completes `sample` (memory carried forward, figures computed) and
    // makes it the previous one. The first sample accepted becomes the
    // baseline unless one was set.
    ServerSample accept(ServerSample sample);

    // The next accepted sample becomes the baseline: call it right before a
    // run so "memory used since the baseline" is what the run added.
    void resetBaseline() { m_baseline.reset(); }
    void setBaseline(const ServerSample &sample) { m_baseline = sample; }
    [[nodiscard]] const std::optional<ServerSample> &baseline() const { return m_baseline; }
    [[nodiscard]] const std::optional<ServerSample> &previous() const { return m_previous; }

private:
    std::optional<ServerSample> m_baseline;
    std::optional<ServerSample> m_previous;
};

} // namespace mpmlab
