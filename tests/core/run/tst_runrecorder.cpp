#include "FakeHttpServer.h"
#include "ReplaySampleStream.h"
#include "load/LoadRun.h"
#include "monitor/ServerSampler.h"
#include "run/RunRecorder.h"
#include "run/RunSummary.h"

#include <QtTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace mpmlab;
using namespace std::chrono_literals;

// The run recorder: load intervals and server samples on one time axis,
// readers with their own cursors, latencies absent (never 0) when nothing
// completed, and the summary computed from what it kept.
class TestRunRecorder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadAndSamplesShareOneAxis();
    void anIntervalWithoutAnswersHasNoLatency();
    void theScoreboardIsTheNewestOneRead();
    void summaryPeaksAndCpu();
};

namespace {

void answerEverything(FakeHttpServer &server, int &fd)
{
    static const std::string response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    while (!server.stopping() && FakeHttpServer::readRequest(fd))
        FakeHttpServer::sendAll(fd, response);
}

} // namespace

void TestRunRecorder::loadAndSamplesShareOneAxis()
{
    FakeHttpServer server(answerEverything);
    QVERIFY(server.isListening());
    SamplerProgram program;
    program.pidFile = u"/run/none.pid"_s;
    program.interval = 200ms;
    ServerSampler sampler(std::make_unique<ReplaySampleStream>(QStringList{u"event-idle.txt"_s}),
                          program);
    RunRecorder recorder;
    QVERIFY(sampler.start());
    recorder.attachSampler(&sampler);

    LoadSpec spec;
    spec.url = server.url("/");
    spec.requests = 0;
    spec.duration = 1500ms;
    spec.concurrency = 2;
    spec.keepAlive = true;
    spec.threads = 1;
    Result<std::unique_ptr<LoadRun>> prepared = LoadRun::prepare(spec);
    QVERIFY(prepared);
    LoadRun &load = *prepared.value();
    std::this_thread::sleep_for(300ms); // the server before the load
    load.start();
    recorder.attachLoad(&load);
    const double loadStart = recorder.loadStartT();
    QVERIFY(loadStart > 0.2 && loadStart < 1.0);

    RunCursor first;
    RunCursor second;
    std::vector<LoadPoint> seenByFirst;
    quint64 generation = recorder.generation();
    int generationsSeen = 0;
    while (!load.isFinished()) {
        std::this_thread::sleep_for(100ms);
        recorder.tick();
        const RunUpdate update = recorder.readSince(first);
        seenByFirst.insert(seenByFirst.end(), update.load.begin(), update.load.end());
        if (recorder.generation() != generation) {
            generation = recorder.generation();
            ++generationsSeen;
        }
    }
    const LoadResult result = load.finish();
    recorder.tick();
    sampler.stop();
    recorder.tick();
    const RunUpdate rest = recorder.readSince(first);
    seenByFirst.insert(seenByFirst.end(), rest.load.begin(), rest.load.end());

    const std::vector<LoadPoint> loadPoints = recorder.loadPoints();
    const std::vector<ServerPoint> serverPoints = recorder.serverPoints();
    // Every reader gets every point once, whatever its pace.
    QCOMPARE(seenByFirst.size(), loadPoints.size());
    QCOMPARE(recorder.readSince(second).load.size(), loadPoints.size());
    QVERIFY(recorder.readSince(second).load.empty());
    QVERIFY(generationsSeen >= 5);

    // One axis: the load's points fall after its start, ~100 ms apart, and
    // the samples cover the time before it and all of it.
    QVERIFY(loadPoints.size() >= 10);
    QVERIFY(loadPoints.front().t > loadStart && loadPoints.front().t < loadStart + 0.3);
    std::uint64_t completed = 0;
    for (const LoadPoint &point : loadPoints) {
        QVERIFY(point.interval > 0.0 && point.interval < 0.5);
        completed += point.counters.completed;
    }
    QCOMPARE(completed, result.counters.completed);
    QCOMPARE(recorder.totals().completed, result.counters.completed);
    QCOMPARE(recorder.latency().count(), result.total.count());
    QVERIFY(serverPoints.size() >= 7); // 1.8 s at 200 ms
    QVERIFY(serverPoints.front().t < loadStart);
    QVERIFY(serverPoints.back().t > loadPoints.back().t - 0.2);
    for (std::size_t i = 1; i < serverPoints.size(); ++i)
        QVERIFY(serverPoints[i].t > serverPoints[i - 1].t);
    QCOMPARE(serverPoints.back().slotCount, rest.scoreboard.size());
    QVERIFY(rest.scoreboard.startsWith(u'_') || rest.scoreboard.startsWith(u'.'));
}

