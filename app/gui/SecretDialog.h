#pragma once

#include <QDialog>

class QLineEdit;

// Asks for a password or passphrase while a login waits for it, saying
// what it is for and, when the last answer was refused, that it was.
// Nothing typed here is kept once the login has it.
class SecretDialog : public QDialog {
    Q_OBJECT

public:
    enum class Question {
        Password,   // the SSH login's password
        Passphrase, // an encrypted key file's passphrase
        Sudo,       // sudo's password on the server
    };

    SecretDialog(Question question, const QString &about, bool again, QWidget *parent);

    [[nodiscard]] QString secret() const;
    [[nodiscard]] Question question() const { return m_question; }
    // For tests: types `text` and accepts.
    void answer(const QString &text);

private:
    Question m_question;
    QLineEdit *m_field;
};
