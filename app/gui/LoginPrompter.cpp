#include "LoginPrompter.h"

#include "HostKeyDialog.h"
#include "SecretDialog.h"

#include <QDialog>
#include <condition_variable>
#include <mutex>

using namespace mpmlab;

// What the asking threads hold: the prompter while it lives.
struct LoginPrompter::Bridge {
    std::mutex mutex;
    LoginPrompter *prompter = nullptr;
};

// One question: answered once, by the dialog, Cancel or the stop token.
struct LoginPrompter::Pending {
    std::mutex mutex;
    std::condition_variable_any done;
    bool answered = false;
    QVariant answer;

    void give(const QVariant &value)
    {
        {
            const std::lock_guard lock(mutex);
            if (answered)
                return;
            answered = true;
            answer = value;
        }
        done.notify_all();
    }
};

LoginPrompter::LoginPrompter(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_bridge(std::make_shared<Bridge>())
{
    m_bridge->prompter = this;
}

LoginPrompter::~LoginPrompter()
{
    {
        const std::lock_guard lock(m_bridge->mutex);
        m_bridge->prompter = nullptr;
    }
    cancel();
}

void LoginPrompter::cancel()
{
    if (m_shown)
        m_shown->reject();
}

QVariant LoginPrompter::ask(const std::shared_ptr<Bridge> &bridge, DialogMaker make,
                            AnswerReader read, const std::stop_token &stop)
{
    auto pending = std::make_shared<Pending>();
    {
        const std::lock_guard lock(bridge->mutex);
        if (!bridge->prompter)
            return {};
        LoginPrompter *prompter = bridge->prompter;
        QMetaObject::invokeMethod(
            prompter,
            [prompter, pending, make = std::move(make), read = std::move(read)] {
                prompter->show(pending, make, read);
            },
            Qt::QueuedConnection);
    }
    const std::stop_callback onStop(stop, [pending] { pending->give({}); });
    std::unique_lock lock(pending->mutex);
    pending->done.wait(lock, [&pending] { return pending->answered; });
    return pending->answer;
}

void LoginPrompter::show(const std::shared_ptr<Pending> &pending, const DialogMaker &make,
                         const AnswerReader &read)
{
    QDialog *dialog = make(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_shown = dialog;
    connect(dialog, &QDialog::finished, this, [this, pending, dialog, read](int result) {
        const QVariant answer = result == QDialog::Accepted ? read(dialog) : QVariant();
        if (const auto *secret = qobject_cast<SecretDialog *>(dialog); secret && answer.isValid())
            m_answers.insert(secret->question(), answer.toString());
        pending->give(answer);
    });
    dialog->open();
    Q_EMIT questionShown(dialog);
}

void LoginPrompter::attach(SshLogin &login, std::stop_token stop)
{
    const std::shared_ptr<Bridge> bridge = m_bridge;
    const QString target = login.target.toString();
    if (!login.policy.confirmUnknown) {
        login.policy.confirmUnknown = [bridge, stop, target](const UnknownHostKey &key) {
            const QVariant answer = ask(
                bridge, [key, target](QWidget *parent) { return new HostKeyDialog(key, target, parent); },
                [](QDialog *dialog) {
                    return QVariant(int(static_cast<HostKeyDialog *>(dialog)->trust()));
                },
                stop);
            return answer.isValid() ? HostKeyTrust(answer.toInt()) : HostKeyTrust::Refuse;
        };
    }
    const auto secret = [bridge, stop](SecretDialog::Question question, const QString &about,
                                       bool again) -> std::optional<QString> {
        const QVariant answer = ask(
            bridge,
            [question, about, again](QWidget *parent) {
                return new SecretDialog(question, about, again, parent);
            },
            [](QDialog *dialog) { return QVariant(static_cast<SecretDialog *>(dialog)->secret()); },
            stop);
        if (!answer.isValid())
            return std::nullopt;
        return answer.toString();
    };
    login.credentials.askSecret = [secret](const SecretRequest &request) {
        return secret(request.kind == SecretRequest::Kind::Password
                          ? SecretDialog::Question::Password
                          : SecretDialog::Question::Passphrase,
                      request.about, request.again);
    };
    login.sudo.askPassword = [secret, target](bool again) {
        return secret(SecretDialog::Question::Sudo, target, again);
    };
}
