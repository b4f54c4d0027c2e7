#include "TestDebianInstance.h"
#include "TestRhelInstance.h"
#include "TestSshClient.h"
#include "TestSshd.h"
#include "common/BlockingHttpClient.h"
#include "remote/SshShell.h"
#include "ssh/RemoteApacheDriver.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The SSH driver against a RHEL/Fedora-layout Apache (/etc/httpd,
// conf.modules.d/00-mpm.conf, conf.d/, httpd and apachectl), built by
// TestRhelInstance from Debian's apache2 binary inside the private mount
// namespace of a private sshd: the driver sees RHEL's paths, the host sees
// nothing. The tests run in order and share the instance; the last one
// restores it and checks that the tree is byte-identical to the original.
class TestRhelApache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void detectsTheRhelLayout();
    void switchesMpmAndSetsDirectives_data();
    void switchesMpmAndSetsDirectives();
    void appliesAndRemovesAMemoryLimit();
    void rollsBackAFailedStart();
    void keepsTheServerWhenConfigtestFails();
    void createsTestFiles();
    void restoresTheOriginalTreeAndMpm();

private:
    // The default 2 s settle delay, four times per MPM switch, is slow.
    [[nodiscard]] Result<std::unique_ptr<RemoteApacheDriver>> connectDriver() const
    {
        return m_client->driver(TestRhelInstance::configDir(), 500ms);
    }
    [[nodiscard]] QByteArray readFile(const QString &path) const;
    [[nodiscard]] QString manifest() const;
    // The running parent and the MPM mod_status reports, in one state().
    struct Running {
        qint64 pid = 0;
        std::optional<MpmKind> mpm;
    };
    [[nodiscard]] Running running();

    // Declared before the sshd: destroyed after it, so nothing runs in the
    // namespace when its layers go.
    TestRhelInstance m_instance;
    TestSshd m_sshd;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
    QString m_originalManifest;
    QByteArray m_originalMpmConf;
    std::optional<MpmKind> m_originalMpm;
    std::unique_ptr<RemoteApacheDriver> m_driver;
};

namespace {

// 00-mpm.conf as it should read with `kind` active: RHEL's text with only
// the '#' in front of the three LoadModule lines changed.
QByteArray expectedMpmConf(const QByteArray &original, MpmKind kind)
{
    QByteArray text = original;
    for (const MpmKind each : allMpmKinds) {
        const QByteArray name = mpmName(each).toLatin1();
        const QByteArray line =
            QByteArray("LoadModule mpm_" + name + "_module modules/mod_mpm_" + name + ".so");
        text.replace(QByteArray('#' + line), line);
        if (each != kind)
            text.replace(QByteArray('\n' + line), QByteArray("\n#" + line));
    }
    return text;
}

QString errorText(const Status &status)
{
    return status.ok() ? QString() : status.error().toString();
}

} // namespace

QByteArray TestRhelApache::readFile(const QString &path) const
{
    QFile file(m_instance.hostPath(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString TestRhelApache::manifest() const
{
    return TestDebianInstance::manifest(m_instance.hostPath(TestRhelInstance::configDir()));
}

TestRhelApache::Running TestRhelApache::running()
{
    const Result<ServerState> state = m_driver->state();
    if (!state || !state->running)
        return {};
    return {state->pid, state->runningMpm};
}

void TestRhelApache::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString skip = m_instance.skipReason(); !skip.isEmpty())
        QSKIP(qPrintable(skip));
    const QString created = m_instance.create();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    m_sshd.setLauncher(m_instance.launcher());
    const QString sshd = m_sshd.start();
    QVERIFY2(sshd.isEmpty(), qPrintable(sshd));
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());

    auto driver = connectDriver();
    QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().toString()));
    m_driver = std::move(driver).value();
    const Status started = m_driver->start();
    QVERIFY2(started.ok(), qPrintable(errorText(started)));
    m_originalManifest = manifest();
    QVERIFY(m_originalManifest.contains(u"./conf/httpd.conf"_s));
    m_originalMpmConf = readFile(u"/etc/httpd/conf.modules.d/00-mpm.conf"_s);
    QVERIFY(m_originalMpmConf.contains("\nLoadModule mpm_event_module"));
    m_originalMpm = running().mpm;
    QCOMPARE(m_originalMpm, std::optional<MpmKind>(MpmKind::Event)); // RHEL 9's default
}

