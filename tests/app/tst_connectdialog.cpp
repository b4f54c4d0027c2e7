#include "ConnectDialog.h"
#include "HostKeyChangedDialog.h"
#include "HostKeyDialog.h"
#include "LoginPrompter.h"
#include "PasswordStore.h"
#include "ScreenshotCheck.h"
#include "SecretDialog.h"
#include "TargetConnection.h"
#include "TestPaths.h"
#include "TestSshClient.h"
#include "TestSshd.h"
#include "TestSudoUser.h"

#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// File > Connect to a server… against OpenSSH's sshd on 127.0.0.1, as a
// user would go through it: an unknown host key shown and trusted, a
// changed one refused, passwords and passphrases asked when the server
// wants them (again when refused), Cancel at any step, and nothing secret
// written to the settings. Screenshots of each dialog land in tests/output.
class TestConnectDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownKeyConfirmedThenWorks();
    void trustedThisTimeIsNotRemembered();
    void changedKeyIsRefused();
    void wrongPasswordGivesAClearMessage();
    void keyWithPassphraseWorks();
    void cancelStopsAConnectionAtOnce();
    void passwordsAreNeverInTheSettings();

private:
    // A login to `sshd` as `user`, with MPM Lab's known_hosts in `dir`
    // (empty: the key is unknown) and the test user's own in `knownHosts`.
    TargetSpec spec(const TestSshd &sshd, const QString &user, const QString &dir,
                    const QString &knownHosts = {}) const;
    // Waits for the prompter's next dialog of type T; null if none came.
    template <typename T> static T *nextQuestion(ConnectDialog &dialog, int timeoutMs = 20000);
    static void save(QWidget *widget, const QString &name);
    static QString fingerprintOf(const QString &publicKeyFile);

    QTemporaryDir m_home;
    std::unique_ptr<PasswordStore> m_passwords;
};

TargetSpec TestConnectDialog::spec(const TestSshd &sshd, const QString &user, const QString &dir,
                                   const QString &knownHosts) const
{
    TargetSpec spec =
        TargetSpec::parse(u"ssh://%1@127.0.0.1:%2"_s.arg(user).arg(sshd.port())).value();
    spec.ssh.policy.userKnownHostsFile =
        knownHosts.isEmpty() ? dir + u"/no_user_known_hosts"_s : knownHosts;
    spec.ssh.policy.mpmlabKnownHostsFile = dir + u"/mpmlab_known_hosts"_s;
    spec.ssh.credentials.useAgent = false;
    return spec;
}

template <typename T> T *TestConnectDialog::nextQuestion(ConnectDialog &dialog, int timeoutMs)
{
    if (!dialog.prompter())
        return nullptr;
    QSignalSpy shown(dialog.prompter(), &LoginPrompter::questionShown);
    if (!shown.wait(timeoutMs))
        return nullptr;
    return qobject_cast<T *>(shown.first().first().value<QDialog *>());
}

void TestConnectDialog::save(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QImage shot = widget->grab().toImage();
    QVERIFY(shot.save(TestPaths::outputDir() + u'/' + name));
    QVERIFY2(distinctColours(shot) >= minimumColoursOfAPaintedWindow, qPrintable(name));
}

QString TestConnectDialog::fingerprintOf(const QString &publicKeyFile)
{
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s, {u"-E"_s, u"sha256"_s, u"-lf"_s, publicKeyFile});
    keygen.waitForFinished(10000);
    return QString::fromLatin1(keygen.readAllStandardOutput().split(' ').value(1));
}

void TestConnectDialog::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Recent targets go to this test's own settings, never the user's.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QCoreApplication::setOrganizationName(u"mpmlab-test"_s);
    m_passwords = std::make_unique<PasswordStore>();
    m_passwords->probe();
    QTRY_VERIFY_WITH_TIMEOUT(m_passwords->available().has_value(), 30000);
}

