#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

// Passwords kept in the desktop's keyring (the Secret Service of GNOME's
// keyring, KWallet) through QtKeychain, never in a file of MPM Lab's: where
// no keyring service answers, nothing is stored, and available() says so,
// for the connection dialog to tell the user.
class PasswordStore : public QObject {
    Q_OBJECT

public:
    explicit PasswordStore(QObject *parent = nullptr);

    // Asks the keyring once whether it answers: availabilityKnown() follows.
    void probe();
    // Unknown until the probe has answered.
    [[nodiscard]] std::optional<bool> available() const { return m_available; }

    // `done` gets the password kept for `key` ("ssh://user@host:22"), or an
    // empty one (none kept, or no keyring).
    void read(const QString &key, std::function<void(const QString &password)> done);
    void write(const QString &key, const QString &password);
    void remove(const QString &key);

    static constexpr const char *service = "MPM Lab";

Q_SIGNALS:
    void availabilityKnown(bool available);

private:
    std::optional<bool> m_available;
    bool m_probing = false;
};
