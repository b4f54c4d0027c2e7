#include "scenario/ScenarioLibrary.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// Scenario files: the built-in ones, their round trip, and a clear error
// for every kind of mistake a user can make in one.
class TestScenario : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInsAreTheCoursesAndOurs();
    void builtInsRoundTrip();
    void scaleShrinksCountsAndDurationsOnly();
    void badFilesAreNamed_data();
    void badFilesAreNamed();
    void notJsonAtAll();
    void perMpmProfiles();
};

namespace {

QJsonObject minimal()
{
    return QJsonDocument::fromJson(R"({
        "schema": 1, "id": "mine", "name": "Mine", "summary": "s", "expectation": "e",
        "load": {"requests": 100, "concurrency": 10},
        "checks": [{"id": "c", "expected": "x", "metric": "p99Ms", "mpm": "prefork",
                    "is": "highest"}]
    })")
        .object();
}

} // namespace

void TestScenario::builtInsAreTheCoursesAndOurs()
{
    const QList<Scenario> scenarios = ScenarioLibrary::builtIns();
    QStringList ids;
    for (const Scenario &scenario : scenarios) {
        ids << scenario.id;
        QVERIFY2(!scenario.name.en.isEmpty() && !scenario.name.fr.isEmpty(),
                 qPrintable(scenario.id));
        QVERIFY2(!scenario.expectation.fr.isEmpty(), qPrintable(scenario.id));
        QVERIFY2(!scenario.checks.isEmpty(), qPrintable(scenario.id));
        for (const ExpectationCheck &check : scenario.checks)
            QVERIFY2(!check.expected.fr.isEmpty(), qPrintable(scenario.id + u'/' + check.id));
        QCOMPARE(scenario.mpms.size(), 3);
    }
    // Scripts rely on these ids.
    QCOMPARE(ids, (QStringList{u"high-load"_s, u"keep-alive"_s, u"keep-alive-browsers"_s,
                               u"large-file"_s, u"memory-limit"_s, u"resources"_s,
                               u"stress-limit"_s, u"idle-keep-alive"_s}));
    const Result<Scenario> stress = ScenarioLibrary::find(u"stress-limit"_s);
    QVERIFY(stress);
    QCOMPARE(stress->server.profileFor(MpmKind::Prefork).directives.value(u"MaxRequestWorkers"_s),
             u"50"_s);
    QCOMPARE(stress->server.profileFor(MpmKind::Event).directives.value(u"MaxRequestWorkers"_s),
             u"100"_s);
    const Result<Scenario> limit = ScenarioLibrary::find(u"memory-limit"_s);
    QVERIFY(limit);
    QCOMPARE(limit->server.memoryLimitKib, std::optional<qint64>(500000));
    const Result<Scenario> browsers = ScenarioLibrary::find(u"keep-alive-browsers"_s);
    QVERIFY(browsers);
    QCOMPARE(browsers->load.thinkTimeMinMs, 100);
    QCOMPARE(browsers->load.thinkTimeMaxMs, 300);
}

void TestScenario::builtInsRoundTrip()
{
    for (const Scenario &scenario : ScenarioLibrary::builtIns()) {
        const Result<Scenario> again = Scenario::fromJson(scenario.toJson(), u"round trip"_s);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again->toJson(), scenario.toJson());
    }
}

void TestScenario::scaleShrinksCountsAndDurationsOnly()
{
    const Result<Scenario> browsers = ScenarioLibrary::find(u"keep-alive-browsers"_s);
    QVERIFY(browsers);
    const LoadSpec spec = browsers->load.toSpec(u"http://127.0.0.1:18080"_s, 0.25);
    QCOMPARE(spec.url, std::string("http://127.0.0.1:18080/test.html"));
    QCOMPARE(spec.duration, std::chrono::milliseconds(5000));
    QCOMPARE(spec.concurrency, 500);
    QCOMPARE(spec.thinkTimeMin, std::chrono::milliseconds(100));
    QVERIFY(spec.keepAlive);
    // Never below a run the sampler can see (10 samples at 5 Hz).
    QCOMPARE(browsers->load.toSpec(u"http://h"_s, 0.01).duration, std::chrono::milliseconds(2000));

    const Result<Scenario> high = ScenarioLibrary::find(u"high-load"_s);
    QVERIFY(high);
    QCOMPARE(high->load.toSpec(u"http://h"_s, 0.5).requests, std::uint64_t(5000));
    // ab refuses fewer requests than clients: the scale keeps one each.
    QCOMPARE(high->load.toSpec(u"http://h"_s, 0.01).requests, std::uint64_t(1000));
}

