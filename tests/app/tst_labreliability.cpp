#include "TestCommand.h"
#include "TestLab.h"
#include "TestPaths.h"
#include "common/LockFile.h"
#include "common/LoopbackPort.h"
#include "local/ApacheProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The local lab keeps one owner, survives kills without orphans or silent
// port moves, and `server restore` puts back what a killed command left:
// real mpmlab-cli processes on a real Apache, real signals.
class TestLabReliability : public QObject {
    Q_OBJECT

public:
    // The moments of `lab set-mpm` that can be seen from outside.
    enum class Moment { ChangeBegun, OldServerGone, NewServerStarting };

private Q_SLOTS:
    void aSecondOwnerIsRefusedNamingTheFirst();
    void waitingOwnersTakeTurns();
    void orphansOfAKilledParentAreStoppedNotDodged();
    void aPortHeldBySomethingElseIsNamedNotDodged();
    void interruptedSwitch_data();
    void interruptedSwitch();
    void killedSetLeavesARestoreThatWorks();
    void restoreUndoesServerSetMpmButKeepsLabSetMpm();
    void restoreKeepsAStoppedLabStopped();
    void aDirectoryThatIsNoLabIsLeftAlone();

private:
    static bool reached(Moment moment, const TestLab &lab, qint64 oldPid);

    static QStringList at(const TestLab &lab) { return {u"--lab-dir"_s, lab.rootDir()}; }
    static QStringList local(const TestLab &lab)
    {
        return QStringList{u"--target"_s, u"local"_s} + at(lab);
    }
    static QJsonObject labStatus(const TestLab &lab);
    static QJsonObject serverStatus(const TestLab &lab);
    static ApacheProcess processOf(const TestLab &lab);
    static int parentCount(const TestLab &lab);
    static void startCli(QProcess &process, const QStringList &arguments);
    static bool owns(const TestLab &lab, const QProcess &process);
    // Starts mpmlab-cli with `arguments` and waits until it owns `lab`.
    static void startOwner(QProcess &process, const TestLab &lab, const QStringList &arguments);
    // Whether it still runs: QProcess's own state waits for its event loop.
    static bool runs(const QProcess &process)
    {
        return ApacheProcess::isAlive(process.processId());
    }
};

Q_DECLARE_METATYPE(TestLabReliability::Moment)

