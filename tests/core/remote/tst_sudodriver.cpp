#include "TestDebianInstance.h"
#include "TestPaths.h"
#include "TestSshClient.h"
#include "TestSshd.h"
#include "TestSudoUser.h"
#include "remote/SshShell.h"
#include "ssh/RemoteApacheDriver.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The SSH driver as most servers are run: logged in as an account that is
// not root, changing Apache through sudo. A TestSudoUser account logs in to
// the private sshd and drives a Debian private instance (root's parent,
// www-data's children): an MPM switch, directives set and a restore,
// first through the driver with sudo's password on its stdin, then
// through `mpmlab-cli server ... --sudo` with passwordless sudo (no
// terminal to ask on). Each time the tree ends byte-identical to what it
// was, owners and modes included, and the original MPM runs again.
class TestSudoDriver : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void switchesSetsAndRestoresThroughSudo();
    void cliDoesTheSameWithSudo();

private:
    // A new account (sudo asking for its password, or not) and a new
    // instance, started, with its tree and MPM before any change. Empty on
    // success, else what failed.
    QString prepare(bool passwordlessSudo);
    [[nodiscard]] QStringList cliTarget() const;
    [[nodiscard]] std::unique_ptr<QProcess> cli(const QStringList &arguments) const;

    TestSshd m_sshd;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
    // Each test's own, from prepare() to cleanup().
    std::unique_ptr<TestSudoUser> m_account;
    std::unique_ptr<TestDebianInstance> m_instance;
    QString m_originalTree;
    std::optional<MpmKind> m_originalMpm;
};

namespace {

QString errorText(const Status &status) { return status ? QString() : status.error().toString(); }

// An MPM other than `mpm`, to switch to.
MpmKind another(MpmKind mpm)
{
    return mpm == MpmKind::Prefork ? MpmKind::Worker : MpmKind::Prefork;
}

} // namespace

void TestSudoDriver::initTestCase()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    const QString started = m_sshd.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_sshd.openToOtherAccounts());
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());
}

void TestSudoDriver::cleanup()
{
    m_instance.reset();
    m_account.reset();
}

QString TestSudoDriver::prepare(bool passwordlessSudo)
{
    m_account = std::make_unique<TestSudoUser>();
    if (QString error = m_account->create(passwordlessSudo); !error.isEmpty())
        return error;
    m_instance = std::make_unique<TestDebianInstance>();
    if (QString error = m_instance->create(); !error.isEmpty())
        return error;
    if (QString error = m_instance->start(); !error.isEmpty())
        return error;
    m_originalTree = TestDebianInstance::manifest(m_instance->configDir());
    m_originalMpm = m_instance->runningMpm();
    return m_originalMpm ? QString() : u"mod_status of the new instance names no MPM"_s;
}

void TestSudoDriver::switchesSetsAndRestoresThroughSudo()
{
    const QString prepared = prepare(false);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    const TestDebianInstance &instance = *m_instance;

    auto session = m_client->connectAs(m_account->name());
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
    auto shell =
        SshShell::open(std::move(session).value(), {true, m_account->password(), {}}, 120s);
    QVERIFY2(shell.ok(), qPrintable(shell.ok() ? QString() : shell.error().toString()));
    RemoteApacheOptions options;
    options.configDir = instance.configDir();
    options.clientJournalDir = m_dir.filePath(u"journals"_s);
    options.settleDelay = 500ms;
    auto opened = RemoteApacheDriver::open(std::move(shell).value(), options);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    RemoteApacheDriver &driver = **opened;
    QVERIFY(driver.canChange());

    const MpmKind other = another(*m_originalMpm);
    const Status switched = driver.switchMpm(other);
    QVERIFY2(switched, qPrintable(errorText(switched)));
    QCOMPARE(instance.runningMpm(), other);
    QCOMPARE(QDir(instance.configDir() + u"/mods-enabled"_s).entryList({u"mpm_*.load"_s}),
             QStringList{u"mpm_%1.load"_s.arg(mpmName(other))});

    DirectiveSet changes;
    changes.set(u"KeepAliveTimeout"_s, u"2"_s);
    changes.set(u"MaxRequestWorkers"_s, u"40"_s);
    const Result<QStringList> set = driver.setDirectives(changes);
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
    const Result<DirectiveSet> read = driver.directives();
    QVERIFY(read.ok());
    QCOMPARE(read->value(u"KeepAliveTimeout"_s), std::optional<QString>(u"2"_s));
    QCOMPARE(read->value(u"MaxRequestWorkers"_s), std::optional<QString>(u"40"_s));
    // Written through sudo: root's file, like every other one in the tree.
    const QFileInfo managed(instance.configDir() + u"/conf-enabled/zz-mpmlab.conf"_s);
    QVERIFY(managed.exists());
    QCOMPARE(managed.ownerId(), 0u);
    QCOMPARE(instance.runningMpm(), other);

    const Status restored = driver.restore();
    QVERIFY2(restored, qPrintable(errorText(restored)));
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), m_originalTree);
    QCOMPARE(instance.runningMpm(), m_originalMpm);
    const Result<bool> pending = driver.restorePending();
    QVERIFY(pending.ok());
    QVERIFY(!*pending);
    QVERIFY(QDir(options.clientJournalDir).isEmpty());
}

