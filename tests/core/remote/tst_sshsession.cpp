#include "TestSshd.h"
#include "remote/ResidentShell.h"
#include "remote/ShellQuote.h"
#include "remote/SshSession.h"
#include "remote/SshShell.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// libssh sessions against a real OpenSSH server on 127.0.0.1: commands and
// exit statuses, host-key policy (unknown, confirmed, changed), and each way
// a login is refused.
class TestSshSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsCommandsWithOutputAndExitStatus();
    void feedsStdinAndStreams();
    void quotingSurvivesHostileValues();
    void commandTimeoutIsReported();
    void connectTimeoutIsReported();
    void refusesUnknownHostKeyWithoutConfirmation();
    void acceptsConfirmedHostKeyAndRemembersIt();
    void refusesChangedHostKey();
    void refusesWrongKey();
    void refusesWrongPassword();
    void keyWithPassphrase();
    void trustsAHostKeyThisTimeOnly();
    void asksForThePassphrase();
    void stopEndsAWaitingConnect();
    void namesARefusedConnection();
    void rootShellNeedsNoSudo();
    void residentShellKeepsEachScriptApart();
    void residentShellIsReplacedAfterATimeout();

private:
    [[nodiscard]] HostKeyPolicy knownPolicy() const;
    [[nodiscard]] SshCredentials keyCredentials() const;
    [[nodiscard]] SshTarget target(quint16 port) const;
    static QString fingerprintOf(const QString &publicKeyFile);
    static bool makeKey(const QString &path, const QString &passphrase);
    // Starts `sshd` with the key `key` authorised too; the policy that
    // knows its host key (in `dir`), empty files on failure.
    static HostKeyPolicy serverTrusting(const QString &key, TestSshd &sshd,
                                        const QTemporaryDir &dir);

    TestSshd m_sshd;
    QTemporaryDir m_dir;
};

QString TestSshSession::fingerprintOf(const QString &publicKeyFile)
{
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s, {u"-E"_s, u"sha256"_s, u"-lf"_s, publicKeyFile});
    keygen.waitForFinished(10000);
    return QString::fromLatin1(keygen.readAllStandardOutput().split(' ').value(1));
}

bool TestSshSession::makeKey(const QString &path, const QString &passphrase)
{
    return QProcess::execute(u"ssh-keygen"_s,
                             {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, passphrase, u"-f"_s, path})
           == 0;
}

HostKeyPolicy TestSshSession::serverTrusting(const QString &key, TestSshd &sshd,
                                             const QTemporaryDir &dir)
{
    if (!sshd.start().isEmpty())
        return {};
    QFile authorized(sshd.dir() + u"/authorized_keys"_s);
    QFile pub(key + u".pub"_s);
    if (!authorized.open(QIODevice::Append) || !pub.open(QIODevice::ReadOnly))
        return {};
    authorized.write(pub.readAll());
    authorized.close();
    QFile known(dir.filePath(u"known_hosts"_s));
    if (!known.open(QIODevice::WriteOnly))
        return {};
    known.write(sshd.knownHostsLine().toLatin1() + '\n');
    known.close();
    HostKeyPolicy policy;
    policy.userKnownHostsFile = known.fileName();
    policy.mpmlabKnownHostsFile = dir.filePath(u"mpmlab_known_hosts"_s);
    return policy;
}

void TestSshSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString error = m_sshd.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile knownHosts(m_dir.filePath(u"known_hosts"_s));
    QVERIFY(knownHosts.open(QIODevice::WriteOnly));
    knownHosts.write(m_sshd.knownHostsLine().toLatin1() + '\n');
}

HostKeyPolicy TestSshSession::knownPolicy() const
{
    HostKeyPolicy policy;
    policy.userKnownHostsFile = m_dir.filePath(u"known_hosts"_s);
    policy.mpmlabKnownHostsFile = m_dir.filePath(u"mpmlab_known_hosts"_s);
    return policy;
}

SshCredentials TestSshSession::keyCredentials() const
{
    SshCredentials credentials;
    credentials.identityFile = m_sshd.clientKeyPath();
    credentials.useAgent = false;
    credentials.connectTimeout = 10s;
    return credentials;
}

SshTarget TestSshSession::target(quint16 port) const
{
    return SshTarget{m_sshd.user(), u"127.0.0.1"_s, port};
}

