#include "TestDebianInstance.h"
#include "TestSshClient.h"
#include "TestSshd.h"
#include "common/BlockingHttpClient.h"
#include "remote/SshShell.h"
#include "ssh/RemoteApacheDriver.h"

#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The SSH driver against real things: OpenSSH's sshd on 127.0.0.1 with a
// generated key, and a Debian private Apache instance (/etc/apache2-NAME on
// a free high port), so the main /etc/apache2 is never touched. The tests
// run in order and share the instance: the last one restores it and checks
// that the tree is byte-identical to what it was before the first change.
class TestRemoteApache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void detectsTheDebianInstance();
    void switchesThroughAllMpmsAndBack();
    void setsAndReadsBackEveryDirective_data();
    void setsAndReadsBackEveryDirective();
    void surfacesApacheWarningsForInconsistentValues();
    void rejectsInvalidValuesBeforeAnyCommand_data();
    void rejectsInvalidValuesBeforeAnyCommand();
    void refusesMpmDirectivesOfAnotherMpm();
    void appliesAndRemovesAMemoryLimit();
    void rollsBackAFailedStart();
    void keepsTheServerWhenConfigtestFails();
    void createsTestFiles();
    void anotherConnectionSeesThePendingRestore();
    void restoresTheOriginalTreeAndMpm();
    void aFailedFirstChangeOwesNothing();

private:
    [[nodiscard]] Result<std::unique_ptr<RemoteApacheDriver>>
    connectDriver(std::chrono::milliseconds settle = 500ms) const
    {
        return m_client->driver(m_instance.configDir(), settle);
    }
    [[nodiscard]] QByteArray overrideText() const;
    // Puts an invalid directive into the instance's default site (every
    // command that reads the config then fails, apache2ctl stop too);
    // returns the file's bytes before, empty on failure.
    [[nodiscard]] QByteArray breakDefaultSite() const;
    [[nodiscard]] QString defaultSitePath() const
    {
        return m_instance.configDir() + u"/sites-available/000-default.conf"_s;
    }
    [[nodiscard]] bool configTestPasses() const;
    [[nodiscard]] std::optional<MpmKind> runningMpm();

    TestSshd m_sshd;
    TestDebianInstance m_instance;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
    QString m_mainManifest;
    QString m_originalManifest;
    std::optional<MpmKind> m_originalMpm;
    std::unique_ptr<RemoteApacheDriver> m_driver;
};

QByteArray TestRemoteApache::overrideText() const
{
    QFile file(m_instance.configDir() + u"/conf-enabled/zz-mpmlab.conf"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray TestRemoteApache::breakDefaultSite() const
{
    QFile site(defaultSitePath());
    if (!site.open(QIODevice::ReadWrite))
        return {};
    const QByteArray before = site.readAll();
    site.write("\nThisIsNotADirective on\n");
    return before;
}

bool TestRemoteApache::configTestPasses() const
{
    QProcess test;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"APACHE_CONFDIR"_s, m_instance.configDir());
    test.setProcessEnvironment(environment);
    test.start(u"apache2ctl"_s, {u"configtest"_s});
    return test.waitForFinished(30000) && test.exitStatus() == QProcess::NormalExit
           && test.exitCode() == 0;
}

std::optional<MpmKind> TestRemoteApache::runningMpm()
{
    const Result<ServerState> state = m_driver->state();
    return state && state->running ? state->runningMpm : std::nullopt;
}

void TestRemoteApache::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_mainManifest = TestDebianInstance::manifest(u"/etc/apache2"_s);
    const QString created = m_instance.create();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const QString started = m_sshd.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());

    auto driver = connectDriver();
    QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().toString()));
    m_driver = std::move(driver).value();
    // The original state: the instance running its stock MPM.
    const Status running = m_driver->start();
    QVERIFY2(running.ok(), qPrintable(running.ok() ? QString() : running.error().toString()));
    m_originalManifest = TestDebianInstance::manifest(m_instance.configDir());
    m_originalMpm = runningMpm();
    QVERIFY(m_originalMpm.has_value());
    QVERIFY(m_originalManifest.contains(u"apache2.conf"_s));
}

