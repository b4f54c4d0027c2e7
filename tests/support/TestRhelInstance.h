#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A RHEL/Fedora-shaped Apache for one test, on this Debian machine: the
// paths of RHEL 9's httpd package (/etc/httpd with conf/httpd.conf,
// conf.modules.d/00-mpm.conf and conf.d/, /run/httpd/httpd.pid,
// /var/log/httpd/error_log) served by Debian's own apache2 binary and
// modules, with `httpd` and `apachectl` stand-ins in /usr/local/sbin.
//
// None of it is visible on the host: sshd runs (through launcher()) in a
// private mount namespace where /etc, /run, /var and /usr/local/sbin are
// overlays whose upper layers live in a temporary directory. The host's
// files show through read-only; every write in the namespace lands in those
// layers, which go away with this object. Apache runs on 127.0.0.1 and a
// free high port and is stopped with this object; a crashed test leaves
// only the layers in /tmp and, if it was running, that httpd (which keeps
// the namespace alive) until it is killed. Needs root.
class TestRhelInstance {
public:
    TestRhelInstance();
    ~TestRhelInstance();
    TestRhelInstance(const TestRhelInstance &) = delete;
    TestRhelInstance &operator=(const TestRhelInstance &) = delete;

    // Why this cannot run here (not root, a real /etc/httpd, no apache2
    // package, no overlay mounts in a private namespace), else empty: the
    // one reason to skip. Call first.
    [[nodiscard]] static QString skipReason();
    // Writes the layers and the tree. Empty on success, else what failed: a
    // failure of the test, never a reason to skip.
    QString create();

    // Put before sshd's command line (TestSshd::setLauncher).
    [[nodiscard]] QStringList launcher() const;

    [[nodiscard]] static QString configDir() { return QStringLiteral("/etc/httpd"); }
    [[nodiscard]] static QString documentRoot() { return QStringLiteral("/var/www/html"); }
    [[nodiscard]] static QString pidFile() { return QStringLiteral("/run/httpd/httpd.pid"); }
    [[nodiscard]] static QString errorLog() { return QStringLiteral("/var/log/httpd/error_log"); }
    [[nodiscard]] quint16 port() const { return m_port; }

    // Where the test (on the host) finds `path` as the namespace sees it,
    // for paths under the overlays that the namespace created or changed.
    [[nodiscard]] QString hostPath(const QString &path) const;

    // Runs `script` with /bin/sh in the mount namespace of process `pid`
    // (the sshd started through launcher()): writes go through the
    // overlays as the server's would. Empty on success, else what failed.
    static QString runInside(qint64 pid, const QString &script);

    // The paths this instance must never leave on the host.
    static QStringList privatePaths();

private:
    [[nodiscard]] QString layers() const { return m_dir.filePath(QStringLiteral("layers")); }
    [[nodiscard]] QString enterScript() const { return m_dir.filePath(QStringLiteral("enter.sh")); }
    QString writeFile(const QString &path, const QByteArray &contents);
    void stopApache();

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_created = false;
};