QJsonObject TestLabReliability::labStatus(const TestLab &lab)
{
    const TestCommand::Run run =
        TestCommand::run(QStringList{u"lab"_s, u"status"_s, u"--json"_s} + at(lab));
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QJsonObject TestLabReliability::serverStatus(const TestLab &lab)
{
    const TestCommand::Run run =
        TestCommand::run(QStringList{u"server"_s, u"status"_s, u"--json"_s} + local(lab));
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

ApacheProcess TestLabReliability::processOf(const TestLab &lab)
{
    return ApacheProcess(lab.options().apacheBinary, lab.rootDir(),
                         lab.rootDir() + u"/conf/httpd.conf"_s,
                         lab.rootDir() + u"/run/httpd.pid"_s);
}

int TestLabReliability::parentCount(const TestLab &lab)
{
    int parents = 0;
    for (const ApacheProcess::Member &member : processOf(lab).members())
        parents += member.isGroupLeader() ? 1 : 0;
    return parents;
}

void TestLabReliability::startCli(QProcess &process, const QStringList &arguments)
{
    process.start(TestPaths::cliBinary(), arguments);
    QVERIFY(process.waitForStarted());
}

bool TestLabReliability::owns(const TestLab &lab, const QProcess &process)
{
    const std::optional<LockHolder> holder = LockFile::holder(lab.rootDir() + u"/run/lab.lock"_s);
    return holder && holder->pid == process.processId();
}

void TestLabReliability::startOwner(QProcess &process, const TestLab &lab,
                                    const QStringList &arguments)
{
    startCli(process, arguments);
    QVERIFY(TestCommand::waitUntil([&] { return owns(lab, process); }, 10s));
}

// Two commands on one lab: the second is refused at once, naming the
// first, which goes on undisturbed; reading never waits.
void TestLabReliability::aSecondOwnerIsRefusedNamingTheFirst()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event));
    QProcess first;
    startOwner(first, lab, QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s} + at(lab));
    if (QTest::currentTestFailed())
        return;

    const QJsonObject during = labStatus(lab);
    QVERIFY(runs(first)); // status did not wait for it
    QVERIFY2(during.value(u"owner"_s).toString().contains(QString::number(first.processId())),
             qPrintable(during.value(u"owner"_s).toString()));

    for (const QStringList &second :
         {QStringList{u"lab"_s, u"set-mpm"_s, u"prefork"_s}, QStringList{u"lab"_s, u"stop"_s},
          QStringList{u"lab"_s, u"start"_s}, QStringList{u"server"_s, u"set"_s, u"Timeout=30"_s}}) {
        const QStringList where = second.first() == u"server" ? local(lab) : at(lab);
        const TestCommand::Run refused = TestCommand::run(second + where);
        QCOMPARE(refused.code, 5);
        QVERIFY2(refused.err.contains(u"pid %1"_s.arg(first.processId()))
                     && refused.err.contains(u"lab set-mpm worker"_s)
                     && refused.err.contains(u"since"_s),
                 qPrintable(refused.err));
        QVERIFY(runs(first)); // refused at once, not after it
    }

    QVERIFY(first.waitForFinished(60000));
    QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
    const QJsonObject after = labStatus(lab);
    QCOMPARE(after.value(u"runningMpm"_s).toString(), u"worker"_s);
    QCOMPARE(after.value(u"port"_s).toInt(), lab.port());
    QVERIFY(after.value(u"owner"_s).isNull());
    QCOMPARE(after.value(u"problems"_s).toArray().size(), 0);
    QCOMPARE(parentCount(lab), 1);
}

// --wait: the second command waits for the first and then does its work,
// so that neither change is lost.
void TestLabReliability::waitingOwnersTakeTurns()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event));
    QProcess first;
    startOwner(first, lab,
               QStringList{u"server"_s, u"set"_s, u"KeepAliveTimeout=2"_s} + local(lab));
    if (QTest::currentTestFailed())
        return;
    const TestCommand::Run second = TestCommand::run(
        QStringList{u"server"_s, u"set"_s, u"MaxKeepAliveRequests=50"_s, u"--wait"_s} + local(lab));
    QVERIFY2(second.code == 0, qPrintable(second.err));
    QVERIFY2(second.err.contains(u"Waiting for the lab's owner"_s), qPrintable(second.err));
    QVERIFY(!runs(first)); // it waited for the first to end
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitCode(), 0);

    const QJsonObject status = serverStatus(lab);
    QVERIFY(status.value(u"running"_s).toBool());
    const QJsonObject directives = status.value(u"directives"_s).toObject();
    QCOMPARE(directives.value(u"KeepAliveTimeout"_s).toString(), u"2"_s);
    QCOMPARE(directives.value(u"MaxKeepAliveRequests"_s).toString(), u"50"_s);
    QCOMPARE(status.value(u"problems"_s).toArray().size(), 0);
    QCOMPARE(parentCount(lab), 1);
}

