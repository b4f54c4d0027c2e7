#include "CampaignComparison.h"
#include "ReportCharts.h"
#include "ScreenshotCheck.h"
#include "TestCommand.h"
#include "TestLab.h"
#include "TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// `mpmlab-cli scenarios` and `mpmlab-cli campaign` as a script uses them,
// on a private lab: the files and their keys, Ctrl+C in the middle of a
// run, and the mistakes that must be refused before anything is touched.
class TestCampaignCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsTheBuiltInScenarios();
    void runsAScenarioAndWritesItsFiles();
    void reportRendersASavedCampaignAgain();
    void ctrlCStopsAndRestores();
    void nobodyComesBetweenTwoRuns();
    void writeErrorsFailButNothingIsLost();
    void refusesBadRequestsBeforeTouchingAnything_data();
    void refusesBadRequestsBeforeTouchingAnything();

private:
    // The charts of a report in `directory`: each PNG at its size and
    // painted, each with its SVG; report.html embeds the two big ones.
    static void checkCharts(const QString &directory);
    QString m_campaignDir; // written by runsAScenarioAndWritesItsFiles
    QTemporaryDir m_out;

    struct Output {
        int code = -1;
        QString out;
        QString err;
    };
    static Output cli(const QStringList &arguments, int timeoutMs = 120000);
    QStringList labArguments() const;

    std::unique_ptr<TestLab> m_lab;
};

TestCampaignCli::Output TestCampaignCli::cli(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(TestPaths::cliBinary(), arguments);
    Output output;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    output.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = QString::fromUtf8(process.readAllStandardOutput());
    output.err = QString::fromUtf8(process.readAllStandardError());
    return output;
}

QStringList TestCampaignCli::labArguments() const
{
    return {u"--target"_s, u"local"_s, u"--lab-dir"_s, m_lab->rootDir()};
}

void TestCampaignCli::initTestCase()
{
    m_lab = std::make_unique<TestLab>();
    QVERIFY(m_lab->isValid());
    QVERIFY(m_lab->startWith(MpmKind::Worker));
}

void TestCampaignCli::listsTheBuiltInScenarios()
{
    const Output list = cli({u"scenarios"_s});
    QCOMPARE(list.code, 0);
    for (const QString &id :
         {u"high-load"_s, u"keep-alive"_s, u"keep-alive-browsers"_s, u"large-file"_s,
          u"memory-limit"_s, u"resources"_s, u"stress-limit"_s, u"idle-keep-alive"_s})
        QVERIFY2(list.out.contains(u"\n"_s + id + u' ') || list.out.startsWith(id + u' '),
                 qPrintable(id));
    const Output french = cli({u"scenarios"_s, u"--lang"_s, u"fr"_s});
    QVERIFY(french.out.contains(u"attendu : "_s));
    const Output json = cli({u"scenarios"_s, u"--json"_s});
    QCOMPARE(json.code, 0);
    const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(all.size(), 8);
    QCOMPARE(all.at(0).toObject().value(u"schema"_s).toInt(), 1);
}

void TestCampaignCli::runsAScenarioAndWritesItsFiles()
{
    QTemporaryDir out;
    const QMap<QString, QByteArray> before = m_lab->fileHashes();
    const Output run =
        cli(QStringList{u"campaign"_s, u"--scenario"_s, u"keep-alive"_s, u"--scale"_s, u"0.05"_s,
                        u"--mpms"_s, u"event,prefork"_s, u"--out"_s, out.path()}
            + labArguments());
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Verdicts"_s) && run.out.contains(u"requests/s"_s),
             qPrintable(run.out));
    QVERIFY(run.err.contains(u"Loading"_s)); // the progress lines
    for (const QString &file :
         {u"campaign.json"_s, u"report.txt"_s, u"load-event-1.csv"_s, u"server-event-1.csv"_s,
          u"load-prefork-1.csv"_s, u"server-prefork-1.csv"_s})
        QVERIFY2(QFile::exists(out.filePath(file)), qPrintable(file));
    QFile file(out.filePath(u"campaign.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject campaign = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(campaign.value(u"schema"_s).toInt(), 1);
    QCOMPARE(campaign.value(u"scenario"_s).toObject().value(u"id"_s).toString(), u"keep-alive"_s);
    const QJsonArray runs = campaign.value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"mpm"_s).toString(), u"event"_s);
    const QJsonObject summary = runs.at(1).toObject().value(u"summary"_s).toObject();
    QVERIFY(runs.at(1).toObject().value(u"started"_s).toBool());
    QCOMPARE(summary.value(u"completed"_s).toDouble()
                 + summary.value(u"failedConnect"_s).toDouble(),
             summary.value(u"attempted"_s).toDouble());
    QVERIFY(summary.value(u"requestsPerSecond"_s).toDouble() > 0);
    const QJsonArray verdicts = campaign.value(u"verdicts"_s).toArray();
    QCOMPARE(verdicts.size(), 2);
    QVERIFY(verdicts.at(0).toObject().value(u"expected"_s).toObject().contains(u"fr"_s));
    checkCharts(out.path());
    QVERIFY(QFile::copy(out.filePath(u"campaign.json"_s), m_out.filePath(u"campaign.json"_s)));
    // The lab as it was: worker, the same bytes.
    QCOMPARE(m_lab->fileHashes(), before);
    QCOMPARE(m_lab->lab().state()->runningMpm, std::optional<MpmKind>(MpmKind::Worker));
}

