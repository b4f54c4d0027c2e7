#pragma once

#include <cstdint>
#include <vector>

namespace mpmlab {

// Latencies in microseconds, HdrHistogram-style: values below 256 us are
// counted exactly, above that every power of two is split into 128 buckets,
// so a recorded value is off by at most 1/128 (0.8 %) of itself. The range
// is bounded (values above ~71 minutes are counted in the last bucket; min,
// max, mean and standard deviation stay exact), so the memory is fixed:
// about 26 KB whatever the run. Histograms of several threads or intervals
// merge by addition.
class LatencyHistogram {
public:
    LatencyHistogram();

    // No allocation: safe on the request path.
    void record(std::int64_t micros);
    void add(const LatencyHistogram &other);
    void clear();

    [[nodiscard]] std::uint64_t count() const { return m_count; }
    [[nodiscard]] std::int64_t min() const { return m_count ? m_min : 0; }
    [[nodiscard]] std::int64_t max() const { return m_count ? m_max : 0; }
    [[nodiscard]] double mean() const;
    // Population standard deviation, as ab prints it.
    [[nodiscard]] double standardDeviation() const;
    // The smallest recorded value v such that at least `percent` % of the
    // values are <= v, within the bucket resolution; 0 when empty.
    [[nodiscard]] std::int64_t valueAtPercentile(double percent) const;

    [[nodiscard]] static std::size_t bucketCount();
    // The bucket a value falls in and the range of values it holds.
    [[nodiscard]] static std::size_t bucketIndex(std::int64_t micros);
    [[nodiscard]] static std::int64_t bucketLowest(std::size_t index);
    [[nodiscard]] static std::int64_t bucketHighest(std::size_t index);

    // Non-empty buckets as (lowest value, count), for JSON export.
    [[nodiscard]] std::vector<std::pair<std::int64_t, std::uint64_t>> nonEmptyBuckets() const;

private:
    std::vector<std::uint64_t> m_buckets;
    std::uint64_t m_count = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    double m_sum = 0;        // us
    double m_sumSquares = 0; // us^2
};

} // namespace mpmlab