void TestRemoteApache::cleanupTestCase()
{
    if (m_driver)
        (void)m_driver->stop();
    m_driver.reset();
    // Nothing any test did reached the main instance.
    QCOMPARE(TestDebianInstance::manifest(u"/etc/apache2"_s), m_mainManifest);
}

void TestRemoteApache::detectsTheDebianInstance()
{
    const ApacheLayout &layout = m_driver->layout();
    QCOMPARE(layout.family, ApacheLayout::Family::Debian);
    QCOMPARE(layout.configDir, m_instance.configDir());
    QCOMPARE(layout.instance, m_instance.name());
    QCOMPARE(layout.listenPorts, QList<quint16>{m_instance.port()});
    QCOMPARE(layout.documentRoot, m_instance.documentRoot());
    QCOMPARE(layout.pidFile, u"/var/run/apache2-%1/apache2.pid"_s.arg(m_instance.name()));
    QVERIFY2(layout.apacheVersion.startsWith(u"Apache/2.4"_s), qPrintable(layout.apacheVersion));
    QVERIFY(layout.osName.contains(u"Debian"_s));
    QVERIFY(layout.configuredMpm.has_value());
    QVERIFY(layout.loadedModules.contains(u"mpm_%1_module"_s.arg(mpmName(*layout.configuredMpm))));
    QVERIFY(layout.loadedModules.contains(u"status_module"_s));
    QVERIFY(layout.phpModules.isEmpty());

    const Result<ServerState> state = m_driver->state();
    QVERIFY(state.ok());
    QVERIFY(state->running);
    QCOMPARE(state->runningMpm, layout.configuredMpm);
    QCOMPARE(state->port, m_instance.port());
    QVERIFY(state->serverVersion.contains(u"Apache/2.4"_s));
}

void TestRemoteApache::switchesThroughAllMpmsAndBack()
{
    const MpmKind original = *m_driver->layout().configuredMpm;
    QStringList steps;
    m_driver->setProgressHandler([&steps](const QString &step) { steps << step; });
    for (const MpmKind kind : {MpmKind::Prefork, MpmKind::Worker, MpmKind::Event, original}) {
        const Status switched = m_driver->switchMpm(kind);
        QVERIFY2(switched.ok(),
                 qPrintable(switched.ok() ? QString() : switched.error().toString()));
        QCOMPARE(m_driver->layout().configuredMpm, kind);
        QCOMPARE(runningMpm(), kind);
        // Exactly one MPM enabled, the asked one.
        const QStringList enabled =
            QDir(m_instance.configDir() + u"/mods-enabled"_s).entryList({u"mpm_*.load"_s});
        QCOMPARE(enabled, QStringList{u"mpm_%1.load"_s.arg(mpmName(kind))});
    }
    m_driver->setProgressHandler({});
    QVERIFY(steps.contains(u"Stopping Apache"_s));
    QVERIFY(steps.contains(u"Checking that Apache stays up"_s));
}

