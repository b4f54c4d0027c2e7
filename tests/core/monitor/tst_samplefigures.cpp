#include "monitor/SampleSeries.h"

#include <QtTest>

using namespace mpmlab;

// The figures derived between samples: sums, CPU percentages from tick
// deltas, memory against the baseline, PSS/USS carried over frames that
// did not read smaps_rollup.
class TestSampleFigures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sumsEveryProcess();
    void cpuFromTickDeltas();
    void newAndReusedPidsCountSensibly();
    void memoryAgainstTheBaseline();
    void carriesMemoryForwardOnlyForTheSameProcess();
};

namespace {

ProcessSample process(qint64 pid, int threads, qint64 ticks, qint64 rss,
                      std::optional<qint64> pss = std::nullopt,
                      std::optional<qint64> uss = std::nullopt)
{
    ProcessSample p;
    p.pid = pid;
    p.ppid = pid == 100 ? 1 : 100;
    p.threads = threads;
    p.userTicks = ticks / 2;
    p.systemTicks = ticks - ticks / 2;
    p.rssKb = rss;
    p.pssKb = pss;
    p.ussKb = uss;
    p.swapKb = pss ? std::optional<qint64>(0) : std::nullopt;
    p.memoryFresh = pss.has_value();
    return p;
}

ServerSample sample(double uptime, QList<ProcessSample> processes, qint64 busy = 0, qint64 idle = 0)
{
    ServerSample s;
    s.uptimeSeconds = uptime;
    s.clockTicksPerSecond = 100;
    s.cpuCount = 2;
    s.memTotalKb = 1000000;
    s.memAvailableKb = 600000;
    s.cpu.user = busy;
    s.cpu.idle = idle;
    s.parentPid = 100;
    s.processes = std::move(processes);
    return s;
}

} // namespace

void TestSampleFigures::sumsEveryProcess()
{
    QList<ProcessSample> processes{process(100, 1, 0, 3000, 300, 100),
                                   process(101, 27, 0, 9000, 900, 800),
                                   process(102, 27, 0, 9100, std::nullopt)};
    processes[1].statFresh = false; // repeated from its last reading: still counted
    const ServerFigures f = ServerFigures::compute(sample(10, processes), nullptr, nullptr);
    QCOMPARE(f.processCount, 3);
    QCOMPARE(f.threadCount, 1 + 27 + 27);
    QCOMPARE(f.rssKb, 3000 + 9000 + 9100);
    QCOMPARE(f.pssKb, 300 + 900);
    QCOMPARE(f.ussKb, 100 + 800);
    QCOMPARE(f.processesWithoutSmaps, 1);
    QCOMPARE(f.processesRepeated, 1);
    QVERIFY(!f.apacheCpuPercent); // no previous sample: no rate
    QVERIFY(!f.systemCpuPercent);
    QVERIFY(!f.memUsedSinceBaselineKb);
    QCOMPARE(f.memUsedKb, 1000000 - 600000);
}

void TestSampleFigures::cpuFromTickDeltas()
{
    const ServerSample before =
        sample(100.0, {process(100, 1, 50, 1), process(101, 1, 1000, 1)}, 4000, 9000);
    const ServerSample after =
        sample(100.5, {process(100, 1, 51, 1), process(101, 1, 1040, 1)}, 4060, 9040);
    const ServerFigures f = ServerFigures::compute(after, &before, nullptr);
    // 41 ticks at 100 per second in 0.5 s: 0.41 s of CPU in 0.5 s.
    const double expectedApache = 100.0 * (41.0 / 100.0) / 0.5;
    QVERIFY(f.apacheCpuPercent);
    QCOMPARE(*f.apacheCpuPercent, expectedApache);
    // 60 busy ticks out of 100 spent by all CPUs.
    QVERIFY(f.systemCpuPercent);
    QCOMPARE(*f.systemCpuPercent, 100.0 * 60.0 / (60.0 + 40.0));

    // No time between the two: no rate rather than a division by zero.
    const ServerFigures same = ServerFigures::compute(before, &before, nullptr);
    QVERIFY(!same.apacheCpuPercent);
    QVERIFY(!same.systemCpuPercent);
}

void TestSampleFigures::newAndReusedPidsCountSensibly()
{
    const ServerSample before = sample(10.0, {process(100, 1, 10, 1), process(101, 1, 500, 1)});
    // 102 is new (all its 7 ticks fall in the interval); 101 is a new
    // process on a reused pid (fewer ticks than before: 3 are counted).
    const ServerSample after =
        sample(11.0, {process(100, 1, 12, 1), process(101, 1, 3, 1), process(102, 1, 7, 1)});
    const ServerFigures f = ServerFigures::compute(after, &before, nullptr);
    QCOMPARE(*f.apacheCpuPercent, 100.0 * double(2 + 3 + 7) / 100.0 / 1.0);
}

void TestSampleFigures::memoryAgainstTheBaseline()
{
    SampleSeries series;
    ServerSample first = sample(1, {process(100, 1, 0, 1, 1, 1)});
    const ServerSample accepted = series.accept(first);
    QCOMPARE(accepted.figures.memUsedSinceBaselineKb, 0); // the first is the baseline
    ServerSample second = sample(2, {process(100, 1, 0, 1, 1, 1)});
    second.memAvailableKb -= 12345;
    QCOMPARE(series.accept(second).figures.memUsedSinceBaselineKb, 12345);

    series.resetBaseline();
    ServerSample third = second;
    third.uptimeSeconds = 3;
    QCOMPARE(series.accept(third).figures.memUsedSinceBaselineKb, 0);
    ServerSample fourth = third;
    fourth.uptimeSeconds = 4;
    fourth.memAvailableKb += 100;
    QCOMPARE(series.accept(fourth).figures.memUsedSinceBaselineKb, -100);
}

void TestSampleFigures::carriesMemoryForwardOnlyForTheSameProcess()
{
    SampleSeries series;
    (void)series.accept(
        sample(1, {process(100, 1, 10, 5000, 400, 300), process(101, 1, 10, 5000, 700, 650),
                   process(102, 1, 90, 5000, 800, 750)}));
    // Not read this frame ("?"): 100 and 101 keep their values; 102 is a
    // new process on a reused pid (fewer ticks) and must not inherit; 103
    // is new.
    const ServerSample next =
        series.accept(sample(2, {process(100, 1, 11, 5000), process(101, 1, 10, 5000),
                                 process(102, 1, 5, 5000), process(103, 1, 1, 5000)}));
    QCOMPARE(next.processes.at(0).pssKb, 400);
    QCOMPARE(next.processes.at(0).ussKb, 300);
    QCOMPARE(next.processes.at(1).pssKb, 700);
    QVERIFY(!next.processes.at(2).pssKb);
    QVERIFY(!next.processes.at(3).pssKb);
    QCOMPARE(next.figures.pssKb, 400 + 700);
    QCOMPARE(next.figures.processesWithoutSmaps, 2);
    QCOMPARE(*next.figures.apacheCpuPercent, 100.0 * double(1 + 0 + 5 + 1) / 100.0 / 1.0);
}

QTEST_GUILESS_MAIN(TestSampleFigures)
#include "tst_samplefigures.moc"
