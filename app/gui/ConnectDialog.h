#pragma once

#include "RecentTargets.h"
#include "TargetConnection.h"
#include "apache/ServerDescription.h"
#include "targets/TargetSpec.h"

#include <QDialog>
#include <QPointer>

class LoginPrompter;
class PasswordStore;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

// File > Connect to a server…: host, port and user; an SSH agent, a key
// file or a password; sudo; a Debian instance. Connecting runs on a
// connection's own thread, so the window never waits: its step shows here,
// its questions (an unknown host key, a password, a passphrase, sudo's
// password) open as dialogs over this one, and Cancel stops it at any step.
// A changed host key is refused, with both fingerprints. Recent servers
// come back from QSettings; passwords only from the desktop's keyring.
class ConnectDialog : public QDialog {
    Q_OBJECT

public:
    ConnectDialog(PasswordStore *passwords, QWidget *parent);
    ~ConnectDialog() override;

    // Fills the fields from `spec` (ssh://) and keeps its host-key policy
    // (--known-hosts, --accept-new-host-key) and secrets for the attempts.
    void fill(const mpmlab::TargetSpec &spec);
    // What the Connect button does.
    void connectNow();

    [[nodiscard]] bool isConnecting() const { return m_attempt != nullptr; }
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QString stepText() const;
    [[nodiscard]] LoginPrompter *prompter() const { return m_prompter; }

Q_SIGNALS:
    // Connected and detected: `connection` belongs to the receiver now.
    void connected(TargetConnection *connection, const mpmlab::ServerDescription &description);
    void localLabChosen();
    // An attempt ended without a connection (the error is shown).
    void attemptFailed(const QString &message);

protected:
    void reject() override;

private:
    void buildForm();
    void showRecent(int index);
    void showKeyringState();
    void updateFields();
    void setConnecting(bool connecting);
    void showError(const QString &message, const QString &details = {});
    // `message` as a sentence: its first letter upper case.
    [[nodiscard]] static QString sentence(const QString &message);
    [[nodiscard]] mpmlab::Result<mpmlab::TargetSpec> specFromFields() const;
    [[nodiscard]] RecentTarget recentFromFields(const QString &target) const;
    void startAttempt(mpmlab::TargetSpec spec);
    void attemptOpened(TargetConnection *connection, const mpmlab::ServerDescription &description);
    void attemptFailedWith(TargetConnection *connection, const QString &message,
                           const QString &details, bool hostKeyRefused, bool cancelled);
    void cancelAttempt();

    PasswordStore *m_passwords;
    mpmlab::TargetSpec m_base; // the command line's policy and secrets
    QList<RecentTarget> m_recent;
    QPointer<TargetConnection> m_attempt;
    LoginPrompter *m_prompter = nullptr;
    bool m_hostKeyAsked = false;
    QComboBox *m_recentBox = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QRadioButton *m_agent = nullptr;
    QRadioButton *m_keyFile = nullptr;
    QRadioButton *m_password = nullptr;
    QLineEdit *m_identity = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_sudo = nullptr;
    QLineEdit *m_instance = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keyringNote = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_step = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_local = nullptr;
};
