#include "TestDebianInstance.h"
#include "TestLab.h"
#include "TestPaths.h"
#include "TestSampling.h"
#include "TestSshClient.h"
#include "TestSshd.h"
#include "TestSudoUser.h"
#include "local/LabConfig.h"
#include "monitor/ServerSampler.h"
#include "monitor/SshSampleStream.h"
#include "ssh/RemoteApacheDriver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <pwd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The sampler over SSH as a login user who is not root (a TestSudoUser
// account) against a prefork TestLab, whose parent runs as root and whose
// children as www-data: with sudo and its password on stdin the sampler
// runs as root and reads every process's smaps_rollup; without sudo it runs
// as that user, the frames still come, and PSS/USS are reported as
// unreadable rather than made up.
class TestSshSamplerSudo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sudoWithPasswordReadsEveryPss();
    void withoutSudoPssIsUnavailable();
    void cliMonitorsWithoutSudo();

private:
    [[nodiscard]] std::unique_ptr<SshSampleStream> streamAs(const QString &user,
                                                            SshShell::SudoOptions sudo) const;

    TestSshd m_sshd;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
};

namespace {

// Owners (uid) of the sampler shells sampling `pidFile`: the bash that
// the launcher execs carries the pid file among its arguments.
QList<uint> samplerShellOwners(const QString &pidFile)
{
    QList<uint> owners;
    const QStringList pids = QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile comm(u"/proc/%1/comm"_s.arg(pid));
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        if (!comm.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
            continue;
        if (comm.readAll().trimmed() == "bash" && cmdline.readAll().contains(pidFile.toUtf8()))
            owners.append(QFileInfo(u"/proc/"_s + pid).ownerId());
    }
    return owners;
}

// Whether any process's command line holds `text`.
bool anyCommandLineHolds(const QByteArray &text)
{
    const QStringList pids = QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(text))
            return true;
    }
    return false;
}

std::optional<ServerSample> firstSample(ServerSampler &sampler)
{
    if (!sampler.waitForSamples(1, 20s))
        return std::nullopt;
    return sampler.takeSamples().constFirst();
}

} // namespace

void TestSshSamplerSudo::initTestCase()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    const QString started = m_sshd.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_sshd.openToOtherAccounts());
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());
}

std::unique_ptr<SshSampleStream> TestSshSamplerSudo::streamAs(const QString &user,
                                                              SshShell::SudoOptions sudo) const
{
    return std::make_unique<SshSampleStream>(SshTarget{user, u"127.0.0.1"_s, m_sshd.port()},
                                             m_client->credentials(), m_client->policy(),
                                             std::move(sudo));
}

void TestSshSamplerSudo::sudoWithPasswordReadsEveryPss()
{
    TestSudoUser account; // outlives the sampler: its processes end first
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const passwd *www = ::getpwnam("www-data");
    QVERIFY2(www, "no www-data account");
    TestLab lab;
    const Status labStarted = lab.startWith(MpmKind::Prefork);
    QVERIFY2(labStarted.ok(), qPrintable(describe(labStarted)));
    const SamplerProgram program = lab.samplerProgram();

    ServerSampler sampler(streamAs(account.name(), {true, account.password(), {}}), program);
    const Status started = sampler.start();
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    const std::optional<ServerSample> sample = firstSample(sampler);
    QVERIFY2(sample,
             qPrintable(sampler.failure() ? sampler.failure()->toString() : u"no sample"_s));

    // The script runs as root, and the password went only to sudo's stdin.
    const QList<uint> owners = samplerShellOwners(program.pidFile);
    QVERIFY2(!owners.isEmpty(), "no sampler shell found");
    for (uint owner : owners)
        QCOMPARE(owner, 0u);
    QVERIFY(!anyCommandLineHolds(account.password().toUtf8()));

    // Root's parent and www-data's children, every smaps_rollup read on the
    // first frame: PSS and USS for all of them.
    QCOMPARE(sample->parentPid, lab.lab().state()->pid);
    QVERIFY(sample->processes.size() >= 2);
    for (const ProcessSample &p : sample->processes) {
        const uint owner = QFileInfo(u"/proc/%1"_s.arg(p.pid)).ownerId();
        QCOMPARE(owner, p.pid == *sample->parentPid ? 0u : uint(www->pw_uid));
        QVERIFY(p.memoryFresh);
        QVERIFY2(p.pssKb && p.ussKb, qPrintable(u"pid %1 has no PSS/USS"_s.arg(p.pid)));
        QVERIFY(*p.ussKb > 0 && *p.ussKb <= *p.pssKb && *p.pssKb <= p.rssKb);
    }
    QCOMPARE(sample->figures.processesWithoutSmaps, 0);
    QVERIFY(sample->figures.pssKb > 0);
    QVERIFY2(sample->status, qPrintable(sample->statusError));
    QCOMPARE(sample->status->mpm, std::optional<MpmKind>(MpmKind::Prefork));
    sampler.stop();
    QVERIFY(!sampler.failure());
    QCOMPARE(sampler.counters().framesDropped, 0);
}

