#pragma once

#include <QString>

// A throw-away local account for sudo tests: a random name and password, a
// /etc/sudoers.d entry (password required, or NOPASSWD), no home. Removed
// with its sudoers entry when the object goes away. Needs root and sudo.
class TestSudoUser {
public:
    TestSudoUser();
    ~TestSudoUser();
    TestSudoUser(const TestSudoUser &) = delete;
    TestSudoUser &operator=(const TestSudoUser &) = delete;

    // Why no such account can be made on this machine (not root, no sudo
    // package), else empty: the one reason to skip. Call first.
    [[nodiscard]] static QString skipReason();
    // Empty on success, else what failed: a failure of the test, never a
    // reason to skip.
    QString create(bool passwordless);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString password() const { return m_password; }

private:
    QString m_name;
    QString m_password;
    bool m_created = false;
};
