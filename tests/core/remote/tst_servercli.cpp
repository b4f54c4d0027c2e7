#include "TestCommand.h"
#include "TestDebianInstance.h"
#include "TestPaths.h"
#include "TestSshd.h"
#include "common/LockFile.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// `mpmlab-cli server` end to end, through the private sshd onto a Debian
// private instance: status --json, the host-key questions on the command
// line, set with invalid values, and a client killed in the middle of an
// MPM switch whose journal lets the next run restore everything.
class TestServerCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refusesUnknownHostKeyUnlessAccepted();
    void statusJsonReportsWhatWasDetected();
    void rejectsInvalidValuesWithUsageError();
    void killedMidSwitchThenRestoredFromJournal();
    void connectionKilledWhileEnablingLeavesOneMpm();
    void aSecondClientIsRefusedNamingTheFirst();
    void anInstanceWithoutApacheIsNotInstalled();

private:
    QProcess *cli(const QStringList &arguments, bool wait = true);
    [[nodiscard]] QStringList targetArguments(bool acceptNewKey = false) const;
    // The session ids of everything the private sshd runs for its clients.
    [[nodiscard]] QSet<qint64> sshSessions() const;
    [[nodiscard]] QStringList enabledMpms() const;

    TestSshd m_sshd;
    TestDebianInstance m_instance;
    QTemporaryDir m_dir;
    QString m_originalManifest;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

QStringList TestServerCli::targetArguments(bool acceptNewKey) const
{
    QStringList arguments{
        u"--target"_s,      u"ssh://%1@127.0.0.1:%2"_s.arg(m_sshd.user()).arg(m_sshd.port()),
        u"--identity"_s,    m_sshd.clientKeyPath(),
        u"--known-hosts"_s, m_dir.filePath(u"known_hosts"_s),
        u"--instance"_s,    m_instance.name()};
    if (acceptNewKey)
        arguments << u"--accept-new-host-key"_s;
    return arguments;
}

QProcess *TestServerCli::cli(const QStringList &arguments, bool wait)
{
    auto process = std::make_unique<QProcess>();
    // The client-side journal goes under the test's own data directory.
    process->setProcessEnvironment(TestPaths::cliEnvironment(m_dir.filePath(u"data"_s)));
    process->start(TestPaths::cliBinary(), QStringList{u"server"_s} + arguments);
    if (wait)
        process->waitForFinished(180000);
    m_processes.push_back(std::move(process));
    return m_processes.back().get();
}

void TestServerCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString created = m_instance.create();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    QVERIFY(m_sshd.start().isEmpty());
    // The original state: the instance running Debian's stock MPM.
    const QString started = m_instance.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_instance.runningMpm().has_value());
    m_originalManifest = TestDebianInstance::manifest(m_instance.configDir());
}

void TestServerCli::cleanupTestCase()
{
    for (const auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished();
        }
    }
}

void TestServerCli::refusesUnknownHostKeyUnlessAccepted()
{
    QProcess *refused = cli(QStringList{u"status"_s} + targetArguments());
    const QString error = QString::fromUtf8(refused->readAllStandardError());
    QCOMPARE(refused->exitCode(), 11); // the README's code for a refused host key
    QVERIFY2(error.contains(u"unknown"_s) && error.contains(u"SHA256:"_s), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath(u"known_hosts"_s)));

    QProcess *accepted = cli(QStringList{u"status"_s} + targetArguments(true));
    const QString said = QString::fromUtf8(accepted->readAllStandardError());
    QCOMPARE(accepted->exitCode(), 0);
    QVERIFY2(said.contains(u"Accepting the new host key"_s), qPrintable(said));
    QVERIFY(QFile::exists(m_dir.filePath(u"known_hosts"_s)));
}

void TestServerCli::statusJsonReportsWhatWasDetected()
{
    QProcess *status = cli(QStringList{u"status"_s, u"--json"_s} + targetArguments());
    QCOMPARE(status->exitCode(), 0);
    const QJsonObject json = QJsonDocument::fromJson(status->readAllStandardOutput()).object();
    QVERIFY(json.value(u"running"_s).toBool());
    QCOMPARE(json.value(u"runningMpm"_s).toString(), mpmName(*m_instance.runningMpm()));
    QCOMPARE(json.value(u"port"_s).toInt(), int(m_instance.port()));
    const QJsonObject layout = json.value(u"layout"_s).toObject();
    QCOMPARE(layout.value(u"configDir"_s).toString(), m_instance.configDir());
    QCOMPARE(layout.value(u"instance"_s).toString(), m_instance.name());
    QCOMPARE(layout.value(u"family"_s).toString(), u"debian"_s);
    QVERIFY(layout.value(u"apacheVersion"_s).toString().startsWith(u"Apache/2.4"_s));
    // Debian's stock values, read from the instance's files.
    const QJsonObject directives = json.value(u"directives"_s).toObject();
    QCOMPARE(directives.value(u"MaxRequestWorkers"_s).toString(), u"150"_s);
    QCOMPARE(directives.value(u"KeepAliveTimeout"_s).toString(), u"5"_s);
    QCOMPARE(json.value(u"restorePending"_s).toBool(), false);
}