// Every other sample without a mod_status page, several samples a tick: the
// scoreboard served is always the newest one read, and its time is that
// sample's (the window captions it from that sample's counts).
void TestRunRecorder::theScoreboardIsTheNewestOneRead()
{
    SamplerProgram program;
    program.pidFile = u"/run/none.pid"_s;
    program.interval = 200ms;
    ServerSampler sampler(
        std::make_unique<ReplaySampleStream>(QStringList{u"event-idle.txt"_s, QString()}), program);
    RunRecorder recorder;
    const Status started = sampler.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
    recorder.attachSampler(&sampler);
    RunCursor cursor;
    int ticksWithScoreboard = 0;
    for (int tick = 0; tick < 6; ++tick) {
        std::this_thread::sleep_for(650ms);
        recorder.tick();
        const RunUpdate update = recorder.readSince(cursor);
        const std::vector<ServerPoint> points = recorder.serverPoints();
        const auto newestRead = std::find_if(points.rbegin(), points.rend(),
                                             [](const ServerPoint &p) { return p.slotCount > 0; });
        if (newestRead == points.rend())
            continue;
        ++ticksWithScoreboard;
        QCOMPARE(update.scoreboardT, newestRead->t);
        QCOMPARE(update.scoreboard.size(), newestRead->slotCount);
    }
    sampler.stop();
    QVERIFY(ticksWithScoreboard >= 5);
    const std::vector<ServerPoint> points = recorder.serverPoints();
    QVERIFY(std::any_of(points.begin(), points.end(),
                        [](const ServerPoint &p) { return p.slotCount == 0; }));
}

void TestRunRecorder::anIntervalWithoutAnswersHasNoLatency()
{
    LoadSnapshot silent;
    silent.elapsedMicros = 1'000'000;
    silent.awaiting = 3;
    silent.oldestInFlightMicros = 2'500'000;
    silent.clientsServed = 1;
    const LoadPoint point = RunRecorder::pointFor(silent, 1.0, 0.1, 4);
    QVERIFY(std::isnan(point.p50Ms) && std::isnan(point.p99Ms) && std::isnan(point.maxMs));
    QCOMPARE(point.requestsPerSecond, 0.0);
    QCOMPARE(point.longestWaitMs, 2500.0);
    QCOMPARE(point.clientsNeverServed, 3);
    QCOMPARE(point.awaiting, 3);

    LoadSnapshot answered;
    answered.elapsedMicros = 1'100'000;
    answered.counters.completed = 10;
    for (int i = 1; i <= 10; ++i)
        answered.latency.record(i * 1000);
    const LoadPoint second = RunRecorder::pointFor(answered, 1.1, 0.1, 4);
    QCOMPARE(second.requestsPerSecond, 100.0);
    QVERIFY(second.p50Ms >= 5.0 && second.p50Ms <= 5.1);
    QVERIFY(second.maxMs >= 10.0 && second.maxMs <= 10.1);
}

void TestRunRecorder::summaryPeaksAndCpu()
{
    std::vector<ServerPoint> points(6);
    for (int i = 0; i < 6; ++i) {
        ServerPoint &p = points[std::size_t(i)];
        p.t = 0.5 * i;
        p.running = true;
        p.processes = 3 + i;
        p.threads = 3 + i;
        p.rssKb = 1000 * (i + 1);
        p.pssKb = i == 3 ? 9000 : 100 * (i + 1);
        p.apacheCpuPercent = i == 0 ? ServerPoint::none : 50.0; // half a core
        p.slotCount = 150;
        p.slotStates[std::size_t(Scoreboard::SlotState::OpenSlot)] = 150 - 10 * i;
        p.slotStates[std::size_t(Scoreboard::SlotState::KeepAlive)] = 10 * i;
    }
    LoadResult load;
    load.seconds = 2;
    load.concurrency = 4;
    load.counters.completed = 100;
    load.counters.failedConnect = 5;
    load.counters.failedReceive = 5;
    load.inFlightAtEnd = 2;
    load.oldestInFlightMicros = 1'800'000;
    // The load ran from 0.5 s to 2.4 s: the first sample is a baseline.
    const RunSummary s = RunSummary::compute(load, points, 0.5, 2.4);
    QCOMPARE(s.samples, 5);
    QCOMPARE(s.peakRssKib, std::optional<qint64>(6000));
    QCOMPARE(s.peakRssT, 2.5); // the sample just after the end still counts
    QCOMPARE(s.peakPssKib, std::optional<qint64>(9000));
    QCOMPARE(s.peakPssT, 1.5);
    QCOMPARE(s.peakProcesses, 8);
    QCOMPARE(s.peakKeepAliveSlots, 50);
    QCOMPARE(s.peakBusySlots, 50);
    QVERIFY(s.serverCpuSeconds && qAbs(*s.serverCpuSeconds - 1.25) < 1e-9); // 5 x 0.5 s x 0.5
    QCOMPARE(s.attempted, std::uint64_t(105));
    QCOMPARE(s.failureRatio(), 10.0 / 105.0);
    QCOMPARE(s.p99Ms, std::nullopt); // nothing recorded as completed: no latency
    QCOMPARE(s.longestWaitMs(), 1800.0);
    QCOMPARE(s.metric(u"p99Ms"), std::nullopt);
    QCOMPARE(s.metric(u"longestWaitMs"), std::optional<double>(1800.0));

    points[2].pssComplete = false; // one process's smaps_rollup unreadable
    QCOMPARE(RunSummary::compute(load, points, 0.5, 2.4).peakPssKib, std::nullopt);
}

QTEST_GUILESS_MAIN(TestRunRecorder)
#include "tst_runrecorder.moc"