void TestSshSession::runsCommandsWithOutputAndExitStatus()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
    QCOMPARE((*session)->hostKeyFingerprint(), fingerprintOf(m_sshd.hostPublicKeyPath()));

    const Result<ProcessOutput> out =
        (*session)->run(u"echo to-out; echo to-err >&2; exit 7"_s, {}, 10s);
    QVERIFY(out.ok());
    QCOMPARE(out->exitCode, 7);
    QCOMPARE(out->standardOutput, QByteArray("to-out\n"));
    QCOMPARE(out->standardError, QByteArray("to-err\n"));

    // The same session runs the next command: channels are per command.
    const Result<ProcessOutput> second = (*session)->run(u"expr 6 \\* 7"_s, {}, 10s);
    QVERIFY(second.ok());
    QCOMPARE(second->exitCode, 0);
    QCOMPARE(second->standardOutput.trimmed(), QByteArray("42"));
    QVERIFY((*session)->sendKeepAlive().ok());
}

void TestSshSession::feedsStdinAndStreams()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY(session.ok());
    // 1 MiB through stdin and back: more than one SSH window.
    QByteArray big(1 << 20, 'x');
    for (int i = 0; i < big.size(); i += 1000)
        big[i] = char('a' + (i / 1000) % 26);
    const Result<ProcessOutput> echoed = (*session)->run(u"cat"_s, big, 30s);
    QVERIFY(echoed.ok());
    QCOMPARE(echoed->standardOutput.size(), big.size());
    QVERIFY(echoed->standardOutput == big);

    QList<QByteArray> chunks;
    const Result<ProcessOutput> streamed =
        (*session)->stream(u"for i in 1 2 3; do echo line$i; sleep 0.2; done"_s, {}, 10s,
                           [&chunks](const QByteArray &chunk) { chunks.append(chunk); });
    QVERIFY(streamed.ok());
    QCOMPARE(streamed->exitCode, 0);
    QVERIFY(streamed->standardOutput.isEmpty());
    QCOMPARE(chunks.join(), QByteArray("line1\nline2\nline3\n"));
    // Output came while the command ran, not at the end in one piece.
    QVERIFY(chunks.size() >= 2);
}

void TestSshSession::quotingSurvivesHostileValues()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY(session.ok());
    const QStringList hostile{u"plain"_s,     u"two words"_s, u"it's"_s,   u"a;reboot"_s,
                              u"$(id -u)"_s,  u"`id`"_s,      u"\"dq\""_s, u"back\\slash"_s,
                              u"new\nline"_s, u"*"_s,         u"-n"_s,     u"'';'"_s};
    for (const QString &value : hostile) {
        const Result<ProcessOutput> out =
            (*session)->run(shellCommand({u"printf"_s, u"%s"_s, value}), {}, 10s);
        QVERIFY(out.ok());
        QCOMPARE(QString::fromUtf8(out->standardOutput), value);
    }
}

void TestSshSession::commandTimeoutIsReported()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY(session.ok());
    const Result<ProcessOutput> out = (*session)->run(u"sleep 20"_s, {}, 500ms);
    QVERIFY(!out.ok());
    QCOMPARE(out.error().kind, Error::Kind::Timeout);
}

void TestSshSession::connectTimeoutIsReported()
{
    // A listener that never speaks: the kernel completes the TCP handshake,
    // no SSH banner ever comes (a hung server, a wrong port behind a proxy).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    SshCredentials credentials = keyCredentials();
    credentials.connectTimeout = 1s;
    const auto session =
        SshSession::connect(target(silent.serverPort()), credentials, knownPolicy());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().kind, Error::Kind::Timeout);
    QVERIFY2(session.error().message.contains(u"did not answer within 1 s"_s),
             qPrintable(session.error().message));
}

