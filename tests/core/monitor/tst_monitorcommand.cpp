#include "TestLab.h"
#include "TestPaths.h"
#include "monitor/SampleCsv.h"

#include <QFile>
#include <QProcess>
#include <QtTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// `mpmlab-cli monitor` end to end, against a TestLab.
class TestMonitorCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void printsLinesAndWritesCsv();
    void stopsOnCtrlC();
    void badInputGivesClearErrors_data();
    void badInputGivesClearErrors();
    void stoppedLabIsNotRunning();
};

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess cli;
    cli.start(TestPaths::cliBinary(), arguments);
    CliRun run;
    if (!cli.waitForFinished(timeoutMs)) {
        cli.kill();
        cli.waitForFinished();
        return run;
    }
    run.exitCode = cli.exitCode();
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    run.err = QString::fromUtf8(cli.readAllStandardError());
    return run;
}

} // namespace

void TestMonitorCommand::printsLinesAndWritesCsv()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const QString csvPath = lab.rootDir() + u"/samples.csv"_s;
    const CliRun run =
        runCli({u"monitor"_s, u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir(),
                u"--interval"_s, u"200"_s, u"--duration"_s, u"2"_s, u"--csv"_s, csvPath});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    // 2 s at 200 ms: about ten; a loaded machine may deliver fewer.
    QVERIFY2(lines.size() >= 4, qPrintable(run.out));
    for (const QString &line : lines) {
        QVERIFY2(line.contains(u"procs "_s) && line.contains(u"PSS "_s)
                     && line.contains(u"busy "_s),
                 qPrintable(line));
    }
    QVERIFY(run.err.contains(u"Sampling the local lab (event"_s));
    QVERIFY(run.err.contains(u"%1 samples"_s.arg(lines.size())));

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csv.readAll().split('\n');
    QCOMPARE(rows.first() + '\n', SampleCsv::header());
    const QList<QByteArray> columns = rows.first().split(',');
    const qsizetype processes = columns.indexOf("processes");
    const qsizetype threads = columns.indexOf("threads");
    const qsizetype pss = columns.indexOf("pss_kb");
    const qsizetype rss = columns.indexOf("rss_kb");
    const qsizetype mpm = columns.indexOf("mpm");
    int dataRows = 0;
    for (const QByteArray &row : rows.mid(1)) {
        if (row.isEmpty())
            continue;
        ++dataRows;
        const QList<QByteArray> cells = row.split(',');
        QCOMPARE(cells.size(), columns.size());
        QVERIFY(cells.at(processes).toInt() >= 2);
        QVERIFY(cells.at(threads).toInt()
                > cells.at(processes).toInt()); // event: threads per child
        QVERIFY(cells.at(pss).toLongLong() <= cells.at(rss).toLongLong());
        QCOMPARE(cells.at(mpm), QByteArray("event"));
    }
    QCOMPARE(dataRows, lines.size());
}

void TestMonitorCommand::stopsOnCtrlC()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Prefork).ok());
    QProcess cli;
    cli.start(TestPaths::cliBinary(),
              {u"monitor"_s, u"--lab-dir"_s, lab.rootDir(), u"--interval"_s, u"200"_s});
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    while (out.count('\n') < 2 && cli.waitForReadyRead(10000))
        out += cli.readAllStandardOutput();
    QVERIFY(out.count('\n') >= 2);
    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
}

void TestMonitorCommand::badInputGivesClearErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("ssh target without a user")
        << QStringList{u"--target"_s, u"ssh://127.0.0.1:2222"_s} << 2 << u"ssh://"_s;
    QTest::newRow("unknown target")
        << QStringList{u"--target"_s, u"ftp://x"_s} << 2 << u"unknown target"_s;
    QTest::newRow("interval too short")
        << QStringList{u"--interval"_s, u"50"_s} << 2 << u"from 200 to"_s;
    QTest::newRow("interval not a number")
        << QStringList{u"--interval"_s, u"fast"_s} << 2 << u"--interval"_s;
    QTest::newRow("negative duration")
        << QStringList{u"--duration"_s, u"-3"_s} << 2 << u"--duration"_s;
    QTest::newRow("unknown fetcher")
        << QStringList{u"--fetcher"_s, u"telnet"_s} << 2 << u"--fetcher"_s;
    QTest::newRow("stray word") << QStringList{u"now"_s} << 2 << u"unexpected argument"_s;
}

void TestMonitorCommand::badInputGivesClearErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // A lab that runs, so only the bad option can be the reason.
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const CliRun run = runCli(QStringList{u"monitor"_s, u"--lab-dir"_s, lab.rootDir()} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestMonitorCommand::stoppedLabIsNotRunning()
{
    TestLab lab; // never started
    const CliRun run = runCli({u"monitor"_s, u"--lab-dir"_s, lab.rootDir()});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(u"not running"_s), qPrintable(run.err));
    QVERIFY(run.err.contains(u"lab start"_s));
}

QTEST_GUILESS_MAIN(TestMonitorCommand)
#include "tst_monitorcommand.moc"
