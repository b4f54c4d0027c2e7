#include "TestLab.h"
#include "scenario/CampaignRunner.h"
#include "scenario/ScenarioLibrary.h"
#include "targets/Target.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// Every built-in scenario, scaled down, on prefork, worker and event of a
// real Apache (a private lab on a high loopback port): each run recorded or
// explained, the counts adding up, the samples lining up with the load on
// one axis, and the lab put back byte for byte afterwards.
class TestCampaign : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyBuiltInScenarioScaledDown_data();
    void everyBuiltInScenarioScaledDown();

private:
    std::unique_ptr<TestLab> m_lab;
    std::unique_ptr<Target> m_target;
};

void TestCampaign::initTestCase()
{
    m_lab = std::make_unique<TestLab>();
    QVERIFY(m_lab->isValid());
    QVERIFY(m_lab->startWith(MpmKind::Event));
    Result<std::unique_ptr<Target>> target = m_lab->openTarget();
    QVERIFY(target);
    m_target = std::move(target).value();
}

void TestCampaign::everyBuiltInScenarioScaledDown_data()
{
    QTest::addColumn<QString>("id");
    // The two that show the architectures run at full scale in
    // tst_architectures, where their verdicts must hold.
    for (const QString &id : ScenarioLibrary::builtInIds()) {
        if (id != u"idle-keep-alive"_s && id != u"keep-alive-browsers"_s)
            QTest::newRow(qPrintable(id)) << id;
    }
}

void TestCampaign::everyBuiltInScenarioScaledDown()
{
    QFETCH(QString, id);
    const Result<Scenario> scenario = ScenarioLibrary::find(id);
    QVERIFY(scenario);
    const QMap<QString, QByteArray> before = m_lab->fileHashes();
    QVERIFY(before.contains(u"conf/httpd.conf"_s) && before.contains(u"lab.json"_s));

    CampaignOptions options;
    options.scale = 0.05;
    CampaignRunner runner(*m_target, *scenario, options);
    const CampaignResult result = runner.run();

    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY2(result.restoreError.isEmpty(), qPrintable(result.restoreError));
    QCOMPARE(result.runs.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const RunRecord &run = result.runs.at(i);
        QCOMPARE(run.mpm, allMpmKinds[std::size_t(i)]);
        const QString what = u"%1 %2"_s.arg(id, mpmName(run.mpm));
        if (!run.started) {
            // Only a memory limit may keep Apache from starting, with its words.
            QCOMPARE(id, u"memory-limit"_s);
            QVERIFY2(!run.errorDetails.isEmpty(), qPrintable(what + u": " + run.error));
            continue;
        }
        QVERIFY2(run.completed && run.error.isEmpty(), qPrintable(what + u": " + run.error));
        const RunSummary &s = run.summary;
        QVERIFY2(s.counters.completed > 0, qPrintable(what));
        QCOMPARE(s.attempted, s.counters.completed + s.counters.failedConnect);
        std::uint64_t fromPoints = 0;
        for (const LoadPoint &point : run.load) {
            if (!point.warmingUp)
                fromPoints += point.counters.completed;
        }
        QCOMPARE(fromPoints, s.counters.completed);
        // The server at rest before the load, then throughout it, on the same axis.
        QVERIFY2(!run.server.empty() && run.server.front().t < run.loadStartT, qPrintable(what));
        const auto during =
            std::count_if(run.server.begin(), run.server.end(), [&](const ServerPoint &p) {
                return p.t >= run.loadStartT
                       && p.t <= run.loadEndT + run.samplingIntervalMs / 1000.0;
            });
        // At least half the frames the interval allows: on a busy 2-core
        // machine a frame can be late, never missing for long.
        const double loadSeconds = run.loadEndT - run.loadStartT;
        const auto expected = qsizetype(loadSeconds * 1000 / run.samplingIntervalMs);
        QVERIFY2(during >= std::max<qsizetype>(1, expected / 2),
                 qPrintable(u"%1: %2 samples in %3 s"_s.arg(what).arg(during).arg(loadSeconds)));
        QCOMPARE(s.samples,
                 int(std::count_if(run.server.begin(), run.server.end(), [&](const ServerPoint &p) {
                     return p.running && p.t >= run.loadStartT && p.t <= run.loadEndT + 0.6;
                 })));
        QVERIFY2(s.peakProcesses >= 1 && s.peakRssKib && *s.peakRssKib > 0, qPrintable(what));
        QVERIFY2(s.peakPssKib && *s.peakPssKib > 0 && *s.peakPssKib <= *s.peakRssKib,
                 qPrintable(what));
        // The scoreboard is read at rest; under load prefork and worker may
        // have no process or thread left to answer mod_status (every slot
        // held by a keep-alive client), event always has its listener.
        QVERIFY2(std::any_of(run.server.begin(), run.server.end(),
                             [](const ServerPoint &p) { return p.slotCount > 0; }),
                 qPrintable(what));
        if (run.mpm == MpmKind::Event)
            QVERIFY2(s.slotCount > 0, qPrintable(what));
        QVERIFY(s.samplerCpuSeconds.has_value());
        // The MPM Apache ran is the one the run was for.
        QCOMPARE(run.profile.mpm, run.mpm);
    }
    QCOMPARE(result.verdicts.size(), result.scenario.checks.size());
    for (const Verdict &verdict : result.verdicts)
        QVERIFY2(verdict.evidence.size() >= 2, qPrintable(id + u'/' + verdict.id));

    // Back as it was: the same bytes, event running.
    QCOMPARE(m_lab->fileHashes(), before);
    const Result<ServerState> state = m_lab->lab().state();
    QVERIFY(state);
    QVERIFY(state->running);
    QCOMPARE(state->runningMpm, std::optional<MpmKind>(MpmKind::Event));
}

QTEST_GUILESS_MAIN(TestCampaign)
#include "tst_campaign.moc"
