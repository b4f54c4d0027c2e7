#include "TestDebianInstance.h"
#include "TestPaths.h"
#include "TestSshClient.h"
#include "TestSshd.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// A server without mod_status, as many are: MPM Lab verifies every start
// and samples through /server-status, so it adds its own page (local
// access only) for the run, through the backed-up change path, and takes
// it back with the rest. Through the private sshd onto a Debian private
// instance whose mod_status is disabled before the first test.
class TestStatusPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startsAServerWithoutOneWithItsOwnPage();
    void monitorAddsThePageForTheRunAndTakesItBack();
    void switchesMpmOnARunningServerWithoutOne();

private:
    [[nodiscard]] Result<std::unique_ptr<RemoteApacheDriver>> connectDriver() const
    {
        return m_client->driver(m_instance.configDir());
    }
    [[nodiscard]] QByteArray overrideText() const;

    TestSshd m_sshd;
    TestDebianInstance m_instance;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
    QString m_originalManifest;
};

QByteArray TestStatusPage::overrideText() const
{
    QFile file(m_instance.configDir() + u"/conf-enabled/zz-mpmlab.conf"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestStatusPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString created = m_instance.create();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    QCOMPARE(QProcess::execute(
                 u"/bin/sh"_s,
                 {u"-c"_s, u"APACHE_CONFDIR=%1 a2dismod -q status"_s.arg(m_instance.configDir())}),
             0);
    const QString started = m_sshd.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());
    m_originalManifest = TestDebianInstance::manifest(m_instance.configDir());
    QVERIFY(!m_originalManifest.contains(u"mods-enabled/status.load"_s));
}

void TestStatusPage::cleanupTestCase()
{
    if (!m_client)
        return;
    if (auto driver = connectDriver())
        (void)(*driver)->stop();
}

void TestStatusPage::startsAServerWithoutOneWithItsOwnPage()
{
    auto driver = connectDriver();
    QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().toString()));
    QVERIFY(!(*driver)->layout().configuresStatusPage());

    const Status started = driver.value()->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    QVERIFY(m_instance.runningMpm().has_value());
    const QByteArray page = overrideText();
    QVERIFY2(page.contains("SetHandler server-status") && page.contains("Require local"),
             page.constData());
    QVERIFY(driver.value()->layout().configuresStatusPage());
    QCOMPARE(driver.value()->restorePending().value(), true);

    // It was stopped before: restore stops it and puts the files back.
    const Status restored = driver.value()->restore();
    QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(m_instance.statusPageCode(), 0);
}

void TestStatusPage::monitorAddsThePageForTheRunAndTakesItBack()
{
    const QString started = m_instance.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QCOMPARE(m_instance.statusPageCode(), 404);

    QProcess cli;
    cli.setProcessEnvironment(TestPaths::cliEnvironment(m_dir.filePath(u"data"_s)));
    const QString csv = m_dir.filePath(u"monitor.csv"_s);
    cli.start(TestPaths::cliBinary(),
              {u"monitor"_s, u"--target"_s,
               u"ssh://%1@127.0.0.1:%2"_s.arg(m_sshd.user()).arg(m_sshd.port()), u"--identity"_s,
               m_sshd.clientKeyPath(), u"--known-hosts"_s, m_dir.filePath(u"known_hosts"_s),
               u"--instance"_s, m_instance.name(), u"--interval"_s, u"250"_s, u"--duration"_s,
               u"2"_s, u"--csv"_s, csv});
    QVERIFY(cli.waitForFinished(120000));
    const QString said = QString::fromUtf8(cli.readAllStandardError());
    const QString lines = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(cli.exitCode() == 0, qPrintable(said));
    QVERIFY2(said.contains(u"status page"_s), qPrintable(said));
    // mod_status answered during the run: every live line has the workers.
    const QStringList live = lines.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(live.size() >= 3, qPrintable(lines + said));
    for (const QString &line : live)
        QVERIFY2(line.contains(u" busy "_s) && line.contains(u" idle "_s), qPrintable(line));

    // Afterwards: the files as they were, Apache running, no status page.
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(m_instance.statusPageCode(), 404);
    QVERIFY(!QFile::exists(u"/var/lib/mpmlab/restore/etc-apache2-%1"_s.arg(m_instance.name())));
}

void TestStatusPage::switchesMpmOnARunningServerWithoutOne()
{
    if (m_instance.statusPageCode() == 0) {
        const QString started = m_instance.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }
    QCOMPARE(m_instance.statusPageCode(), 404);
    auto driver = connectDriver();
    QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().toString()));

    const Status switched = driver.value()->switchMpm(MpmKind::Worker);
    QVERIFY2(switched.ok(), qPrintable(switched.ok() ? QString() : switched.error().toString()));
    QCOMPARE(m_instance.runningMpm(), std::optional(MpmKind::Worker));

    // Restore cannot ask mod_status about the original: it checks the
    // parent's pid and the error log, and the original answers as before.
    const Status restored = driver.value()->restore();
    QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), m_originalManifest);
    QCOMPARE(m_instance.statusPageCode(), 404);
    const Result<ServerState> state = driver.value()->state();
    QVERIFY(state && state->running);
}

QTEST_GUILESS_MAIN(TestStatusPage)
#include "tst_statuspage.moc"