void TestSshSession::refusesUnknownHostKeyWithoutConfirmation()
{
    HostKeyPolicy policy;
    policy.userKnownHostsFile = m_dir.filePath(u"absent_user_known_hosts"_s);
    policy.mpmlabKnownHostsFile = m_dir.filePath(u"absent_mpmlab_known_hosts"_s);
    bool asked = false;
    policy.confirmUnknown = [&asked](const UnknownHostKey &) {
        asked = true;
        return HostKeyTrust::Refuse;
    };
    const auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), policy);
    QVERIFY(!session.ok());
    QVERIFY(asked);
    QCOMPARE(session.error().kind, Error::Kind::HostKey);
    QVERIFY(session.error().message.contains(u"unknown"_s));
    QVERIFY(session.error().message.contains(fingerprintOf(m_sshd.hostPublicKeyPath())));
    QVERIFY(!QFile::exists(policy.mpmlabKnownHostsFile));

    // No callback at all: refused as well.
    policy.confirmUnknown = {};
    QVERIFY(!SshSession::connect(target(m_sshd.port()), keyCredentials(), policy).ok());
}

void TestSshSession::acceptsConfirmedHostKeyAndRemembersIt()
{
    QTemporaryDir dir;
    HostKeyPolicy policy;
    policy.userKnownHostsFile = dir.filePath(u"user_known_hosts"_s);
    policy.mpmlabKnownHostsFile = dir.filePath(u"sub/mpmlab_known_hosts"_s);
    UnknownHostKey shown;
    policy.confirmUnknown = [&shown](const UnknownHostKey &key) {
        shown = key;
        return HostKeyTrust::Remember;
    };
    {
        const auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), policy);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
    }
    QCOMPARE(shown.fingerprint, fingerprintOf(m_sshd.hostPublicKeyPath()));
    QCOMPARE(shown.keyType, u"ssh-ed25519"_s);
    QCOMPARE(shown.port, m_sshd.port());
    QVERIFY(QFile::exists(policy.mpmlabKnownHostsFile));
    QVERIFY(!QFile::exists(policy.userKnownHostsFile));

    // Now known: no question asked.
    policy.confirmUnknown = [](const UnknownHostKey &) { return HostKeyTrust::Refuse; };
    const auto again = SshSession::connect(target(m_sshd.port()), keyCredentials(), policy);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
}

void TestSshSession::refusesChangedHostKey()
{
    // known_hosts names another ed25519 key for this host and port.
    const QString otherKey = m_dir.filePath(u"other_host_key"_s);
    QVERIFY(makeKey(otherKey, QString()));
    QFile pub(otherKey + u".pub"_s);
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QList<QByteArray> parts = pub.readAll().split(' ');
    const QString knownHostsPath = m_dir.filePath(u"changed_known_hosts"_s);
    QFile known(knownHostsPath);
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write("[127.0.0.1]:" + QByteArray::number(m_sshd.port()) + ' ' + parts.at(0) + ' '
                + parts.at(1) + '\n');
    known.close();

    HostKeyPolicy policy;
    policy.userKnownHostsFile = knownHostsPath;
    policy.mpmlabKnownHostsFile = m_dir.filePath(u"changed_mpmlab_known_hosts"_s);
    bool asked = false;
    policy.confirmUnknown = [&asked](const UnknownHostKey &) {
        asked = true;
        return HostKeyTrust::Remember; // even a caller that accepts anything cannot override a
                                       // change
    };
    policy.trustedFingerprint = fingerprintOf(m_sshd.hostPublicKeyPath()); // nor one it trusted
    const auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), policy);
    QVERIFY(!session.ok());
    QVERIFY(!asked);
    const QString message = session.error().message;
    QVERIFY2(message.contains(u"CHANGED"_s), qPrintable(message));
    QVERIFY2(message.contains(fingerprintOf(otherKey + u".pub"_s)), qPrintable(message));
    QVERIFY2(message.contains(fingerprintOf(m_sshd.hostPublicKeyPath())), qPrintable(message));
}

void TestSshSession::refusesWrongKey()
{
    const QString stranger = m_dir.filePath(u"stranger"_s);
    QVERIFY(makeKey(stranger, QString()));
    SshCredentials credentials = keyCredentials();
    credentials.identityFile = stranger;
    const auto session = SshSession::connect(target(m_sshd.port()), credentials, knownPolicy());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(session.error().message.contains(u"refused the login"_s),
             qPrintable(session.error().message));
    QVERIFY(session.error().message.contains(stranger));

    credentials.identityFile = m_dir.filePath(u"no-such-key"_s);
    const auto missing = SshSession::connect(target(m_sshd.port()), credentials, knownPolicy());
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(u"cannot read the identity file"_s));
}

