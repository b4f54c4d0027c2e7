#include "TestCommand.h"
#include "TestLab.h"
#include "TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace Qt::StringLiterals;

// mpmlab-cli as a script uses it: exit codes, --json, messages on stderr.
class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void unknownCommandIsAUsageError();
    void labLifecycle();
    void statusNamesTheLabItRead();
    void setMpmRejectsAnUnknownMpm();
    void busyPortExitsWithBusy();
    void writeErrorsFailLoudly();
    void aFullDiskStopsTheMonitor();
    void outOfRangeValuesAreNamed_data();
    void outOfRangeValuesAreNamed();
    void changesSucceedOnAStoppedLab();
    void aStartThatFailsExitsWithStartFailed();
    void theReadmeListsEveryExitCode();

private:
    static TestCommand::Run cli(const QStringList &arguments)
    {
        return TestCommand::run(arguments);
    }
};

void TestCli::helpAndVersion()
{
    const TestCommand::Run help = cli({u"--help"_s});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(u"Usage: mpmlab-cli"_s));
    QVERIFY(help.out.contains(u"lab"_s));

    const TestCommand::Run version = cli({u"--version"_s});
    QCOMPARE(version.code, 0);
    QVERIFY(
        QRegularExpression(u"^mpmlab-cli \\d+\\.\\d+\\.\\d+\\n$"_s).match(version.out).hasMatch());

    const TestCommand::Run labHelp = cli({u"lab"_s, u"--help"_s});
    QCOMPARE(labHelp.code, 0);
    QVERIFY(labHelp.out.contains(u"set-mpm"_s));
}

void TestCli::unknownCommandIsAUsageError()
{
    const TestCommand::Run run = cli({u"frobnicate"_s});
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains(u"unknown command 'frobnicate'"_s));
    QCOMPARE(cli({}).code, 2);
    QCOMPARE(cli({u"lab"_s}).code, 2);
    QCOMPARE(cli({u"lab"_s, u"start"_s, u"extra"_s}).code, 2);
}

void TestCli::labLifecycle()
{
    TestLab lab; // its directory and port; the CLI drives the server
    const QStringList where{u"--lab-dir"_s, lab.rootDir(), u"--port"_s,
                            QString::number(lab.port())};

    TestCommand::Run status = cli(QStringList{u"lab"_s, u"status"_s, u"--json"_s} + where);
    QCOMPARE(status.code, 3); // not running, as LSB status does
    QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(json.value(u"running"_s).toBool(true), false);

    const TestCommand::Run switched = cli(QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s} + where);
    QVERIFY2(switched.code == 0, qPrintable(switched.err));
    QVERIFY(switched.out.contains(u"Running MPM:      worker"_s));

    status = cli(QStringList{u"lab"_s, u"status"_s, u"--json"_s} + where);
    QCOMPARE(status.code, 0);
    json = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(json.value(u"running"_s).toBool(), true);
    QCOMPARE(json.value(u"runningMpm"_s).toString(), u"worker"_s);
    QCOMPARE(json.value(u"configuredMpm"_s).toString(), u"worker"_s);
    QCOMPARE(json.value(u"port"_s).toInt(), lab.port());
    QCOMPARE(json.value(u"url"_s).toString(), u"http://127.0.0.1:%1/"_s.arg(lab.port()));
    QVERIFY(json.value(u"pid"_s).toInteger() > 0);
    // The lab itself agrees with what the CLI printed.
    QCOMPARE(lab.lab().state()->runningMpm, mpmlab::MpmKind::Worker);

    const TestCommand::Run stopped = cli(QStringList{u"lab"_s, u"stop"_s} + where);
    QCOMPARE(stopped.code, 0);
    QCOMPARE(cli(QStringList{u"lab"_s, u"status"_s} + where).code, 3);
}

void TestCli::statusNamesTheLabItRead()
{
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Event).ok());
    const quint16 other = TestLab::freeHighPort();
    // A --port that is not the lab's: the status says which lab it read.
    const TestCommand::Run status = cli({u"lab"_s, u"status"_s, u"--lab-dir"_s, lab.rootDir(),
                                         u"--port"_s, QString::number(other)});
    QCOMPARE(status.code, 0);
    QVERIFY2(status.err.contains(u"this is the lab in %1, on port %2, not %3"_s.arg(lab.rootDir())
                                     .arg(lab.port())
                                     .arg(other)),
             qPrintable(status.err));
    QVERIFY(status.out.contains(u":%1/"_s.arg(lab.port())));
    // The lab's own port: nothing to say.
    const TestCommand::Run same = cli({u"lab"_s, u"status"_s, u"--lab-dir"_s, lab.rootDir(),
                                       u"--port"_s, QString::number(lab.port())});
    QVERIFY2(!same.err.contains(u"Note"_s), qPrintable(same.err));
}