void TestCampaignCli::checkCharts(const QString &directory)
{
    const QDir dir(directory);
    QList<std::pair<QString, QSize>> charts{{u"dashboard"_s, ReportCharts::dashboardSize},
                                            {u"comparison"_s, ReportCharts::comparisonSize},
                                            {u"chart-percentiles"_s, ReportCharts::chartSize}};
    for (const QString &metric : CampaignComparison::metrics())
        charts.append({u"chart-"_s + metric, ReportCharts::chartSize});
    for (const auto &[stem, size] : charts) {
        const QImage image(dir.filePath(stem + u".png"_s));
        QVERIFY2(image.size() == size, qPrintable(stem));
        QVERIFY2(distinctColours(image) >= minimumColoursOfAPaintedWindow, qPrintable(stem));
        QVERIFY2(QFileInfo(dir.filePath(stem + u".svg"_s)).size() > 0, qPrintable(stem));
    }
    QFile html(dir.filePath(u"report.html"_s));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray page = html.readAll();
    QCOMPARE(page.count("src=\"data:image/png;base64,"), 2);
    QVERIFY(page.contains("</html>"));
}

// `report` draws a saved campaign again, here in French, without a server.
void TestCampaignCli::reportRendersASavedCampaignAgain()
{
    const QString saved = m_out.filePath(u"campaign.json"_s);
    QVERIFY2(QFile::exists(saved), "runsAScenarioAndWritesItsFiles must run first");
    QTemporaryDir again;
    const Output run = cli({u"report"_s, saved, u"--out"_s, again.path(), u"--lang"_s, u"fr"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    checkCharts(again.path());
    QFile text(again.filePath(u"report.txt"_s));
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QString report = QString::fromUtf8(text.readAll());
    QVERIFY2(report.contains(u"Attendu : "_s), qPrintable(report));
    const Output missing = cli({u"report"_s, again.filePath(u"none.json"_s)});
    QVERIFY(missing.code != 0);
    QVERIFY2(missing.err.contains(u"none.json"_s), qPrintable(missing.err));
}

void TestCampaignCli::ctrlCStopsAndRestores()
{
    QTemporaryDir out;
    const QMap<QString, QByteArray> before = m_lab->fileHashes();
    QProcess process;
    process.start(TestPaths::cliBinary(), QStringList{u"campaign"_s, u"--scenario"_s,
                                                      u"resources"_s, u"--out"_s, out.path()}
                                              + labArguments());
    // Interrupt once the first MPM is under load.
    QString seen;
    QDeadlineTimer deadline(60000);
    while (!seen.contains(u"Loading"_s) && !deadline.hasExpired()) {
        process.waitForReadyRead(200);
        seen += QString::fromUtf8(process.readAllStandardError());
    }
    QVERIFY2(seen.contains(u"Loading"_s), qPrintable(seen));
    QElapsedTimer stopping;
    stopping.start();
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(30000));
    const qint64 took = stopping.elapsed();
    seen += QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 9);
    QVERIFY2(seen.contains(u"Stopped; the server was put back"_s), qPrintable(seen));
    // A restart of the lab is most of it; the load itself stops in 100 ms.
    QVERIFY2(took < 15000, qPrintable(QString::number(took)));
    QCOMPARE(m_lab->fileHashes(), before);
    QCOMPARE(m_lab->lab().state()->runningMpm, std::optional<MpmKind>(MpmKind::Worker));
    QFile file(out.filePath(u"campaign.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(file.readAll()).object().value(u"cancelled"_s).toBool());
}

// The campaign owns the lab from its first change until it is put back:
// a command in between is refused, naming it.
void TestCampaignCli::nobodyComesBetweenTwoRuns()
{
    QTemporaryDir out;
    QProcess campaign;
    campaign.start(TestPaths::cliBinary(),
                   QStringList{u"campaign"_s, u"--scenario"_s, u"keep-alive"_s, u"--scale"_s,
                               u"0.05"_s, u"--mpms"_s, u"event,prefork"_s, u"--out"_s, out.path()}
                       + labArguments());
    QString seen;
    const QDeadlineTimer deadline(60000);
    while (!seen.contains(u"Loading"_s) && !deadline.hasExpired()) {
        campaign.waitForReadyRead(200);
        seen += QString::fromUtf8(campaign.readAllStandardError());
    }
    QVERIFY2(seen.contains(u"Loading"_s), qPrintable(seen));
    const TestCommand::Run between =
        TestCommand::run({u"lab"_s, u"set-mpm"_s, u"prefork"_s, u"--lab-dir"_s, m_lab->rootDir()});
    QCOMPARE(between.code, 5);
    QVERIFY2(between.err.contains(u"campaign keep-alive"_s)
                 && between.err.contains(u"pid %1"_s.arg(campaign.processId())),
             qPrintable(between.err));
    QVERIFY(campaign.waitForFinished(120000));
    QVERIFY2(campaign.exitCode() == 0, campaign.readAllStandardError().constData());
    QCOMPARE(m_lab->lab().state()->runningMpm, std::optional<MpmKind>(MpmKind::Worker));
}

// A report that cannot reach stdout, files that cannot reach the disk:
// exit 1 and the reason, and whichever of the two could be written is.
void TestCampaignCli::writeErrorsFailButNothingIsLost()
{
    const QMap<QString, QByteArray> before = m_lab->fileHashes();
    const QStringList campaign{u"campaign"_s, u"--scenario"_s, u"keep-alive"_s, u"--scale"_s,
                               u"0.05"_s,     u"--mpms"_s,     u"event"_s,      u"-q"_s};
    QTemporaryDir out;
    const TestCommand::Run toFullStdout =
        TestCommand::run(campaign + QStringList{u"--out"_s, out.path()} + labArguments(),
                         std::chrono::minutes(2), u"/dev/full"_s);
    QCOMPARE(toFullStdout.code, 1);
    QVERIFY2(toFullStdout.err.contains(u"cannot write to standard output"_s),
             qPrintable(toFullStdout.err));
    QVERIFY(QFile::exists(out.filePath(u"campaign.json"_s)));
    QVERIFY(QFile::exists(out.filePath(u"report.txt"_s)));

    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root");
    // A disk with room for the writability check only: a tmpfs of 16 KiB
    // in a mount namespace of the command's own.
    QTemporaryDir mountPoint;
    QProcess full;
    full.start(u"unshare"_s,
               QStringList{u"--mount"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s, u"-c"_s,
                           u"mount -t tmpfs -o size=16k tmpfs \"$1\" && shift && exec \"$@\""_s,
                           u"sh"_s, mountPoint.path(), TestPaths::cliBinary()}
                   + campaign + QStringList{u"--out"_s, mountPoint.filePath(u"results"_s)}
                   + labArguments());
    QVERIFY(full.waitForFinished(120000));
    const QString err = QString::fromUtf8(full.readAllStandardError());
    QCOMPARE(full.exitCode(), 1);
    QVERIFY2(err.contains(u"No space left on device"_s), qPrintable(err));
    QVERIFY(full.readAllStandardOutput().contains("Verdicts")); // the report still came
    QCOMPARE(m_lab->fileHashes(), before);
}

void TestCampaignCli::refusesBadRequestsBeforeTouchingAnything_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scenario")
        << QStringList{u"--scenario"_s, u"speed"_s} << 2 << u"no scenario 'speed'"_s;
    QTest::newRow("no scenario") << QStringList{} << 2 << u"--scenario is required"_s;
    QTest::newRow("scale zero") << QStringList{u"--scenario"_s, u"keep-alive"_s, u"--scale"_s,
                                               u"0"_s}
                                << 2 << u"--scale must be a number"_s;
    QTest::newRow("MPM twice") << QStringList{u"--scenario"_s, u"keep-alive"_s, u"--mpms"_s,
                                              u"event,event"_s}
                               << 2 << u"listed twice"_s;
    QTest::newRow("unwritable output")
        << QStringList{u"--scenario"_s, u"keep-alive"_s, u"--out"_s, u"/proc/mpmlab"_s} << 1
        << u"cannot create the output directory"_s;
}

void TestCampaignCli::refusesBadRequestsBeforeTouchingAnything()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString before = m_lab->lab().state()->serverVersion;
    const qint64 pid = m_lab->lab().state()->pid;
    const Output run = cli(QStringList{u"campaign"_s} + arguments + labArguments(), 30000);
    QCOMPARE(run.code, code);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    // Refused before any restart: the same Apache parent still runs.
    QCOMPARE(m_lab->lab().state()->pid, pid);
    QVERIFY(!before.isEmpty());
}

QTEST_GUILESS_MAIN(TestCampaignCli)
#include "tst_campaigncli.moc"