void TestScenario::badFilesAreNamed_data()
{
    QTest::addColumn<QString>("path"); // where to change the minimal scenario
    QTest::addColumn<QString>("json"); // the new value, as JSON text
    QTest::addColumn<QString>("expected");

    QTest::newRow("no schema") << u"schema"_s << u"null"_s << u"schema must be a whole number"_s;
    QTest::newRow("newer schema") << u"schema"_s << u"2"_s << u"newer than this MPM Lab reads"_s;
    QTest::newRow("unknown key") << u"colour"_s << u"\"red\""_s << u"colour is not a known field"_s;
    QTest::newRow("bad id") << u"id"_s << u"\"My Test\""_s << u"id must be 1 to 64 lower-case"_s;
    QTest::newRow("no load") << u"load"_s << u"null"_s << u"load must be an object"_s;
    QTest::newRow("zero clients") << u"load.concurrency"_s << u"0"_s
                                  << u"load.concurrency must be a whole number from 1"_s;
    QTest::newRow("fewer requests than clients")
        << u"load.requests"_s << u"5"_s << u"load.requests must be at least concurrency"_s;
    QTest::newRow("think backwards")
        << u"load.thinkTimeMs"_s << u"[300, 100]"_s << u"load.thinkTimeMs must be [min, max]"_s;
    QTest::newRow("typo in load") << u"load.keepalive"_s << u"true"_s
                                  << u"load.keepalive is not a known field"_s;
    QTest::newRow("bad directive") << u"server.directives"_s << u"{\"KeepAliveTimeout\": -3}"_s
                                   << u"server.directives.KeepAliveTimeout"_s;
    QTest::newRow("thread directive for all")
        << u"server.directives"_s << u"{\"ThreadsPerChild\": 25}"_s
        << u"ThreadsPerChild does not apply to prefork: put it under server.perMpm"_s;
    QTest::newRow("thread directive for prefork")
        << u"server.perMpm"_s << u"{\"prefork\": {\"ThreadsPerChild\": 25}}"_s
        << u"ThreadsPerChild does not apply to prefork"_s;
    QTest::newRow("not an MPM") << u"server.perMpm"_s << u"{\"winnt\": {}}"_s
                                << u"server.perMpm.winnt is not an MPM"_s;
    QTest::newRow("memory limit too small") << u"server.memoryLimitKib"_s << u"10"_s
                                            << u"server.memoryLimitKib must be a whole number"_s;
    QTest::newRow("unknown metric") << u"checks"_s
                                    << u"[{\"id\": \"c\", \"expected\": \"x\", \"metric\": "
                                       "\"speed\", \"mpm\": \"event\", \"is\": \"highest\"}]"_s
                                    << u"checks[0].metric 'speed' is not a metric"_s;
    QTest::newRow("compare with itself")
        << u"checks"_s
        << u"[{\"id\": \"c\", \"expected\": \"x\", \"metric\": \"p99Ms\", \"mpm\": \"event\", "
           "\"is\": \"atLeast\", \"times\": 2, \"than\": \"event\"}]"_s
        << u"checks[0].than must be another MPM"_s;
    QTest::newRow("check on an MPM not run")
        << u"mpms"_s << u"[\"worker\", \"event\"]"_s
        << u"checks[0] compares prefork, which the scenario does not run"_s;
    QTest::newRow("MPM twice") << u"mpms"_s << u"[\"event\", \"event\"]"_s
                               << u"mpms must list prefork, worker and event, each at most once"_s;
}

void TestScenario::badFilesAreNamed()
{
    QFETCH(QString, path);
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QJsonObject object = minimal();
    const QJsonValue value =
        QJsonDocument::fromJson(QString(u"{\"v\": "_s + json + u"}"_s).toUtf8()).object().value(u"v"_s);
    const QStringList parts = path.split(u'.');
    if (parts.size() == 1) {
        object.insert(parts[0], value);
    } else {
        QJsonObject child = object.value(parts[0]).toObject();
        child.insert(parts[1], value);
        object.insert(parts[0], child);
    }
    const Result<Scenario> scenario = Scenario::fromJson(object, u"mine.json"_s);
    QVERIFY(!scenario);
    QCOMPARE(scenario.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(scenario.error().message.startsWith(u"mine.json: "_s),
             qPrintable(scenario.error().message));
    QVERIFY2(scenario.error().message.contains(expected), qPrintable(scenario.error().message));
}

void TestScenario::notJsonAtAll()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"schema\": 1, \"id\": ");
    file.close();
    const Result<Scenario> scenario = Scenario::fromFile(path);
    QVERIFY(!scenario);
    QVERIFY2(scenario.error().message.contains(u"is not valid JSON"_s),
             qPrintable(scenario.error().message));
    const Result<Scenario> missing = ScenarioLibrary::find(u"no-such-scenario"_s);
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(u"high-load"_s)); // says what exists
}

void TestScenario::perMpmProfiles()
{
    QJsonObject object = minimal();
    object.insert(u"server"_s, QJsonDocument::fromJson(R"({
        "directives": {"KeepAlive": "Off", "MaxRequestWorkers": 80},
        "perMpm": {"worker": {"MaxRequestWorkers": 100, "ThreadsPerChild": 20}},
        "memoryLimitKib": 900000})")
                                   .object());
    const Result<Scenario> scenario = Scenario::fromJson(object, u"mine.json"_s);
    QVERIFY2(scenario, qPrintable(scenario ? QString() : scenario.error().message));
    const ServerProfile prefork = scenario->server.profileFor(MpmKind::Prefork);
    const ServerProfile worker = scenario->server.profileFor(MpmKind::Worker);
    QCOMPARE(prefork.directives.value(u"MaxRequestWorkers"_s), u"80"_s);
    QCOMPARE(prefork.directives.value(u"ThreadsPerChild"_s), std::nullopt);
    QCOMPARE(worker.directives.value(u"MaxRequestWorkers"_s), u"100"_s);
    QCOMPARE(worker.directives.value(u"ThreadsPerChild"_s), u"20"_s);
    QCOMPARE(worker.directives.value(u"KeepAlive"_s), u"Off"_s);
    QCOMPARE(worker.memoryLimitKib, std::optional<qint64>(900000));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
