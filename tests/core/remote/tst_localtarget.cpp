#include "TestLab.h"
#include "TestPaths.h"
#include "apache/ServerStatus.h"
#include "common/BlockingHttpClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The driver verbs the SSH target brought (directives, test files,
// restore) on the local lab, through the same ServerDriver interface, and
// `mpmlab-cli server ... --target local`.
class TestLocalTarget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void setsDirectivesAndRestores();
    void cliSpeaksToTheLocalLab();
    void memoryLimitAppliesAndRollsBack();

private:
    static int scoreboardSlots(quint16 port);
};

namespace {

// The soft "Max address space" of `pid` as /proc/PID/limits prints it:
// bytes, or "unlimited"; empty if unreadable.
QString addressSpaceLimit(qint64 pid)
{
    QFile file(u"/proc/%1/limits"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Max address space"))
            return QString::fromLatin1(line.mid(26).simplified().split(' ').value(0));
    }
    return {};
}

QList<qint64> childrenOf(qint64 pid)
{
    QFile file(u"/proc/%1/task/%1/children"_s.arg(pid));
    QList<qint64> pids;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &word : file.readAll().simplified().split(' '))
            pids.append(word.toLongLong());
    }
    return pids;
}

} // namespace

int TestLocalTarget::scoreboardSlots(quint16 port)
{
    const Result<HttpReply> reply =
        BlockingHttpClient::get(u"127.0.0.1"_s, port, u"/server-status?auto"_s, 3000ms);
    if (!reply)
        return -1;
    const Result<ServerStatus> status = ServerStatus::parse(QString::fromUtf8(reply->body));
    return status ? status->scoreboard.slotCount() : -1;
}

void TestLocalTarget::setsDirectivesAndRestores()
{
    TestLab lab;
    QVERIFY(lab.isValid());
    QVERIFY(lab.startWith(MpmKind::Worker).ok());
    ServerDriver &driver = lab.lab();
    const Result<DirectiveSet> stock = driver.directives();
    QVERIFY(stock.ok());
    QCOMPARE(stock->value(u"MaxRequestWorkers"_s), u"150"_s);
    QCOMPARE(scoreboardSlots(lab.port()), 150);

    const Result<DirectiveSet> changes = DirectiveSet::fromAssignments(
        {u"MaxRequestWorkers=100"_s, u"ThreadsPerChild=20"_s, u"KeepAlive=Off"_s}, MpmKind::Worker);
    QVERIFY(changes.ok());
    const Result<QStringList> warnings = driver.setDirectives(*changes);
    QVERIFY2(warnings.ok(), qPrintable(warnings.ok() ? QString() : warnings.error().toString()));
    QVERIFY2(warnings->isEmpty(), qPrintable(warnings->join(u'\n')));
    const Result<DirectiveSet> read = driver.directives();
    QCOMPARE(read->value(u"MaxRequestWorkers"_s), u"100"_s);
    QCOMPARE(read->value(u"ThreadsPerChild"_s), u"20"_s);
    QCOMPARE(read->value(u"KeepAlive"_s), u"Off"_s);
    QCOMPARE(scoreboardSlots(lab.port()), 100); // the running server took them
    QVERIFY(*driver.restorePending());

    // Inconsistent: Apache's own warning comes back.
    DirectiveSet odd;
    odd.set(u"MaxRequestWorkers"_s, u"90"_s); // not a multiple of 20
    const Result<QStringList> warned = driver.setDirectives(odd);
    QVERIFY(warned.ok());
    QVERIFY2(warned->join(u'\n').contains(u"AH00"_s), qPrintable(warned->join(u'\n')));

    // Not for this MPM: refused.
    DirectiveSet prefork;
    prefork.set(u"MinSpareServers"_s, u"3"_s);
    QVERIFY(!driver.setDirectives(prefork).ok());

    const Result<QStringList> files = driver.createTestFiles({3000, 65536});
    QVERIFY(files.ok());
    const Result<HttpReply> page =
        BlockingHttpClient::get(u"127.0.0.1"_s, lab.port(), u"/test.html"_s, 3000ms);
    QVERIFY(page.ok());
    QCOMPARE(page->body.size(), 3000);

    QVERIFY(driver.restore().ok());
    QCOMPARE(driver.directives()->value(u"MaxRequestWorkers"_s), u"150"_s);
    QCOMPARE(scoreboardSlots(lab.port()), 150);
    QVERIFY(!*driver.restorePending());
    QCOMPARE(driver.state()->runningMpm, MpmKind::Worker);
}

