#include "TestLab.h"
#include "apache/ServerStatus.h"
#include "common/BlockingHttpClient.h"
#include "common/LoopbackPort.h"
#include "local/ApacheProcess.h"

#include <QFile>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The local lab against Debian's real apache2: every test starts its own
// instance on a free high port through LocalLab, as the app does.
class TestLocalLab : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsOnEachMpmInTurn();
    void servesTheTestPage();
    void startAndStopAreIdempotent();
    void stopWaitsForThePidToVanish();
    void busyPortGivesAClearError();
    void missingApacheNamesThePackage();
    void rejectedConfigShowsApachesMessage();
    void deathAfterStartIsCaughtAndRolledBack();

private:
    static ServerStatus fetchStatus(quint16 port);
};

static QString describe(const Status &status)
{
    return status.ok() ? QString() : status.error().toString();
}

ServerStatus TestLocalLab::fetchStatus(quint16 port)
{
    const auto reply = BlockingHttpClient::get(u"127.0.0.1"_s, port, u"/server-status?auto"_s, 5s);
    if (!reply || reply->statusCode != 200)
        return {};
    const auto status = ServerStatus::parse(QString::fromUtf8(reply->body));
    return status ? *status : ServerStatus{};
}

void TestLocalLab::startsOnEachMpmInTurn()
{
    TestLab lab;
    QVERIFY(lab.isValid());
    qint64 previousPid = 0;
    for (MpmKind kind : {MpmKind::Prefork, MpmKind::Worker, MpmKind::Event, MpmKind::Prefork}) {
        const Status switched = lab.startWith(kind);
        QVERIFY2(switched.ok(), qPrintable(describe(switched)));

        const auto state = lab.lab().state();
        QVERIFY(state.ok());
        QVERIFY(state->running);
        QCOMPARE(state->port, lab.port());
        QCOMPARE(state->runningMpm, kind);
        QCOMPARE(state->configuredMpm, kind);
        QVERIFY(ApacheProcess::isAlive(state->pid));
        // A new MPM means a new parent process: a full stop and start.
        QVERIFY(state->pid != previousPid);
        previousPid = state->pid;

        // mod_status, asked independently, agrees.
        QCOMPARE(fetchStatus(lab.port()).mpm, kind);
    }
}

void TestLocalLab::servesTheTestPage()
{
    TestLab lab;
    QVERIFY2(lab.startWith(MpmKind::Event).ok(), "lab did not start");
    const QString path = lab.rootDir() + u"/htdocs/test.html"_s;
    QVERIFY(QFile::exists(path));
    const qint64 size = QFileInfo(path).size();
    QVERIFY(size > 0);

    const auto reply = BlockingHttpClient::get(u"127.0.0.1"_s, lab.port(), u"/test.html"_s, 5s);
    QVERIFY2(reply.ok(), qPrintable(reply.ok() ? QString() : reply.error().message));
    QCOMPARE(reply->statusCode, 200);
    QCOMPARE(reply->header("Content-Length").toLongLong(), size);
    QCOMPARE(reply->body.size(), size);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(reply->body, file.readAll());
    QVERIFY(reply->header("Content-Type").startsWith("text/html"));

    const auto missing = BlockingHttpClient::get(u"127.0.0.1"_s, lab.port(), u"/nope.html"_s, 5s);
    QVERIFY(missing.ok());
    QCOMPARE(missing->statusCode, 404);
}

void TestLocalLab::startAndStopAreIdempotent()
{
    TestLab lab;
    QVERIFY(lab.lab().stop().ok()); // never started: nothing to do
    auto state = lab.lab().state();
    QVERIFY(state.ok());
    QVERIFY(!state->running);
    QVERIFY(!state->runningMpm);

    QVERIFY(lab.lab().start().ok());
    const qint64 pid = lab.lab().state()->pid;
    QVERIFY(lab.lab().start().ok()); // already running: same server
    QCOMPARE(lab.lab().state()->pid, pid);
    QVERIFY(lab.lab().stop().ok());
    QVERIFY(lab.lab().stop().ok());
    QVERIFY(!lab.lab().state()->running);
}

void TestLocalLab::stopWaitsForThePidToVanish()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Prefork).ok());
    const qint64 pid = lab.lab().state()->pid;
    QVERIFY(ApacheProcess::isAlive(pid));
    QVERIFY(!isLoopbackPortFree(lab.port()));

    QVERIFY(lab.lab().stop().ok());
    // When stop returns the parent is gone and the port can be bound again.
    QVERIFY(!ApacheProcess::isAlive(pid));
    QVERIFY(isLoopbackPortFree(lab.port()));
    QVERIFY(!QFile::exists(lab.rootDir() + u"/run/httpd.pid"_s));
}