void TestServerCli::rejectsInvalidValuesWithUsageError()
{
    for (const QString &bad : {u"MaxRequestWorkers=abc"_s, u"KeepAliveTimeout=-1"_s,
                               u"MaxConnectionsPerChild=99999999"_s, u"Timeout=5;reboot"_s}) {
        QProcess *set = cli(QStringList{u"set"_s, bad} + targetArguments());
        QCOMPARE(set->exitCode(), 2);
        QVERIFY(set->readAllStandardError().contains("invalid value"));
    }
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
}

void TestServerCli::killedMidSwitchThenRestoredFromJournal()
{
    const std::optional<MpmKind> original = m_instance.runningMpm();
    QVERIFY(original.has_value());
    const MpmKind other = *original == MpmKind::Prefork ? MpmKind::Worker : MpmKind::Prefork;
    QProcess *switching = cli(QStringList{u"set-mpm"_s, mpmName(other)} + targetArguments(), false);
    // Kill it once the MPM modules have changed on disk: in the middle of
    // the stop/start, the worst moment to lose a client.
    const QString changed =
        m_instance.configDir() + u"/mods-enabled/mpm_%1.load"_s.arg(mpmName(other));
    const QDeadlineTimer deadline(60000);
    while (!QFile::exists(changed) && !deadline.hasExpired()
           && switching->state() != QProcess::NotRunning) {
        QThread::msleep(10);
    }
    QVERIFY2(QFile::exists(changed), switching->readAllStandardError().constData());
    QVERIFY(switching->state() != QProcess::NotRunning);
    ::kill(pid_t(switching->processId()), SIGKILL);
    switching->waitForFinished();
    QVERIFY(QFile::exists(
        u"/var/lib/mpmlab/restore/etc-apache2-%1/journal.json"_s.arg(m_instance.name())));
    QVERIFY(TestDebianInstance::manifest(m_instance.configDir()) != m_originalManifest);

    // The next run says a restore is owed...
    QProcess *status = cli(QStringList{u"status"_s} + targetArguments());
    QVERIFY(status->readAllStandardError().contains("has not restored it yet"));
    // ...and restore brings back the tree byte for byte and the MPM, running.
    QProcess *restore = cli(QStringList{u"restore"_s} + targetArguments());
    QVERIFY2(restore->exitCode() == 0, restore->readAllStandardError().constData());
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(m_instance.runningMpm(), original);
    QVERIFY(!QFile::exists(u"/var/lib/mpmlab/restore/etc-apache2-%1"_s.arg(m_instance.name())));
    QVERIFY(QDir(m_dir.filePath(u"data/mpmlab/journals"_s)).isEmpty());
}

QSet<qint64> TestServerCli::sshSessions() const
{
    // sshd starts each connection's processes in a session of their own
    // (setsid): a session leader whose parent is one of this sshd's.
    QProcess ps;
    ps.start(u"ps"_s, {u"-eo"_s, u"pid=,ppid=,sid=,comm="_s});
    ps.waitForFinished();
    QHash<qint64, qint64> parentOf;
    QHash<qint64, QByteArray> commandOf;
    QList<qint64> leaders;
    for (const QByteArray &line : ps.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 4)
            continue;
        const qint64 pid = fields[0].toLongLong();
        parentOf.insert(pid, fields[1].toLongLong());
        commandOf.insert(pid, fields[3]);
        if (fields[2].toLongLong() == pid)
            leaders << pid;
    }
    const auto fromThisSshd = [&](qint64 pid) {
        for (int depth = 0; pid > 1 && depth < 8; pid = parentOf.value(pid), ++depth) {
            if (pid == m_sshd.processId())
                return true;
        }
        return false;
    };
    QSet<qint64> sessions;
    for (const qint64 leader : leaders) {
        const qint64 parent = parentOf.value(leader);
        if (commandOf.value(parent) == "sshd" && fromThisSshd(parent))
            sessions.insert(leader);
    }
    return sessions;
}