void TestCli::setMpmRejectsAnUnknownMpm()
{
    TestLab lab;
    const TestCommand::Run run =
        cli({u"lab"_s, u"set-mpm"_s, u"winnt"_s, u"--lab-dir"_s, lab.rootDir()});
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains(u"unknown MPM 'winnt'"_s));
    QVERIFY(!lab.lab().state()->running);
}

void TestCli::busyPortExitsWithBusy()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, TestLab::freeHighPort()));
    TestLab lab;
    const TestCommand::Run run = cli({u"lab"_s, u"start"_s, u"--lab-dir"_s, lab.rootDir(),
                                      u"--port"_s, QString::number(squatter.serverPort())});
    QCOMPARE(run.code, 5);
    QVERIFY(run.err.contains(u"already in use"_s));
    QVERIFY(run.out.isEmpty());
}

// What cannot be written is an error with its reason and exit code 1,
// found before any work when it can be.
void TestCli::writeErrorsFailLoudly()
{
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Event));
    const QStringList at{u"--lab-dir"_s, lab.rootDir()};

    const TestCommand::Run status = TestCommand::run(QStringList{u"lab"_s, u"status"_s} + at,
                                                     std::chrono::seconds(60), u"/dev/full"_s);
    QCOMPARE(status.code, 1);
    QVERIFY2(status.err.contains(u"cannot write to standard output: No space left on device"_s),
             qPrintable(status.err));

    QTemporaryDir dir;
    for (const QString &csv : {u"/dev/full"_s, dir.filePath(u"missing/samples.csv"_s)}) {
        const TestCommand::Run monitor = TestCommand::run(
            QStringList{u"monitor"_s, u"--duration"_s, u"30"_s, u"--csv"_s, csv} + at);
        QCOMPARE(monitor.code, 1);
        QVERIFY2(monitor.err.contains(u"cannot write %1"_s.arg(csv)), qPrintable(monitor.err));
        QVERIFY2(!monitor.err.contains(u"Sampling"_s), qPrintable(monitor.err)); // before it
    }
    QVERIFY(QFileInfo(u"/dev/full"_s).exists() && !QFileInfo(u"/dev/full"_s).isFile());
}

// A disk that fills up while the monitor runs: it stops, says so, exit 1.
// The disk is a tiny tmpfs in a mount namespace of the command's own.
void TestCli::aFullDiskStopsTheMonitor()
{
    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root");
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Event));
    QTemporaryDir mountPoint;
    QProcess monitor;
    monitor.start(u"unshare"_s,
                  {u"--mount"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s, u"-c"_s,
                   u"mount -t tmpfs -o size=8k tmpfs \"$1\" && shift && exec \"$@\""_s, u"sh"_s,
                   mountPoint.path(), TestPaths::cliBinary(), u"monitor"_s, u"--lab-dir"_s,
                   lab.rootDir(), u"--interval"_s, u"200"_s, u"--duration"_s, u"120"_s, u"--csv"_s,
                   mountPoint.filePath(u"samples.csv"_s)});
    QVERIFY(monitor.waitForFinished(120000));
    const QString err = QString::fromUtf8(monitor.readAllStandardError());
    QCOMPARE(monitor.exitCode(), 1);
    QVERIFY2(err.contains(u"samples"_s) && err.contains(u"No space left on device"_s),
             qPrintable(err));
    QVERIFY(!monitor.readAllStandardOutput().isEmpty()); // the samples still reached stdout
}

