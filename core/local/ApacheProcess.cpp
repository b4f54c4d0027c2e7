#include "ApacheProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>
#include <signal.h>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto commandTimeout = 30s; // configtest and start on a loaded 2-core machine
constexpr unsigned long pollIntervalMs = 50;
constexpr qint64 orphanWaitMs = 2000; // a killed process is gone within ms

} // namespace

ApacheProcess::ApacheProcess(QString binary, QString serverRoot, QString configPath,
                             QString pidFilePath)
    : m_binary(std::move(binary))
    , m_serverRoot(std::move(serverRoot))
    , m_configPath(std::move(configPath))
    , m_pidFilePath(std::move(pidFilePath))
{
}

QStringList ApacheProcess::baseArguments() const
{
    return {u"-d"_s, m_serverRoot, u"-f"_s, m_configPath};
}

Result<ProcessOutput> ApacheProcess::configTest() const
{
    Result<ProcessOutput> output =
        ProcessRunner::run(m_binary, baseArguments() << u"-t"_s, commandTimeout);
    if (!output)
        return output.error();
    if (!output->succeeded()) {
        return Error{Error::Kind::ConfigRejected, u"Apache rejected the configuration"_s,
                     output->combinedText()};
    }
    return output;
}

Status ApacheProcess::start(std::optional<qint64> memoryLimitKib) const
{
    const QStringList arguments = baseArguments() << u"-k"_s << u"start"_s;
    // The same `ulimit -v` as Debian's envvars gets on a server, so that
    // the local lab and an SSH target fail alike.
    const Result<ProcessOutput> output =
        memoryLimitKib
            ? ProcessRunner::run(u"/bin/sh"_s,
                                 QStringList{u"-c"_s, u"ulimit -v \"$1\" && shift && exec \"$@\""_s,
                                             u"sh"_s, QString::number(*memoryLimitKib), m_binary}
                                     + arguments,
                                 commandTimeout)
            : ProcessRunner::run(m_binary, arguments, commandTimeout);
    if (!output)
        return output.error();
    if (!output->succeeded()) {
        const QString text = output->combinedText();
        const bool portTaken = text.contains(u"Address already in use"_s);
        return Error{portTaken ? Error::Kind::Busy : Error::Kind::StartFailed,
                     portTaken ? u"Apache could not bind its port: it is already in use"_s
                               : u"Apache failed to start (exit code %1)"_s.arg(output->exitCode),
                     text};
    }
    return {};
}

bool ApacheProcess::isAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie still answers kill(0) until its parent reaps it.
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype afterName = line.lastIndexOf(')');
    return afterName < 0 || line.size() < afterName + 3 || line.at(afterName + 2) != 'Z';
}

bool ApacheProcess::runsOurConfig(qint64 pid) const
{
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> arguments = cmdline.readAll().split('\0');
    return arguments.contains(QFile::encodeName(m_configPath));
}

std::optional<qint64> ApacheProcess::runningPid() const
{
    QFile file(m_pidFilePath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const qint64 pid = file.readAll().trimmed().toLongLong(&ok);
    if (!ok || !isAlive(pid) || !runsOurConfig(pid))
        return std::nullopt;
    return pid;
}

Status ApacheProcess::stopAndWait(std::chrono::milliseconds timeout) const
{
    return stopAndWait(timeout, std::nullopt);
}

Status ApacheProcess::stopAndWait(std::chrono::milliseconds timeout,
                                  std::optional<qint64> seenPid) const
{
    std::optional<qint64> pid = runningPid();
    if (!pid && seenPid) {
        if (!isAlive(*seenPid) || !runsOurConfig(*seenPid)) {
            // Gone already, maybe leaving children that failed to start and
            // still hold the listening socket: the rest of its group goes.
            killGroupRemains(*seenPid);
            return {};
        }
        pid = seenPid;
    }
    if (!pid)
        return {};
    ::kill(pid_t(*pid), SIGTERM);
    const QDeadlineTimer deadline(timeout);
    while (isAlive(*pid)) {
        if (deadline.hasExpired()) {
            // httpd is its own process group leader (it calls setsid): take
            // the children with it so none keeps the port open.
            ::kill(-pid_t(*pid), SIGKILL);
            QThread::msleep(200);
            if (isAlive(*pid)) {
                return Error{
                    Error::Kind::StopFailed,
                    u"Apache (pid %1) did not stop within %2 ms, even after SIGKILL"_s.arg(*pid)
                        .arg(timeout.count()),
                    {}};
            }
            break;
        }
        QThread::msleep(pollIntervalMs);
    }
    killGroupRemains(*pid);
    QFile::remove(m_pidFilePath);
    return {};
}

void ApacheProcess::killGroupRemains(qint64 leader)
{
    // httpd's parent leads its process group (it calls setsid); a stopped
    // parent has waited for its children, so this only finds orphans.
    if (::kill(-pid_t(leader), 0) != 0)
        return;
    ::kill(-pid_t(leader), SIGKILL);
    const QDeadlineTimer deadline(orphanWaitMs);
    while (::kill(-pid_t(leader), 0) == 0 && !deadline.hasExpired())
        QThread::msleep(pollIntervalMs);
}

} // namespace mpmlab
