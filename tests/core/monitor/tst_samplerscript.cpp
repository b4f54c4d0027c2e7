#include "FakeHttpServer.h"
#include "monitor/FrameParser.h"
#include "monitor/LocalSampleStream.h"
#include "monitor/SamplerProgram.h"
#include "monitor/SamplerScript.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

namespace {
class ProcessTree;
} // namespace

// The sampler script on this machine, sampling a small process tree the
// test starts itself (a shell with two sleeping children), under bash and
// under a plain sh, launched as argv and as one quoted command line.
class TestSamplerScript : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void parsesUnderEveryShell();
    void samplesTheTreeOfThePidFile_data();
    void samplesTheTreeOfThePidFile();
    void commandLineSurvivesQuoting();
    void keepsOneAwkForTheWholeRun_data();
    void keepsOneAwkForTheWholeRun();
    void newProcessesGetTheirSmapsAtOnce();
    void idleProcessesAreReadEveryOtherFrame();
    void noProcessIsRepeatedTwiceInARow();
    void missingPidFileGivesEmptyFrames();
    void framesKeepTheirPaceWhenNoWorkerIsFree();
    void closingStdinStopsTheBashSampler();
    void stopLeavesNoProcessBehind_data();
    void stopLeavesNoProcessBehind();
    void scriptRejectsBadArguments();
    void programValidation_data();
    void programValidation();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProcessTree> m_tree; // sh with two sleep children
    QString m_pidFile;
};

namespace {

QList<ServerSample> collect(SampleStream &stream, qsizetype wanted, FrameParser &parser)
{
    QList<ServerSample> samples;
    for (int i = 0; i < 100 && samples.size() < wanted; ++i) {
        Result<QByteArray> chunk = stream.read(100ms);
        if (!chunk)
            break;
        parser.feed(*chunk);
        samples += parser.takeSamples();
    }
    return samples;
}

QList<qint64> childrenOf(qint64 pid)
{
    QFile file(u"/proc/%1/task/%1/children"_s.arg(pid));
    QList<qint64> pids;
    if (!file.open(QIODevice::ReadOnly))
        return pids;
    for (const QByteArray &word : file.readAll().simplified().split(' ')) {
        if (!word.isEmpty())
            pids.append(word.toLongLong());
    }
    return pids;
}

// Pids of the awk processes in process group `group`.
QList<qint64> awksInGroup(qint64 group)
{
    QList<qint64> pids;
    for (const QString &pid : QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs)) {
        QFile file(u"/proc/%1/stat"_s.arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = file.readAll();
        const QByteArray comm =
            line.mid(line.indexOf('(') + 1, line.lastIndexOf(')') - line.indexOf('(') - 1);
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // After "pid (comm) ": field 5 pgrp is fields[2].
        if (comm.endsWith("awk") && fields.value(2).toLongLong() == group)
            pids.append(pid.toLongLong());
    }
    std::sort(pids.begin(), pids.end());
    return pids;
}

// `program` run until `count` frames came, then stopped.
struct Run {
    bool started = false;
    QList<ServerSample> samples;
    qint64 dropped = 0;
};

Run runUntil(const SamplerProgram &program, qsizetype count)
{
    Run run;
    LocalSampleStream stream;
    run.started = stream.start(program).ok();
    FrameParser parser;
    if (run.started)
        run.samples = collect(stream, count, parser);
    stream.stop();
    run.dropped = parser.framesDropped();
    return run;
}

// `sh -c script` and whatever it forks, killed when this goes away.
class ProcessTree {
public:
    explicit ProcessTree(const QString &script)
    {
        m_shell.start(u"/bin/sh"_s, {u"-c"_s, script});
        m_shell.waitForStarted();
    }
    ~ProcessTree()
    {
        for (qint64 child : childrenOf(pid()))
            ::kill(pid_t(child), SIGKILL);
        m_shell.kill();
        m_shell.waitForFinished();
    }
    ProcessTree(const ProcessTree &) = delete;
    ProcessTree &operator=(const ProcessTree &) = delete;