void TestCli::outOfRangeValuesAreNamed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString huge = u"99999999999999999999"_s;
    QTest::newRow("memory limit beyond 64 bits")
        << QStringList{u"server"_s, u"memory-limit"_s, huge} << u"out of range"_s;
    QTest::newRow("memory limit too small")
        << QStringList{u"server"_s, u"memory-limit"_s, u"1000"_s} << u"out of range"_s;
    QTest::newRow("test page too large")
        << QStringList{u"server"_s, u"test-files"_s, u"--page-size"_s, huge} << u"test.html 1 to"_s;
    QTest::newRow("monitor duration")
        << QStringList{u"monitor"_s, u"--duration"_s, u"1e308"_s} << u"from 0.1 to 604800"_s;
    QTest::newRow("monitor smaps")
        << QStringList{u"monitor"_s, u"--smaps-per-frame"_s, u"1000000000"_s}
        << u"from 0 to 100000"_s;
    QTest::newRow("port") << QStringList{u"lab"_s, u"start"_s, u"--port"_s, u"70000"_s}
                          << u"from 1 to 65535"_s;
    QTest::newRow("campaign scale")
        << QStringList{u"campaign"_s, u"--scenario"_s, u"keep-alive"_s, u"--scale"_s, u"1e308"_s}
        << u"--scale must be a number from"_s;
    QTest::newRow("campaign repeat")
        << QStringList{u"campaign"_s, u"--scenario"_s, u"keep-alive"_s, u"--repeat"_s, huge}
        << u"--repeat must be a whole number from 1 to"_s;
}

// Out-of-range numbers are named as such (exit 2) before anything is touched.
void TestCli::outOfRangeValuesAreNamed()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir lab;
    if (arguments.first() != u"lab")
        arguments << u"--target"_s << u"local"_s;
    arguments << u"--lab-dir"_s << lab.path();
    const TestCommand::Run run = TestCommand::run(arguments);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(QDir(lab.path()).isEmpty());
}

// A change that worked exits 0 whether the lab runs or not (the status it
// prints is not the answer); only `status` says 3 for a stopped lab.
void TestCli::changesSucceedOnAStoppedLab()
{
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Event));
    QVERIFY(lab.lab().stop());
    const QStringList local{u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir()};
    for (const QStringList &change :
         {QStringList{u"set"_s, u"KeepAliveTimeout=3"_s},
          QStringList{u"memory-limit"_s, u"4000000"_s}, QStringList{u"restore"_s}}) {
        const TestCommand::Run run = TestCommand::run(QStringList{u"server"_s} + change + local);
        QVERIFY2(run.code == 0, qPrintable(change.join(u' ') + u": "_s + run.err));
        QVERIFY(run.out.contains(u"stopped"_s));
    }
    QCOMPARE(TestCommand::run(QStringList{u"server"_s, u"status"_s} + local).code, 3);
}

// Apache cannot even start under 16 MiB of address space: exit 7, with
// the lab rolled back and running as before.
void TestCli::aStartThatFailsExitsWithStartFailed()
{
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Worker));
    const TestCommand::Run run =
        TestCommand::run({u"server"_s, u"memory-limit"_s, u"16384"_s, u"--target"_s, u"local"_s,
                          u"--lab-dir"_s, lab.rootDir()});
    QCOMPARE(run.code, 7);
    QVERIFY2(run.err.contains(u"rolled back"_s), qPrintable(run.err));
    QVERIFY(lab.lab().state()->running);
    QVERIFY(!lab.lab().state()->memoryLimitKib);
}

// Every exit code mpmlab-cli defines (ExitCode.h) has its row in the
// README's table, and the table lists no other.
void TestCli::theReadmeListsEveryExitCode()
{
    QFile header(TestPaths::fixturesDir() + u"/../../app/cli/ExitCode.h"_s);
    QVERIFY(header.open(QIODevice::ReadOnly));
    QList<int> defined;
    static const QRegularExpression enumerator(u"^\\s+\\w+ = (\\d+),"_s,
                                               QRegularExpression::MultilineOption);
    for (auto match = enumerator.globalMatch(QString::fromUtf8(header.readAll())); match.hasNext();)
        defined << match.next().captured(1).toInt();
    QVERIFY(defined.size() >= 10);

    QFile readme(TestPaths::fixturesDir() + u"/../../README.md"_s);
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype table = text.indexOf(u"| code | meaning |"_s);
    QVERIFY(table > 0);
    QList<int> codes;
    static const QRegularExpression row(u"^\\| (\\d+) \\| (.+) \\|$"_s,
                                        QRegularExpression::MultilineOption);
    for (auto match = row.globalMatch(text.mid(table, text.indexOf(u"\n\n"_s, table) - table));
         match.hasNext();) {
        const QRegularExpressionMatch found = match.next();
        QVERIFY(!found.captured(2).trimmed().isEmpty());
        codes << found.captured(1).toInt();
    }
    QCOMPARE(codes, defined);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