void TestSshSession::refusesWrongPassword()
{
    TestSshd withPasswords;
    withPasswords.setPasswordAuthentication(true);
    QVERIFY(withPasswords.start().isEmpty());
    QTemporaryDir dir;
    QFile known(dir.filePath(u"known_hosts"_s));
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write(withPasswords.knownHostsLine().toLatin1() + '\n');
    known.close();
    HostKeyPolicy policy;
    policy.userKnownHostsFile = known.fileName();
    policy.mpmlabKnownHostsFile = dir.filePath(u"mpmlab_known_hosts"_s);

    SshCredentials credentials;
    credentials.useAgent = false;
    credentials.password =
        u"certainly-not-the-password-%1"_s.arg(QCoreApplication::applicationPid());
    const auto session = SshSession::connect(target(withPasswords.port()), credentials, policy);
    QVERIFY(!session.ok());
    QCOMPARE(session.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(session.error().message.contains(u"tried: password"_s),
             qPrintable(session.error().message));
    QVERIFY(!session.error().message.contains(credentials.password));
}

void TestSshSession::keyWithPassphrase()
{
    const QString key = m_dir.filePath(u"locked"_s);
    QVERIFY(makeKey(key, u"open sesame"_s));
    TestSshd sshd;
    QTemporaryDir dir;
    const HostKeyPolicy policy = serverTrusting(key, sshd, dir);
    QVERIFY(!policy.userKnownHostsFile.isEmpty());

    SshCredentials credentials = keyCredentials();
    credentials.identityFile = key;
    credentials.passphrase = u"wrong"_s;
    const auto refused = SshSession::connect(target(sshd.port()), credentials, policy);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"wrong passphrase"_s),
             qPrintable(refused.error().message));

    credentials.passphrase = u"open sesame"_s;
    const auto accepted = SshSession::connect(target(sshd.port()), credentials, policy);
    QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().message));
}

void TestSshSession::trustsAHostKeyThisTimeOnly()
{
    QTemporaryDir dir;
    HostKeyPolicy policy;
    policy.userKnownHostsFile = dir.filePath(u"user_known_hosts"_s);
    policy.mpmlabKnownHostsFile = dir.filePath(u"mpmlab_known_hosts"_s);
    int asked = 0;
    policy.confirmUnknown = [&asked](const UnknownHostKey &) {
        ++asked;
        return HostKeyTrust::ThisTime;
    };
    const auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), policy);
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
    QCOMPARE(asked, 1);
    // Nothing remembered: the next connection asks again...
    QVERIFY(!QFile::exists(policy.mpmlabKnownHostsFile));
    QVERIFY(SshSession::connect(target(m_sshd.port()), keyCredentials(), policy).ok());
    QCOMPARE(asked, 2);
    // ...unless it is told the key trusted for this target (the sampler's).
    policy.trustedFingerprint = (*session)->hostKeyFingerprint();
    QVERIFY(SshSession::connect(target(m_sshd.port()), keyCredentials(), policy).ok());
    QCOMPARE(asked, 2);
    // A trusted fingerprint that is not this server's key trusts nothing.
    policy.trustedFingerprint = u"SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    policy.confirmUnknown = {};
    const auto refused = SshSession::connect(target(m_sshd.port()), keyCredentials(), policy);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::HostKey);
}

void TestSshSession::asksForThePassphrase()
{
    const QString key = m_dir.filePath(u"asked-locked"_s);
    QVERIFY(makeKey(key, u"open sesame"_s));
    TestSshd sshd;
    QTemporaryDir dir;
    const HostKeyPolicy policy = serverTrusting(key, sshd, dir);
    QVERIFY(!policy.userKnownHostsFile.isEmpty());

    SshCredentials credentials = keyCredentials();
    credentials.identityFile = key;
    QList<SecretRequest> asked;
    credentials.askSecret = [&asked](const SecretRequest &request) -> std::optional<QString> {
        asked << request;
        return asked.size() == 1 ? u"wrong"_s : u"open sesame"_s;
    };
    const auto session = SshSession::connect(target(sshd.port()), credentials, policy);
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked[0].kind, SecretRequest::Kind::Passphrase);
    QCOMPARE(asked[0].about, key);
    QVERIFY(!asked[0].again);
    QVERIFY(asked[1].again);

    // An unencrypted key asks nothing.
    asked.clear();
    credentials.identityFile = m_sshd.clientKeyPath();
    QVERIFY(SshSession::connect(target(m_sshd.port()), credentials, knownPolicy()).ok());
    QVERIFY(asked.isEmpty());
}