void TestConnectDialog::unknownKeyConfirmedThenWorks()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login = spec(sshd, sshd.user(), dir.path());
    login.ssh.credentials.identityFile = sshd.clientKeyPath();
    dialog.fill(login);
    dialog.show();
    QSignalSpy connected(&dialog, &ConnectDialog::connected);
    dialog.connectNow();
    QVERIFY(dialog.isConnecting());
    save(&dialog, u"connect-dialog-connecting.png"_s);

    auto *question = nextQuestion<HostKeyDialog>(dialog);
    QVERIFY(question);
    QCOMPARE(question->fingerprint(), fingerprintOf(sshd.hostPublicKeyPath()));
    const auto *shown = question->findChild<QLabel *>(u"fingerprint"_s);
    QVERIFY(shown && shown->text() == question->fingerprint());
    save(question, u"connect-hostkey-unknown.png"_s);
    question->findChild<QPushButton *>(QString::fromLatin1(HostKeyDialog::rememberButtonName))
        ->click();

    QVERIFY2(connected.wait(60000), qPrintable(dialog.errorText()));
    auto *connection = connected.first().first().value<TargetConnection *>();
    const std::unique_ptr<TargetConnection> owned(connection);
    const auto description = connected.first().at(1).value<ServerDescription>();
    QCOMPARE(description.state.target, login.ssh.target.toString());
    QVERIFY(!description.layout.isEmpty());
    // Remembered in MPM Lab's own file, never in the user's.
    QVERIFY(QFile::exists(login.ssh.policy.mpmlabKnownHostsFile));
    QVERIFY(!QFile::exists(login.ssh.policy.userKnownHostsFile));

    // Known now: the next connection asks nothing.
    ConnectDialog again(m_passwords.get(), nullptr);
    again.fill(login);
    QSignalSpy reconnected(&again, &ConnectDialog::connected);
    again.connectNow();
    QVERIFY(nextQuestion<HostKeyDialog>(again, 1) == nullptr);
    QVERIFY2(reconnected.wait(60000), qPrintable(again.errorText()));
    delete reconnected.first().first().value<TargetConnection *>();
}

void TestConnectDialog::trustedThisTimeIsNotRemembered()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login = spec(sshd, sshd.user(), dir.path());
    login.ssh.credentials.identityFile = sshd.clientKeyPath();
    dialog.fill(login);
    QSignalSpy connected(&dialog, &ConnectDialog::connected);
    dialog.connectNow();
    auto *question = nextQuestion<HostKeyDialog>(dialog);
    QVERIFY(question);
    question->findChild<QPushButton *>(QString::fromLatin1(HostKeyDialog::thisTimeButtonName))
        ->click();
    QVERIFY2(connected.wait(60000), qPrintable(dialog.errorText()));
    delete connected.first().first().value<TargetConnection *>();
    QVERIFY(!QFile::exists(login.ssh.policy.mpmlabKnownHostsFile));
}

void TestConnectDialog::changedKeyIsRefused()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    // The user's known_hosts names another key for this host and port.
    const QString otherKey = dir.filePath(u"other_host_key"_s);
    QCOMPARE(QProcess::execute(u"ssh-keygen"_s,
                               {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, u""_s, u"-f"_s, otherKey}),
             0);
    QFile pub(otherKey + u".pub"_s);
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QList<QByteArray> parts = pub.readAll().split(' ');
    const QString knownHosts = dir.filePath(u"known_hosts"_s);
    QFile known(knownHosts);
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write("[127.0.0.1]:" + QByteArray::number(sshd.port()) + ' ' + parts.at(0) + ' '
                + parts.at(1) + '\n');
    known.close();

    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login = spec(sshd, sshd.user(), dir.path(), knownHosts);
    login.ssh.credentials.identityFile = sshd.clientKeyPath();
    dialog.fill(login);
    dialog.show();
    QSignalSpy failed(&dialog, &ConnectDialog::attemptFailed);
    QSignalSpy connected(&dialog, &ConnectDialog::connected);
    dialog.connectNow();
    QVERIFY(failed.wait(60000));
    QCOMPARE(connected.count(), 0);
    // Refused, not asked: both fingerprints, and no button that accepts.
    const QString error = dialog.errorText();
    QVERIFY2(error.contains(u"CHANGED"_s), qPrintable(error));
    QVERIFY2(error.contains(fingerprintOf(otherKey + u".pub"_s)), qPrintable(error));
    QVERIFY2(error.contains(fingerprintOf(sshd.hostPublicKeyPath())), qPrintable(error));
    QVERIFY2(error.contains(u"man-in-the-middle"_s), qPrintable(error));
    auto *refusal = dialog.findChild<HostKeyChangedDialog *>(u"hostKeyChanged"_s);
    QVERIFY(refusal);
    // Close is the one button: nothing accepts the key.
    QCOMPARE(refusal->findChildren<QPushButton *>().size(), 1);
    QVERIFY(dialog.findChildren<HostKeyDialog *>().isEmpty());
    save(refusal, u"connect-hostkey-changed.png"_s);
    save(&dialog, u"connect-dialog-changed-key.png"_s);
    // Nothing was written to either file.
    QVERIFY(!QFile::exists(login.ssh.policy.mpmlabKnownHostsFile));
}

