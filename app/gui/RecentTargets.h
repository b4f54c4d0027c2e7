#pragma once

#include <QList>
#include <QString>

// The servers the window connected to, newest first, kept with QSettings
// so that the connection dialog offers them again. Never a password: those
// go to the keyring (PasswordStore) or nowhere.
struct RecentTarget {
    enum class Authentication { Agent, KeyFile, Password };

    QString target; // "ssh://user@host:port"
    Authentication authentication = Authentication::Agent;
    QString identityFile;
    bool sudo = false;
    QString instance; // NAME of /etc/apache2-NAME, empty for the main one
    bool rememberPasswords = false;

    static constexpr int kept = 8;

    // Newest first.
    static QList<RecentTarget> load();
    // Puts `entry` first, replacing an older entry for the same target.
    static void remember(const RecentTarget &entry);
};