void TestRhelApache::cleanupTestCase()
{
    if (m_driver)
        (void)m_driver->stop();
    m_driver.reset();
    // Nothing of it reached the host.
    for (const QString &path : TestRhelInstance::privatePaths())
        QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
    QVERIFY(!QFileInfo::exists(u"/var/www/html/large.bin"_s));
}

void TestRhelApache::detectsTheRhelLayout()
{
    const ApacheLayout &layout = m_driver->layout();
    QCOMPARE(layout.family, ApacheLayout::Family::Rhel);
    QCOMPARE(layout.configDir, TestRhelInstance::configDir());
    QVERIFY(layout.instance.isEmpty());
    QVERIFY2(layout.apacheVersion.startsWith(u"Apache/2.4"_s), qPrintable(layout.apacheVersion));
    QCOMPARE(layout.configuredMpm, std::optional<MpmKind>(MpmKind::Event));
    for (const QString &module : {u"mpm_event_module"_s, u"status_module"_s, u"dir_module"_s,
                                  u"mime_module"_s, u"log_config_module"_s})
        QVERIFY2(layout.loadedModules.contains(module), qPrintable(module));
    QVERIFY(!layout.loadedModules.contains(u"mpm_prefork_module"_s));
    QVERIFY(layout.phpModules.isEmpty());
    QCOMPARE(layout.listenPorts, QList<quint16>{m_instance.port()});
    QCOMPARE(layout.documentRoot, TestRhelInstance::documentRoot());
    QCOMPARE(layout.pidFile, TestRhelInstance::pidFile());
    QCOMPARE(layout.errorLog, TestRhelInstance::errorLog());
    QCOMPARE(layout.overridePath(), u"/etc/httpd/conf.d/zz-mpmlab.conf"_s);
    QVERIFY(!layout.systemd);

    const Result<ServerState> state = m_driver->state();
    QVERIFY(state.ok());
    QVERIFY(state->running);
    QCOMPARE(state->runningMpm, std::optional<MpmKind>(MpmKind::Event));
    QCOMPARE(state->port, m_instance.port());
    // The pid file the driver reads is the running parent's.
    QCOMPARE(QByteArray::number(state->pid) + '\n', readFile(TestRhelInstance::pidFile()));
    QVERIFY(readFile(TestRhelInstance::errorLog()).contains("resuming normal operations"));
}

void TestRhelApache::switchesMpmAndSetsDirectives_data()
{
    QTest::addColumn<int>("mpm");
    QTest::addColumn<QStringList>("assignments");
    // mod_status shows MaxRequestWorkers slots (MaxRequestWorkers /
    // ThreadsPerChild processes of ThreadsPerChild threads; prefork one per
    // process): the running server took the new values.
    QTest::addColumn<int>("scoreboardSlots");
    // Prefork, worker, then back to the original event: one switch and one
    // set each (a switch costs a full stop and start).
    QTest::newRow("prefork") << int(MpmKind::Prefork)
                             << QStringList{u"StartServers=3"_s, u"ServerLimit=50"_s,
                                            u"MaxRequestWorkers=40"_s, u"Timeout=60"_s}
                             << 40;
    QTest::newRow("worker") << int(MpmKind::Worker)
                            << QStringList{u"ThreadLimit=40"_s, u"ThreadsPerChild=20"_s,
                                           u"ServerLimit=5"_s, u"MaxRequestWorkers=100"_s}
                            << 100;
    QTest::newRow("event") << int(MpmKind::Event)
                           << QStringList{u"KeepAliveTimeout=3"_s, u"ThreadLimit=32"_s,
                                          u"ThreadsPerChild=16"_s, u"ServerLimit=4"_s,
                                          u"MaxRequestWorkers=64"_s}
                           << 64;
}

