#include "LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace mpmlab {

namespace {

// 2^8 exact buckets, then 2^7 buckets per power of two.
constexpr int subBucketBits = 8;
constexpr std::int64_t subBucketCount = std::int64_t(1) << subBucketBits;
constexpr std::int64_t halfCount = subBucketCount / 2;
// Values are tracked up to 2^32 us (about 71 minutes).
constexpr int highestBit = 32;
constexpr std::size_t totalBuckets =
    std::size_t(subBucketCount + (highestBit - subBucketBits) * halfCount);

} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(totalBuckets, 0)
{
}

std::size_t LatencyHistogram::bucketCount() { return totalBuckets; }

std::size_t LatencyHistogram::bucketIndex(std::int64_t micros)
{
    if (micros < subBucketCount)
        return std::size_t(std::max<std::int64_t>(micros, 0));
    const auto value = std::uint64_t(micros);
    const int msb = 63 - std::countl_zero(value);
    if (msb >= highestBit)
        return totalBuckets - 1;
    const int shift = msb - (subBucketBits - 1);
    return std::size_t(std::int64_t(shift) * halfCount + std::int64_t(value >> shift));
}

std::int64_t LatencyHistogram::bucketLowest(std::size_t index)
{
    const auto i = std::int64_t(index);
    if (i < subBucketCount)
        return i;
    const std::int64_t shift = i / halfCount - 1;
    return (i - shift * halfCount) << shift;
}

std::int64_t LatencyHistogram::bucketHighest(std::size_t index)
{
    const auto i = std::int64_t(index);
    if (i < subBucketCount)
        return i;
    const std::int64_t shift = i / halfCount - 1;
    return bucketLowest(index) + (std::int64_t(1) << shift) - 1;
}

void LatencyHistogram::record(std::int64_t micros)
{
    micros = std::max<std::int64_t>(micros, 0);
    ++m_buckets[bucketIndex(micros)];
    if (m_count == 0 || micros < m_min)
        m_min = micros;
    if (m_count == 0 || micros > m_max)
        m_max = micros;
    ++m_count;
    const auto value = double(micros);
    m_sum += value;
    m_sumSquares += value * value;
}

void LatencyHistogram::add(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (std::size_t i = 0; i < totalBuckets; ++i)
        m_buckets[i] += other.m_buckets[i];
    m_min = m_count ? std::min(m_min, other.m_min) : other.m_min;
    m_max = m_count ? std::max(m_max, other.m_max) : other.m_max;
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_sumSquares += other.m_sumSquares;
}

void LatencyHistogram::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_min = m_max = 0;
    m_sum = m_sumSquares = 0;
}

double LatencyHistogram::mean() const { return m_count ? m_sum / double(m_count) : 0.0; }

double LatencyHistogram::standardDeviation() const
{
    if (m_count == 0)
        return 0.0;
    const double average = mean();
    const double variance = m_sumSquares / double(m_count) - average * average;
    return variance > 0 ? std::sqrt(variance) : 0.0;
}

std::int64_t LatencyHistogram::valueAtPercentile(double percent) const
{
    if (m_count == 0)
        return 0;
    percent = std::clamp(percent, 0.0, 100.0);
    auto wanted = std::uint64_t(std::ceil(percent / 100.0 * double(m_count)));
    wanted = std::clamp<std::uint64_t>(wanted, 1, m_count);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < totalBuckets; ++i) {
        seen += m_buckets[i];
        if (seen >= wanted) {
            // The last bucket also holds everything beyond the range.
            if (i + 1 == totalBuckets)
                return m_max;
            return std::clamp(bucketHighest(i), m_min, m_max);
        }
    }
    return m_max;
}

std::vector<std::pair<std::int64_t, std::uint64_t>> LatencyHistogram::nonEmptyBuckets() const
{
    std::vector<std::pair<std::int64_t, std::uint64_t>> buckets;
    for (std::size_t i = 0; i < totalBuckets; ++i) {
        if (m_buckets[i])
            buckets.emplace_back(bucketLowest(i), m_buckets[i]);
    }
    return buckets;
}

} // namespace mpmlab
