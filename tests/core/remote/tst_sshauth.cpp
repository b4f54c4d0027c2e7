#include "TestSshd.h"
#include "TestSudoUser.h"
#include "remote/SshSession.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

namespace {

// Every message Qt logging sees while a login runs, to prove no secret is
// written to a log line.
QStringList g_logged;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logged << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString errorText(const Result<std::unique_ptr<SshSession>> &session)
{
    return session ? QString() : session.error().toString();
}

} // namespace

// The login methods other than a key file, each through a real private sshd:
// a password (sshd's own check), keyboard-interactive through PAM, and a
// private ssh-agent, each with its refusal.
class TestSshAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void passwordLogin();
    void keyboardInteractiveThroughPam();
    void passwordAskedWhenTheServerWantsOne();
    void agentLogin();
    void agentWithoutMatchingKey();

private:
    Result<std::unique_ptr<SshSession>> connect(const TestSshd &sshd, const QString &user,
                                                const SshCredentials &credentials);
    QString startAgent(QProcess &agent, const QString &socket);
    QString runWithAgent(const QString &socket, const QString &program,
                         const QStringList &arguments);

    QTemporaryDir m_dir;
};

void TestSshAuth::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestSshAuth::init()
{
    g_logged.clear();
    g_previousHandler = qInstallMessageHandler(recordMessage);
}

void TestSshAuth::cleanup()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
}

Result<std::unique_ptr<SshSession>> TestSshAuth::connect(const TestSshd &sshd, const QString &user,
                                                         const SshCredentials &credentials)
{
    const QString knownHosts = m_dir.filePath(u"known_hosts-%1"_s.arg(sshd.port()));
    QFile known(knownHosts);
    if (known.open(QIODevice::WriteOnly))
        known.write(sshd.knownHostsLine().toLatin1() + '\n');
    known.close();
    HostKeyPolicy policy;
    policy.userKnownHostsFile = knownHosts;
    policy.mpmlabKnownHostsFile = m_dir.filePath(u"mpmlab_known_hosts"_s);
    return SshSession::connect(SshTarget{user, u"127.0.0.1"_s, sshd.port()}, credentials, policy);
}

void TestSshAuth::passwordLogin()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestSudoUser account;
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    TestSshd sshd;
    sshd.setPasswordAuthentication(true);
    QVERIFY(sshd.start().isEmpty());

    SshCredentials credentials;
    credentials.useAgent = false;
    credentials.password = account.password();
    auto session = connect(sshd, account.name(), credentials);
    QVERIFY2(session.ok(), qPrintable(errorText(session) + u"\n"_s + sshd.logText()));
    const Result<ProcessOutput> out = (*session)->run(u"id -un"_s, {}, 30s);
    QVERIFY(out.ok());
    QCOMPARE(out->exitCode, 0);
    QCOMPARE(QString::fromUtf8(out->standardOutput.trimmed()), account.name());
    QVERIFY2(sshd.logText().contains(u"Accepted password for "_s + account.name()),
             qPrintable(sshd.logText()));

    credentials.password = account.password() + u"-wrong"_s;
    const auto wrong = connect(sshd, account.name(), credentials);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().kind, Error::Kind::InvalidInput);
    qInfo().noquote() << "refused:" << wrong.error().message;
    QVERIFY2(wrong.error().message.contains(u"tried: password"_s),
             qPrintable(wrong.error().toString()));
    // Neither the right nor the wrong password in our error or in any log
    // line written while logging in.
    QVERIFY(!wrong.error().toString().contains(account.password()));
    for (const QString &line : std::as_const(g_logged))
        QVERIFY2(!line.contains(account.password()), qPrintable(line));
}

void TestSshAuth::passwordAskedWhenTheServerWantsOne()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestSudoUser account;
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    TestSshd sshd;
    sshd.setPasswordAuthentication(true);
    QVERIFY(sshd.start().isEmpty());

    // No password given: asked when the server wants one, asked again when
    // the first answer is refused, as a dialog would.
    SshCredentials credentials;
    credentials.useAgent = false;
    QList<SecretRequest> asked;
    credentials.askSecret = [&](const SecretRequest &request) -> std::optional<QString> {
        asked << request;
        return asked.size() == 1 ? account.password() + u"-typo"_s : account.password();
    };
    auto session = connect(sshd, account.name(), credentials);
    QVERIFY2(session.ok(), qPrintable(errorText(session) + u"\n"_s + sshd.logText()));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked[0].kind, SecretRequest::Kind::Password);
    QVERIFY(!asked[0].again);
    QVERIFY(asked[1].again);
    QVERIFY2(asked[0].about.contains(account.name()), qPrintable(asked[0].about));

    // Cancel at the question: the login gives up at once, no error text
    // claiming a refusal.
    credentials.askSecret = [](const SecretRequest &) -> std::optional<QString> {
        return std::nullopt;
    };
    const auto cancelled = connect(sshd, account.name(), credentials);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
}