void TestRemoteApache::setsAndReadsBackEveryDirective_data()
{
    QTest::addColumn<int>("mpm");
    QTest::addColumn<QStringList>("assignments");
    // Measured with Apache 2.4.71: mod_status shows MaxRequestWorkers slots
    // (the stock value is 150), so the running server took the new values.
    QTest::addColumn<int>("scoreboardSlots");
    QTest::newRow("event") << int(MpmKind::Event)
                           << QStringList{u"Timeout=120"_s,
                                          u"KeepAlive=Off"_s,
                                          u"MaxKeepAliveRequests=50"_s,
                                          u"KeepAliveTimeout=3"_s,
                                          u"StartServers=2"_s,
                                          u"MinSpareThreads=16"_s,
                                          u"MaxSpareThreads=64"_s,
                                          u"ThreadLimit=32"_s,
                                          u"ThreadsPerChild=16"_s,
                                          u"ServerLimit=8"_s,
                                          u"MaxRequestWorkers=128"_s,
                                          u"MaxConnectionsPerChild=1000"_s,
                                          u"AsyncRequestWorkerFactor=3"_s,
                                          u"ThreadStackSize=1048576"_s}
                           << 128;
    QTest::newRow("worker") << int(MpmKind::Worker)
                            << QStringList{u"KeepAlive=On"_s,           u"ThreadLimit=40"_s,
                                           u"ThreadsPerChild=20"_s,     u"ServerLimit=5"_s,
                                           u"MaxRequestWorkers=100"_s,  u"MinSpareThreads=20"_s,
                                           u"MaxSpareThreads=60"_s,     u"StartServers=1"_s,
                                           u"ThreadStackSize=2097152"_s}
                            << 100;
    QTest::newRow("prefork") << int(MpmKind::Prefork)
                             << QStringList{u"StartServers=3"_s,
                                            u"MinSpareServers=2"_s,
                                            u"MaxSpareServers=6"_s,
                                            u"ServerLimit=50"_s,
                                            u"MaxRequestWorkers=40"_s,
                                            u"MaxConnectionsPerChild=500"_s,
                                            u"Timeout=60"_s}
                             << 40;
}

void TestRemoteApache::setsAndReadsBackEveryDirective()
{
    QFETCH(int, mpm);
    QFETCH(QStringList, assignments);
    QFETCH(int, scoreboardSlots);
    const auto kind = MpmKind(mpm);
    const Status switched = m_driver->switchMpm(kind);
    QVERIFY2(switched.ok(), qPrintable(switched.ok() ? QString() : switched.error().toString()));

    const Result<DirectiveSet> changes = DirectiveSet::fromAssignments(assignments, kind);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().message));
    const Result<QStringList> warnings = m_driver->setDirectives(*changes);
    QVERIFY2(warnings.ok(), qPrintable(warnings.ok() ? QString() : warnings.error().toString()));
    QVERIFY2(warnings->isEmpty(), qPrintable(warnings->join(u'\n')));

    const Result<DirectiveSet> read = m_driver->directives();
    QVERIFY(read.ok());
    for (auto it = changes->values().cbegin(); it != changes->values().cend(); ++it)
        QCOMPARE(read->value(it.key()), std::optional<QString>(it.value()));

    // The running server took them: its scoreboard has ServerLimit x
    // ThreadLimit slots (prefork: ServerLimit).
    QCOMPARE(runningMpm(), kind);
    const Result<HttpReply> status = BlockingHttpClient::get(u"127.0.0.1"_s, m_instance.port(),
                                                             u"/server-status?auto"_s, 3000ms);
    QVERIFY(status.ok());
    const Result<ServerStatus> parsed = ServerStatus::parse(QString::fromUtf8(status->body));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->scoreboard.slotCount(), scoreboardSlots);
}

void TestRemoteApache::surfacesApacheWarningsForInconsistentValues()
{
    QVERIFY(m_driver->switchMpm(MpmKind::Worker).ok());
    DirectiveSet changes;
    changes.set(u"ThreadLimit"_s, u"20"_s);
    changes.set(u"ThreadsPerChild"_s, u"30"_s); // > ThreadLimit
    changes.set(u"ServerLimit"_s, u"2"_s);
    changes.set(u"MaxRequestWorkers"_s, u"90"_s); // > 2 x 20
    const Result<QStringList> warnings = m_driver->setDirectives(changes);
    QVERIFY2(warnings.ok(), qPrintable(warnings.ok() ? QString() : warnings.error().toString()));
    const QString text = warnings->join(u'\n');
    // Our own reading and Apache's own words, both.
    QVERIFY2(text.contains(u"ThreadsPerChild 30 exceeds ThreadLimit 20"_s), qPrintable(text));
    QVERIFY2(text.contains(u"AH00"_s) && text.contains(u"ThreadsPerChild"_s), qPrintable(text));
    QVERIFY2(text.contains(u"MaxRequestWorkers"_s), qPrintable(text));
    // Nothing broken: the server runs worker with what Apache kept.
    QCOMPARE(runningMpm(), MpmKind::Worker);
}