void TestRhelApache::switchesMpmAndSetsDirectives()
{
    QFETCH(int, mpm);
    QFETCH(QStringList, assignments);
    QFETCH(int, scoreboardSlots);
    const auto kind = MpmKind(mpm);

    const qint64 before = running().pid;
    QVERIFY(before > 0);
    const Status switched = m_driver->switchMpm(kind);
    QVERIFY2(switched.ok(), qPrintable(errorText(switched)));
    QCOMPARE(m_driver->layout().configuredMpm, kind);
    QVERIFY(m_driver->layout().loadedModules.contains(u"mpm_%1_module"_s.arg(mpmName(kind))));
    const Running after = running();
    QCOMPARE(after.mpm, kind);    // mod_status's ServerMPM
    QVERIFY(after.pid != before); // a full stop and start, not a graceful restart
    // RHEL's 00-mpm.conf with only the '#'s moved; back on event, as shipped.
    const QByteArray mpmConf = readFile(u"/etc/httpd/conf.modules.d/00-mpm.conf"_s);
    QCOMPARE(mpmConf, expectedMpmConf(m_originalMpmConf, kind));
    if (kind == m_originalMpm)
        QCOMPARE(mpmConf, m_originalMpmConf);

    const Result<DirectiveSet> changes = DirectiveSet::fromAssignments(assignments, kind);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().message));
    const Result<QStringList> warnings = m_driver->setDirectives(*changes);
    QVERIFY2(warnings.ok(), qPrintable(warnings.ok() ? QString() : warnings.error().toString()));
    QVERIFY2(warnings->isEmpty(), qPrintable(warnings->join(u'\n')));
    const Result<DirectiveSet> read = m_driver->directives();
    QVERIFY(read.ok());
    for (auto it = changes->values().cbegin(); it != changes->values().cend(); ++it)
        QCOMPARE(read->value(it.key()), std::optional<QString>(it.value()));
    // In RHEL's drop-in directory, inside this MPM's section.
    const QByteArray text = readFile(u"/etc/httpd/conf.d/zz-mpmlab.conf"_s);
    QVERIFY2(text.contains(QByteArray("<IfModule mpm_" + mpmName(kind).toLatin1() + "_module>")),
             text.constData());
    QCOMPARE(readFile(u"/etc/httpd/conf.modules.d/00-mpm.conf"_s), mpmConf);

    const Result<HttpReply> status = BlockingHttpClient::get(u"127.0.0.1"_s, m_instance.port(),
                                                             u"/server-status?auto"_s, 3000ms);
    QVERIFY(status.ok());
    const Result<ServerStatus> parsed = ServerStatus::parse(QString::fromUtf8(status->body));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->mpm, std::optional<MpmKind>(kind));
    QCOMPARE(parsed->scoreboard.slotCount(), scoreboardSlots);
}

void TestRhelApache::appliesAndRemovesAMemoryLimit()
{
    // Whatever MPM the last test left (event): 4 GiB lets every MPM start.
    constexpr qint64 limitKib = 4LL * 1024 * 1024;
    const MpmKind mpm = *m_driver->layout().configuredMpm;
    const QString before = manifest();
    const Status limited = m_driver->setMemoryLimit(limitKib);
    QVERIFY2(limited.ok(), qPrintable(errorText(limited)));
    QCOMPARE(m_driver->layout().memoryLimitKib, std::optional<qint64>(limitKib));
    QCOMPARE(m_driver->state()->memoryLimitKib, std::optional<qint64>(limitKib));
    QVERIFY(readFile(u"/etc/httpd/conf.d/zz-mpmlab.memory-limit"_s)
                .endsWith(QByteArray('\n' + QByteArray::number(limitKib) + '\n')));
    const Running limitedServer = running();
    QCOMPARE(limitedServer.mpm, mpm);
    // The kernel's view of the running parent: the limit took.
    QFile limits(u"/proc/%1/limits"_s.arg(limitedServer.pid));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray table = limits.readAll();
    const qsizetype row = table.indexOf("Max address space");
    QVERIFY(row >= 0);
    QVERIFY2(table.mid(row, 80).contains(QByteArray::number(limitKib * 1024)), table.constData());

    QVERIFY(m_driver->setMemoryLimit(std::nullopt).ok());
    QCOMPARE(manifest(), before);
    QVERIFY(!m_driver->layout().memoryLimitKib);
    QVERIFY(!m_driver->state()->memoryLimitKib);
    const Running unlimitedServer = running();
    QCOMPARE(unlimitedServer.mpm, mpm);
    QFile unlimited(u"/proc/%1/limits"_s.arg(unlimitedServer.pid));
    QVERIFY(unlimited.open(QIODevice::ReadOnly));
    QVERIFY(!unlimited.readAll().contains(QByteArray::number(limitKib * 1024)));
}

