#include "ReplaySampleStream.h"
#include "ScriptedDriver.h"
#include "run/RunRecorder.h"
#include "scenario/CampaignRunner.h"
#include "targets/Target.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace mpmlab;
using namespace std::chrono_literals;

// The campaign runner on a scripted server (real loopback HTTP, replayed
// mod_status frames): the order of runs, what each run records, runs that
// do not start, Stop at every step and the restore that always follows.
// Fast; the same runner meets the real Apache in tst_campaign.
class TestCampaignRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsEveryMpmInterleavedAndRestores();
    void aServerThatDoesNotStartIsAResult();
    void stopDuringApplyRestoresAtOnce();
    void stopDuringLoadRestoresAtOnce();
    void progressMovesForward();
    void anotherOwnerRefusesTheCampaign();

private:
    struct Lab {
        ScriptedDriver *driver = nullptr;
        std::unique_ptr<Target> target;
    };
    static Lab scriptedLab();
    static Scenario smallScenario(double seconds = 0);
};

TestCampaignRunner::Lab TestCampaignRunner::scriptedLab()
{
    auto driver = std::make_unique<ScriptedDriver>();
    Lab lab;
    lab.driver = driver.get();
    lab.target = std::make_unique<Target>(TargetSpec{}, std::move(driver), [] {
        return std::make_unique<ReplaySampleStream>(
            QStringList{u"prefork-idle.txt"_s, u"prefork-s2-ab.txt"_s});
    });
    return lab;
}

Scenario TestCampaignRunner::smallScenario(double seconds)
{
    const QByteArray json = seconds > 0 ? R"({"schema": 1, "id": "small", "name": "Small",
        "summary": "s", "expectation": "prefork slowest",
        "server": {"directives": {"KeepAlive": "On"},
                   "perMpm": {"prefork": {"MaxRequestWorkers": 50}}},
        "load": {"seconds": 30, "concurrency": 4, "keepAlive": true, "warmupSeconds": 0},
        "checks": [{"id": "slow", "expected": "x", "metric": "p99Ms", "mpm": "prefork",
                    "is": "highest"}]})"
                                        : R"({"schema": 1, "id": "small", "name": "Small",
        "summary": "s", "expectation": "prefork fails most",
        "server": {"directives": {"KeepAlive": "On"},
                   "perMpm": {"prefork": {"MaxRequestWorkers": 50}}},
        "load": {"requests": 400, "concurrency": 4, "keepAlive": true, "warmupSeconds": 0.2},
        "checks": [{"id": "fails", "expected": "x", "metric": "failureRatio", "mpm": "prefork",
                    "is": "highest"}]})";
    const Result<Scenario> scenario =
        Scenario::fromJson(QJsonDocument::fromJson(json).object(), u"small"_s);
    if (!scenario)
        qFatal("%s", qPrintable(scenario.error().message));
    return *scenario;
}

