#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A private OpenSSH server on 127.0.0.1 for one test: generated ed25519 host
// and client keys, its own config, pid file and log, a free high port. The
// client key is authorised for the user running the tests. Stopped when the
// TestSshd goes away.
class TestSshd {
public:
    TestSshd();
    ~TestSshd();
    TestSshd(const TestSshd &) = delete;
    TestSshd &operator=(const TestSshd &) = delete;

    // Generates keys and config, checks it with `sshd -t`, starts sshd and
    // waits until it accepts connections. Empty on success, else what failed.
    QString start();
    void stop();
    // After start(): lets other local accounts (test accounts made with
    // TestSudoUser) log in with the client key, which means reading this
    // directory and its authorized_keys. False if that failed.
    [[nodiscard]] bool openToOtherAccounts() const;

    // Before start(): also accept passwords (PasswordAuthentication, checked
    // by sshd itself against /etc/shadow: UsePAM stays off), and root logins
    // with them.
    void setPasswordAuthentication(bool enabled) { m_passwordAuthentication = enabled; }
    // Before start(): passwords only through PAM's keyboard-interactive
    // conversation (UsePAM yes, PasswordAuthentication no), what many
    // distributions ship.
    void setKeyboardInteractiveThroughPam(bool enabled) { m_pamKeyboardInteractive = enabled; }
    // Before start(): run sshd through this command (program and arguments,
    // sshd's own command line appended), e.g. to start it inside a private
    // mount namespace. It must end by exec'ing sshd, so that stop() signals
    // sshd itself. Empty (the default): sshd runs directly.
    void setLauncher(const QStringList &launcher) { m_launcher = launcher; }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString user() const;
    [[nodiscard]] QString clientKeyPath() const; // private key, no passphrase
    [[nodiscard]] QString hostPublicKeyPath() const;
    // "[127.0.0.1]:PORT ssh-ed25519 AAAA..." for a known_hosts file.
    [[nodiscard]] QString knownHostsLine() const;
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString dir() const { return m_dir.path(); }
    // sshd's process id (0 when not running), e.g. for nsenter.
    [[nodiscard]] qint64 processId() const { return m_sshd.processId(); }

private:
    QString generateKey(const QString &path);

    QTemporaryDir m_dir;
    QProcess m_sshd;
    quint16 m_port = 0;
    bool m_passwordAuthentication = false;
    bool m_pamKeyboardInteractive = false;
    QStringList m_launcher;
};