void TestRhelApache::rollsBackAFailedStart()
{
    // As on Debian with worker, here with event (where the last tests left
    // it): 64 MiB thread stacks under `ulimit -v 500000` pass configtest,
    // start, then no child can create its threads and the parent exits
    // (AH02325). The start must be seen as failed and undone, the limit
    // file gone with the rest of the change.
    const MpmKind mpm = *m_driver->layout().configuredMpm;
    DirectiveSet big;
    big.set(u"ThreadStackSize"_s, u"67108864"_s);
    QVERIFY(m_driver->setDirectives(big).ok());
    const QString before = manifest();
    const qint64 pid = running().pid;

    const Status limited = m_driver->setMemoryLimit(500000);
    QVERIFY(!limited.ok());
    QCOMPARE(limited.error().kind, Error::Kind::StartFailed);
    QVERIFY2(limited.error().message.contains(u"previous configuration is back and running"_s),
             qPrintable(limited.error().toString()));
    QCOMPARE(manifest(), before);
    QVERIFY(!m_driver->layout().memoryLimitKib);
    const Running after = running();
    QCOMPARE(after.mpm, mpm);
    QVERIFY(after.pid != pid);
}

void TestRhelApache::keepsTheServerWhenConfigtestFails()
{
    // A file broken behind MPM Lab's back, in the namespace the server sees.
    const QString broken = u"/etc/httpd/conf.d/broken.conf"_s;
    QString wrote = TestRhelInstance::runInside(m_sshd.processId(),
                                                u"echo 'NotAnApacheDirective on' > "_s + broken);
    QVERIFY2(wrote.isEmpty(), qPrintable(wrote));
    const qint64 pid = running().pid;
    QVERIFY(pid > 0);
    const QString before = manifest();
    QVERIFY(before.contains(u"broken.conf"_s));

    DirectiveSet changes;
    changes.set(u"Timeout"_s, u"77"_s);
    const Result<QStringList> set = m_driver->setDirectives(changes);
    const QString after = manifest();
    wrote = TestRhelInstance::runInside(m_sshd.processId(), u"rm -f "_s + broken);
    QVERIFY2(wrote.isEmpty(), qPrintable(wrote));
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, Error::Kind::ConfigRejected);
    QVERIFY2(set.error().details.contains(u"NotAnApacheDirective"_s),
             qPrintable(set.error().toString()));
    QVERIFY(set.error().message.contains(u"previous configuration is back and running"_s));
    QCOMPARE(after, before);
    QCOMPARE(running().pid, pid); // never restarted
    QVERIFY(!readFile(u"/etc/httpd/conf.d/zz-mpmlab.conf"_s).contains("Timeout 77"));
}

void TestRhelApache::createsTestFiles()
{
    const Result<QStringList> paths = m_driver->createTestFiles({2048, 1024 * 1024});
    QVERIFY2(paths.ok(), qPrintable(paths.ok() ? QString() : paths.error().toString()));
    QCOMPARE(*paths, (QStringList{u"/test.html"_s, u"/large.bin"_s}));
    QCOMPARE(QFileInfo(m_instance.hostPath(u"/var/www/html/large.bin"_s)).size(), 1024 * 1024);
    const Result<HttpReply> page =
        BlockingHttpClient::get(u"127.0.0.1"_s, m_instance.port(), u"/test.html"_s, 3000ms);
    QVERIFY(page.ok());
    QCOMPARE(page->statusCode, 200);
    QCOMPARE(page->body.size(), 2048);
    QVERIFY(page->body.startsWith("<!DOCTYPE html>"));
    QVERIFY(!QFileInfo::exists(u"/var/www/html/test.html"_s)); // not on the host
}

void TestRhelApache::restoresTheOriginalTreeAndMpm()
{
    const qint64 pid = running().pid;
    const Status restored = m_driver->restore();
    QVERIFY2(restored.ok(), qPrintable(errorText(restored)));
    QCOMPARE(manifest(), m_originalManifest);
    const Running after = running();
    QCOMPARE(after.mpm, m_originalMpm);
    QVERIFY(after.pid != pid);
    QVERIFY(!QFileInfo::exists(m_instance.hostPath(u"/var/www/html/large.bin"_s)));
    QVERIFY(!QFileInfo::exists(m_instance.hostPath(u"/var/www/html/test.html"_s)));
    QVERIFY(!QFileInfo::exists(m_instance.hostPath(u"/var/lib/mpmlab/restore/etc-httpd"_s)));
    const Result<bool> pending = m_driver->restorePending();
    QVERIFY(pending.ok());
    QVERIFY(!*pending);
    QVERIFY(QDir(m_dir.filePath(u"journals"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestRhelApache)
#include "tst_rhelapache.moc"