QStringList TestServerCli::enabledMpms() const
{
    return QDir(m_instance.configDir() + u"/mods-enabled"_s)
        .entryList({u"mpm_*.load"_s}, QDir::Files | QDir::System);
}

// A client killed while the MPM modules change, and everything its
// connection ran on the server killed with it: the change still ends
// whole: the new MPM enabled, never none.
void TestServerCli::connectionKilledWhileEnablingLeavesOneMpm()
{
    const std::optional<MpmKind> original = m_instance.runningMpm();
    QVERIFY(original.has_value());
    const MpmKind other = *original == MpmKind::Prefork ? MpmKind::Worker : MpmKind::Prefork;
    QProcess *switching = cli(QStringList{u"set-mpm"_s, mpmName(other)} + targetArguments(), false);
    QByteArray said;
    const bool enabling = TestCommand::waitUntil(
        [&] {
            switching->waitForReadyRead(20);
            said += switching->readAllStandardError();
            return said.contains("Enabling ") || switching->state() == QProcess::NotRunning;
        },
        60s);
    QVERIFY2(enabling && said.contains("Enabling "), said.constData());
    // Between a2dismod and a2enmod, when no MPM is enabled at all, every
    // process the connection runs on the server dies (SIGKILL to its
    // sessions), and the client with it.
    const QSet<qint64> sessions = sshSessions();
    QVERIFY(!sessions.isEmpty());
    QVERIFY2(TestCommand::waitUntil([&] { return enabledMpms().isEmpty(); }, 30s),
             "the MPM modules never changed");
    for (const qint64 session : sessions)
        QProcess::execute(u"pkill"_s, {u"-KILL"_s, u"-s"_s, QString::number(session)});
    ::kill(pid_t(switching->processId()), SIGKILL);
    switching->waitForFinished();

    // The change ends all the same, detached from the connection.
    const QStringList switched{u"mpm_%1.load"_s.arg(mpmName(other))};
    QStringList mpms;
    TestCommand::waitUntil([&] { return (mpms = enabledMpms()) == switched; }, 20s);
    QVERIFY2(mpms == switched, qPrintable(u"enabled: "_s + mpms.join(u", "_s)));

    QProcess *restore = cli(QStringList{u"restore"_s} + targetArguments());
    QVERIFY2(restore->exitCode() == 0, restore->readAllStandardError().constData());
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(m_instance.runningMpm(), original);
}

// One owner at a time, on the server: a second client is refused while the
// first changes the instance, and named; the lock goes with the first.
void TestServerCli::aSecondClientIsRefusedNamingTheFirst()
{
    const std::optional<MpmKind> original = m_instance.runningMpm();
    QVERIFY(original.has_value());
    const MpmKind other = *original == MpmKind::Prefork ? MpmKind::Worker : MpmKind::Prefork;
    const QString lock = u"/run/mpmlab/etc-apache2-%1.lock"_s.arg(m_instance.name());
    QProcess *first = cli(QStringList{u"set-mpm"_s, mpmName(other)} + targetArguments(), false);
    QVERIFY(TestCommand::waitUntil([&] { return LockFile::holder(lock).has_value(); }, 60s));
    QProcess *second = cli(QStringList{u"set"_s, u"Timeout=30"_s} + targetArguments());
    const QString refused = QString::fromUtf8(second->readAllStandardError());
    QCOMPARE(second->exitCode(), 5);
    QVERIFY2(refused.contains(u"pid %1"_s.arg(first->processId()))
                 && refused.contains(u"server set-mpm"_s),
             qPrintable(refused));
    QVERIFY(first->waitForFinished(180000));
    QVERIFY2(first->exitCode() == 0, first->readAllStandardError().constData());
    QVERIFY(!LockFile::holder(lock).has_value());
    QProcess *restore = cli(QStringList{u"restore"_s} + targetArguments());
    QVERIFY2(restore->exitCode() == 0, restore->readAllStandardError().constData());
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(m_instance.runningMpm(), original);
}

void TestServerCli::anInstanceWithoutApacheIsNotInstalled()
{
    QStringList arguments = targetArguments();
    arguments.last() = u"mpmlab-no-such-instance"_s;
    QProcess *status = cli(QStringList{u"status"_s} + arguments);
    QCOMPARE(status->exitCode(), 4);
    QVERIFY(status->readAllStandardError().contains("holds no Apache configuration"));
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
