#include "TestSshd.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

// The private sshd helper that the SSH issues build on: it must accept the
// generated client key, present the generated host key, and refuse others.
class TestTestSshd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptsTheGeneratedKey();
    void refusesAnotherKey();

private:
    static QString writeKnownHosts(const TestSshd &sshd);
    static QProcess *ssh(const TestSshd &sshd, const QString &key, const QString &knownHosts,
                         const QString &command);
};

QProcess *TestTestSshd::ssh(const TestSshd &sshd, const QString &key, const QString &knownHosts,
                            const QString &command)
{
    auto *process = new QProcess;
    process->start(u"ssh"_s,
                   {u"-F"_s, u"/dev/null"_s, u"-i"_s, key, u"-p"_s, QString::number(sshd.port()),
                    u"-o"_s, u"BatchMode=yes"_s, u"-o"_s, u"IdentitiesOnly=yes"_s, u"-o"_s,
                    u"StrictHostKeyChecking=yes"_s, u"-o"_s, u"UserKnownHostsFile="_s + knownHosts,
                    sshd.user() + u"@127.0.0.1"_s, command});
    process->waitForFinished(20000);
    return process;
}

QString TestTestSshd::writeKnownHosts(const TestSshd &sshd)
{
    const QString path = sshd.dir() + u"/known_hosts"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(sshd.knownHostsLine().toLatin1() + '\n');
    return path;
}

void TestTestSshd::acceptsTheGeneratedKey()
{
    TestSshd sshd;
    const QString error = sshd.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString knownHosts = writeKnownHosts(sshd);
    QVERIFY(!knownHosts.isEmpty());

    std::unique_ptr<QProcess> run(
        ssh(sshd, sshd.clientKeyPath(), knownHosts, u"echo mpmlab-$((6*7))"_s));
    QCOMPARE(run->exitCode(), 0);
    QCOMPARE(run->readAllStandardOutput().trimmed(), QByteArray("mpmlab-42"));
}

void TestTestSshd::refusesAnotherKey()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    const QString strangerKey = sshd.dir() + u"/stranger"_s;
    QVERIFY(QProcess::execute(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                                u"-f"_s, strangerKey})
            == 0);
    const QString knownHosts = writeKnownHosts(sshd);
    std::unique_ptr<QProcess> run(ssh(sshd, strangerKey, knownHosts, u"true"_s));
    QCOMPARE(run->exitCode(), 255);
    // Refused for the key, not for the host: the host key was known.
    QVERIFY(run->readAllStandardError().contains("Permission denied"));
}

QTEST_GUILESS_MAIN(TestTestSshd)
#include "tst_testsshd.moc"