// kill -9 of the parent leaves its children listening on the lab's port:
// the next switch stops them and starts on that same port.
void TestLabReliability::orphansOfAKilledParentAreStoppedNotDodged()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Prefork));
    const qint64 parent = lab.lab().state()->pid;
    const QList<ApacheProcess::Member> before = processOf(lab).members();
    QVERIFY(before.size() > 1);
    QCOMPARE(::kill(pid_t(parent), SIGKILL), 0);
    QVERIFY(TestCommand::waitUntil([&] { return !ApacheProcess::isAlive(parent); }, 5s));
    QVERIFY(!isLoopbackPortFree(lab.port())); // the orphans hold it

    const QJsonObject orphaned = labStatus(lab);
    QVERIFY(!orphaned.value(u"running"_s).toBool());
    const QString problems = orphaned.value(u"problems"_s).toVariant().toStringList().join(u'\n');
    QVERIFY2(problems.contains(u"without their parent"_s)
                 && problems.contains(u"hold port %1"_s.arg(lab.port())),
             qPrintable(problems));

    const TestCommand::Run switched =
        TestCommand::run(QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s} + at(lab));
    QVERIFY2(switched.code == 0, qPrintable(switched.err));
    const QJsonObject after = labStatus(lab);
    QCOMPARE(after.value(u"runningMpm"_s).toString(), u"worker"_s);
    QCOMPARE(after.value(u"port"_s).toInt(), lab.port()); // never moved
    QCOMPARE(after.value(u"problems"_s).toArray().size(), 0);
    for (const ApacheProcess::Member &member : before)
        QVERIFY2(!ApacheProcess::isAlive(member.pid), qPrintable(QString::number(member.pid)));
    QCOMPARE(parentCount(lab), 1);
}

// Something else on the lab's port: start fails with the port-in-use code
// and names it; the lab stays where it is.
void TestLabReliability::aPortHeldBySomethingElseIsNamedNotDodged()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event));
    QVERIFY(lab.lab().stop());
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, lab.port()));

    for (const QStringList &command :
         {QStringList{u"lab"_s, u"start"_s}, QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s}}) {
        const TestCommand::Run refused = TestCommand::run(command + at(lab));
        QCOMPARE(refused.code, 5);
        QVERIFY2(refused.err.contains(u"port %1"_s.arg(lab.port()))
                     && refused.err.contains(u"pid %1"_s.arg(::getpid())),
                 qPrintable(refused.err));
        const QJsonObject status = labStatus(lab);
        QVERIFY(!status.value(u"running"_s).toBool());
        QCOMPARE(status.value(u"port"_s).toInt(), lab.port());
    }
    squatter.close();
    const TestCommand::Run started = TestCommand::run(QStringList{u"lab"_s, u"start"_s} + at(lab));
    QVERIFY2(started.code == 0, qPrintable(started.err));
    QCOMPARE(labStatus(lab).value(u"port"_s).toInt(), lab.port());
}

bool TestLabReliability::reached(Moment moment, const TestLab &lab, qint64 oldPid)
{
    switch (moment) {
    case Moment::ChangeBegun: return QFile::exists(lab.rootDir() + u"/restore.json"_s);
    case Moment::OldServerGone: return !ApacheProcess::isAlive(oldPid);
    case Moment::NewServerStarting: {
        const std::optional<qint64> pid = processOf(lab).runningPid();
        return pid && *pid != oldPid;
    }
    }
    return false;
}

void TestLabReliability::interruptedSwitch_data()
{
    QTest::addColumn<Moment>("moment");
    QTest::addColumn<int>("signal");
    const std::pair<const char *, Moment> moments[] = {
        {"change begun", Moment::ChangeBegun},
        {"old server gone", Moment::OldServerGone},
        {"new server starting", Moment::NewServerStarting}};
    for (const auto &[name, moment] : moments) {
        QTest::addRow("kill -9 at %s", name) << moment << SIGKILL;
        QTest::addRow("SIGTERM at %s", name) << moment << SIGTERM;
    }
}