    [[nodiscard]] qint64 pid() const { return m_shell.processId(); }
    void write(const QByteArray &line) { m_shell.write(line); }

private:
    QProcess m_shell;
};

// 200 ms frames, no mod_status fetch.
SamplerProgram programFor(const QString &pidFile)
{
    SamplerProgram program;
    program.pidFile = pidFile;
    program.interval = 200ms;
    program.fetcher = SamplerProgram::Fetcher::None;
    return program;
}

bool writePidFile(const QString &path, qint64 pid)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(QByteArray::number(pid) + '\n') > 0;
}

const ProcessSample *processOf(const ServerSample &sample, qint64 pid)
{
    for (const ProcessSample &p : sample.processes) {
        if (p.pid == pid)
            return &p;
    }
    return nullptr;
}

} // namespace

void TestSamplerScript::init()
{
    // A directory name with a space and a quote: the pid file path must
    // survive every layer of quoting.
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/mpmlab it's here XXXXXX"_s);
    QVERIFY(m_dir->isValid());
    m_tree = std::make_unique<ProcessTree>(u"sleep 60 & sleep 60 & wait"_s);
    QVERIFY(m_tree->pid() > 0);
    QTRY_COMPARE(childrenOf(m_tree->pid()).size(), 2);
    m_pidFile = m_dir->filePath(u"httpd.pid"_s);
    QVERIFY(writePidFile(m_pidFile, m_tree->pid()));
}

void TestSamplerScript::cleanup()
{
    m_tree.reset();
    m_dir.reset();
}

void TestSamplerScript::parsesUnderEveryShell()
{
    for (const QString &shell : {u"/bin/sh"_s, u"/bin/bash"_s, u"/bin/dash"_s}) {
        if (!QFile::exists(shell))
            continue;
        QProcess check;
        check.start(shell, {u"-n"_s, u"-c"_s, QString::fromUtf8(SamplerScript::text())});
        QVERIFY(check.waitForFinished());
        QVERIFY2(
            check.exitCode() == 0,
            qPrintable(shell + u": "_s + QString::fromLocal8Bit(check.readAllStandardError())));
    }
}

void TestSamplerScript::samplesTheTreeOfThePidFile_data()
{
    QTest::addColumn<SamplerProgram::Shell>("shell");
    QTest::newRow("bash") << SamplerProgram::Shell::PreferBash;
    QTest::newRow("sh") << SamplerProgram::Shell::PosixSh;
}

void TestSamplerScript::samplesTheTreeOfThePidFile()
{
    QFETCH(SamplerProgram::Shell, shell);
    SamplerProgram program = programFor(m_pidFile);
    program.shell = shell;
    const Run run = runUntil(program, 3);
    QVERIFY(run.started);
    const QList<ServerSample> &samples = run.samples;
    QCOMPARE(samples.size(), 3);
    QCOMPARE(run.dropped, 0);

    const qint64 parent = m_tree->pid();
    QList<qint64> expected = childrenOf(parent);
    expected.prepend(parent);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const ServerSample &s = samples.at(i);
        QCOMPARE(s.sequence, i + 1);
        QCOMPARE(s.parentPid, parent);
        QList<qint64> pids;
        for (const ProcessSample &p : s.processes) {
            pids.append(p.pid);
            QCOMPARE(p.threads, 1);
            QCOMPARE(p.ppid, p.pid == parent ? qint64(::getpid()) : parent);
            QVERIFY(p.rssKb > 0);
            if (p.memoryFresh) {
                QVERIFY(p.pssKb && *p.pssKb <= p.rssKb);
                QVERIFY(p.ussKb && *p.ussKb <= *p.pssKb);
            }
        }
        QCOMPARE(pids, expected);
        QVERIFY(s.memTotalKb > s.memAvailableKb && s.memAvailableKb > 0);
        QVERIFY(s.cpu.total() > 0);
        QVERIFY(s.cpuCount >= 1);
        QVERIFY(s.clockTicksPerSecond > 0);
        // Server time is this machine's clock: within a minute of ours.
        QVERIFY(qAbs(s.serverTimeMs() - s.receivedAtMs) < 60000);
        QVERIFY(!s.status);
        QVERIFY(s.statusError.contains(u"no way to fetch"_s));
    }
    // The first frame reads every smaps_rollup.
    for (const ProcessSample &p : samples.first().processes)
        QVERIFY(p.memoryFresh);
    QVERIFY(samples.at(1).uptimeSeconds > samples.at(0).uptimeSeconds);
}

