#include "TestSshClient.h"
#include "TestSshd.h"
#include "TestSudoUser.h"
#include "remote/SshShell.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// sudo for a login user who is not root, through the private sshd: a
// password fed on sudo's stdin (and only there), a wrong one refused, the
// command's own stdin intact behind it, and passwordless sudo.
class TestSudo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordOnStdin();
    void passwordlessSudo();

private:
    Result<std::unique_ptr<SshSession>> connectAs(const QString &user);

    TestSshd m_sshd;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSshClient> m_client;
};

void TestSudo::initTestCase()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sshd.start().isEmpty());
    QVERIFY(m_sshd.openToOtherAccounts());
    m_client = std::make_unique<TestSshClient>(m_sshd, m_dir.path());
    QVERIFY(m_client->isValid());
}

Result<std::unique_ptr<SshSession>> TestSudo::connectAs(const QString &user)
{
    return m_client->connectAs(user);
}

void TestSudo::passwordOnStdin()
{
    TestSudoUser account;
    const QString created = account.create(false);
    QVERIFY2(created.isEmpty(), qPrintable(created));

    auto withoutSudo = SshShell::open(connectAs(account.name()).value(), {}, 30s);
    QVERIFY(!withoutSudo.ok());
    QVERIFY(withoutSudo.error().message.contains(u"--sudo"_s));

    auto noPassword = SshShell::open(connectAs(account.name()).value(), {true, {}, {}}, 30s);
    QVERIFY(!noPassword.ok());
    QVERIFY2(noPassword.error().message.contains(u"asks for a password"_s),
             qPrintable(noPassword.error().message));

    auto wrong = SshShell::open(connectAs(account.name()).value(), {true, u"wrong"_s, {}}, 30s);
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().message.contains(u"refused the password"_s),
             qPrintable(wrong.error().message));

    // A question left unanswered (Cancel in a dialog) gives up.
    auto cancelled = SshShell::open(
        connectAs(account.name()).value(),
        {true, {}, [](bool) -> std::optional<QString> { return std::nullopt; }}, 30s);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);

    // Asked when sudo wants it, and again when the first answer is wrong.
    QList<bool> asked;
    const QString password = account.password();
    auto shell = SshShell::open(connectAs(account.name()).value(),
                                {true,
                                 {},
                                 [&asked, password](bool again) -> std::optional<QString> {
                                     asked << again;
                                     return asked.size() == 1 ? u"wrong"_s : password;
                                 }},
                                30s);
    QVERIFY2(shell.ok(), qPrintable(shell.ok() ? QString() : shell.error().toString()));
    QCOMPARE(asked, (QList<bool>{false, true}));
    QCOMPARE((*shell)->sudoPassword(), password);
    const Result<ProcessOutput> out = (*shell)->runAsRoot(u"id -u; cat"_s, "payload\n");
    QVERIFY(out.ok());
    QCOMPARE(out->exitCode, 0);
    // Root, and the command's stdin arrived without the password line.
    QCOMPARE(out->standardOutput, QByteArray("0\npayload\n"));
    QVERIFY(!out->standardError.contains(password.toUtf8()));

    const QString path = m_dir.filePath(u"written-through-sudo"_s);
    QVERIFY((*shell)->uploadAsRoot(path, "contents\n").ok());
    QCOMPARE(QFileInfo(path).ownerId(), 0u);
    QCOMPARE(*(*shell)->downloadAsRoot(path), QByteArray("contents\n"));
}

void TestSudo::passwordlessSudo()
{
    TestSudoUser account;
    const QString created = account.create(true);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    bool asked = false;
    auto shell = SshShell::open(connectAs(account.name()).value(),
                                {true,
                                 {},
                                 [&asked](bool) -> std::optional<QString> {
                                     asked = true;
                                     return std::nullopt;
                                 }},
                                30s);
    QVERIFY2(shell.ok(), qPrintable(shell.ok() ? QString() : shell.error().toString()));
    QVERIFY(!asked);
    const Result<ProcessOutput> out = (*shell)->runAsRoot(u"id -u; cat"_s, "first line\nsecond\n");
    QVERIFY(out.ok());
    QCOMPARE(out->standardOutput, QByteArray("0\nfirst line\nsecond\n"));
}

QTEST_GUILESS_MAIN(TestSudo)
#include "tst_sudo.moc"
