#include "SecretDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SecretDialog::SecretDialog(Question question, const QString &about, bool again, QWidget *parent)
    : QDialog(parent)
    , m_question(question)
    , m_field(new QLineEdit(this))
{
    setObjectName(u"secretDialog"_s);
    auto *layout = new QVBoxLayout(this);
    QString title;
    QString text;
    switch (question) {
    case Question::Password:
        title = tr("Password");
        text = tr("%1 asks for the password of this login.").arg(about);
        break;
    case Question::Passphrase:
        title = tr("Key passphrase");
        text = tr("The key file %1 is encrypted: type its passphrase.").arg(about);
        break;
    case Question::Sudo:
        title = tr("sudo password");
        text = tr("sudo on %1 asks for the login user's password, to act as root.").arg(about);
        break;
    }
    setWindowTitle(title);
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    if (again) {
        auto *refused = new QLabel(tr("That one was refused: try again."), this);
        refused->setObjectName(u"refused"_s);
        QPalette warning = refused->palette();
        warning.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
        refused->setPalette(warning);
        layout->addWidget(refused);
    }
    m_field->setEchoMode(QLineEdit::Password);
    m_field->setObjectName(u"secret"_s);
    layout->addWidget(m_field);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_field, &QLineEdit::textChanged, ok,
            [ok](const QString &typed) { ok->setEnabled(!typed.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString SecretDialog::secret() const { return m_field->text(); }

void SecretDialog::answer(const QString &text)
{
    m_field->setText(text);
    accept();
}
