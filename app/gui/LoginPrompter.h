#pragma once

#include "SecretDialog.h"
#include "targets/SshLogin.h"

#include <QDialog>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QVariant>
#include <functional>
#include <memory>
#include <stop_token>

class QWidget;

// The questions an SSH login asks while it runs on a connection's thread
// (an unknown host key, a password or passphrase, sudo's password), asked
// in the window: the thread waits, a dialog opens, and the answer, Cancel
// or the connection's stop token wakes it. Lives on the GUI thread.
class LoginPrompter : public QObject {
    Q_OBJECT

public:
    explicit LoginPrompter(QWidget *dialogParent);
    // A question still waiting gets no answer, and its dialog closes.
    ~LoginPrompter() override;

    // `login`'s questions are asked through this prompter, from any thread;
    // `stop` ends a wait with no answer. A host-key callback already set
    // (--accept-new-host-key) is kept.
    void attach(mpmlab::SshLogin &login, std::stop_token stop);
    // The question on screen, if any, gets no answer.
    void cancel();
    // The last answer given to `question` (the password that worked, once
    // the login is done), for the keyring; empty when none was asked.
    [[nodiscard]] QString answer(SecretDialog::Question question) const
    {
        return m_answers.value(question);
    }

Q_SIGNALS:
    // A question's dialog is on screen (tests answer it; screenshots).
    void questionShown(QDialog *dialog);

private:
    struct Bridge;
    struct Pending;
    using DialogMaker = std::function<QDialog *(QWidget *parent)>;
    using AnswerReader = std::function<QVariant(QDialog *dialog)>;

    // On the asking thread: shows what `make` builds, waits for it to be
    // done and returns `read` of it when accepted; invalid otherwise.
    static QVariant ask(const std::shared_ptr<Bridge> &bridge, DialogMaker make,
                        AnswerReader read, const std::stop_token &stop);
    void show(const std::shared_ptr<Pending> &pending, const DialogMaker &make,
              const AnswerReader &read);

    QPointer<QWidget> m_dialogParent;
    std::shared_ptr<Bridge> m_bridge;
    QPointer<QDialog> m_shown;
    QMap<SecretDialog::Question, QString> m_answers;
};