// `lab set-mpm prefork` on a lab running event, interrupted at each moment
// of the switch that can be seen from outside.
// - kill -9: the next command sees a restore owed and says why; `server
//   restore` brings back the files byte for byte, the MPM and the running
//   server.
// - SIGTERM (as Ctrl+C): the command itself puts the lab back as it was
//   and says so with exit code 9; nothing is owed.
void TestLabReliability::interruptedSwitch()
{
    QFETCH(Moment, moment);
    QFETCH(int, signal);
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event));
    const qint64 oldPid = lab.lab().state()->pid;
    const QMap<QString, QByteArray> before = lab.fileHashes();
    QProcess cli;
    startCli(cli, QStringList{u"lab"_s, u"set-mpm"_s, u"prefork"_s} + at(lab));
    QVERIFY(TestCommand::waitUntil([&] { return reached(moment, lab, oldPid); }, 30s));
    QCOMPARE(::kill(pid_t(cli.processId()), signal), 0);
    QVERIFY(cli.waitForFinished(60000));

    if (signal == SIGKILL) {
        const QJsonObject killed = serverStatus(lab);
        QVERIFY(killed.value(u"restorePending"_s).toBool());
        const QString problems = killed.value(u"problems"_s).toVariant().toStringList().join(u'\n');
        QVERIFY2(problems.contains(u"interrupted (lab set-mpm prefork"_s), qPrintable(problems));
        const TestCommand::Run next = TestCommand::run(QStringList{u"lab"_s, u"start"_s} + at(lab));
        QVERIFY2(next.err.contains(u"has not restored it yet"_s), qPrintable(next.err));
        const TestCommand::Run restored =
            TestCommand::run(QStringList{u"server"_s, u"restore"_s} + local(lab));
        QVERIFY2(restored.code == 0, qPrintable(restored.err));
    } else {
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 9, qPrintable(err));
        QVERIFY2(err.contains(u"put back"_s), qPrintable(err));
    }

    const QJsonObject after = serverStatus(lab);
    QVERIFY(after.value(u"running"_s).toBool());
    QCOMPARE(after.value(u"runningMpm"_s).toString(), u"event"_s);
    QCOMPARE(after.value(u"port"_s).toInt(), lab.port());
    QVERIFY(!after.value(u"restorePending"_s).toBool());
    QCOMPARE(after.value(u"problems"_s).toArray().size(), 0);
    QCOMPARE(lab.fileHashes(), before);
    QCOMPARE(parentCount(lab), 1);
}

// kill -9 of `server set` once httpd.conf holds the new value: status
// says what disagrees and that a restore is owed; restore puts it back.
void TestLabReliability::killedSetLeavesARestoreThatWorks()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event));
    const QMap<QString, QByteArray> before = lab.fileHashes();
    QProcess cli;
    startCli(cli, QStringList{u"server"_s, u"set"_s, u"KeepAliveTimeout=2"_s} + local(lab));
    QVERIFY(TestCommand::waitUntil(
        [&] {
            QFile config(lab.rootDir() + u"/conf/httpd.conf"_s);
            return config.open(QIODevice::ReadOnly)
                   && config.readAll().contains("\nKeepAliveTimeout 2\n");
        },
        30s));
    QCOMPARE(::kill(pid_t(cli.processId()), SIGKILL), 0);
    QVERIFY(cli.waitForFinished(10000));

    const QJsonObject killed = serverStatus(lab);
    QVERIFY(killed.value(u"restorePending"_s).toBool());
    // What the next start would run, as on disk; and that it disagrees.
    QCOMPARE(killed.value(u"directives"_s).toObject().value(u"KeepAliveTimeout"_s).toString(),
             u"2"_s);
    const QString problems = killed.value(u"problems"_s).toVariant().toStringList().join(u'\n');
    QVERIFY2(problems.contains(u"httpd.conf"_s) && problems.contains(u"interrupted"_s),
             qPrintable(problems));

    const TestCommand::Run restored =
        TestCommand::run(QStringList{u"server"_s, u"restore"_s} + local(lab));
    QVERIFY2(restored.code == 0, qPrintable(restored.err));
    const QJsonObject after = serverStatus(lab);
    QVERIFY(after.value(u"running"_s).toBool());
    QCOMPARE(after.value(u"directives"_s).toObject().value(u"KeepAliveTimeout"_s).toString(),
             u"5"_s);
    QCOMPARE(after.value(u"problems"_s).toArray().size(), 0);
    QCOMPARE(lab.fileHashes(), before);
}

