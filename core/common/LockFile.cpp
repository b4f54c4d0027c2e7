#include "LockFile.h"

#include "ProcFs.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto retryInterval = 50ms; // while waiting: well within a Stop's 200 ms

// The pid that holds a flock on the file `device`/`inode`, from the
// kernel's table: "1: FLOCK  ADVISORY  WRITE 4242 08:01:1234 0 EOF".
std::optional<qint64> flockHolderPid(dev_t device, ino_t inode)
{
    QFile locks(u"/proc/locks"_s);
    if (!locks.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray wanted = QByteArray::number(major(device), 16).rightJustified(2, '0') + ':'
                              + QByteArray::number(minor(device), 16).rightJustified(2, '0') + ':'
                              + QByteArray::number(quint64(inode));
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // A blocked waiter shows as "-> FLOCK ...": only the holder counts.
        if (fields.size() < 6 || fields.at(1) != "FLOCK")
            continue;
        if (fields.at(5) == wanted)
            return fields.at(4).toLongLong();
    }
    return std::nullopt;
}

} // namespace

QString LockHolder::describe() const
{
    QString text = purpose.isEmpty() ? u"pid %1"_s.arg(pid) : u"%1, pid %2"_s.arg(purpose).arg(pid);
    if (!command.isEmpty())
        text += u" (%1)"_s.arg(command);
    if (since.isValid())
        text += u" since %1"_s.arg(since.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    return text;
}

QByteArray LockHolder::toJson() const
{
    return QJsonDocument(QJsonObject{{u"pid"_s, pid},
                                     {u"purpose"_s, purpose},
                                     {u"command"_s, command},
                                     {u"since"_s, since.toString(Qt::ISODate)}})
        .toJson(QJsonDocument::Compact);
}

LockHolder LockHolder::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    LockHolder holder;
    holder.pid = object.value(u"pid"_s).toInteger();
    holder.purpose = object.value(u"purpose"_s).toString();
    holder.command = object.value(u"command"_s).toString();
    holder.since = QDateTime::fromString(object.value(u"since"_s).toString(), Qt::ISODate);
    return holder;
}

LockFile::LockFile(int fd)
    : m_fd(fd)
{
}

LockFile::~LockFile()
{
    // The holder's record goes with the lock: a reader never sees a
    // finished holder named.
    // (Harmless if it fails: readers trust the record only while the lock is held.)
    const bool cleared = ::ftruncate(m_fd, 0) == 0;
    Q_UNUSED(cleared)
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

QString LockFile::ownCommandLine() { return commandLineOf(::getpid()); }

Result<std::unique_ptr<LockFile>>
LockFile::acquire(const QString &path, const QString &purpose, std::chrono::milliseconds wait,
                  std::stop_token stop, const std::function<void(const LockHolder &)> &waiting)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return Error{Error::Kind::Io,
                     u"cannot open the lock file %1: %2"_s.arg(
                         path, QString::fromLocal8Bit(std::strerror(errno))),
                     {}};
    }
    const QDeadlineTimer deadline =
        wait == waitForever ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(wait);
    bool told = false;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error == EINTR)
            continue;
        if (error != EWOULDBLOCK) {
            ::close(fd);
            return Error{
                Error::Kind::Io,
                u"cannot lock %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(error))),
                {}};
        }
        const LockHolder current = holder(path).value_or(LockHolder{});
        if (deadline.hasExpired()) {
            ::close(fd);
            return Error{Error::Kind::Busy, u"in use by %1"_s.arg(current.describe()), {}};
        }
        if (stop.stop_requested()) {
            ::close(fd);
            return Error{Error::Kind::Cancelled,
                         u"stopped while waiting for %1"_s.arg(current.describe()),
                         {}};
        }
        if (!told && waiting) {
            waiting(current);
            told = true;
        }
        QThread::msleep(static_cast<unsigned long>(retryInterval.count()));
    }

    LockHolder self;
    self.pid = ::getpid();
    self.purpose = purpose;
    self.command = ownCommandLine();
    self.since = QDateTime::currentDateTimeUtc();
    const QByteArray record = self.toJson() + '\n';
    // Should this fail, the lock is ours all the same: others still get
    // the pid from the kernel, only the description is missing.
    const bool recorded =
        ::ftruncate(fd, 0) == 0
        && ::pwrite(fd, record.constData(), size_t(record.size()), 0) == ssize_t(record.size());
    Q_UNUSED(recorded)
    return std::unique_ptr<LockFile>(new LockFile(fd));
}

std::optional<LockHolder> LockFile::holder(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    const std::optional<qint64> pid = flockHolderPid(info.st_dev, info.st_ino);
    if (!pid)
        return std::nullopt;
    QFile file(path);
    LockHolder recorded;
    if (file.open(QIODevice::ReadOnly))
        recorded = LockHolder::fromJson(file.readAll());
    // The record may lag behind the lock by a moment: the kernel's pid wins.
    if (recorded.pid != *pid) {
        recorded = LockHolder{};
        recorded.pid = *pid;
        recorded.command = commandLineOf(*pid);
    }
    return recorded;
}

} // namespace mpmlab
