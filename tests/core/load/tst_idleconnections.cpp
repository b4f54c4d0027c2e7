#include "TestLab.h"
#include "load/LoadRun.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// What MPM Lab exists to show, end to end on Debian's defaults: idle
// keep-alive clients (browsers holding a connection) take a whole process
// or thread each under prefork and worker until KeepAliveTimeout (5 s)
// frees it, so a small measured load beside them stalls; event parks them
// in its listener and keeps answering. The figures are printed; the
// assertions only compare the MPMs by an order of magnitude, so a slow
// machine cannot make them fail.
class TestIdleConnections : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void idleClientsStallPreforkAndWorkerButNotEvent();

private:
    static LoadResult probe(quint16 port);
};

void TestIdleConnections::initTestCase()
{
    qInfo("Each MPM: 300 idle keep-alive connections (more than MaxRequestWorkers 150) and a "
          "keep-alive probe at concurrency 10 for 6 s.");
}

LoadResult TestIdleConnections::probe(quint16 port)
{
    LoadSpec spec;
    spec.url = "http://127.0.0.1:" + std::to_string(port) + "/test.html";
    spec.keepAlive = true;
    spec.concurrency = 10;
    spec.requests = 0;
    spec.duration = 6s;
    spec.maxDuration = 30s;
    spec.idleConnections = 300;
    spec.threads = 1;
    auto prepared = LoadRun::prepare(spec);
    if (!prepared)
        qFatal("cannot prepare the probe: %s", qPrintable(prepared.error().message));
    prepared.value()->start();
    return prepared.value()->finish();
}

void TestIdleConnections::idleClientsStallPreforkAndWorkerButNotEvent()
{
    std::map<MpmKind, LoadResult> results;
    for (MpmKind kind : allMpmKinds) {
        TestLab lab;
        const Status started = lab.startWith(kind);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const LoadResult result = probe(lab.port());
        qInfo("%-8s probe: %llu requests in %.1f s (%.0f/s), longest %.0f ms; idle: %d opened, "
              "%d answered, %d closed by the server",
              qPrintable(mpmName(kind)), static_cast<unsigned long long>(result.counters.completed),
              result.seconds, result.requestsPerSecond(), double(result.total.max()) / 1000.0,
              result.idle.opened, result.idle.answered, result.idle.closedByServer);
        QCOMPARE(result.idle.requested, 300);
        results.emplace(kind, result);
    }
    const LoadResult &event = results.at(MpmKind::Event);
    // Event answers every idle client and keeps serving the probe.
    QCOMPARE(event.idle.answered, 300);
    QVERIFY(event.counters.completed >= 100);
    // Prefork and worker serve the probe at least ten times less: their
    // processes and threads are held by silent clients.
    for (MpmKind kind : {MpmKind::Prefork, MpmKind::Worker}) {
        const LoadResult &stalled = results.at(kind);
        QVERIFY2(stalled.counters.completed * 10 <= event.counters.completed,
                 qPrintable(u"%1 %2 vs event %3 requests"_s.arg(mpmName(kind))
                                .arg(stalled.counters.completed)
                                .arg(event.counters.completed)));
    }
}

QTEST_GUILESS_MAIN(TestIdleConnections)
#include "tst_idleconnections.moc"