void TestRemoteApache::rejectsInvalidValuesBeforeAnyCommand_data()
{
    QTest::addColumn<QString>("assignment");
    for (const QString &value : {u"abc"_s, u"-1"_s, u"99999999"_s, u"1 2"_s, u"1'"_s, u"\"5\""_s,
                                 u"5;reboot"_s, u"$(id)"_s, u""_s, u"1.5"_s})
        QTest::newRow(qPrintable(u"MaxRequestWorkers=" + value))
            << (u"MaxRequestWorkers="_s + value);
    QTest::newRow("KeepAlive=maybe") << u"KeepAlive=maybe"_s;
    QTest::newRow("unknown") << u"LoadModule=x"_s;
    QTest::newRow("no equals") << u"MaxRequestWorkers"_s;
}

void TestRemoteApache::rejectsInvalidValuesBeforeAnyCommand()
{
    QFETCH(QString, assignment);
    const Result<DirectiveSet> parsed =
        DirectiveSet::fromAssignments({assignment}, MpmKind::Worker);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::InvalidInput);

    // Through the driver too, with the raw value: refused, nothing written.
    const QByteArray before = overrideText();
    const qsizetype equals = assignment.indexOf(u'=');
    if (equals > 0) {
        DirectiveSet raw;
        raw.set(assignment.left(equals), assignment.mid(equals + 1));
        const Result<QStringList> set = m_driver->setDirectives(raw);
        QVERIFY(!set.ok());
        QCOMPARE(set.error().kind, Error::Kind::InvalidInput);
    }
    QCOMPARE(overrideText(), before);
}

void TestRemoteApache::refusesMpmDirectivesOfAnotherMpm()
{
    QVERIFY(m_driver->switchMpm(MpmKind::Prefork).ok());
    const QByteArray before = overrideText();
    DirectiveSet changes;
    changes.set(u"ThreadsPerChild"_s, u"25"_s); // AH00526 under prefork
    const Result<QStringList> set = m_driver->setDirectives(changes);
    QVERIFY(!set.ok());
    QVERIFY(set.error().message.contains(u"prefork"_s));
    QCOMPARE(overrideText(), before);
    QCOMPARE(runningMpm(), MpmKind::Prefork);
}

void TestRemoteApache::appliesAndRemovesAMemoryLimit()
{
    QVERIFY(m_driver->switchMpm(MpmKind::Prefork).ok());
    const QString envvars = m_instance.configDir() + u"/envvars"_s;
    QFile file(envvars);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    const Status limited = m_driver->setMemoryLimit(500000); // KiB
    QVERIFY2(limited.ok(), qPrintable(limited.ok() ? QString() : limited.error().toString()));
    const Result<ServerState> state = m_driver->state();
    QVERIFY(state.ok() && state->running);
    QFile limits(u"/proc/%1/limits"_s.arg(state->pid));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray table = limits.readAll();
    const qsizetype row = table.indexOf("Max address space");
    QVERIFY(row >= 0);
    QVERIFY2(table.mid(row, 80).contains(QByteArray::number(500000LL * 1024)), table.constData());

    QVERIFY(m_driver->setMemoryLimit(std::nullopt).ok());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(runningMpm(), MpmKind::Prefork);

    QVERIFY(!m_driver->setMemoryLimit(10).ok()); // below any sane limit: refused
}