// `server set-mpm` is an experiment that restore undoes; `lab set-mpm` is
// the user's choice for the lab, which restore keeps, also when chosen
// while a restore is owed.
void TestLabReliability::restoreUndoesServerSetMpmButKeepsLabSetMpm()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event));
    const QMap<QString, QByteArray> before = lab.fileHashes();
    TestCommand::Run run =
        TestCommand::run(QStringList{u"server"_s, u"set-mpm"_s, u"worker"_s} + local(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(serverStatus(lab).value(u"restorePending"_s).toBool());
    run = TestCommand::run(QStringList{u"server"_s, u"restore"_s} + local(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QJsonObject status = serverStatus(lab);
    QCOMPARE(status.value(u"runningMpm"_s).toString(), u"event"_s);
    QCOMPARE(lab.fileHashes(), before);

    run = TestCommand::run(QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s} + at(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(!serverStatus(lab).value(u"restorePending"_s).toBool());
    run =
        TestCommand::run(QStringList{u"server"_s, u"set"_s, u"KeepAliveTimeout=3"_s} + local(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = TestCommand::run(QStringList{u"lab"_s, u"set-mpm"_s, u"prefork"_s} + at(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = TestCommand::run(QStringList{u"server"_s, u"restore"_s} + local(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    status = serverStatus(lab);
    QVERIFY(status.value(u"running"_s).toBool());
    QCOMPARE(status.value(u"runningMpm"_s).toString(), u"prefork"_s);
    QCOMPARE(status.value(u"configuredMpm"_s).toString(), u"prefork"_s);
    QCOMPARE(status.value(u"directives"_s).toObject().value(u"KeepAliveTimeout"_s).toString(),
             u"5"_s);
    QVERIFY(!status.value(u"restorePending"_s).toBool());
}

// A change to a stopped lab succeeds (exit 0) and applies at its next
// start; restore leaves it stopped, as it was.
void TestLabReliability::restoreKeepsAStoppedLabStopped()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Worker));
    QVERIFY(lab.lab().stop());
    const QMap<QString, QByteArray> before = lab.fileHashes();
    TestCommand::Run run = TestCommand::run(
        QStringList{u"server"_s, u"set"_s, u"MaxRequestWorkers=100"_s} + local(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"applies when it starts"_s), qPrintable(run.err));
    QCOMPARE(serverStatus(lab)
                 .value(u"directives"_s)
                 .toObject()
                 .value(u"MaxRequestWorkers"_s)
                 .toString(),
             u"100"_s);
    run = TestCommand::run(QStringList{u"server"_s, u"restore"_s} + local(lab));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject status = serverStatus(lab);
    QVERIFY(!status.value(u"running"_s).toBool());
    QVERIFY(!status.value(u"restorePending"_s).toBool());
    QCOMPARE(lab.fileHashes(), before);
    QCOMPARE(processOf(lab).members().size(), 0);
}

// A directory of other files is never written into.
void TestLabReliability::aDirectoryThatIsNoLabIsLeftAlone()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"conf"_s));
    const QByteArray config = "ServerRoot /etc/apache2\n";
    for (const QString &name : {u"notes.txt"_s, u"conf/httpd.conf"_s}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config);
    }
    for (const QStringList &command :
         {QStringList{u"lab"_s, u"start"_s}, QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s},
          QStringList{u"lab"_s, u"stop"_s}}) {
        const TestCommand::Run refused =
            TestCommand::run(command
                             + QStringList{u"--lab-dir"_s, dir.path(), u"--port"_s,
                                           QString::number(TestLab::freeHighPort())});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(u"not an MPM Lab lab"_s), qPrintable(refused.err));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList({u"conf"_s, u"notes.txt"_s}));
    QFile file(dir.filePath(u"conf/httpd.conf"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), config);
    // Looking is harmless.
    QCOMPARE(TestCommand::run({u"lab"_s, u"status"_s, u"--lab-dir"_s, dir.path()}).code, 3);
}

QTEST_GUILESS_MAIN(TestLabReliability)
#include "tst_labreliability.moc"
