#include "TestDebianInstance.h"
#include "TestLab.h"
#include "TestPaths.h"
#include "TestSampling.h"
#include "TestSshd.h"
#include "common/ProcessRunner.h"
#include "local/LabConfig.h"
#include "monitor/ServerSampler.h"
#include "monitor/SshSampleStream.h"

#include <QDeadlineTimer>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The sampler over SSH: the private sshd on 127.0.0.1 runs the sampler
// script against a TestLab on this same machine, so what it reports can be
// checked against ps; then the errors a login can end in, and
// `mpmlab-cli monitor --target ssh://...` against a Debian instance.
class TestSshSampleStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void countsMatchPsOverSsh_data();
    void countsMatchPsOverSsh();
    void stopEndsTheRemoteScript();
    void changedHostKeyIsRefused();
    void refusedLoginIsReported();
    void cliMonitorsOverSsh();

private:
    [[nodiscard]] SshTarget target() const;
    [[nodiscard]] SshCredentials credentials(const QString &identity = {}) const;
    [[nodiscard]] HostKeyPolicy policy(const QString &knownHostsLine) const;

    TestSshd m_sshd;
    QTemporaryDir m_dir;
};

namespace {

// pid -> thread count of `parent` and its children, as ps sees them.
QMap<qint64, int> psTree(qint64 parent)
{
    const auto output =
        ProcessRunner::run(u"ps"_s,
                           {u"-o"_s, u"pid=,ppid=,nlwp="_s, u"-p"_s, QString::number(parent),
                            u"--ppid"_s, QString::number(parent)},
                           5s);
    QMap<qint64, int> tree;
    if (!output)
        return tree;
    for (const QString &line : QString::fromLocal8Bit(output->standardOutput).split(u'\n')) {
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.size() == 3)
            tree.insert(words.at(0).toLongLong(), words.at(2).toInt());
    }
    return tree;
}

// Processes other than Apache whose command line names `text`: the
// sampler script carries the pid file path as one of its arguments.
QStringList processesNaming(const QString &text)
{
    const auto output = ProcessRunner::run(u"ps"_s, {u"-eo"_s, u"pid=,comm=,args="_s}, 5s);
    QStringList found;
    if (!output)
        return found;
    for (const QString &line : QString::fromLocal8Bit(output->standardOutput).split(u'\n')) {
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.size() >= 3 && words.at(1) != u"apache2" && words.at(1) != u"ps"
            && line.contains(text))
            found << line.simplified().left(120);
    }
    return found;
}

} // namespace

SshTarget TestSshSampleStream::target() const
{
    SshTarget t;
    t.user = m_sshd.user();
    t.host = u"127.0.0.1"_s;
    t.port = m_sshd.port();
    return t;
}

SshCredentials TestSshSampleStream::credentials(const QString &identity) const
{
    SshCredentials c;
    c.identityFile = identity.isEmpty() ? m_sshd.clientKeyPath() : identity;
    c.useAgent = false;
    return c;
}

HostKeyPolicy TestSshSampleStream::policy(const QString &knownHostsLine) const
{
    const QString path = m_dir.filePath(u"known_hosts_%1"_s.arg(qHash(knownHostsLine)));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(knownHostsLine.toLatin1() + '\n');
    HostKeyPolicy p;
    p.userKnownHostsFile = path;
    p.mpmlabKnownHostsFile = m_dir.filePath(u"mpmlab_known_hosts"_s);
    return p;
}

void TestSshSampleStream::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString error = m_sshd.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSshSampleStream::countsMatchPsOverSsh_data()
{
    QTest::addColumn<MpmKind>("mpm");
    QTest::newRow("prefork") << MpmKind::Prefork;
    QTest::newRow("event") << MpmKind::Event;
}

void TestSshSampleStream::countsMatchPsOverSsh()
{
    QFETCH(MpmKind, mpm);
    TestLab lab;
    const Status started = lab.startWith(mpm);
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    const qint64 parent = lab.lab().state()->pid;
    ServerSampler sampler(std::make_unique<SshSampleStream>(target(), credentials(),
                                                            policy(m_sshd.knownHostsLine()),
                                                            SshShell::SudoOptions{}),
                          lab.samplerProgram());
    const Status running = sampler.start();
    QVERIFY2(running.ok(), qPrintable(describe(running)));

    // Apache adjusts its children now and then: compare a sample with ps
    // taken just before and just after it, when those two agree.
    std::optional<ServerSample> sample;
    QMap<qint64, int> ps;
    for (int attempt = 0; attempt < 20 && !sample; ++attempt) {
        const QMap<qint64, int> before = psTree(parent);
        std::optional<ServerSample> candidate = nextSample(sampler);
        QVERIFY2(candidate,
                 qPrintable(sampler.failure() ? sampler.failure()->toString() : u"no sample"_s));
        const QMap<qint64, int> after = psTree(parent);
        if (before == after && !before.isEmpty()) {
            sample = candidate;
            ps = before;
        }
    }
    QVERIFY2(sample, "the process tree never held still for one sample");
    QCOMPARE(sample->parentPid, parent);
    QMap<qint64, int> sampled;
    for (const ProcessSample &p : std::as_const(sample->processes))
        sampled.insert(p.pid, p.threads);
    QCOMPARE(sampled, ps);
    QCOMPARE(sample->figures.processCount, int(ps.size()));
    int psThreads = 0;
    for (int threads : std::as_const(ps))
        psThreads += threads;
    QCOMPARE(sample->figures.threadCount, psThreads);
    QVERIFY(sample->figures.pssKb <= sample->figures.rssKb);

    // mod_status, fetched on the server side, parsed.
    QVERIFY2(sample->status, qPrintable(sample->statusError));
    QCOMPARE(sample->status->mpm, std::optional<MpmKind>(mpm));
    QVERIFY(sample->status->busyWorkers.value_or(0) >= 1); // the request for the status itself
    QVERIFY(sample->status->scoreboard.slotCount() > 0);
    qInfo("over SSH (%s): %d processes, %d threads, RSS %lld kB, PSS %lld kB, busy %d idle %d",
          qPrintable(mpmName(mpm)), sample->figures.processCount, sample->figures.threadCount,
          sample->figures.rssKb, sample->figures.pssKb, sample->status->busyWorkers.value_or(-1),
          sample->status->idleWorkers.value_or(-1));
    sampler.stop();
    QVERIFY(!sampler.failure());
}

