#include "load/LatencyHistogram.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace mpmlab;

// The histogram against the exact answer: a sorted array of the same
// random values.
class TestLatencyHistogram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bucketsCoverTheRangeWithoutGaps();
    void percentilesMatchASortedArray_data();
    void percentilesMatchASortedArray();
    void mergingIsAddition();
    void memoryIsBounded();
    void emptyHistogramIsZero();
};

void TestLatencyHistogram::bucketsCoverTheRangeWithoutGaps()
{
    // Every bucket starts right after the previous one ends, and a value
    // lands in the bucket whose range holds it.
    for (std::size_t i = 1; i < LatencyHistogram::bucketCount(); ++i)
        QCOMPARE(LatencyHistogram::bucketLowest(i), LatencyHistogram::bucketHighest(i - 1) + 1);
    std::mt19937_64 random(7);
    for (int i = 0; i < 100000; ++i) {
        const auto value = std::int64_t(random() % (std::uint64_t(1) << 32));
        const std::size_t index = LatencyHistogram::bucketIndex(value);
        QVERIFY(LatencyHistogram::bucketLowest(index) <= value);
        QVERIFY(value <= LatencyHistogram::bucketHighest(index));
    }
    // Microsecond resolution where it matters: exact below 256 us.
    for (std::int64_t v = 0; v < 256; ++v)
        QCOMPARE(LatencyHistogram::bucketHighest(LatencyHistogram::bucketIndex(v)), v);
}

void TestLatencyHistogram::percentilesMatchASortedArray_data()
{
    QTest::addColumn<int>("distribution");
    QTest::addColumn<int>("count");
    QTest::newRow("uniform 0-2 ms") << 0 << 5000;
    QTest::newRow("log-normal around 1 ms") << 1 << 100000;
    QTest::newRow("bimodal: fast and 1 s backlog") << 2 << 20000;
    QTest::newRow("few values") << 1 << 7;
}

void TestLatencyHistogram::percentilesMatchASortedArray()
{
    QFETCH(int, distribution);
    QFETCH(int, count);
    const auto seed = std::random_device()();
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::int64_t> uniform(0, 2000);
    std::lognormal_distribution<double> logNormal(std::log(1000.0), 1.0);
    std::bernoulli_distribution slow(0.05);

    std::vector<std::int64_t> values;
    LatencyHistogram histogram;
    for (int i = 0; i < count; ++i) {
        std::int64_t v = 0;
        if (distribution == 0)
            v = uniform(random);
        else if (distribution == 1)
            v = std::int64_t(logNormal(random));
        else
            v = slow(random) ? 1'000'000 + uniform(random) * 50 : uniform(random);
        values.push_back(v);
        histogram.record(v);
    }
    std::sort(values.begin(), values.end());
    QCOMPARE(histogram.count(), std::uint64_t(count));
    QCOMPARE(histogram.min(), values.front());
    QCOMPARE(histogram.max(), values.back());

    double sum = 0;
    for (auto v : values)
        sum += double(v);
    const double mean = sum / double(count);
    double squares = 0;
    for (auto v : values)
        squares += (double(v) - mean) * (double(v) - mean);
    QVERIFY(std::abs(histogram.mean() - mean) < 1e-6 * std::max(1.0, mean));
    QVERIFY(std::abs(histogram.standardDeviation() - std::sqrt(squares / double(count)))
            < 1e-3 * std::max(1.0, mean));

    for (double p : {1.0, 10.0, 50.0, 66.0, 75.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
        // The exact percentile: the smallest value with at least p % at or below it.
        const auto rank = std::size_t(std::max(1.0, std::ceil(p / 100.0 * double(count))));
        const std::int64_t exact = values[rank - 1];
        const std::int64_t estimate = histogram.valueAtPercentile(p);
        // Same bucket: off by at most one bucket width, 1/128 of the value.
        const double tolerance = double(exact) / 128.0 + 1.0;
        QVERIFY2(std::abs(double(estimate - exact)) <= tolerance,
                 qPrintable(QStringLiteral("seed %1 p%2: exact %3 us, histogram %4 us")
                                .arg(seed)
                                .arg(p)
                                .arg(exact)
                                .arg(estimate)));
    }
}

void TestLatencyHistogram::mergingIsAddition()
{
    std::mt19937_64 random(42);
    std::lognormal_distribution<double> logNormal(std::log(5000.0), 1.5);
    LatencyHistogram all;
    LatencyHistogram parts[3];
    for (int i = 0; i < 30000; ++i) {
        const auto v = std::int64_t(logNormal(random));
        all.record(v);
        parts[i % 3].record(v);
    }
    LatencyHistogram merged;
    for (const auto &part : parts)
        merged.add(part);
    QCOMPARE(merged.count(), all.count());
    QCOMPARE(merged.min(), all.min());
    QCOMPARE(merged.max(), all.max());
    QCOMPARE(merged.nonEmptyBuckets(), all.nonEmptyBuckets());
    for (double p : {50.0, 90.0, 99.0, 99.9})
        QCOMPARE(merged.valueAtPercentile(p), all.valueAtPercentile(p));
    QVERIFY(std::abs(merged.mean() - all.mean()) < 1e-6 * all.mean());
}

void TestLatencyHistogram::memoryIsBounded()
{
    // A fixed number of buckets whatever is recorded, up to hours.
    LatencyHistogram histogram;
    histogram.record(0);
    histogram.record(3'600'000'000LL);       // one hour, in us
    histogram.record(std::int64_t(1) << 40); // beyond the range: counted in the last bucket
    QVERIFY(LatencyHistogram::bucketCount() < 4000);
    QCOMPARE(histogram.count(), std::uint64_t(3));
    QCOMPARE(histogram.max(), std::int64_t(1) << 40);
    QCOMPARE(histogram.valueAtPercentile(100), std::int64_t(1) << 40);
    const std::int64_t hour = histogram.valueAtPercentile(60);
    QVERIFY(std::abs(double(hour) - 3.6e9) <= 3.6e9 / 128.0);
}

void TestLatencyHistogram::emptyHistogramIsZero()
{
    LatencyHistogram histogram;
    QCOMPARE(histogram.count(), std::uint64_t(0));
    QCOMPARE(histogram.valueAtPercentile(50), std::int64_t(0));
    QCOMPARE(histogram.mean(), 0.0);
    QCOMPARE(histogram.standardDeviation(), 0.0);
    histogram.record(-5); // clock steps never produce negative latencies
    QCOMPARE(histogram.min(), std::int64_t(0));
    histogram.clear();
    QCOMPARE(histogram.count(), std::uint64_t(0));
    QVERIFY(histogram.nonEmptyBuckets().empty());
}

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
