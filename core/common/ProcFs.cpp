#include "ProcFs.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr const char *tcpListenState = "0A"; // TCP_LISTEN in /proc/net/tcp

// The socket inodes listening on `port` in /proc/net/tcp or tcp6:
// "sl local_address rem_address st ... uid timeout inode".
QSet<QByteArray> listeningInodes(quint16 port)
{
    QSet<QByteArray> inodes;
    const QByteArray hexPort = QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QString &table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
            if (fields.size() < 10 || fields.at(3) != tcpListenState)
                continue;
            const QByteArray &local = fields.at(1); // address:port, in hex
            if (local.mid(local.lastIndexOf(':') + 1) == hexPort)
                inodes.insert(fields.at(9));
        }
    }
    return inodes;
}

} // namespace

QString commandLineOf(qint64 pid)
{
    QFile file(u"/proc/%1/cmdline"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = file.readAll();
    if (text.endsWith('\0'))
        text.chop(1);
    return QString::fromLocal8Bit(text.replace('\0', ' '));
}

QList<qint64> tcpListenersOn(quint16 port, bool *hidden)
{
    const QSet<QByteArray> inodes = listeningInodes(port);
    QSet<QByteArray> seen;
    QList<qint64> pids;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || inodes.isEmpty())
            continue;
        const QDir fds(u"/proc/%1/fd"_s.arg(pid));
        const QStringList links =
            fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : links) {
            // "socket:[INODE]", which QFile::symLinkTarget() would take for
            // a relative path.
            char target[64] = {};
            const ssize_t length = ::readlink(QFile::encodeName(fds.filePath(fd)).constData(),
                                              target, sizeof target - 1);
            const QByteArray link(target, length > 0 ? length : 0);
            if (!link.startsWith("socket:[") || !link.endsWith(']'))
                continue;
            const QByteArray inode = link.mid(8).chopped(1);
            if (inodes.contains(inode)) {
                seen.insert(inode);
                if (!pids.contains(pid))
                    pids << pid;
            }
        }
    }
    if (hidden)
        *hidden = seen.size() < inodes.size();
    return pids;
}

QString describeListeners(quint16 port)
{
    bool hidden = false;
    const QList<qint64> pids = tcpListenersOn(port, &hidden);
    QStringList who;
    for (const qint64 pid : pids)
        who << u"pid %1 (%2)"_s.arg(pid).arg(commandLineOf(pid));
    if (hidden)
        who << u"a process of another user"_s;
    if (who.isEmpty())
        return u"a process this account cannot see"_s;
    return who.join(u", "_s);
}

} // namespace mpmlab