void TestRemoteApache::rollsBackAFailedStart()
{
    // Worker under `ulimit -v 500000` passes configtest, starts, then its
    // children fail (AH03142): the start must be seen as failed and undone.
    // 64 MiB stacks make that certain whatever ThreadsPerChild earlier tests
    // left (20 threads x 64 MiB > 500 MB); with 8 MiB stacks it depended on
    // how many malloc arenas the threads happened to create.
    auto slow = connectDriver(3000ms);
    QVERIFY(slow.ok());
    RemoteApacheDriver &driver = **slow;
    QVERIFY(driver.switchMpm(MpmKind::Worker).ok());
    DirectiveSet big;
    big.set(u"ThreadStackSize"_s, u"67108864"_s);
    QVERIFY(driver.setDirectives(big).ok());
    const QString before = TestDebianInstance::manifest(m_instance.configDir());

    const Status limited = driver.setMemoryLimit(500000);
    QVERIFY(!limited.ok());
    QCOMPARE(limited.error().kind, Error::Kind::StartFailed);
    QVERIFY2(limited.error().message.contains(u"previous configuration is back and running"_s),
             qPrintable(limited.error().toString()));
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), before);
    QCOMPARE(runningMpm(), MpmKind::Worker);
}

void TestRemoteApache::keepsTheServerWhenConfigtestFails()
{
    // A stock file broken behind MPM Lab's back: configtest refuses the
    // change, the server is not restarted, the tree is as it was.
    const QString broken = m_instance.configDir() + u"/conf-enabled/broken.conf"_s;
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("NotAnApacheDirective on\n");
    file.close();
    const Result<ServerState> before = m_driver->state();
    QVERIFY(before.ok() && before->running);
    const QString treeBefore = TestDebianInstance::manifest(m_instance.configDir());
    QVERIFY(treeBefore.contains(u"./conf-enabled/broken.conf"_s));

    DirectiveSet changes;
    changes.set(u"Timeout"_s, u"77"_s);
    const Result<QStringList> set = m_driver->setDirectives(changes);
    const QString treeAfter = TestDebianInstance::manifest(m_instance.configDir());
    QVERIFY(QFile::remove(broken));
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, Error::Kind::ConfigRejected);
    QVERIFY2(set.error().details.contains(u"NotAnApacheDirective"_s),
             qPrintable(set.error().toString()));
    QVERIFY(set.error().message.contains(u"previous configuration is back and running"_s));
    const Result<ServerState> after = m_driver->state();
    QVERIFY(after.ok() && after->running);
    QCOMPARE(after->pid, before->pid); // never restarted
    QVERIFY(!overrideText().contains("Timeout 77"));
    // Every file as it was, the broken one included.
    QCOMPARE(treeAfter, treeBefore);
}

void TestRemoteApache::createsTestFiles()
{
    // Someone else's test.html is refused and left as it was.
    const QString foreign = m_instance.documentRoot() + u"/test.html"_s;
    QFile theirs(foreign);
    QVERIFY(theirs.open(QIODevice::WriteOnly) && theirs.write("not MPM Lab's\n") > 0);
    theirs.close();
    const Result<QStringList> refused = m_driver->createTestFiles({2048, 1024});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Busy);
    QVERIFY2(refused.error().message.contains(u"not made by MPM Lab"_s),
             qPrintable(refused.error().message));
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    QCOMPARE(theirs.readAll(), QByteArray("not MPM Lab's\n"));
    theirs.close();
    QVERIFY(!QFile::exists(m_instance.documentRoot() + u"/large.bin"_s));
    QVERIFY(QFile::remove(foreign));

    const Result<QStringList> paths = m_driver->createTestFiles({2048, 1024 * 1024});
    QVERIFY2(paths.ok(), qPrintable(paths.ok() ? QString() : paths.error().toString()));
    QCOMPARE(*paths, (QStringList{u"/test.html"_s, u"/large.bin"_s}));
    QCOMPARE(QFileInfo(m_instance.documentRoot() + u"/large.bin"_s).size(), 1024 * 1024);
    const Result<HttpReply> page =
        BlockingHttpClient::get(u"127.0.0.1"_s, m_instance.port(), u"/test.html"_s, 3000ms);
    QVERIFY(page.ok());
    QCOMPARE(page->statusCode, 200);
    QCOMPARE(page->body.size(), 2048);
    QVERIFY(page->body.startsWith("<!DOCTYPE html>"));
    // Again, other sizes: MPM Lab's own files may be replaced.
    QVERIFY(m_driver->createTestFiles({100, 4096}).ok());
    QCOMPARE(QFileInfo(m_instance.documentRoot() + u"/test.html"_s).size(), 100);
    QVERIFY(!m_driver->createTestFiles({0, 1}).ok());
}

