#include "results/CampaignFile.h"
#include "results/HtmlReport.h"
#include "results/PointColumns.h"
#include "results/SeriesCsv.h"
#include "results/TextReport.h"
#include "scenario/ScenarioLibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// campaign.json: what scripts rely on, a lossless round trip (NaN kept as
// "none"), and a clear error for a corrupted or newer file; the CSV series
// and the text report made from the same result.
class TestCampaignFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsTheContractKeys();
    void roundTripsEverything();
    void refusesWhatItCannotRead_data();
    void refusesWhatItCannotRead();
    void seriesAsCsv();
    void textReportInBothLanguages();
    void htmlReportStandsAlone();

private:
    static CampaignResult sample();
};

CampaignResult TestCampaignFile::sample()
{
    CampaignResult campaign;
    campaign.scenario = *ScenarioLibrary::find(u"idle-keep-alive"_s);
    campaign.mpms = campaign.scenario.mpms;
    campaign.scale = 0.5;
    campaign.target.target = u"local"_s;
    campaign.target.cores = 2;
    campaign.target.memTotalKb = 24'000'000;
    campaign.started = QDateTime::fromString(u"2026-12-01T10:00:00.000Z"_s, Qt::ISODateWithMs);
    campaign.finished = campaign.started.addSecs(40);
    for (MpmKind mpm : campaign.mpms) {
        RunRecord run;
        run.mpm = mpm;
        run.started = mpm != MpmKind::Worker;
        run.completed = run.started;
        if (!run.started) {
            run.error = u"Apache did not start"_s;
            run.errorDetails = u"AH03142: unable to create worker thread"_s;
        }
        run.profile.mpm = mpm;
        run.profile.directives.set(u"KeepAlive"_s, u"On"_s);
        run.profile.memoryLimitKib = 500000;
        run.loadStartT = 1.0;
        run.loadEndT = 6.0;
        run.summary.requestsPerSecond = mpm == MpmKind::Event ? 900 : 3;
        run.summary.counters.completed = 4500;
        run.summary.counters.keepAliveClosed = 7;
        run.summary.p50Ms = mpm == MpmKind::Event ? std::optional<double>(1.5) : std::nullopt;
        run.summary.oldestInFlightMs = 4800;
        run.summary.inFlightAtEnd = 10;
        run.summary.peakPssKib = 50'000;
        run.summary.peakRssKib = 964'000;
        for (int i = 0; i < 3; ++i) {
            LoadPoint point;
            point.t = 1.0 + 0.1 * i;
            point.interval = 0.1;
            point.requestsPerSecond = 100 * i;
            point.p99Ms = i == 0 ? LoadPoint::none : 2.0 * i;
            point.counters.failedReceive = std::uint64_t(i);
            run.load.push_back(point);
            ServerPoint server;
            server.t = 0.5 * i;
            server.apacheCpuPercent = i == 0 ? ServerPoint::none : 37.5;
            server.slotCount = 150;
            server.slotStates[std::size_t(Scoreboard::SlotState::KeepAlive)] = 140;
            run.server.push_back(server);
        }
        campaign.runs << run;
    }
    Verdict verdict;
    verdict.id = u"prefork-stalls"_s;
    verdict.expected = {u"Prefork stalls."_s, u"Prefork se fige."_s};
    verdict.metric = u"longestWaitMs"_s;
    verdict.values = {{MpmKind::Prefork, 4800.0}, {MpmKind::Event, std::nullopt}};
    verdict.evidence << LocalizedText{u"prefork: 140 of 150 slots in K"_s,
                                      u"prefork : 140 sur 150"_s};
    campaign.verdicts << verdict;
    return campaign;
}

void TestCampaignFile::keepsTheContractKeys()
{
    const QJsonObject json = CampaignFile::toJson(sample());
    QCOMPARE(json.value(u"schema"_s).toInt(), CampaignFile::schemaVersion);
    QCOMPARE(json.value(u"scenario"_s).toObject().value(u"id"_s).toString(), u"idle-keep-alive"_s);
    const QJsonArray runs = json.value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 3);
    const QJsonObject worker = runs.at(1).toObject();
    QCOMPARE(worker.value(u"mpm"_s).toString(), u"worker"_s);
    QCOMPARE(worker.value(u"started"_s).toBool(), false);
    QCOMPARE(worker.value(u"error"_s).toString(), u"Apache did not start"_s);
    const QJsonObject summary = runs.at(0).toObject().value(u"summary"_s).toObject();
    for (const QString &key :
         {u"requestsPerSecond"_s, u"completed"_s, u"failed"_s, u"p50Ms"_s, u"p99Ms"_s, u"maxMs"_s,
          u"inFlightAtEnd"_s, u"clientsNeverServed"_s, u"peakPssKib"_s, u"peakRssKib"_s,
          u"peakProcesses"_s, u"peakThreads"_s, u"serverCpuSeconds"_s})
        QVERIFY2(summary.contains(key), qPrintable(key));
    QVERIFY(summary.value(u"p50Ms"_s).isNull()); // prefork completed nothing: no latency
    const QJsonObject verdict = json.value(u"verdicts"_s).toArray().at(0).toObject();
    QCOMPARE(verdict.value(u"id"_s).toString(), u"prefork-stalls"_s);
    QCOMPARE(verdict.value(u"expected"_s).toObject().value(u"fr"_s).toString(),
             u"Prefork se fige."_s);
    QVERIFY(verdict.value(u"held"_s).isNull());
    QVERIFY(verdict.value(u"evidence"_s).isArray());
}

