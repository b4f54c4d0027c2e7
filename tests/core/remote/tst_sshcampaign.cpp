#include "TestDebianInstance.h"
#include "TestPaths.h"
#include "TestSshClient.h"
#include "TestSshd.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// A campaign through the SSH target, as on a real server: the private sshd
// on 127.0.0.1 onto a Debian private instance (its own config tree and a
// high loopback port, where the load goes). Each MPM is applied and
// sampled over SSH, and at the end the instance's files are as they were,
// its MPM runs again and no restore journal is left on the server.
class TestSshCampaign : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsOnTwoMpmsAndPutsTheServerBack();

private:
    TestSshd m_sshd;
    TestDebianInstance m_instance;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
};

void TestSshCampaign::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString created = m_instance.create();
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const QString sshd = m_sshd.start();
    QVERIFY2(sshd.isEmpty(), qPrintable(sshd));
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());
    const QString started = m_instance.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestSshCampaign::runsOnTwoMpmsAndPutsTheServerBack()
{
    const std::optional<MpmKind> original = m_instance.runningMpm();
    QVERIFY(original.has_value());
    const QString before = TestDebianInstance::manifest(m_instance.configDir());

    QProcess cli;
    cli.setProcessEnvironment(TestPaths::cliEnvironment(m_dir.filePath(u"data"_s)));
    const QString out = m_dir.filePath(u"campaign"_s);
    cli.start(TestPaths::cliBinary(),
              {u"campaign"_s, u"--scenario"_s, u"keep-alive"_s, u"--scale"_s, u"0.05"_s,
               u"--mpms"_s, u"prefork,event"_s, u"--target"_s,
               u"ssh://%1@127.0.0.1:%2"_s.arg(m_sshd.user()).arg(m_sshd.port()), u"--identity"_s,
               m_sshd.clientKeyPath(), u"--known-hosts"_s, m_dir.filePath(u"known_hosts"_s),
               u"--instance"_s, m_instance.name(), u"--out"_s, out, u"-q"_s});
    QVERIFY(cli.waitForFinished(240000));
    const QString said = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, qPrintable(said));

    QFile file(out + u"/campaign.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject campaign = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(campaign.value(u"target"_s)
                .toObject()
                .value(u"target"_s)
                .toString()
                .startsWith(u"ssh://"_s));
    const QJsonArray runs = campaign.value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const QString what = run.value(u"mpm"_s).toString();
        QVERIFY2(run.value(u"started"_s).toBool() && run.value(u"error"_s).toString().isEmpty(),
                 qPrintable(what + u": "_s + run.value(u"error"_s).toString()));
        const QJsonObject summary = run.value(u"summary"_s).toObject();
        // Load went to the instance and the server was sampled over SSH.
        QVERIFY2(summary.value(u"completed"_s).toDouble() > 0, qPrintable(what));
        QVERIFY2(summary.value(u"peakProcesses"_s).toDouble() >= 1, qPrintable(what));
        QVERIFY2(summary.value(u"peakRssKib"_s).toDouble() > 0, qPrintable(what));
    }
    QCOMPARE(runs.at(0).toObject().value(u"mpm"_s).toString(), u"prefork"_s);

    // The server as it was: the same files, the same MPM, no journal left.
    QCOMPARE(TestDebianInstance::manifest(m_instance.configDir()), before);
    QCOMPARE(m_instance.runningMpm(), original);
    QVERIFY(!QFile::exists(u"/var/lib/mpmlab/restore/etc-apache2-%1"_s.arg(m_instance.name())));
}

QTEST_GUILESS_MAIN(TestSshCampaign)
#include "tst_sshcampaign.moc"