void TestSamplerScript::commandLineSurvivesQuoting()
{
    // What an SSH exec channel runs: one line for a remote shell.
    SamplerProgram program = programFor(m_pidFile);
    QProcess remoteLike;
    remoteLike.start(u"/bin/sh"_s, {u"-c"_s, QString::fromUtf8(program.shellCommandLine())});
    QVERIFY(remoteLike.waitForStarted());
    FrameParser parser;
    QList<ServerSample> samples;
    for (int i = 0; i < 50 && samples.isEmpty(); ++i) {
        remoteLike.waitForReadyRead(100);
        parser.feed(remoteLike.readAllStandardOutput());
        samples = parser.takeSamples();
    }
    remoteLike.closeWriteChannel();
    QVERIFY(remoteLike.waitForFinished(3000) || (remoteLike.kill(), remoteLike.waitForFinished()));
    QVERIFY2(!samples.isEmpty(), remoteLike.readAllStandardError().constData());
    QCOMPARE(samples.first().parentPid, m_tree->pid());
    QCOMPARE(samples.first().processes.size(), 3);
    QCOMPARE(SamplerProgram::shellQuoted("it's"), QByteArray(R"('it'\''s')"));
}

void TestSamplerScript::keepsOneAwkForTheWholeRun_data() { samplesTheTreeOfThePidFile_data(); }

void TestSamplerScript::keepsOneAwkForTheWholeRun()
{
    // Forking awk cost ~1.5-2 ms a frame: one awk lives as long as the run.
    QFETCH(SamplerProgram::Shell, shell);
    SamplerProgram program = programFor(m_pidFile);
    program.shell = shell;
    LocalSampleStream stream;
    QVERIFY(stream.start(program).ok());
    FrameParser parser;
    QCOMPARE(collect(stream, 1, parser).size(), 1);
    const QList<qint64> first = awksInGroup(stream.processId());
    QCOMPARE(first.size(), 1);
    QCOMPARE(collect(stream, 4, parser).size(), 4);
    QCOMPARE(awksInGroup(stream.processId()), first);
    stream.stop();
    QCOMPARE(parser.framesDropped(), 0);
}

void TestSamplerScript::newProcessesGetTheirSmapsAtOnce()
{
    // No rotation (0 reads a frame): only the first frame and processes
    // seen for the first time get smaps_rollup read.
    ProcessTree tree(u"sleep 60 & read line; sleep 60 & wait"_s);
    QVERIFY(tree.pid() > 0);
    QTRY_COMPARE(childrenOf(tree.pid()).size(), 1);
    QVERIFY(writePidFile(m_pidFile, tree.pid()));
    SamplerProgram program = programFor(m_pidFile);
    program.smapsPerFrame = 0;
    LocalSampleStream stream;
    QVERIFY(stream.start(program).ok());
    FrameParser parser;
    QList<ServerSample> samples = collect(stream, 2, parser);
    QCOMPARE(samples.size(), 2);
    for (const ProcessSample &p : samples.at(0).processes)
        QVERIFY(p.memoryFresh);
    QCOMPARE(samples.at(1).processes.size(), 2);
    for (const ProcessSample &p : samples.at(1).processes)
        QVERIFY(!p.memoryFresh);

    const QList<qint64> before = childrenOf(tree.pid());
    tree.write("go\n");
    QTRY_COMPARE(childrenOf(tree.pid()).size(), 2);
    qint64 newcomer = 0;
    for (qint64 child : childrenOf(tree.pid()))
        newcomer = before.contains(child) ? newcomer : child;
    (void)parser.takeSamples();
    samples = collect(stream, 2, parser);
    stream.stop();
    const auto fresh = [](const ServerSample &s, qint64 which) {
        const ProcessSample *p = processOf(s, which);
        return p ? std::optional<bool>(p->memoryFresh) : std::optional<bool>();
    };
    // The first frame that lists the newcomer reads it, and only it.
    QCOMPARE(samples.size(), 2);
    const ServerSample &seen = fresh(samples.at(0), newcomer) ? samples.at(0) : samples.at(1);
    QCOMPARE(fresh(seen, newcomer), std::optional<bool>(true));
    QCOMPARE(fresh(seen, tree.pid()), std::optional<bool>(false));
    QCOMPARE(fresh(samples.at(1), newcomer), std::optional<bool>(false));
}

