#pragma once

#include "remote/HostKeyPolicy.h"

#include <QDialog>

// Asks whether to trust a server's host key that no known_hosts file
// lists: its SHA256 fingerprint, how to check it, and three answers: trust
// and remember, trust this time, or cancel. (A changed key is never asked
// about: it is refused, see ConnectDialog.)
class HostKeyDialog : public QDialog {
    Q_OBJECT

public:
    HostKeyDialog(const mpmlab::UnknownHostKey &key, const QString &target, QWidget *parent);

    // After exec()/open(): Remember or ThisTime when accepted.
    [[nodiscard]] mpmlab::HostKeyTrust trust() const { return m_trust; }
    [[nodiscard]] QString fingerprint() const { return m_fingerprint; }

    // The buttons, for tests.
    static constexpr const char *rememberButtonName = "trustAndRemember";
    static constexpr const char *thisTimeButtonName = "trustThisTime";

private:
    mpmlab::HostKeyTrust m_trust = mpmlab::HostKeyTrust::Refuse;
    QString m_fingerprint;
};
