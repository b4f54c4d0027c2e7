#include "TestLab.h"
#include "TestSampling.h"
#include "TestSshd.h"
#include "TestSudoUser.h"
#include "apache/LabConfig.h"
#include "monitor/ServerSampler.h"
#include "monitor/SshSampleStream.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <pwd.h>
#include <unistd.h>

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

private:
    [[nodiscard]] std::unique_ptr<SshSampleStream> streamAs(const QString &user,
                                                            SshShell::SudoOptions sudo) const;

    TestSshd m_sshd;
    QTemporaryDir m_dir;
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
    if (::geteuid() != 0)
        QSKIP("needs root to create a test account");
    QVERIFY(m_dir.isValid());
    const QString started = m_sshd.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // The test account must read the shared authorized_keys file.
    const auto traversable = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                             | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                             | QFileDevice::ExeGroup | QFileDevice::ReadOther
                             | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(m_sshd.dir(), traversable));
    QVERIFY(QFile::setPermissions(m_sshd.dir() + u"/authorized_keys"_s,
                                  QFileDevice::ReadOwner | QFileDevice::ReadGroup
                                      | QFileDevice::ReadOther));
    QFile known(m_dir.filePath(u"known_hosts"_s));
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write(m_sshd.knownHostsLine().toLatin1() + '\n');
}

std::unique_ptr<SshSampleStream> TestSshSamplerSudo::streamAs(const QString &user,
                                                              SshShell::SudoOptions sudo) const
{
    HostKeyPolicy policy;
    policy.userKnownHostsFile = m_dir.filePath(u"known_hosts"_s);
    policy.mpmlabKnownHostsFile = m_dir.filePath(u"mpmlab_known_hosts"_s);
    SshCredentials credentials;
    credentials.identityFile = m_sshd.clientKeyPath();
    credentials.useAgent = false;
    return std::make_unique<SshSampleStream>(SshTarget{user, u"127.0.0.1"_s, m_sshd.port()},
                                             credentials, policy, std::move(sudo));
}

void TestSshSamplerSudo::sudoWithPasswordReadsEveryPss()
{
    TestSudoUser account; // outlives the sampler: its processes end first
    const QString created = account.create(false);
    if (!created.isEmpty())
        QSKIP(qPrintable(created));
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
    if (!created.isEmpty())
        QSKIP(qPrintable(created));
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

QTEST_GUILESS_MAIN(TestSshSamplerSudo)
#include "tst_sshsamplersudo.moc"
