#include "HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace mpmlab;

HostKeyDialog::HostKeyDialog(const UnknownHostKey &key, const QString &target, QWidget *parent)
    : QDialog(parent)
    , m_fingerprint(key.fingerprint)
{
    setObjectName(u"hostKeyDialog"_s);
    setWindowTitle(tr("Unknown host key"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        tr("<p><b>MPM Lab has never seen the host key of %1.</b></p>"
           "<p>The server presented this %2 key:</p>")
            .arg(target.toHtmlEscaped(), key.keyType.toHtmlEscaped()),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *fingerprint = new QLabel(key.fingerprint, this);
    fingerprint->setObjectName(u"fingerprint"_s);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(font().pointSizeF() * 1.1);
    fingerprint->setFont(mono);
    layout->addWidget(fingerprint);
    auto *check = new QLabel(
        tr("<p>Compare it with the server's own fingerprint, which its administrator reads "
           "on the server with <tt>ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub</tt>. Connect "
           "only if they are the same: another key means another machine is answering in the "
           "server's name.</p>")
            .arg(key.keyType.section(u'-', -1).toHtmlEscaped()),
        this);
    check->setWordWrap(true);
    layout->addWidget(check);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *remember = buttons->addButton(tr("Trust and &remember"), QDialogButtonBox::AcceptRole);
    remember->setObjectName(QString::fromLatin1(rememberButtonName));
    QPushButton *once = buttons->addButton(tr("Trust &this time"), QDialogButtonBox::AcceptRole);
    once->setObjectName(QString::fromLatin1(thisTimeButtonName));
    buttons->addButton(QDialogButtonBox::Cancel);
    remember->setToolTip(tr("Connect, and keep the key in MPM Lab's own known_hosts file: "
                            "the next connection will not ask."));
    once->setToolTip(tr("Connect this time without keeping the key: the next connection "
                        "asks again."));
    // The trust first, then the dialog's end: the box's own accepted()
    // would come before a button's clicked() reached us.
    connect(buttons, &QDialogButtonBox::clicked, this, [this, remember, once](QAbstractButton *button) {
        if (button == remember || button == once) {
            m_trust = button == remember ? HostKeyTrust::Remember : HostKeyTrust::ThisTime;
            accept();
        } else {
            reject();
        }
    });
    layout->addWidget(buttons);
    setMinimumWidth(560);
}