void TestCampaignRunner::runsEveryMpmInterleavedAndRestores()
{
    Lab lab = scriptedLab();
    lab.driver->setConfiguredMpm(MpmKind::Worker);
    CampaignOptions options;
    options.repeat = 2;
    options.samplingInterval = 200ms;
    CampaignRunner runner(*lab.target, smallScenario(), options);
    const CampaignResult result = runner.run();

    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.restoreError.isEmpty());
    QCOMPARE(result.runs.size(), 6);
    const QList<MpmKind> order{MpmKind::Prefork, MpmKind::Worker, MpmKind::Event};
    for (int i = 0; i < 6; ++i) {
        const RunRecord &run = result.runs.at(i);
        QCOMPARE(run.mpm, order.at(i % 3));
        QCOMPARE(run.repeat, i / 3);
        QVERIFY(run.started && run.completed);
        // The counts add up: the scenario's requests, each interval's share.
        QCOMPARE(run.summary.counters.completed, std::uint64_t(400));
        std::uint64_t fromPoints = 0;
        for (const LoadPoint &point : run.load) {
            if (!point.warmingUp)
                fromPoints += point.counters.completed;
        }
        QCOMPARE(fromPoints, std::uint64_t(400));
        // The server before, during and after the load, on the same axis.
        QVERIFY(run.server.size() >= 2);
        QVERIFY(run.server.front().t <= run.loadStartT);
        QVERIFY(run.server.back().t > run.loadEndT);
        QVERIFY(run.load.back().t <= run.loadEndT + 0.2);
        QVERIFY(
            std::is_sorted(run.server.begin(), run.server.end(),
                           [](const ServerPoint &a, const ServerPoint &b) { return a.t < b.t; }));
        QCOMPARE(run.server.front().slotCount, 150); // the fixtures' scoreboard
        QVERIFY(run.summary.peakRssKib.has_value());
        QCOMPARE(run.profile.directives.value(u"MaxRequestWorkers"_s),
                 run.mpm == MpmKind::Prefork ? std::optional<QString>(u"50"_s) : std::nullopt);
    }
    QCOMPARE(result.target.cores, 2); // as the replayed frames say
    QCOMPARE(result.target.apacheVersion, u"Apache/2.4.71 (Scripted)"_s);
    QCOMPARE(result.verdicts.size(), 1);
    // No failures anywhere: "prefork fails most" does not hold, and says why.
    QCOMPARE(result.verdicts.first().held, std::optional<bool>(false));
    QVERIFY(result.verdicts.first().evidence.first().en.contains(u"prefork 0.0%"_s));

    // The campaign owned the server from before its first change until it
    // was put back, in one lease: nobody could come between two runs.
    const QStringList calls = lab.driver->calls();
    QCOMPARE(calls.first(), u"lease campaign small"_s);
    QCOMPARE(calls.at(1), u"createTestFiles"_s);
    QCOMPARE(calls.last(), u"release"_s);
    QCOMPARE(calls.count(u"release"_s), 1);
    QVERIFY2(calls.filter(u"not owned"_s).isEmpty(), qPrintable(calls.join(u", "_s)));
    QCOMPARE(calls.count(u"restore"_s), 1);
    // Back to what it was: worker, running, nothing owed.
    QCOMPARE(lab.driver->mpm(), MpmKind::Worker);
    QVERIFY(lab.driver->running());
    QVERIFY(!lab.driver->hasChanges());
    QVERIFY(calls.indexOf(u"restore"_s) > calls.lastIndexOf(u"applyProfile event"_s));
}

void TestCampaignRunner::aServerThatDoesNotStartIsAResult()
{
    Lab lab = scriptedLab();
    lab.driver->failApply(MpmKind::Worker,
                          Error{Error::Kind::StartFailed,
                                u"Apache started, then died within 2000 ms"_s,
                                u"[mpm_worker:alert] AH03142: unable to create worker thread"_s});
    CampaignRunner runner(*lab.target, smallScenario(), CampaignOptions{});
    const CampaignResult result = runner.run();
    QCOMPARE(result.runs.size(), 3);
    const RunRecord &worker = result.runs.at(1);
    QVERIFY(!worker.started);
    QVERIFY(worker.errorDetails.contains(u"AH03142"_s));
    QCOMPARE(worker.metric(u"failureRatio"), std::optional<double>(1.0));
    QCOMPARE(worker.metric(u"p99Ms"), std::nullopt);
    // The others ran; the verdict counts worker as failing everything.
    QVERIFY(result.runs.at(0).completed && result.runs.at(2).completed);
    const Verdict &verdict = result.verdicts.first();
    QCOMPARE(verdict.held, std::optional<bool>(false));
    bool quoted = false;
    for (const LocalizedText &line : verdict.evidence)
        quoted =
            quoted
            || (line.en.startsWith(u"worker did not start: "_s) && line.en.contains(u"AH03142"_s)
                && line.fr.startsWith(u"worker n'a pas démarré"_s));
    QVERIFY(quoted);
}