void TestSshAuth::keyboardInteractiveThroughPam()
{
    if (!QFile::exists(u"/etc/pam.d/sshd"_s))
        QSKIP("no /etc/pam.d/sshd: this sshd has no PAM configuration");
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestSudoUser account;
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    TestSshd sshd;
    sshd.setKeyboardInteractiveThroughPam(true);
    QVERIFY(sshd.start().isEmpty());

    SshCredentials credentials;
    credentials.useAgent = false;
    credentials.password = account.password();
    auto session = connect(sshd, account.name(), credentials);
    QVERIFY2(session.ok(), qPrintable(errorText(session) + u"\n"_s + sshd.logText()));
    const Result<ProcessOutput> out = (*session)->run(u"id -un"_s, {}, 30s);
    QVERIFY2(out.ok(), qPrintable(out ? QString() : out.error().toString() + sshd.logText()));
    QCOMPARE(QString::fromUtf8(out->standardOutput.trimmed()), account.name());
    // The server offered no plain "password" method: keyboard-interactive
    // is what let us in.
    QVERIFY2(sshd.logText().contains(u"Accepted keyboard-interactive/pam for "_s + account.name()),
             qPrintable(sshd.logText()));

    credentials.password = u"not-%1"_s.arg(account.password());
    const auto wrong = connect(sshd, account.name(), credentials);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().kind, Error::Kind::InvalidInput);
    qInfo().noquote() << "refused:" << wrong.error().message;
    QVERIFY2(wrong.error().message.contains(u"tried: keyboard-interactive;"_s),
             qPrintable(wrong.error().toString()));
    QVERIFY(!wrong.error().toString().contains(account.password()));
    for (const QString &line : std::as_const(g_logged))
        QVERIFY2(!line.contains(account.password()), qPrintable(line));
}

QString TestSshAuth::startAgent(QProcess &agent, const QString &socket)
{
    // -D: in the foreground, so the QProcess owns it and can end it.
    agent.start(u"ssh-agent"_s, {u"-D"_s, u"-a"_s, socket});
    if (!agent.waitForStarted())
        return u"cannot run ssh-agent: "_s + agent.errorString();
    for (int i = 0; i < 100 && !QFileInfo::exists(socket); ++i)
        QThread::msleep(50);
    return QFileInfo::exists(socket) ? QString() : u"ssh-agent made no socket"_s;
}

QString TestSshAuth::runWithAgent(const QString &socket, const QString &program,
                                  const QStringList &arguments)
{
    // The agent is named in the child's environment only: the test process
    // keeps its own SSH_AUTH_SOCK for every other test.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SSH_AUTH_SOCK"_s, socket);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString::fromLocal8Bit(process.readAllStandardError()) + process.errorString();
    return {};
}

void TestSshAuth::agentLogin()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    const QString socket = m_dir.filePath(u"agent-with-key.sock"_s);
    QProcess agent;
    QVERIFY2(startAgent(agent, socket).isEmpty(), "ssh-agent");
    const QString added = runWithAgent(socket, u"ssh-add"_s, {sshd.clientKeyPath()});
    QVERIFY2(added.isEmpty(), qPrintable(added));
    const QByteArray environmentBefore = qgetenv("SSH_AUTH_SOCK");

    SshCredentials credentials; // no key file, no password: the agent only
    credentials.agentSocket = socket;
    auto session = connect(sshd, sshd.user(), credentials);
    QVERIFY2(session.ok(), qPrintable(errorText(session) + u"\n"_s + sshd.logText()));
    const Result<ProcessOutput> out = (*session)->run(u"echo agent-ok"_s, {}, 30s);
    QVERIFY(out.ok());
    QCOMPARE(out->standardOutput, QByteArray("agent-ok\n"));
    QVERIFY2(sshd.logText().contains(u"Accepted publickey for "_s + sshd.user()),
             qPrintable(sshd.logText()));
    QCOMPARE(qgetenv("SSH_AUTH_SOCK"), environmentBefore);

    // useAgent off: the same agent is not consulted and nothing else is left.
    credentials.useAgent = false;
    const auto notAllowed = connect(sshd, sshd.user(), credentials);
    QVERIFY(!notAllowed.ok());
    qInfo().noquote() << "refused:" << notAllowed.error().message;
    QVERIFY2(notAllowed.error().message.contains(u"tried: nothing"_s),
             qPrintable(notAllowed.error().toString()));

    agent.terminate();
    QVERIFY(agent.waitForFinished(5000));
}

void TestSshAuth::agentWithoutMatchingKey()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    // An agent holding a key the server does not authorise.
    const QString otherKey = m_dir.filePath(u"unauthorised_ed25519"_s);
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s,
                 {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, otherKey});
    QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
    const QString socket = m_dir.filePath(u"agent-other-key.sock"_s);
    QProcess agent;
    QVERIFY2(startAgent(agent, socket).isEmpty(), "ssh-agent");
    SshCredentials credentials;
    credentials.agentSocket = socket;

    // An empty agent: libssh says DENIED and sets no error string.
    const auto empty = connect(sshd, sshd.user(), credentials);
    QVERIFY(!empty.ok());
    qInfo().noquote() << "refused:" << empty.error().message;
    QVERIFY2(empty.error().message.contains(u"tried: ssh-agent (none of its keys was accepted)"_s),
             qPrintable(empty.error().message));

    const QString added = runWithAgent(socket, u"ssh-add"_s, {otherKey});
    QVERIFY2(added.isEmpty(), qPrintable(added));
    const auto session = connect(sshd, sshd.user(), credentials);
    QVERIFY(!session.ok());
    QCOMPARE(session.error().kind, Error::Kind::InvalidInput);
    const QString message = session.error().message;
    qInfo().noquote() << "refused:" << message;
    QVERIFY2(message.contains(u"tried: ssh-agent ("_s), qPrintable(message));
    QVERIFY2(message.contains(u"the server accepts: publickey"_s), qPrintable(message));

    // An agent that is not running at all fails the same clear way.
    agent.terminate();
    QVERIFY(agent.waitForFinished(5000));
    const auto noAgent = connect(sshd, sshd.user(), credentials);
    QVERIFY(!noAgent.ok());
    qInfo().noquote() << "refused:" << noAgent.error().message;
    QVERIFY2(noAgent.error().message.contains(u"ssh-agent"_s),
             qPrintable(noAgent.error().toString()));
}

QTEST_GUILESS_MAIN(TestSshAuth)
#include "tst_sshauth.moc"
