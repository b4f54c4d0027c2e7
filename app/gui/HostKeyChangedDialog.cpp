#include "HostKeyChangedDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

HostKeyChangedDialog::HostKeyChangedDialog(const QString &message, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"hostKeyChanged"_s);
    setWindowTitle(tr("Host key changed: not connecting"));
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(48, 48));
    top->addWidget(icon, 0, Qt::AlignTop);
    QStringList lines = message.split(u'\n');
    QString headline = lines.takeFirst();
    if (!headline.isEmpty() && !headline.startsWith(u"ssh://"_s))
        headline[0] = headline[0].toUpper();
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(headline.toHtmlEscaped()), this);
    title->setWordWrap(true);
    top->addWidget(title, 1);
    layout->addLayout(top);

    // "Known key: ..." and "Key presented now: ..." as a grid of fingerprints.
    auto *keys = new QGridLayout;
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    int row = 0;
    while (!lines.isEmpty() && lines.first().contains(u':')
           && lines.first().section(u':', 1).trimmed().contains(u"SHA256"_s)) {
        const QString line = lines.takeFirst();
        keys->addWidget(new QLabel(line.section(u':', 0, 0) + u':', this), row, 0);
        auto *value = new QLabel(line.section(u':', 1).trimmed(), this);
        value->setFont(mono);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        keys->addWidget(value, row++, 1);
    }
    layout->addLayout(keys);
    auto *advice = new QLabel(lines.join(u'\n'), this);
    advice->setWordWrap(true);
    advice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(advice);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(720);
}