void TestCampaignFile::roundTripsEverything()
{
    const CampaignResult original = sample();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"campaign.json"_s);
    QVERIFY(CampaignFile::save(original, path));
    const Result<CampaignResult> loaded = CampaignFile::load(path);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    // Everything the file says comes back as it was written.
    QCOMPARE(CampaignFile::toJson(*loaded), CampaignFile::toJson(original));
    const RunRecord &prefork = loaded->runs.first();
    QVERIFY(std::isnan(prefork.load.front().p99Ms));
    QCOMPARE(prefork.load.back().p99Ms, 4.0);
    QCOMPARE(prefork.server.back().slotsIn(Scoreboard::SlotState::KeepAlive), 140);
    QVERIFY(std::isnan(prefork.server.front().apacheCpuPercent));
    QCOMPARE(prefork.summary.counters.keepAliveClosed, std::uint64_t(7));
    QCOMPARE(prefork.profile.memoryLimitKib, std::optional<qint64>(500000));
    QCOMPARE(loaded->verdicts.first().values.value(MpmKind::Event), std::nullopt);
}

void TestCampaignFile::refusesWhatItCannotRead_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QByteArray valid = QJsonDocument(CampaignFile::toJson(sample())).toJson();
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << u"is not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1, 2]") << u"does not hold a JSON object"_s;
    QTest::newRow("no schema") << QByteArray("{\"runs\": []}") << u"no schema version"_s;
    QByteArray newer = valid;
    newer.replace("\"schema\": 1", "\"schema\": 7");
    QTest::newRow("newer") << newer << u"written by a newer MPM Lab (campaign schema 7"_s;
    QJsonObject object = CampaignFile::toJson(sample());
    QJsonArray runs = object.value(u"runs"_s).toArray();
    QJsonObject run = runs.at(0).toObject();
    QJsonObject series = run.value(u"series"_s).toObject();
    QJsonObject load = series.value(u"load"_s).toObject();
    load.insert(u"p99Ms"_s, QJsonArray{1, 2});
    series.insert(u"load"_s, load);
    run.insert(u"series"_s, series);
    runs.replace(0, run);
    object.insert(u"runs"_s, runs);
    QTest::newRow("ragged column")
        << QJsonDocument(object).toJson() << u"series.load.p99Ms must be a list of 3 numbers"_s;
}

void TestCampaignFile::refusesWhatItCannotRead()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"campaign.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    const Result<CampaignResult> loaded = CampaignFile::load(path);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().message));
    QVERIFY(loaded.error().message.contains(path));
}

void TestCampaignFile::seriesAsCsv()
{
    QTemporaryDir dir;
    const Result<QStringList> files = SeriesCsv::write(sample(), dir.path());
    QVERIFY(files);
    QCOMPARE(files->size(), 6);
    QFile load(dir.filePath(u"load-prefork-1.csv"_s));
    QVERIFY(load.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = load.readAll().split('\n');
    QCOMPARE(lines.size(), 5); // header, three rows, the final newline
    const QList<QByteArray> header = lines.at(0).split(',');
    const qsizetype p99 = header.indexOf("p99Ms");
    QVERIFY(p99 > 0);
    QCOMPARE(lines.at(1).split(',').at(p99), QByteArray()); // none: an empty cell, never 0
    QCOMPARE(lines.at(3).split(',').at(p99), QByteArray("4"));
    QCOMPARE(header.size(), PointColumns::loadCsvHeader().size());
    const Result<QStringList> refused = SeriesCsv::write(sample(), u"/proc/no-such-dir"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Io);
}

void TestCampaignFile::textReportInBothLanguages()
{
    const QString english = TextReport::render(sample(), u"en");
    QVERIFY2(english.contains(u"did not start"_s), qPrintable(english));
    QVERIFY(english.contains(u"AH03142"_s));
    QVERIFY(english.contains(u"[UNDECIDED] Prefork stalls."_s));
    QVERIFY(english.contains(u"900 req/s"_s));
    const QString french = TextReport::render(sample(), u"fr");
    QVERIFY2(french.contains(u"[INDÉCIS] Prefork se fige."_s), qPrintable(french));
    QVERIFY(french.contains(u"non démarré"_s));
    QVERIFY(french.contains(u"requêtes/s"_s));
}

void TestCampaignFile::htmlReportStandsAlone()
{
    CampaignResult campaign = sample();
    campaign.runs[1].errorDetails = u"AH03142: <unable> to create worker thread"_s;
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a");
    const QString english =
        QString::fromUtf8(HtmlReport::render(campaign, {{u"Dashboard"_s, png}}, u"en"));
    QVERIFY(english.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(english.contains(u"<html lang=\"en\">"_s));
    QVERIFY(english.contains(u"Undecided</span> — Prefork stalls."_s));
    QVERIFY(english.contains(u"&lt;unable&gt;"_s)); // Apache's words, escaped
    QVERIFY(!english.contains(u"<unable>"_s));
    // The chart inside the file: it reads offline, alone.
    QVERIFY(
        english.contains(u"src=\"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64())));
    QVERIFY(english.contains(u"<th class=\"event\">event</th>"_s));
    const QString french = QString::fromUtf8(HtmlReport::render(campaign, {}, u"fr"));
    QVERIFY(french.contains(u"Indécis</span> — Prefork se fige."_s));
    QVERIFY(french.contains(u"Le cours prévoit"_s));
}

QTEST_GUILESS_MAIN(TestCampaignFile)
#include "tst_campaignfile.moc"
