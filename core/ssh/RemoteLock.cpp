#include "RemoteLock.h"

#include "RestoreJournal.h"
#include "remote/RemoteShell.h"
#include "remote/ShellQuote.h"
#include "remote/SshExecChannel.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QSysInfo>
#include <QThread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto answerTimeout = 30s;   // the first line of the lock command
constexpr auto readSlice = 100ms;     // between checks of the answer's deadline
constexpr auto retryInterval = 500ms; // while waiting for another owner
constexpr auto releaseTimeout = 2s;   // for the lock command to end after EOF
constexpr int busyStatus = 75;        // EX_TEMPFAIL

// Locks with flock(1), writes the owner's record into the lock file, says
// LOCKED and holds the lock until its stdin closes; or says BUSY and the
// current owner's record, or NOFLOCK.
QString lockScript(const QString &path, const QByteArray &record)
{
    return u"command -v flock >/dev/null 2>&1 || { echo NOFLOCK; exit 1; }\n"
           "umask 077; mkdir -p %1 || exit 1\n"
           "exec 9>>%2 || exit 1\n"
           "if ! flock -n 9; then printf 'BUSY '; head -c 4096 %2; echo; exit %3; fi\n"
           "printf '%s\\n' %4 > %2\n"
           "echo LOCKED\n"
           "exec cat >/dev/null\n"_s.arg(shellQuote(path.section(u'/', 0, -2)), shellQuote(path))
               .arg(busyStatus)
               .arg(shellQuote(QString::fromUtf8(record)));
}

} // namespace

RemoteLock::RemoteLock(std::unique_ptr<SshExecChannel> channel)
    : m_channel(std::move(channel))
{
}

RemoteLock::~RemoteLock()
{
    // EOF on its stdin: the command holding the lock ends, and the lock with it.
    m_channel->finish(releaseTimeout);
}

Result<std::unique_ptr<RemoteLock>>
RemoteLock::acquire(RemoteShell &shell, const QString &configDir, const QString &purpose,
                    std::chrono::milliseconds wait, const std::function<bool()> &stopped,
                    const std::function<void(const LockHolder &)> &waiting)
{
    LockHolder self;
    self.pid = ::getpid();
    self.purpose = purpose;
    self.command = LockFile::ownCommandLine() + u" on "_s + QSysInfo::machineHostName();
    self.since = QDateTime::currentDateTimeUtc();
    const QString path = RestoreJournal::lockPathFor(configDir);
    const QDeadlineTimer waitDeadline =
        wait == waitForever ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(wait);
    bool told = false;
    for (;;) {
        Result<std::unique_ptr<SshExecChannel>> started =
            shell.startAsRoot(lockScript(path, self.toJson()));
        if (!started)
            return started.error();
        std::unique_ptr<SshExecChannel> channel = std::move(started).value();
        QByteArray answer;
        const QDeadlineTimer answerDeadline(answerTimeout);
        while (!answer.contains('\n')) {
            const Result<QByteArray> chunk = channel->read(readSlice);
            if (!chunk) {
                return Error{chunk.error().kind,
                             u"cannot lock %1 on %2: %3"_s.arg(path, shell.targetName(),
                                                               chunk.error().message),
                             chunk.error().details};
            }
            answer += *chunk;
            if (answerDeadline.hasExpired()) {
                return Error{Error::Kind::Timeout,
                             u"locking %1 on %2 did not answer"_s.arg(path, shell.targetName()),
                             {}};
            }
        }
        if (answer.startsWith("LOCKED"))
            return std::unique_ptr<RemoteLock>(new RemoteLock(std::move(channel)));
        channel->finish(releaseTimeout);
        if (answer.startsWith("NOFLOCK")) {
            return Error{Error::Kind::NotInstalled,
                         u"%1 has no flock(1), which keeps one owner at a time: install "
                         "util-linux"_s.arg(shell.targetName()),
                         {}};
        }
        const LockHolder owner =
            LockHolder::fromJson(answer.mid(answer.indexOf(' ') + 1).trimmed());
        if (waitDeadline.hasExpired()) {
            return Error{Error::Kind::Busy,
                         u"Apache (%1) on %2 is in use by %3: try again when it is done, or "
                         "wait for it (mpmlab-cli: --wait)"_s.arg(configDir, shell.targetName(),
                                                                  owner.describe()),
                         {}};
        }
        if (!told && waiting) {
            waiting(owner);
            told = true;
        }
        const QDeadlineTimer pause(retryInterval);
        while (!pause.hasExpired()) {
            if (stopped && stopped()) {
                return Error{Error::Kind::Cancelled,
                             u"stopped while waiting for %1"_s.arg(owner.describe()),
                             {}};
            }
            QThread::msleep(50);
        }
    }
}

} // namespace mpmlab
