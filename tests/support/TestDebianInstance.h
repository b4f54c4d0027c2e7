#pragma once

#include "apache/MpmKind.h"

#include <QString>
#include <optional>
#include <source_location>

// A private Debian Apache instance for one test: /etc/apache2-mpmlabtest-N,
// copied from /etc/apache2 with `cp -a`, listening on 127.0.0.1 and a free
// high port, with its own log directory and document root. The main
// /etc/apache2 instance is only read. Everything created (config tree, logs,
// run and lock dirs, document root, MPM Lab's restore dir for it) is removed
// and the instance stopped when the object goes away. Needs root, as CI has.
class TestDebianInstance {
public:
    TestDebianInstance();
    ~TestDebianInstance();
    TestDebianInstance(const TestDebianInstance &) = delete;
    TestDebianInstance &operator=(const TestDebianInstance &) = delete;

    // Why no instance can be made on this machine (not root, no apache2
    // package), else empty: the one reason to skip. Call first.
    [[nodiscard]] static QString skipReason();
    // Makes the instance (stopped). Empty on success, else what failed: a
    // failure of the test, never a reason to skip.
    QString create();
    // Starts the instance the way Debian's scripts do (apache2ctl start with
    // APACHE_CONFDIR) and waits until its port answers HTTP, with or without
    // a status page. Empty on success, else what failed.
    QString start();

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString configDir() const { return QStringLiteral("/etc/apache2-") + m_name; }
    [[nodiscard]] QString documentRoot() const { return QStringLiteral("/var/www/") + m_name; }
    [[nodiscard]] quint16 port() const { return m_port; }
    // The MPM mod_status reports on the instance's port, if it answers.
    [[nodiscard]] std::optional<mpmlab::MpmKind> runningMpm() const;
    // The HTTP status of /server-status?auto; 0 when nothing answers.
    [[nodiscard]] int statusPageCode() const;

    // One line per entry of `dir` (type, mode, owner, path, link target),
    // then the SHA-256 of each regular file. Equal manifests: byte-identical
    // trees. Fails the running test (at the caller's line) when the tree
    // cannot be listed or hashed whole, or holds no regular file, so that a
    // failed reading never lets a comparison pass.
    static QString manifest(const QString &dir,
                            std::source_location caller = std::source_location::current());

private:
    void remove();

    QString m_name;
    quint16 m_port = 0;
    bool m_created = false;
};