void TestSamplerScript::idleProcessesAreReadEveryOtherFrame()
{
    // A parent with a sleeping child and a spinning one (stopped with the
    // tree, at most a few seconds). The parent and the spinning child are
    // read every frame. Once a reading finds the sleeping child unchanged,
    // it is read every other frame, and the frames in between repeat that
    // reading.
    ProcessTree tree(u"sleep 60 & while :; do :; done & wait"_s);
    QVERIFY(tree.pid() > 0);
    qint64 sleeper = 0, spinner = 0;
    // Until sh has forked both and the first has become sleep.
    const auto identify = [&] {
        sleeper = spinner = 0;
        for (qint64 child : childrenOf(tree.pid())) {
            QFile comm(u"/proc/%1/comm"_s.arg(child));
            if (comm.open(QIODevice::ReadOnly))
                (comm.readAll().trimmed() == "sleep" ? sleeper : spinner) = child;
        }
        return sleeper && spinner;
    };
    QTRY_VERIFY(identify());
    QVERIFY(writePidFile(m_pidFile, tree.pid()));
    SamplerProgram program = programFor(m_pidFile);
    program.smapsPerFrame = 0;
    const Run run = runUntil(program, 7);
    QVERIFY(run.started);
    const QList<ServerSample> &samples = run.samples;
    QCOMPARE(samples.size(), 7);
    QCOMPARE(run.dropped, 0);

    const ProcessSample *lastRead = nullptr;
    QList<bool> sleeperFresh;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const ServerSample &s = samples.at(i);
        QCOMPARE(s.processes.size(), 3);
        QVERIFY(processOf(s, tree.pid())->statFresh);
        const ProcessSample *spin = processOf(s, spinner);
        QVERIFY2(spin && spin->statFresh, qPrintable(u"frame %1"_s.arg(i + 1)));
        if (i > 0)
            QVERIFY(spin->cpuTicks() >= processOf(samples.at(i - 1), spinner)->cpuTicks());
        const ProcessSample *sleep = processOf(s, sleeper);
        QVERIFY(sleep);
        sleeperFresh.append(sleep->statFresh);
        if (!sleep->statFresh) {
            // A repeat carries the values of the last reading.
            QCOMPARE(sleep->cpuTicks(), lastRead->cpuTicks());
            QCOMPARE(sleep->rssKb, lastRead->rssKb);
            QCOMPARE(sleep->threads, lastRead->threads);
            QCOMPARE(sleep->ppid, lastRead->ppid);
        }
        lastRead = sleep->statFresh ? sleep : lastRead;
    }
    QVERIFY(processOf(samples.last(), spinner)->cpuTicks()
            > processOf(samples.first(), spinner)->cpuTicks());
    // Read on the first two frames (the second finds it unchanged), then
    // on every other one.
    QCOMPARE(sleeperFresh.first(2), QList<bool>({true, true}));
    for (qsizetype i = 2; i + 1 < sleeperFresh.size(); ++i)
        QVERIFY2(sleeperFresh.at(i) != sleeperFresh.at(i + 1),
                 qPrintable(u"frame %1"_s.arg(i + 1)));
}

void TestSamplerScript::noProcessIsRepeatedTwiceInARow()
{
    // Three sleeping children; the first is killed mid-run, so the other
    // two move up a place in the list. Whatever their places, none is left
    // unread for two frames in a row.
    ProcessTree tree(u"sleep 60 & sleep 60 & sleep 60 & wait"_s);
    QVERIFY(tree.pid() > 0);
    QTRY_COMPARE(childrenOf(tree.pid()).size(), 3);
    const QList<qint64> children = childrenOf(tree.pid());
    QVERIFY(writePidFile(m_pidFile, tree.pid()));
    SamplerProgram program = programFor(m_pidFile);
    program.smapsPerFrame = 0;
    LocalSampleStream stream;
    QVERIFY(stream.start(program).ok());
    FrameParser parser;
    QList<ServerSample> samples = collect(stream, 5, parser);
    QCOMPARE(samples.size(), 5);
    QVERIFY(::kill(pid_t(children.first()), SIGKILL) == 0);
    QTRY_COMPARE(childrenOf(tree.pid()).size(), 2);
    samples += collect(stream, 5, parser);
    stream.stop();
    QCOMPARE(samples.size(), 10);

    int repeats = 0;
    for (const qint64 child : children.mid(1)) {
        bool repeatedBefore = false;
        for (const ServerSample &s : std::as_const(samples)) {
            const ProcessSample *p = processOf(s, child);
            QVERIFY(p);
            QVERIFY2(p->statFresh || !repeatedBefore,
                     qPrintable(
                         u"pid %1 repeated twice in a row, frame %2"_s.arg(child).arg(s.sequence)));
            repeatedBefore = !p->statFresh;
            repeats += repeatedBefore ? 1 : 0;
        }
    }
    QVERIFY(repeats >= 4); // they were idle: repeated about every other frame
}

