#include "TestSshd.h"

#include "TestLab.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr auto sshd = "/usr/sbin/sshd";
constexpr int startTimeoutMs = 10000;

QString runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        return u"%1 %2 failed: %3 %4"_s.arg(program, arguments.join(u' '), process.errorString(),
                                            QString::fromLocal8Bit(process.readAllStandardError()));
    }
    return {};
}

} // namespace

TestSshd::TestSshd() = default;

TestSshd::~TestSshd() { stop(); }

QString TestSshd::user() const
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

QString TestSshd::clientKeyPath() const { return m_dir.filePath(u"client_ed25519"_s); }
QString TestSshd::hostPublicKeyPath() const { return m_dir.filePath(u"host_ed25519.pub"_s); }

QString TestSshd::generateKey(const QString &path)
{
    return runTool(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s,
                                     u"mpmlab-test"_s, u"-f"_s, path});
}

QString TestSshd::knownHostsLine() const
{
    QFile key(hostPublicKeyPath());
    if (!key.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = key.readAll().trimmed().split(' ');
    if (parts.size() < 2)
        return {};
    return u"[127.0.0.1]:%1 %2 %3"_s.arg(m_port).arg(QString::fromLatin1(parts.at(0)),
                                                     QString::fromLatin1(parts.at(1)));
}

QString TestSshd::logText() const
{
    QFile log(m_dir.filePath(u"sshd.log"_s));
    return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()) : QString();
}

QString TestSshd::start()
{
    if (!m_dir.isValid())
        return u"cannot create a temporary directory"_s;
    if (!QFile::exists(QString::fromLatin1(sshd)))
        return u"sshd is not installed: install the Debian package openssh-server"_s;
    if (::geteuid() == 0)
        QDir().mkpath(u"/run/sshd"_s); // privilege separation directory
    for (const QString &key : {m_dir.filePath(u"host_ed25519"_s), clientKeyPath()}) {
        if (QString error = generateKey(key); !error.isEmpty())
            return error;
    }
    if (!QFile::copy(clientKeyPath() + u".pub"_s, m_dir.filePath(u"authorized_keys"_s)))
        return u"cannot write authorized_keys"_s;

    m_port = TestLab::freeHighPort();
    const QString config = m_dir.filePath(u"sshd_config"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write %1"_s.arg(config);
    file.write(u"Port %1\n"
               "ListenAddress 127.0.0.1\n"
               "HostKey %2\n"
               "PidFile %3\n"
               "AuthorizedKeysFile %4\n"
               "StrictModes no\n"
               "UsePAM %7\n"
               "PermitRootLogin %6\n"
               "PasswordAuthentication %5\n"
               "KbdInteractiveAuthentication %7\n"
               "MaxStartups 50\n"
               "Subsystem sftp internal-sftp\n"_s.arg(m_port)
                   .arg(m_dir.filePath(u"host_ed25519"_s), m_dir.filePath(u"sshd.pid"_s),
                        m_dir.filePath(u"authorized_keys"_s),
                        m_passwordAuthentication ? u"yes"_s : u"no"_s,
                        m_passwordAuthentication || m_pamKeyboardInteractive
                            ? u"yes"_s
                            : u"prohibit-password"_s,
                        m_pamKeyboardInteractive ? u"yes"_s : u"no"_s)
                   .toLocal8Bit());
    file.close();
    if (QString error = runTool(QString::fromLatin1(sshd), {u"-t"_s, u"-f"_s, config});
        !error.isEmpty()) {
        return error;
    }

    QStringList command = m_launcher;
    command << QString::fromLatin1(sshd) << u"-D"_s << u"-f"_s << config << u"-E"_s
            << m_dir.filePath(u"sshd.log"_s);
    m_sshd.start(command.first(), command.mid(1));
    if (!m_sshd.waitForStarted())
        return u"cannot run sshd: "_s + m_sshd.errorString();
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(u"127.0.0.1"_s, m_port);
        if (probe.waitForConnected(500) && probe.waitForReadyRead(2000)
            && probe.readAll().startsWith("SSH-")) {
            return {};
        }
        if (m_sshd.state() == QProcess::NotRunning)
            return u"sshd exited: "_s + logText();
        QThread::msleep(50);
    }
    return u"sshd did not answer on port %1: %2"_s.arg(m_port).arg(logText());
}

void TestSshd::stop()
{
    if (m_sshd.state() == QProcess::NotRunning)
        return;
    m_sshd.terminate();
    if (!m_sshd.waitForFinished(5000)) {
        m_sshd.kill();
        m_sshd.waitForFinished(2000);
    }
}

bool TestSshd::openToOtherAccounts() const
{
    const auto traversable = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                             | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                             | QFileDevice::ExeGroup | QFileDevice::ReadOther
                             | QFileDevice::ExeOther;
    return QFile::setPermissions(dir(), traversable)
           && QFile::setPermissions(dir() + u"/authorized_keys"_s, QFileDevice::ReadOwner
                                                                       | QFileDevice::ReadGroup
                                                                       | QFileDevice::ReadOther);
}
