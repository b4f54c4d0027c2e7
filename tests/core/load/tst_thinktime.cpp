#include "TestLab.h"
#include "load/LoadRun.h"

#include <QtTest>
#include <map>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// Browser-like clients on the lab, Debian's defaults (MaxRequestWorkers
// 150, KeepAliveTimeout 5): 300 kept-alive clients, each reading for 200 ms
// between two requests. A thinking client holds a prefork process or a
// worker thread for as long as it keeps coming back within KeepAliveTimeout,
// so the clients beyond the first 150 wait in the listen queue; event parks
// thinking connections in its listener and serves them all. The figures
// are printed; the bounds are modest so that a busy machine passes.
class TestThinkTime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventServesEveryThinkingClientPreforkDoesNot();

private:
    static LoadResult thinkingClients(quint16 port);
};

namespace {

constexpr int clients = 300;
constexpr auto think = 200ms;

} // namespace

LoadResult TestThinkTime::thinkingClients(quint16 port)
{
    LoadSpec spec;
    spec.url = "http://127.0.0.1:" + std::to_string(port) + "/test.html";
    spec.keepAlive = true;
    spec.concurrency = clients;
    spec.requests = 0;
    spec.warmup = 1s;
    spec.duration = 4s;
    spec.maxDuration = 30s;
    spec.thinkTimeMin = spec.thinkTimeMax = think;
    auto prepared = LoadRun::prepare(spec);
    if (!prepared)
        qFatal("cannot prepare the run: %s", qPrintable(prepared.error().message));
    prepared.value()->start();
    return prepared.value()->finish();
}

void TestThinkTime::eventServesEveryThinkingClientPreforkDoesNot()
{
    std::map<MpmKind, LoadResult> results;
    for (MpmKind kind : allMpmKinds) {
        TestLab lab;
        const Status started = lab.startWith(kind);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const LoadResult result = thinkingClients(lab.port());
        const LoadCounters &c = result.counters;
        const ClientService &served = result.clients;
        qInfo("%-8s %d clients thinking %lld ms: %llu requests (%.0f/s, %llu failed, %llu "
              "kept-alive closes), %d never served, responses per client min %llu median %llu "
              "max %llu; %d waiting at the end for up to %.0f ms",
              qPrintable(mpmName(kind)), clients, qlonglong(think.count()), qulonglong(c.completed),
              result.requestsPerSecond(), qulonglong(c.failed()), qulonglong(c.keepAliveClosed),
              served.neverServed, qulonglong(served.minResponses),
              qulonglong(served.medianResponses), qulonglong(served.maxResponses),
              result.inFlightAtEnd, double(result.oldestInFlightMicros) / 1000.0);
        QCOMPARE(served.clients, clients);
        QCOMPARE(c.failed(), std::uint64_t(0));
        // A client never served is still waiting at the end, not forgotten.
        QVERIFY(result.inFlightAtEnd >= served.neverServed);
        results.emplace(kind, result);
    }

    const LoadResult &event = results.at(MpmKind::Event);
    QCOMPARE(event.clients.neverServed, 0);
    // Every event client cycles: think, then a fast answer. The rate is
    // clients / (think + latency), and the pauses hold it below
    // clients / think.
    const double expected = clients / (double(think.count()) / 1000.0 + event.total.mean() / 1e6);
    qInfo("event: %.0f requests/s for %.0f expected", event.requestsPerSecond(), expected);
    QVERIFY(event.requestsPerSecond() <= clients / (double(think.count()) / 1000.0) * 1.02);
    QVERIFY2(event.requestsPerSecond() >= expected * 0.75,
             qPrintable(QString::number(event.requestsPerSecond())));

    // Prefork and worker leave at least a quarter of the clients without a
    // single answer (150 of 300 in theory).
    for (MpmKind kind : {MpmKind::Prefork, MpmKind::Worker}) {
        const ClientService &served = results.at(kind).clients;
        QVERIFY2(served.neverServed >= clients / 4,
                 qPrintable(u"%1: %2 never served"_s.arg(mpmName(kind)).arg(served.neverServed)));
    }
}

QTEST_GUILESS_MAIN(TestThinkTime)
#include "tst_thinktime.moc"
