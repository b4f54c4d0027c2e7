#include "TestLab.h"
#include "load/LoadRun.h"

#include <QJsonObject>
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
// machine cannot make them fail. A probe that gets no answer at all is
// reported as waiting for the whole run, never as fast.
class TestIdleConnections : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void idleClientsStallPreforkAndWorkerButNotEvent();
    void starvedProbeIsReportedWaiting();

private:
    static LoadResult probe(quint16 port, int idleConnections, std::chrono::seconds duration);
};

void TestIdleConnections::initTestCase()
{
    qInfo("Each MPM: 300 idle keep-alive connections (more than MaxRequestWorkers 150) and a "
          "keep-alive probe at concurrency 10 for 6 s.");
}

LoadResult TestIdleConnections::probe(quint16 port, int idleConnections,
                                      std::chrono::seconds duration)
{
    LoadSpec spec;
    spec.url = "http://127.0.0.1:" + std::to_string(port) + "/test.html";
    spec.keepAlive = true;
    spec.concurrency = 10;
    spec.requests = 0;
    spec.duration = duration;
    spec.maxDuration = 30s;
    spec.idleConnections = idleConnections;
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
        const LoadResult result = probe(lab.port(), 300, 6s);
        const LoadCounters &c = result.counters;
        const IdleConnectionStats &idle = result.idle;
        qInfo("%-8s probe: %llu requests (%llu failed) in %.1f s (%.0f/s), longest %.0f ms, %d "
              "waiting at the end for up to %.0f ms; idle: %d opened, %d answered, %d closed by "
              "the server after %.0f to %.0f ms",
              qPrintable(mpmName(kind)), qulonglong(c.completed), qulonglong(c.failed()),
              result.seconds, result.requestsPerSecond(), double(result.total.max()) / 1000.0,
              result.inFlightAtEnd, double(result.oldestInFlightMicros) / 1000.0, idle.opened,
              idle.answered, idle.closedByServer, double(idle.closedAfter.min()) / 1000.0,
              double(idle.closedAfter.max()) / 1000.0);
        QCOMPARE(idle.requested, 300);
        results.emplace(kind, result);
    }
    const auto succeeded = [](const LoadResult &r) {
        return r.counters.completed - r.counters.failed();
    };
    const LoadResult &event = results.at(MpmKind::Event);
    // Event answers every idle client and keeps serving the probe, without
    // a failure.
    QCOMPARE(event.idle.answered, 300);
    QCOMPARE(event.counters.failed(), std::uint64_t(0));
    QVERIFY(succeeded(event) >= 100);
    // Every MPM holds an answered idle connection for KeepAliveTimeout (5 s),
    // then ends it. Event may end some sooner: when its workers are busy it
    // closes idle kept-alive connections, by design.
    for (const auto &[kind, result] : results) {
        const LatencyHistogram &closedAfter = result.idle.closedAfter;
        QVERIFY2(result.idle.closedByServer > 0, qPrintable(mpmName(kind)));
        QVERIFY2(closedAfter.max() >= 4'500'000 && closedAfter.max() <= 6'000'000,
                 qPrintable(u"%1: %2 us"_s.arg(mpmName(kind)).arg(closedAfter.max())));
        if (kind != MpmKind::Event)
            QVERIFY2(closedAfter.min() >= 4'500'000,
                     qPrintable(u"%1: %2 us"_s.arg(mpmName(kind)).arg(closedAfter.min())));
    }
    // Prefork and worker serve the probe at least ten times less: their
    // processes and threads are held by silent clients.
    for (MpmKind kind : {MpmKind::Prefork, MpmKind::Worker}) {
        const LoadResult &stalled = results.at(kind);
        QVERIFY2(succeeded(stalled) * 10 <= succeeded(event),
                 qPrintable(u"%1 %2 vs event %3 successful requests"_s.arg(mpmName(kind))
                                .arg(succeeded(stalled))
                                .arg(succeeded(event))));
    }
}

void TestIdleConnections::starvedProbeIsReportedWaiting()
{
    // Prefork with 5 processes and 20 idle keep-alive clients that connect
    // first: the processes are held by them (5 s each), the probe's 10
    // connections wait in the listen queue for the whole 3 s run.
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Prefork).ok());
    const Result<DirectiveSet> small = DirectiveSet::fromAssignments(
        {u"StartServers=5"_s, u"MinSpareServers=1"_s, u"MaxSpareServers=5"_s, u"ServerLimit=5"_s,
         u"MaxRequestWorkers=5"_s},
        MpmKind::Prefork);
    QVERIFY(small.ok());
    const Result<QStringList> applied = lab.lab().setDirectives(*small);
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));

    const LoadResult result = probe(lab.port(), 20, 3s);
    qInfo("starved probe: %llu complete, %d in flight at the end, the oldest waiting %.3f s of a "
          "%.3f s run; %d of %d clients never served",
          qulonglong(result.counters.completed), result.inFlightAtEnd,
          double(result.oldestInFlightMicros) / 1e6, result.seconds, result.clients.neverServed,
          result.clients.clients);
    QCOMPARE(result.counters.completed, std::uint64_t(0));
    QCOMPARE(result.counters.failed(), std::uint64_t(0));
    QCOMPARE(result.inFlightAtEnd, 10);
    // Waiting about the whole run (from the first connect, before the
    // measured period's start), never shown as a fast 0.
    QVERIFY2(double(result.oldestInFlightMicros) >= result.seconds * 1e6 * 0.95,
             qPrintable(QString::number(result.oldestInFlightMicros)));
    QCOMPARE(result.clients.neverServed, 10);
    const QJsonObject json = result.toJson();
    QVERIFY(json.value(u"total"_s).toObject().value(u"percentilesMs"_s).isNull());
    QVERIFY(json.value(u"oldestInFlightMs"_s).toDouble() >= result.seconds * 950);
}

QTEST_GUILESS_MAIN(TestIdleConnections)
#include "tst_idleconnections.moc"