QStringList TestSudoDriver::cliTarget() const
{
    return {
        u"--target"_s,      u"ssh://%1@127.0.0.1:%2"_s.arg(m_account->name()).arg(m_sshd.port()),
        u"--identity"_s,    m_sshd.clientKeyPath(),
        u"--known-hosts"_s, m_client->knownHostsPath(),
        u"--instance"_s,    m_instance->name()};
}

std::unique_ptr<QProcess> TestSudoDriver::cli(const QStringList &arguments) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(TestPaths::cliEnvironment(m_dir.filePath(u"data"_s)));
    process->start(TestPaths::cliBinary(), QStringList{u"server"_s} + arguments);
    process->waitForFinished(180000);
    return process;
}

void TestSudoDriver::cliDoesTheSameWithSudo()
{
    const QString prepared = prepare(true);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    const TestDebianInstance &instance = *m_instance;
    const QStringList target = cliTarget();
    const MpmKind other = another(*m_originalMpm);

    // Without --sudo the login user may look, not change.
    const auto refused = cli(QStringList{u"set-mpm"_s, mpmName(other)} + target);
    const QString why = QString::fromUtf8(refused->readAllStandardError());
    QVERIFY2(refused->exitCode() != 0, qPrintable(why));
    QVERIFY2(why.contains(u"--sudo"_s), qPrintable(why));
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), m_originalTree);

    const QStringList withSudo = target + QStringList{u"--sudo"_s};
    const auto switched = cli(QStringList{u"set-mpm"_s, mpmName(other)} + withSudo);
    QVERIFY2(switched->exitCode() == 0, switched->readAllStandardError().constData());
    QCOMPARE(instance.runningMpm(), other);

    const auto set = cli(QStringList{u"set"_s, u"KeepAliveTimeout=2"_s} + withSudo);
    QVERIFY2(set->exitCode() == 0, set->readAllStandardError().constData());
    const auto status = cli(QStringList{u"status"_s, u"--json"_s} + withSudo);
    QVERIFY2(status->exitCode() == 0, status->readAllStandardError().constData());
    const QJsonObject json = QJsonDocument::fromJson(status->readAllStandardOutput()).object();
    QCOMPARE(json.value(u"runningMpm"_s).toString(), mpmName(other));
    QCOMPARE(json.value(u"directives"_s).toObject().value(u"KeepAliveTimeout"_s).toString(),
             u"2"_s);
    QVERIFY(json.value(u"restorePending"_s).toBool());

    const auto restored = cli(QStringList{u"restore"_s} + withSudo);
    QVERIFY2(restored->exitCode() == 0, restored->readAllStandardError().constData());
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), m_originalTree);
    QCOMPARE(instance.runningMpm(), m_originalMpm);
    QVERIFY(!QFile::exists(u"/var/lib/mpmlab/restore/etc-apache2-%1"_s.arg(instance.name())));
}

QTEST_GUILESS_MAIN(TestSudoDriver)
#include "tst_sudodriver.moc"
