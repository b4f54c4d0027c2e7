#include "ConnectDialog.h"
#include "LoginPrompter.h"
#include "PasswordStore.h"
#include "SecretDialog.h"
#include "TargetConnection.h"
#include "TestSshClient.h"
#include "TestSshd.h"
#include "TestSudoUser.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// Passwords where a desktop keeps them: a private D-Bus session bus and
// GNOME's keyring daemon (the Secret Service), as a desktop session runs
// them. "Remember passwords" puts the SSH and sudo passwords there, never in
// MPM Lab's settings or any file in clear, and the next connection takes
// them from there without asking.
class TestKeyring : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void passwordsGoToTheKeyringOnly();

private:
    static QString read(PasswordStore &store, const QString &key);

    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    std::unique_ptr<PasswordStore> m_passwords;
};

void TestKeyring::initTestCase()
{
    QVERIFY(m_home.isValid());
    for (const char *program : {"dbus-daemon", "gnome-keyring-daemon"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty())
            QSKIP(qPrintable(u"%1 is not installed (packages dbus-daemon, gnome-keyring)"_s.arg(
                QString::fromLatin1(program))));
    }
    if (const QString reason = TestSudoUser::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    // This test's own settings, data (the keyring's files) and session bus.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    qputenv("XDG_RUNTIME_DIR", m_home.filePath(u"run"_s).toUtf8());
    QVERIFY(QDir().mkpath(m_home.filePath(u"run"_s)));
    QFile::setPermissions(m_home.filePath(u"run"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QCoreApplication::setOrganizationName(u"mpmlab-test"_s);

    m_bus.start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    QVERIFY(m_bus.waitForStarted(10000));
    QVERIFY(m_bus.waitForReadyRead(10000));
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY2(address.startsWith("unix:"), address.constData());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);

    // An unlocked login keyring, its password on stdin, as a desktop login does.
    m_keyring.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    m_keyring.start(u"gnome-keyring-daemon"_s,
                    {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    QVERIFY(m_keyring.waitForStarted(10000));
    m_keyring.write("keyring-login-password\n");
    m_keyring.closeWriteChannel();

    m_passwords = std::make_unique<PasswordStore>();
    // The daemon takes a moment to claim its name on the bus.
    for (int attempt = 0; attempt < 20 && !m_passwords->available().value_or(false); ++attempt) {
        m_passwords = std::make_unique<PasswordStore>();
        m_passwords->probe();
        QTRY_VERIFY_WITH_TIMEOUT(m_passwords->available().has_value(), 30000);
        if (!*m_passwords->available())
            QTest::qWait(250);
    }
    QVERIFY2(m_passwords->available().value_or(false),
             qPrintable(QString::fromUtf8(m_keyring.readAllStandardError())));
}

void TestKeyring::cleanupTestCase()
{
    m_passwords.reset();
    for (QProcess *process : {&m_keyring, &m_bus}) {
        process->terminate();
        if (!process->waitForFinished(5000))
            process->kill();
    }
}

QString TestKeyring::read(PasswordStore &store, const QString &key)
{
    QString found;
    bool done = false;
    store.read(key, [&](const QString &password) {
        found = password;
        done = true;
    });
    QDeadlineTimer limit(10000);
    while (!done && !limit.hasExpired())
        QTest::qWait(20);
    return found;
}

void TestKeyring::passwordsGoToTheKeyringOnly()
{
    TestSudoUser account;
    QVERIFY(account.create(false).isEmpty()); // sudo wants the password too
    TestSshd sshd;
    sshd.setPasswordAuthentication(true);
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    const TestSshClient client(sshd, dir.path());
    QVERIFY(client.isValid());
    TargetSpec login =
        TargetSpec::parse(u"ssh://%1@127.0.0.1:%2"_s.arg(account.name()).arg(sshd.port())).value();
    login.ssh.policy.userKnownHostsFile = client.knownHostsPath();
    login.ssh.policy.mpmlabKnownHostsFile = dir.filePath(u"mpmlab_known_hosts"_s);
    login.ssh.credentials.useAgent = false;
    login.ssh.sudo.enabled = true;
    const QString target = login.ssh.target.toString();

    {
        ConnectDialog dialog(m_passwords.get(), nullptr);
        dialog.fill(login);
        auto *remember = dialog.findChild<QCheckBox *>(u"rememberPasswords"_s);
        QVERIFY(remember->isEnabled());
        remember->setChecked(true);
        QSignalSpy connected(&dialog, &ConnectDialog::connected);
        dialog.connectNow();
        QTRY_VERIFY(dialog.prompter());
        QSignalSpy questions(dialog.prompter(), &LoginPrompter::questionShown);
        // The login's password, then sudo's.
        for (int i = 0; i < 2; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(questions.size() > i, 30000);
            auto *question =
                qobject_cast<SecretDialog *>(questions.at(i).first().value<QDialog *>());
            QVERIFY(question);
            question->answer(account.password());
        }
        QVERIFY2(connected.wait(60000), qPrintable(dialog.errorText()));
        delete connected.first().first().value<TargetConnection *>();
    }
    // In the keyring, under MPM Lab's name...
    QCOMPARE(read(*m_passwords, target), account.password());
    QCOMPARE(read(*m_passwords, u"sudo "_s + target), account.password());
    // ...and in no file in clear: not the settings, not the keyring's own.
    QSettings().sync();
    for (const QString &root : {m_home.filePath(u"config"_s), m_home.filePath(u"data"_s)}) {
        QDirIterator files(root, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(account.password().toUtf8()),
                     qPrintable(file.fileName()));
        }
    }

    // The next connection to it (its keyring choice remembered) asks nothing.
    ConnectDialog again(m_passwords.get(), nullptr);
    again.fill(login);
    QVERIFY(again.findChild<QCheckBox *>(u"rememberPasswords"_s)->isChecked());
    QSignalSpy connected(&again, &ConnectDialog::connected);
    again.connectNow();
    QTRY_VERIFY(again.prompter());
    QSignalSpy asked(again.prompter(), &LoginPrompter::questionShown);
    QVERIFY2(connected.wait(60000), qPrintable(again.errorText()));
    QCOMPARE(asked.count(), 0);
    delete connected.first().first().value<TargetConnection *>();
}

QTEST_MAIN(TestKeyring)
#include "tst_keyring.moc"