void TestSshSession::stopEndsAWaitingConnect()
{
    // A server that never speaks, a long timeout, and a user who cancels.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    SshCredentials credentials = keyCredentials();
    credentials.connectTimeout = 30s;
    std::stop_source stop;
    QTimer::singleShot(300, [&stop] { stop.request_stop(); });
    QElapsedTimer clock;
    clock.start();
    Result<std::unique_ptr<SshSession>> session = Error{};
    QThread *connecting = QThread::create([&] {
        session = SshSession::connect(target(silent.serverPort()), credentials, knownPolicy(),
                                      stop.get_token());
    });
    connecting->start();
    QTRY_VERIFY_WITH_TIMEOUT(connecting->isFinished(), 5000);
    delete connecting;
    QVERIFY(!session.ok());
    QCOMPARE(session.error().kind, Error::Kind::Cancelled);
    QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
}

void TestSshSession::namesARefusedConnection()
{
    // A port nobody listens on: the sentence says what to check.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closed = probe.serverPort();
    probe.close();
    const auto session = SshSession::connect(target(closed), keyCredentials(), knownPolicy());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().kind, Error::Kind::Network);
    QVERIFY2(session.error().message.contains(u"refused the connection on port %1"_s.arg(closed)),
             qPrintable(session.error().toString()));
    QVERIFY2(session.error().message.contains(u"is sshd running"_s),
             qPrintable(session.error().message));
}

void TestSshSession::rootShellNeedsNoSudo()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY(session.ok());
    const bool isRoot = m_sshd.user() == u"root"_s;
    auto shell = SshShell::open(std::move(session).value(), {}, 10s);
    if (!isRoot) {
        QVERIFY(!shell.ok());
        QVERIFY(shell.error().message.contains(u"--sudo"_s));
        return;
    }
    QVERIFY2(shell.ok(), qPrintable(shell.ok() ? QString() : shell.error().message));
    const Result<ProcessOutput> id = (*shell)->runAsRoot(u"id -u; cat"_s, "stdin-data");
    QVERIFY(id.ok());
    QCOMPARE(id->standardOutput, QByteArray("0\nstdin-data"));

    // Upload then download: byte for byte, atomically replaced.
    const QString path = m_dir.filePath(u"uploaded file's name"_s);
    const QByteArray contents("line 1\n\0binary\xff\n", 16);
    QVERIFY((*shell)->uploadAsRoot(path, contents).ok());
    const Result<QByteArray> back = (*shell)->downloadAsRoot(path);
    QVERIFY(back.ok());
    QCOMPARE(*back, contents);
    QVERIFY(!QFile::exists(path + u".mpmlab-new"_s));
}