void TestLocalLab::busyPortGivesAClearError()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, TestLab::freeHighPort()));
    QTemporaryDir dir;
    LabOptions options;
    options.rootDir = dir.path();
    options.port = squatter.serverPort();
    LocalLab lab(options);

    const Status started = lab.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::Busy);
    QVERIFY2(started.error().message.contains(QString::number(squatter.serverPort())),
             qPrintable(started.error().message));
    QVERIFY(started.error().message.contains(u"in use"_s));
    QVERIFY(!lab.state()->running);
}

void TestLocalLab::missingApacheNamesThePackage()
{
    QTemporaryDir dir;
    LabOptions options;
    options.rootDir = dir.path();
    options.apacheBinary = dir.filePath(u"no-such-apache2"_s);
    LocalLab lab(options);
    const Status started = lab.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::NotInstalled);
    QVERIFY(started.error().message.contains(u"apache2"_s));
    QVERIFY(started.error().message.contains(u"apt-get install"_s));
}

// Apache's own configtest message reaches the user, and nothing starts.
// A modules directory with only the MPM in it passes the lab's install
// check but fails Apache's: every other LoadModule line is refused.
void TestLocalLab::rejectedConfigShowsApachesMessage()
{
    TestLab lab;
    QTemporaryDir modules;
    QVERIFY(QFile::link(u"/usr/lib/apache2/modules/mod_mpm_event.so"_s,
                        modules.filePath(u"mod_mpm_event.so"_s)));
    LabOptions options = lab.options();
    options.modulesDir = modules.path();
    LocalLab broken(options);

    const Status started = broken.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::ConfigRejected);
    QVERIFY2(started.error().details.contains(u"Cannot load"_s),
             qPrintable(started.error().toString()));
    QVERIFY(!broken.state()->running);
    QVERIFY(isLoopbackPortFree(lab.port()));
}

// Under `ulimit -v 500000` worker's children cannot create their threads
// and the server dies after `apache2 -k start` returned 0. The lab must notice, show Apache's
// own error lines and go back to the MPM that worked.
void TestLocalLab::deathAfterStartIsCaughtAndRolledBack()
{
    TestLab lab(2000ms);
    // Beside the lab, not in it: a lab directory holds only the lab.
    QTemporaryDir bin;
    const QString wrapper = bin.filePath(u"apache2-ulimited"_s);
    QFile script(wrapper);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nulimit -v 500000\nexec /usr/sbin/apache2 \"$@\"\n");
    script.close();
    QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadOther | QFileDevice::ExeOther));
    // 64 MiB stacks make the failure certain (25 threads x 64 MiB > 500 MB);
    // with 8 MiB ones it depended on how many malloc arenas the threads
    // happened to create, and the start sometimes succeeded.
    {
        LocalLab plain(lab.options());
        QVERIFY(plain.switchMpm(MpmKind::Worker).ok());
        const Result<DirectiveSet> big =
            DirectiveSet::fromAssignments({u"ThreadStackSize=67108864"_s}, MpmKind::Worker);
        QVERIFY(big.ok());
        const Result<QStringList> set = plain.setDirectives(*big);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
    }
    LabOptions options = lab.options();
    options.apacheBinary = wrapper;
    LocalLab limited(options);

    const Status prefork = limited.switchMpm(MpmKind::Prefork);
    QVERIFY2(prefork.ok(), qPrintable(describe(prefork)));

    const Status worker = limited.switchMpm(MpmKind::Worker);
    QVERIFY(!worker.ok());
    QCOMPARE(worker.error().kind, Error::Kind::StartFailed);
    QVERIFY2(worker.error().details.contains(u"AH"_s), qPrintable(worker.error().toString()));
    QVERIFY2(worker.error().message.contains(u"rolled back to prefork"_s),
             qPrintable(worker.error().message));

    const auto state = limited.state();
    QVERIFY(state.ok());
    QVERIFY(state->running);
    QCOMPARE(state->runningMpm, MpmKind::Prefork);
    QCOMPARE(state->configuredMpm, MpmKind::Prefork);
}

QTEST_GUILESS_MAIN(TestLocalLab)
#include "tst_locallab.moc"