void TestSamplerScript::missingPidFileGivesEmptyFrames()
{
    SamplerProgram program = programFor(m_dir->filePath(u"none.pid"_s));
    LocalSampleStream stream;
    QVERIFY(stream.start(program).ok());
    FrameParser parser;
    const QList<ServerSample> samples = collect(stream, 2, parser);
    QCOMPARE(samples.size(), 2);
    for (const ServerSample &s : samples) {
        QVERIFY(!s.parentPid);
        QVERIFY(s.processes.isEmpty());
        QVERIFY(s.memTotalKb > 0);
    }
    // A pid file naming no live process reads the same.
    QFile pid(program.pidFile);
    QVERIFY(pid.open(QIODevice::WriteOnly));
    pid.write("999999999\n");
    pid.close();
    const QList<ServerSample> more = collect(stream, 2, parser);
    QCOMPARE(more.size(), 2);
    QVERIFY(!more.last().parentPid);
}

void TestSamplerScript::framesKeepTheirPaceWhenNoWorkerIsFree()
{
    // A server whose workers are all busy: the status request waits 1.2 s
    // in its backlog before one takes it.
    FakeHttpServer busy([](FakeHttpServer &server, int &fd) {
        if (!FakeHttpServer::readRequest(fd))
            return;
        server.waitUntilStopped(1200);
        FakeHttpServer::sendAll(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
                                    "ServerMPM: prefork\nBusyWorkers: 4\nScoreboard: KKKK\n");
    });
    QVERIFY(busy.isListening());
    SamplerProgram program = programFor(m_dir->filePath(u"none.pid"_s));
    program.fetcher = SamplerProgram::Fetcher::Bash;
    program.statusPort = busy.port();
    LocalSampleStream stream;
    QVERIFY(stream.start(program).ok());
    FrameParser parser;
    QElapsedTimer clock;
    clock.start();
    const QList<ServerSample> samples = collect(stream, 10, parser);
    const qint64 took = clock.elapsed();
    stream.stop();
    QCOMPARE(samples.size(), 10);
    // 200 ms frames, not one per second-long fetch.
    QVERIFY2(took < 3500, qPrintable(QString::number(took)));
    qsizetype answered = -1;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (samples.at(i).status) {
            answered = i;
            break;
        }
        QVERIFY2(samples.at(i).statusError.contains(u"no free worker"_s),
                 qPrintable(samples.at(i).statusError));
    }
    // The page arrives in a later frame, from the one request kept open.
    QVERIFY2(answered >= 3, qPrintable(QString::number(answered)));
    QCOMPARE(samples.at(answered).status->scoreboard.count(Scoreboard::SlotState::KeepAlive), 4);
    QCOMPARE(busy.acceptedConnections(), answered < 9 ? 2 : 1);
}

void TestSamplerScript::closingStdinStopsTheBashSampler()
{
    if (!QFile::exists(u"/bin/bash"_s))
        QSKIP("no bash on this machine");
    SamplerProgram program = programFor(m_pidFile);
    program.interval = 1000ms;
    QProcess sampler;
    sampler.start(u"/bin/sh"_s, program.shArguments());
    QVERIFY(sampler.waitForReadyRead(5000));
    sampler.closeWriteChannel();
    // It was pausing for up to a second: it returns at once, exit 0.
    QVERIFY(sampler.waitForFinished(5000));
    QCOMPARE(sampler.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sampler.exitCode(), 0);
}