void TestLocalTarget::cliSpeaksToTheLocalLab()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    QProcess cli;
    cli.start(TestPaths::cliBinary(), {u"server"_s, u"set"_s, u"MaxRequestWorkers=75"_s,
                                       u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QCOMPARE(scoreboardSlots(lab.port()), 75);

    cli.start(TestPaths::cliBinary(), {u"server"_s, u"status"_s, u"--json"_s, u"--target"_s,
                                       u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(json.value(u"runningMpm"_s).toString(), u"event"_s);
    QCOMPARE(json.value(u"directives"_s).toObject().value(u"MaxRequestWorkers"_s).toString(),
             u"75"_s);
    QVERIFY(json.value(u"restorePending"_s).toBool());

    // Set for event only, a switch to prefork leaves prefork its own 150;
    // with --all-mpms it follows the switch.
    const auto readings = [&] {
        cli.start(TestPaths::cliBinary(), {u"server"_s, u"status"_s, u"--json"_s, u"--target"_s,
                                           u"local"_s, u"--lab-dir"_s, lab.rootDir()});
        cli.waitForFinished(60000);
        QMap<QString, QJsonObject> byName;
        const QJsonObject status = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        for (const QJsonValue &value : status.value(u"directiveReadings"_s).toArray())
            byName.insert(value[u"name"_s].toString(), value.toObject());
        return byName;
    };
    QJsonObject workers = readings().value(u"MaxRequestWorkers"_s);
    QCOMPARE(workers.value(u"source"_s).toString(), u"mpmlab"_s);
    QCOMPARE(workers.value(u"managedPerMpm"_s).toObject().keys(), QStringList{u"event"_s});
    QVERIFY(lab.lab().switchMpm(MpmKind::Prefork).ok());
    workers = readings().value(u"MaxRequestWorkers"_s);
    QCOMPARE(workers.value(u"value"_s).toString(), u"150"_s);
    QCOMPARE(workers.value(u"source"_s).toString(), u"distribution"_s);
    cli.start(TestPaths::cliBinary(),
              {u"server"_s, u"set"_s, u"MaxRequestWorkers=60"_s, u"ThreadsPerChild=30"_s,
               u"--all-mpms"_s, u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QCOMPARE(scoreboardSlots(lab.port()), 60); // prefork runs with it
    workers = readings().value(u"MaxRequestWorkers"_s);
    QCOMPARE(workers.value(u"value"_s).toString(), u"60"_s);
    QCOMPARE(workers.value(u"managedPerMpm"_s).toObject().keys(),
             (QStringList{u"event"_s, u"prefork"_s, u"worker"_s}));
    // ThreadsPerChild went to worker's and event's sections, never prefork's.
    QVERIFY(lab.lab().switchMpm(MpmKind::Worker).ok());
    QCOMPARE(readings().value(u"ThreadsPerChild"_s).value(u"value"_s).toString(), u"30"_s);
}

// ulimit -v for the lab, as Debian's envvars gets it on a server: refused
// out of range, rolled back when Apache cannot run under it, applied to the
// parent and every child, shown by `server status`, taken back by restore.
void TestLocalTarget::memoryLimitAppliesAndRollsBack()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Worker).ok());
    ServerDriver &driver = lab.lab();
    const qint64 firstPid = driver.state()->pid;
    QCOMPARE(addressSpaceLimit(firstPid), u"unlimited"_s);

    const Status tiny = driver.setMemoryLimit(1000);
    QVERIFY(!tiny.ok());
    QCOMPARE(tiny.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(tiny.error().message.contains(u"out of range"_s), qPrintable(tiny.error().message));
    QCOMPARE(driver.state()->pid, firstPid); // not restarted
    QVERIFY(!driver.state()->memoryLimitKib);

    // 25 threads with 64 MiB stacks need more than 500,000 KiB: every child
    // dies, the parent gives up, and the lab comes back without the limit.
    const Result<DirectiveSet> bigStacks =
        DirectiveSet::fromAssignments({u"ThreadStackSize=67108864"_s}, MpmKind::Worker);
    QVERIFY(bigStacks.ok());
    QVERIFY(driver.setDirectives(*bigStacks).ok());
    const Status tooSmall = driver.setMemoryLimit(500000);
    QVERIFY(!tooSmall.ok());
    QCOMPARE(tooSmall.error().kind, Error::Kind::StartFailed);
    QVERIFY2(tooSmall.error().message.contains(u"rolled back"_s),
             qPrintable(tooSmall.error().toString()));
    Result<ServerState> state = driver.state();
    QVERIFY(state->running);
    QCOMPARE(state->runningMpm, MpmKind::Worker);
    QVERIFY(!state->memoryLimitKib);
    QCOMPARE(addressSpaceLimit(state->pid), u"unlimited"_s);

    // Through the CLI, as a user would, and read back with `server status`.
    constexpr qint64 limitKib = 4000000;
    QProcess cli;
    cli.start(TestPaths::cliBinary(), {u"server"_s, u"memory-limit"_s, QString::number(limitKib),
                                       u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    state = driver.state();
    QVERIFY(state->running);
    QCOMPARE(state->memoryLimitKib, std::optional<qint64>(limitKib));
    const QString bytes = QString::number(limitKib * 1024);
    QCOMPARE(addressSpaceLimit(state->pid), bytes);
    const QList<qint64> children = childrenOf(state->pid);
    QVERIFY(!children.isEmpty());
    for (const qint64 child : children)
        QCOMPARE(addressSpaceLimit(child), bytes);
    cli.start(TestPaths::cliBinary(), {u"server"_s, u"status"_s, u"--json"_s, u"--target"_s,
                                       u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(json.value(u"memoryLimitKib"_s).toInteger(), limitKib);
    cli.start(TestPaths::cliBinary(), {u"lab"_s, u"status"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    const QString status = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(status.contains(u"Memory limit:     %1 KiB"_s.arg(limitKib)), qPrintable(status));

    // It survives a stop and a start, and restore takes it away.
    QVERIFY(driver.stop().ok());
    QVERIFY(driver.start().ok());
    QCOMPARE(addressSpaceLimit(driver.state()->pid), bytes);
    QVERIFY(*driver.restorePending());
    QVERIFY(driver.restore().ok());
    state = driver.state();
    QVERIFY(state->running);
    QVERIFY(!state->memoryLimitKib);
    QCOMPARE(addressSpaceLimit(state->pid), u"unlimited"_s);
    QVERIFY(!*driver.restorePending());
}

QTEST_GUILESS_MAIN(TestLocalTarget)
#include "tst_localtarget.moc"