void TestCampaignRunner::stopDuringApplyRestoresAtOnce()
{
    Lab lab = scriptedLab();
    lab.driver->hangApply(MpmKind::Worker);
    CampaignRunner runner(*lab.target, smallScenario(), CampaignOptions{});
    std::atomic<qint64> stoppedAtMs{0};
    QElapsedTimer clock;
    clock.start();
    runner.setProgressHandler([&](const CampaignProgress &progress) {
        if (progress.step == CampaignProgress::Step::Applying && progress.mpm == MpmKind::Worker
            && stoppedAtMs == 0) {
            std::thread([&] {
                std::this_thread::sleep_for(300ms);
                stoppedAtMs = clock.elapsed();
                runner.requestStop();
            }).detach();
        }
    });
    const CampaignResult result = runner.run();
    const qint64 tookAfterStop = clock.elapsed() - stoppedAtMs;
    QVERIFY(result.cancelled);
    QCOMPARE(result.runs.size(), 1); // prefork only: the stopped apply is no result
    QVERIFY2(tookAfterStop < 1000, qPrintable(QString::number(tookAfterStop)));
    QCOMPARE(lab.driver->calls().count(u"restore"_s), 1);
    QVERIFY(!lab.driver->hasChanges());
    QCOMPARE(result.verdicts.first().held, std::nullopt); // one MPM proves nothing
}

void TestCampaignRunner::stopDuringLoadRestoresAtOnce()
{
    Lab lab = scriptedLab();
    CampaignRunner runner(*lab.target, smallScenario(30), CampaignOptions{});
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> stoppedAtMs{0};
    runner.setProgressHandler([&](const CampaignProgress &progress) {
        if (progress.step == CampaignProgress::Step::Loading && stoppedAtMs == 0) {
            stoppedAtMs = clock.elapsed();
            runner.requestStop();
        }
    });
    const CampaignResult result = runner.run();
    const qint64 tookAfterStop = clock.elapsed() - stoppedAtMs;
    QVERIFY(result.cancelled);
    QVERIFY2(tookAfterStop < 2000, qPrintable(QString::number(tookAfterStop)));
    QCOMPARE(result.runs.size(), 1);
    QVERIFY(!result.runs.first().completed); // a partial run decides nothing
    QCOMPARE(result.runs.first().metric(u"requestsPerSecond"), std::nullopt);
    QCOMPARE(lab.driver->calls().count(u"restore"_s), 1);
}

void TestCampaignRunner::progressMovesForward()
{
    Lab lab = scriptedLab();
    CampaignRunner runner(*lab.target, smallScenario(), CampaignOptions{});
    QList<CampaignProgress> seen;
    bool readLive = false;
    runner.setProgressHandler([&](const CampaignProgress &progress) {
        seen << progress;
        if (progress.recorder) {
            RunCursor cursor;
            readLive = readLive || !progress.recorder->readSince(cursor).server.empty();
        }
    });
    const CampaignResult result = runner.run();
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.first().step, CampaignProgress::Step::Preparing);
    QCOMPARE(seen.last().step, CampaignProgress::Step::Done);
    QCOMPARE(seen.last().fraction, 1.0);
    QVERIFY(readLive);
    QStringList steps;
    for (const CampaignProgress &progress : seen) {
        QVERIFY(progress.etaSeconds.has_value());
        const QString step = CampaignProgress::stepName(progress.step).en;
        if (steps.isEmpty() || steps.last() != step)
            steps << step;
    }
    QVERIFY2(steps.contains(u"Loading"_s) && steps.contains(u"Restoring the server"_s),
             qPrintable(steps.join(u", "_s)));
    QVERIFY(result.runs.size() == 3);
}

// Another owner holds the server: the campaign says who and touches nothing.
void TestCampaignRunner::anotherOwnerRefusesTheCampaign()
{
    Lab lab = scriptedLab();
    lab.driver->refuseLease(
        Error{Error::Kind::Busy, u"the lab is in use by lab set-mpm worker, pid 4242"_s, {}});
    CampaignRunner runner(*lab.target, smallScenario(), CampaignOptions{});
    const CampaignResult result = runner.run();
    QVERIFY2(result.error.contains(u"pid 4242"_s), qPrintable(result.error));
    QVERIFY(result.runs.isEmpty());
    QVERIFY(result.restoreError.isEmpty());
    QVERIFY2(lab.driver->calls().isEmpty(), qPrintable(lab.driver->calls().join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestCampaignRunner)
#include "tst_campaignrunner.moc"