void TestSshSession::residentShellKeepsEachScriptApart()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY(session.ok());
    auto shell = ResidentShell::start(**session, 10s);
    QVERIFY2(shell.ok(), qPrintable(shell.ok() ? QString() : shell.error().message));
    ResidentShell &resident = **shell;

    // Every byte value through stdin and back, and the streams apart.
    QByteArray everyByte;
    for (int b = 0; b < 256; ++b)
        everyByte += char(b);
    const Result<ProcessOutput> echoed =
        resident.run(u"cat; echo to-err >&2; exit 3"_s, everyByte, 10s);
    QVERIFY(echoed.ok());
    QCOMPARE(echoed->exitCode, 3);
    QCOMPARE(echoed->standardOutput, everyByte);
    QCOMPARE(echoed->standardError, QByteArray("to-err\n"));

    // More than one SSH window of input, sent in one write.
    const Result<ProcessOutput> counted = resident.run(u"wc -c"_s, QByteArray(3 << 20, 'z'), 30s);
    QVERIFY(counted.ok());
    QCOMPARE(counted->standardOutput.trimmed(), QByteArray::number(3 << 20));

    // A script that reads stdin reads its own input, not the next request.
    const Result<ProcessOutput> reader =
        resident.run(u"read first; echo \"got $first\"; cat >/dev/null"_s, "one\ntwo\n", 10s);
    QVERIFY(reader.ok());
    QCOMPARE(reader->standardOutput, QByteArray("got one\n"));

    // Each script is its own /bin/sh: no variable, directory or exit leaks.
    QVERIFY(resident.run(u"MPMLAB_LEAK=1; cd /; exit 0"_s, {}, 10s).ok());
    const Result<ProcessOutput> fresh =
        resident.run(u"echo \"${MPMLAB_LEAK:-unset}\"; [ \"$PWD\" != / ] && echo moved"_s, {}, 10s);
    QVERIFY(fresh.ok());
    QCOMPARE(fresh->standardOutput, QByteArray("unset\nmoved\n"));

    // More than one SSH window of output, and a script containing the
    // protocol's own words.
    const Result<ProcessOutput> large = resident.run(
        u"head -c 3000000 /dev/zero | tr '\\0' y; echo MPMLAB_DONE_99 0 0 0"_s, {}, 30s);
    QVERIFY(large.ok());
    QCOMPARE(large->standardOutput.size(),
             3000000 + qsizetype(sizeof("MPMLAB_DONE_99 0 0 0\n")) - 1);
    QVERIFY(large->standardOutput.startsWith("yyyy"));
    QVERIFY(large->standardOutput.endsWith("MPMLAB_DONE_99 0 0 0\n"));

    // A background child neither holds the answer up nor writes into the
    // next script's output.
    QElapsedTimer clock;
    clock.start();
    const Result<ProcessOutput> detached =
        resident.run(u"(sleep 1; echo late; sleep 1; echo later) & echo now"_s, {}, 10s);
    QVERIFY(detached.ok());
    QCOMPARE(detached->standardOutput, QByteArray("now\n"));
    // Held up, it would take the child's 2 s.
    QVERIFY2(clock.elapsed() < 1900, qPrintable(QString::number(clock.elapsed())));
    const Result<ProcessOutput> next = resident.run(u"sleep 2.5; echo next"_s, {}, 10s);
    QVERIFY(next.ok());
    QCOMPARE(next->standardOutput, QByteArray("next\n"));
    QVERIFY(resident.isUsable());

    // What it is for: a step costs one round trip, not a login shell's
    // start. Printed, not asserted (a busy machine would flake).
    constexpr int steps = 10;
    clock.restart();
    for (int i = 0; i < steps; ++i)
        QVERIFY(resident.run(u"true"_s, {}, 10s).ok());
    const qint64 residentMs = clock.elapsed();
    clock.restart();
    for (int i = 0; i < steps; ++i)
        QVERIFY((*session)->run(u"true"_s, {}, 10s).ok());
    qInfo("%d steps: %lld ms in the resident shell, %lld ms with a channel each", steps, residentMs,
          clock.elapsed());
}

void TestSshSession::residentShellIsReplacedAfterATimeout()
{
    auto session = SshSession::connect(target(m_sshd.port()), keyCredentials(), knownPolicy());
    QVERIFY(session.ok());
    auto shell = ResidentShell::start(**session, 10s);
    QVERIFY(shell.ok());
    const Result<ProcessOutput> slow = (*shell)->run(u"sleep 20"_s, {}, 500ms);
    QVERIFY(!slow.ok());
    QCOMPARE(slow.error().kind, Error::Kind::Timeout);
    QVERIFY(!(*shell)->isUsable());
    QVERIFY(!(*shell)->run(u"true"_s, {}, 10s).ok());

    std::stop_source stop;
    auto second = ResidentShell::start(**session, 10s);
    QVERIFY(second.ok());
    QElapsedTimer clock;
    clock.start();
    const Result<ProcessOutput> cancelled = [&] {
        // The stop token is read between reads: request it from another thread.
        std::jthread stopper([&stop] {
            std::this_thread::sleep_for(300ms);
            stop.request_stop();
        });
        return (*second)->run(u"sleep 20"_s, {}, 30s, stop.get_token());
    }();
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
    QVERIFY(clock.elapsed() < 5000);

    // The SSH shell a driver uses starts a new resident shell by itself.
    if (m_sshd.user() != u"root"_s)
        return; // the sudo path is tst_sudo's
    auto root = SshShell::open(std::move(session).value(), {}, 800ms);
    QVERIFY(root.ok());
    QVERIFY(!(*root)->runAsRoot(u"sleep 5"_s).ok());
    const Result<ProcessOutput> after = (*root)->runAsRoot(u"echo back"_s);
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().message));
    QCOMPARE(after->standardOutput, QByteArray("back\n"));
}

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