void TestSshSampleStream::stopEndsTheRemoteScript()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Worker).ok());
    const SamplerProgram program = lab.samplerProgram();
    ServerSampler sampler(std::make_unique<SshSampleStream>(target(), credentials(),
                                                            policy(m_sshd.knownHostsLine()),
                                                            SshShell::SudoOptions{}),
                          program);
    QVERIFY(sampler.start().ok());
    QVERIFY(nextSample(sampler));
    // The script runs on the server (here) while sampling...
    const QStringList during = processesNaming(program.pidFile);
    QVERIFY2(!during.isEmpty(), "the remote sampler script is not visible to ps");

    sampler.stop();
    QVERIFY(!sampler.isRunning());
    QVERIFY(!sampler.failure());
    // ...and is gone once stop() returned: allow sshd a moment to reap.
    QStringList after = processesNaming(program.pidFile);
    for (QDeadlineTimer deadline(5000); !after.isEmpty() && !deadline.hasExpired();) {
        QThread::msleep(100);
        after = processesNaming(program.pidFile);
    }
    QVERIFY2(after.isEmpty(), qPrintable(after.join(u'\n')));
}

void TestSshSampleStream::changedHostKeyIsRefused()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    // The client's public key recorded as the server's: a changed host key.
    QFile clientPublic(m_sshd.clientKeyPath() + u".pub"_s);
    QVERIFY(clientPublic.open(QIODevice::ReadOnly));
    const QStringList words = QString::fromLatin1(clientPublic.readAll()).split(u' ');
    QVERIFY(words.size() >= 2);
    const QString wrongLine =
        u"[127.0.0.1]:%1 %2 %3"_s.arg(m_sshd.port()).arg(words.at(0), words.at(1).trimmed());
    ServerSampler sampler(std::make_unique<SshSampleStream>(
                              target(), credentials(), policy(wrongLine), SshShell::SudoOptions{}),
                          lab.samplerProgram());
    const Status started = sampler.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::HostKey);
    QVERIFY2(started.error().message.contains(u"CHANGED"_s), qPrintable(describe(started)));
    QVERIFY(!sampler.isRunning());
}

void TestSshSampleStream::refusedLoginIsReported()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    // A key the server has never seen.
    const QString strangerKey = m_dir.filePath(u"stranger"_s);
    QCOMPARE(QProcess::execute(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, u""_s,
                                                 u"-f"_s, strangerKey}),
             0);
    ServerSampler sampler(std::make_unique<SshSampleStream>(target(), credentials(strangerKey),
                                                            policy(m_sshd.knownHostsLine()),
                                                            SshShell::SudoOptions{}),
                          lab.samplerProgram());
    const Status started = sampler.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(started.error().message.contains(u"refused the login"_s),
             qPrintable(describe(started)));
}

void TestSshSampleStream::cliMonitorsOverSsh()
{
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestDebianInstance instance;
    const QString created = instance.create();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    // create() leaves it stopped; the TestDebianInstance stops it again.
    const QString started = instance.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QFile knownHosts(m_dir.filePath(u"cli_known_hosts"_s));
    QVERIFY(knownHosts.open(QIODevice::WriteOnly));
    knownHosts.write(m_sshd.knownHostsLine().toLatin1() + '\n');
    knownHosts.close();

    QProcess cli;
    cli.setProcessEnvironment(TestPaths::cliEnvironment(m_dir.filePath(u"data"_s)));
    cli.start(TestPaths::cliBinary(),
              {u"monitor"_s, u"--target"_s,
               u"ssh://%1@127.0.0.1:%2"_s.arg(m_sshd.user()).arg(m_sshd.port()), u"--identity"_s,
               m_sshd.clientKeyPath(), u"--known-hosts"_s, knownHosts.fileName(), u"--instance"_s,
               instance.name(), u"--interval"_s, u"200"_s, u"--duration"_s, u"3"_s});
    QVERIFY(cli.waitForFinished(120000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == 0, qPrintable(err));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, qPrintable(out + err));
    // The instance runs: processes found from its detected pid file, and
    // mod_status read from its detected port.
    QVERIFY2(!lines.last().contains(u"procs 0 "_s), qPrintable(lines.last()));
    QVERIFY2(lines.last().contains(u"busy "_s), qPrintable(lines.last()));
    QVERIFY2(err.contains(instance.configDir()), qPrintable(err));
    qInfo("%s", qPrintable(lines.last()));
}

QTEST_GUILESS_MAIN(TestSshSampleStream)
#include "tst_sshsamplestream.moc"