void TestSshSamplerSudo::withoutSudoPssIsUnavailable()
{
    TestSudoUser account;
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const passwd *user = ::getpwnam(account.name().toLocal8Bit().constData());
    QVERIFY(user);
    const uint accountUid = user->pw_uid;
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Prefork).ok());
    const SamplerProgram program = lab.samplerProgram();

    ServerSampler sampler(streamAs(account.name(), {}), program);
    const Status started = sampler.start();
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    QVERIFY2(sampler.waitForSamples(3, 20s),
             qPrintable(sampler.failure() ? sampler.failure()->toString() : u"no samples"_s));
    const QList<ServerSample> samples = sampler.takeSamples();
    const QList<uint> owners = samplerShellOwners(program.pidFile);
    QVERIFY2(!owners.isEmpty(), "no sampler shell found");
    for (uint owner : owners)
        QCOMPARE(owner, accountUid);

    // Everything /proc shows any user is there; smaps_rollup of root's and
    // www-data's processes is not readable: "-" on the line, no value here.
    const ServerSample &first = samples.first();
    QCOMPARE(first.parentPid, lab.lab().state()->pid);
    QVERIFY(first.processes.size() >= 2);
    for (const ProcessSample &p : first.processes) {
        QVERIFY(p.memoryFresh); // read on the first frame, and refused
        QVERIFY2(!p.pssKb && !p.ussKb && !p.swapKb,
                 qPrintable(u"pid %1 has a PSS without root"_s.arg(p.pid)));
        QVERIFY(p.rssKb > 0);
    }
    for (const ServerSample &s : samples) {
        QCOMPARE(s.figures.processesWithoutSmaps, s.figures.processCount);
        QCOMPARE(s.figures.pssKb, 0);
        QVERIFY(s.figures.rssKb > 0);
        QVERIFY2(s.status, qPrintable(s.statusError)); // mod_status needs no root
    }
    QVERIFY(sampler.isRunning());
    sampler.stop();
    QVERIFY(!sampler.failure());
    QCOMPARE(sampler.counters().framesDropped, 0);
}

// `mpmlab-cli monitor` as a login user without --sudo, on a Debian-style
// instance (root's parent, www-data's children): the driver only looks, the
// sampler runs as that user, and the lines come with a word on PSS. Once
// the instance has no status page, the CLI refuses and says what to do
// instead of trying a change it cannot make.
void TestSshSamplerSudo::cliMonitorsWithoutSudo()
{
    TestSudoUser account;
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestDebianInstance instance;
    const QString made = instance.create();
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString started = instance.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString before = TestDebianInstance::manifest(instance.configDir());

    const auto monitor = [&] {
        auto cli = std::make_unique<QProcess>();
        cli->setProcessEnvironment(TestPaths::cliEnvironment(m_dir.filePath(u"data"_s)));
        cli->start(TestPaths::cliBinary(),
                   {u"monitor"_s, u"--target"_s,
                    u"ssh://%1@127.0.0.1:%2"_s.arg(account.name()).arg(m_sshd.port()),
                    u"--identity"_s, m_sshd.clientKeyPath(), u"--known-hosts"_s,
                    m_client->knownHostsPath(), u"--instance"_s, instance.name(), u"--interval"_s,
                    u"200"_s, u"--duration"_s, u"3"_s});
        cli->waitForFinished(120000);
        return cli;
    };
    const auto cli = monitor();
    const QString out = QString::fromUtf8(cli->readAllStandardOutput());
    const QString err = QString::fromUtf8(cli->readAllStandardError());
    QVERIFY2(cli->exitStatus() == QProcess::NormalExit && cli->exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains(u"without root"_s), qPrintable(err));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, qPrintable(out + err));
    QVERIFY2(!lines.last().contains(u"procs 0 "_s), qPrintable(lines.last()));
    QVERIFY2(lines.last().contains(u"busy "_s), qPrintable(lines.last()));
    // Nothing of root's or www-data's smaps_rollup: no PSS, rather than 0.
    QVERIFY2(lines.last().contains(u"PSS -  USS -"_s), qPrintable(lines.last()));
    qInfo("%s", qPrintable(lines.last()));
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), before);

    // The driver such a login gets: it sees the server, and refuses to
    // change it with a message that says why.
    auto session = m_client->connectAs(account.name());
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
    auto shell =
        SshShell::open(std::move(session).value(), {}, m_client->credentials().commandTimeout,
                       SshShell::Need::LoginUserIsEnough);
    QVERIFY(shell.ok());
    RemoteApacheOptions options;
    options.configDir = instance.configDir();
    options.clientJournalDir = m_dir.filePath(u"journal"_s);
    auto driver = RemoteApacheDriver::open(std::move(shell).value(), options);
    QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().toString()));
    QVERIFY(!(*driver)->canChange());
    const Result<ServerState> seen = (*driver)->state();
    QVERIFY(seen.ok() && seen->running);
    QCOMPARE(seen->runningMpm, instance.runningMpm());
    const Status switched = (*driver)->switchMpm(MpmKind::Prefork);
    QVERIFY(!switched.ok());
    QVERIFY2(switched.error().message.contains(u"needs root"_s),
             qPrintable(switched.error().message));
    QVERIFY(!(*driver)->stop().ok());
    QCOMPARE((*driver)->state()->pid, seen->pid);
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), before);

    QCOMPARE(QProcess::execute(u"/bin/sh"_s, {u"-c"_s, u"export APACHE_CONFDIR=%1; a2dismod -q "
                                                       "status && apache2ctl restart"_s.arg(
                                                           instance.configDir())}),
             0);
    QCOMPARE(instance.statusPageCode(), 404);
    const QString withoutPage = TestDebianInstance::manifest(instance.configDir());
    const auto refused = monitor();
    const QString why = QString::fromUtf8(refused->readAllStandardError());
    qInfo("%s", qPrintable(why.trimmed()));
    QVERIFY2(refused->exitCode() != 0, qPrintable(why));
    QVERIFY2(why.contains(u"/server-status"_s) && why.contains(u"--sudo"_s), qPrintable(why));
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), withoutPage);
    QCOMPARE(instance.statusPageCode(), 404);
}

QTEST_GUILESS_MAIN(TestSshSamplerSudo)
#include "tst_sshsamplersudo.moc"
