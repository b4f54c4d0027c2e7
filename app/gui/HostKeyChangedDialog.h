#pragma once

#include <QDialog>

// Says that a server's host key has changed and that MPM Lab does not
// connect: the key it knew and the key presented now, side by side, what
// a change can mean, and what to do. There is nothing to accept here.
class HostKeyChangedDialog : public QDialog {
    Q_OBJECT

public:
    // `message`: the refusal as the SSH layer words it (a headline, the
    // known and presented keys on lines of their own, then the advice).
    HostKeyChangedDialog(const QString &message, QWidget *parent);
};