void TestConnectDialog::wrongPasswordGivesAClearMessage()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestSudoUser account;
    QVERIFY(account.create(true).isEmpty());
    TestSshd sshd;
    sshd.setPasswordAuthentication(true);
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    const TestSshClient client(sshd, dir.path()); // the server's key in dir/known_hosts
    QVERIFY(client.isValid());

    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login = spec(sshd, account.name(), dir.path(), client.knownHostsPath());
    login.ssh.sudo.enabled = true;
    dialog.fill(login);
    dialog.show();
    // No key, no agent: the password, asked only when the server wants it.
    QVERIFY(dialog.findChild<QRadioButton *>(u"password"_s)->isChecked());
    QSignalSpy failed(&dialog, &ConnectDialog::attemptFailed);
    dialog.connectNow();
    QSignalSpy questions(dialog.prompter(), &LoginPrompter::questionShown);
    int asked = 0;
    while (failed.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(questions.size() > asked || !failed.isEmpty(), 30000);
        if (!failed.isEmpty())
            break;
        auto *question =
            qobject_cast<SecretDialog *>(questions.at(asked).first().value<QDialog *>());
        QVERIFY(question);
        QCOMPARE(question->question(), SecretDialog::Question::Password);
        // Asked again after a refusal, saying so.
        QCOMPARE(question->findChild<QLabel *>(u"refused"_s) != nullptr, asked > 0);
        if (asked == 1)
            save(question, u"connect-password-refused.png"_s);
        ++asked;
        question->answer(u"certainly-wrong-%1"_s.arg(asked));
    }
    QVERIFY2(asked >= 2, qPrintable(QString::number(asked)));
    QVERIFY2(dialog.errorText().contains(u"refused the login"_s), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.errorText().contains(u"certainly-wrong"_s));
    save(&dialog, u"connect-dialog-login-refused.png"_s);

    // The right one, asked when the server wants it: connected.
    QSignalSpy connected(&dialog, &ConnectDialog::connected);
    dialog.connectNow();
    auto *question = nextQuestion<SecretDialog>(dialog);
    QVERIFY(question);
    question->answer(account.password());
    QVERIFY2(connected.wait(60000), qPrintable(dialog.errorText()));
    delete connected.first().first().value<TargetConnection *>();
}