void TestSamplerScript::stopLeavesNoProcessBehind_data() { samplesTheTreeOfThePidFile_data(); }

void TestSamplerScript::stopLeavesNoProcessBehind()
{
    QFETCH(SamplerProgram::Shell, shell);
    SamplerProgram program = programFor(m_pidFile);
    program.interval = 5000ms; // under sh, a long sleep is running when we stop
    program.shell = shell;
    LocalSampleStream stream;
    QVERIFY(stream.start(program).ok());
    FrameParser parser;
    QCOMPARE(collect(stream, 1, parser).size(), 1);
    const qint64 group = stream.processId();
    QVERIFY(group > 0);
    stream.stop();
    QCOMPARE(stream.processId(), 0);
    // Nothing left in the sampler's process group (its sleep included).
    QTRY_VERIFY(::kill(pid_t(-group), 0) != 0 && errno == ESRCH);
    const Result<QByteArray> after = stream.read(10ms);
    QVERIFY(!after.ok());
}

void TestSamplerScript::scriptRejectsBadArguments()
{
    // The script checks its numbers itself too (a remote caller may not
    // have validated them).
    QProcess script;
    script.start(u"/bin/sh"_s, {u"-c"_s, QString::fromUtf8(SamplerScript::text()), u"sampler"_s,
                                m_pidFile, u"5;reboot"_s, u"127.0.0.1"_s, u"80"_s,
                                u"/server-status?auto"_s, u"4"_s, u"none"_s});
    QVERIFY(script.waitForFinished(5000));
    QCOMPARE(script.exitCode(), 2);
    QVERIFY(script.readAllStandardError().contains("bad interval"));
    QVERIFY(script.readAllStandardOutput().isEmpty());
}

void TestSamplerScript::programValidation_data()
{
    QTest::addColumn<QString>("pidFile");
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    const QString pid = u"/var/run/apache2/apache2.pid"_s;
    const QString status = u"/server-status?auto"_s;
    QTest::newRow("defaults") << pid << 500 << u"127.0.0.1"_s << status << true;
    QTest::newRow("fastest") << pid << 200 << u"::1"_s << status << true;
    QTest::newRow("spaces in the pid path")
        << u"/home/a b/lab/run/httpd.pid"_s << 500 << u"localhost"_s << status << true;
    QTest::newRow("too fast") << pid << 199 << u"127.0.0.1"_s << status << false;
    QTest::newRow("too slow") << pid << 60001 << u"127.0.0.1"_s << status << false;
    QTest::newRow("relative pid file")
        << u"run/httpd.pid"_s << 500 << u"127.0.0.1"_s << status << false;
    QTest::newRow("newline in pid file")
        << u"/run/a\nb"_s << 500 << u"127.0.0.1"_s << status << false;
    QTest::newRow("host with ;") << pid << 500 << u"127.0.0.1;id"_s << status << false;
    QTest::newRow("host with space") << pid << 500 << u"127.0.0.1 x"_s << status << false;
    QTest::newRow("path with quote")
        << pid << 500 << u"127.0.0.1"_s << u"/server-status'"_s << false;
    QTest::newRow("path with space") << pid << 500 << u"127.0.0.1"_s << u"/a b"_s << false;
    QTest::newRow("path with backslash") << pid << 500 << u"127.0.0.1"_s << u"/a\\n"_s << false;
    QTest::newRow("relative path") << pid << 500 << u"127.0.0.1"_s << u"server-status"_s << false;
}

void TestSamplerScript::programValidation()
{
    QFETCH(QString, pidFile);
    QFETCH(int, intervalMs);
    QFETCH(QString, host);
    QFETCH(QString, path);
    QFETCH(bool, valid);
    SamplerProgram program;
    program.pidFile = pidFile;
    program.interval = std::chrono::milliseconds(intervalMs);
    program.statusHost = host;
    program.statusPath = path;
    const Status status = program.validate();
    QCOMPARE(status.ok(), valid);
    if (!valid) {
        QCOMPARE(status.error().kind, Error::Kind::InvalidInput);
        QVERIFY(!status.error().message.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSamplerScript)
#include "tst_samplerscript.moc"