void TestRemoteApache::anotherConnectionSeesThePendingRestore()
{
    auto other = connectDriver();
    QVERIFY(other.ok());
    const Result<bool> pending = (*other)->restorePending();
    QVERIFY(pending.ok());
    QVERIFY(*pending);
    const auto journal = (*other)->serverJournal();
    QVERIFY(journal.ok() && journal->has_value());
    QVERIFY((*journal)->wasRunning);
    QCOMPARE((*journal)->createdFiles.size(), 2);
    QVERIFY(QFile::exists((*journal)->originalArchive));
}

void TestRemoteApache::restoresTheOriginalTreeAndMpm()
{
    // Someone broke a site file since: httpd -k stop, which reads the
    // config, refuses. The restore stops Apache all the same, and the
    // original tree has the site as it was.
    QVERIFY(!breakDefaultSite().isEmpty());
    QVERIFY(!configTestPasses());
    QStringList steps;
    m_driver->setProgressHandler([&steps](const QString &step) { steps << step; });
    const Status restored = m_driver->restore();
    m_driver->setProgressHandler({});
    QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
    QVERIFY2(steps.join(u'\n').contains(u"`apache2ctl stop` failed"_s),
             qPrintable(steps.join(u'\n')));
    QVERIFY2(steps.join(u'\n').contains(u"with SIGTERM instead"_s), qPrintable(steps.join(u'\n')));
    QVERIFY(configTestPasses());
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(runningMpm(), m_originalMpm);
    QVERIFY(!QFile::exists(m_instance.documentRoot() + u"/large.bin"_s));
    QVERIFY(!QFile::exists(m_instance.documentRoot() + u"/test.html"_s));
    const Result<bool> pending = m_driver->restorePending();
    QVERIFY(pending.ok());
    QVERIFY(!*pending);
    QVERIFY(QDir(m_dir.filePath(u"journals"_s)).isEmpty());
}

void TestRemoteApache::aFailedFirstChangeOwesNothing()
{
    // A config already broken before MPM Lab's first change: the change is
    // refused by configtest and rolled back, the running server untouched,
    // and nothing is left to restore.
    const QByteArray site = breakDefaultSite();
    QVERIFY(!site.isEmpty());
    const auto putSiteBack = qScopeGuard([&] {
        QFile file(defaultSitePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(site);
    });
    const Result<ServerState> before = m_driver->state();
    QVERIFY(before.ok() && before->running);
    DirectiveSet changes;
    changes.set(u"KeepAliveTimeout"_s, u"3"_s);
    const Result<QStringList> refused = m_driver->setDirectives(changes);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::ConfigRejected);
    QVERIFY2(refused.error().details.contains(u"ThisIsNotADirective"_s),
             qPrintable(refused.error().toString()));
    const Result<bool> pending = m_driver->restorePending();
    QVERIFY(pending.ok());
    QVERIFY(!*pending);
    const Result<ServerState> after = m_driver->state();
    QVERIFY(after.ok() && after->running);
    QCOMPARE(after->pid, before->pid);
    QVERIFY(m_driver->restore().ok());
    QCOMPARE(m_driver->state()->pid, before->pid);
}

QTEST_GUILESS_MAIN(TestRemoteApache)
#include "tst_remoteapache.moc"