void TestConnectDialog::keyWithPassphraseWorks()
{
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    const QString key = dir.filePath(u"locked"_s);
    QCOMPARE(QProcess::execute(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s,
                                                 u"open sesame"_s, u"-f"_s, key}),
             0);
    QFile authorized(sshd.dir() + u"/authorized_keys"_s);
    QFile pub(key + u".pub"_s);
    QVERIFY(authorized.open(QIODevice::Append) && pub.open(QIODevice::ReadOnly));
    authorized.write(pub.readAll());
    authorized.close();
    const TestSshClient client(sshd, dir.path());
    QVERIFY(client.isValid());

    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login = spec(sshd, sshd.user(), dir.path(), client.knownHostsPath());
    login.ssh.credentials.identityFile = key;
    dialog.fill(login);
    QSignalSpy connected(&dialog, &ConnectDialog::connected);
    dialog.connectNow();
    auto *question = nextQuestion<SecretDialog>(dialog);
    QVERIFY(question);
    QCOMPARE(question->question(), SecretDialog::Question::Passphrase);
    save(question, u"connect-passphrase.png"_s);
    question->answer(u"open sesame"_s);
    QVERIFY2(connected.wait(60000), qPrintable(dialog.errorText()));
    delete connected.first().first().value<TargetConnection *>();
}

void TestConnectDialog::cancelStopsAConnectionAtOnce()
{
    // A server that accepts and never speaks: the attempt would wait for
    // its whole timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login =
        TargetSpec::parse(u"ssh://root@127.0.0.1:%1"_s.arg(silent.serverPort())).value();
    login.ssh.policy.mpmlabKnownHostsFile = dir.filePath(u"known"_s);
    login.ssh.credentials.connectTimeout = std::chrono::seconds(30);
    dialog.fill(login);
    dialog.show();
    dialog.connectNow();
    QVERIFY(dialog.isConnecting());
    QTest::qWait(300);
    QElapsedTimer clock;
    clock.start();
    dialog.findChild<QPushButton *>(u"cancel"_s)->click();
    QVERIFY(!dialog.isConnecting());
    QVERIFY(dialog.isVisible()); // still there, to change a field and try again
    QCOMPARE(dialog.stepText(), u"Cancelled."_s);
    QVERIFY(clock.elapsed() < 200);
    // The abandoned attempt ends by itself, soon.
    QTRY_VERIFY_WITH_TIMEOUT(
        QCoreApplication::instance()->findChildren<TargetConnection *>().isEmpty(), 2000);
}

void TestConnectDialog::passwordsAreNeverInTheSettings()
{
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestSudoUser account;
    QVERIFY(account.create(false).isEmpty());
    TestSshd sshd;
    sshd.setPasswordAuthentication(true);
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    const TestSshClient client(sshd, dir.path()); // the server's key in dir/known_hosts
    QVERIFY(client.isValid());

    ConnectDialog dialog(m_passwords.get(), nullptr);
    TargetSpec login = spec(sshd, account.name(), dir.path(), client.knownHostsPath());
    login.ssh.sudo.enabled = true;
    dialog.fill(login);
    // No keyring service in this session: the dialog says nothing is kept.
    const QString note = dialog.findChild<QLabel *>(u"keyringNote"_s)->text();
    if (!m_passwords->available().value_or(false)) {
        QVERIFY2(note.contains(u"never stored"_s), qPrintable(note));
        QVERIFY(!dialog.findChild<QCheckBox *>(u"rememberPasswords"_s)->isEnabled());
    }
    QSignalSpy connected(&dialog, &ConnectDialog::connected);
    dialog.connectNow();
    // The login's password, then sudo's (the same account's).
    for (int i = 0; i < 2; ++i) {
        auto *question = nextQuestion<SecretDialog>(dialog);
        QVERIFY(question);
        QCOMPARE(question->question(),
                 i == 0 ? SecretDialog::Question::Password : SecretDialog::Question::Sudo);
        if (i == 1)
            save(question, u"connect-sudo-password.png"_s);
        question->answer(account.password());
    }
    QVERIFY2(connected.wait(60000), qPrintable(dialog.errorText()));
    delete connected.first().first().value<TargetConnection *>();

    // The server is among the recent ones; no password anywhere in the settings.
    const QList<RecentTarget> recent = RecentTarget::load();
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.first().target, login.ssh.target.toString());
    QCOMPARE(recent.first().authentication, RecentTarget::Authentication::Password);
    QVERIFY(recent.first().sudo);
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains(account.name().toUtf8()));
    QVERIFY(!stored.contains(account.password().toUtf8()));
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
