#include "ApacheProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>
#include <signal.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto commandTimeout = 30s; // configtest and start on a loaded 2-core machine
constexpr unsigned long pollIntervalMs = 50;
constexpr qint64 orphanWaitMs = 2000; // a killed process is gone within ms

// The fields of /proc/PID/stat after the command name, which may hold
// spaces and parentheses: state, ppid, pgrp, session, ...
QList<QByteArray> statFields(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const qsizetype afterName = line.lastIndexOf(')');
    if (afterName < 0)
        return {};
    return line.mid(afterName + 2).trimmed().split(' ');
}

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
    const qsizetype option = arguments.indexOf("-f");
    return option >= 0 && arguments.value(option + 1) == QFile::encodeName(m_configPath);
}

QList<ApacheProcess::Member> ApacheProcess::members() const
{
    QList<Member> found;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || pid == ::getpid() || !runsOurConfig(pid) || !isAlive(pid))
            continue;
        const QList<QByteArray> fields = statFields(pid);
        if (fields.size() < 3)
            continue; // gone meanwhile
        found.append(Member{pid, fields.at(1).toLongLong(), fields.at(2).toLongLong()});
    }
    return found;
}

std::optional<QDateTime> ApacheProcess::startTime(qint64 pid)
{
    // Field 22 of /proc/PID/stat (the 20th after the name): clock ticks
    // after boot; /proc/stat's btime is the boot's wall-clock time.
    const QList<QByteArray> fields = statFields(pid);
    if (fields.size() < 20)
        return std::nullopt;
    QFile stat(u"/proc/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray &line : stat.readAll().split('\n')) {
        if (!line.startsWith("btime "))
            continue;
        const qint64 boot = line.mid(6).trimmed().toLongLong();
        const double seconds = fields.at(19).toDouble() / double(::sysconf(_SC_CLK_TCK));
        return QDateTime::fromMSecsSinceEpoch(boot * 1000 + qint64(seconds * 1000.0));
    }
    return std::nullopt;
}

Status ApacheProcess::stopAll(std::chrono::milliseconds timeout) const
{
    // The pid file's parent first, the way httpd expects to be stopped.
    if (Status stopped = stopAndWait(timeout); !stopped)
        return stopped;
    QList<qint64> leaders;
    for (const Member &member : members()) {
        if (member.isGroupLeader()) {
            ::kill(pid_t(member.pid), SIGTERM);
            leaders << member.pid;
        }
    }
    const QDeadlineTimer deadline(timeout);
    for (const qint64 leader : std::as_const(leaders)) {
        while (isAlive(leader) && !deadline.hasExpired())
            QThread::msleep(pollIntervalMs);
        ::kill(-pid_t(leader), SIGKILL);
    }
    // What is left has no parent to stop it: children of a killed parent.
    const QDeadlineTimer orphanDeadline(orphanWaitMs);
    QList<Member> left = members();
    while (!left.isEmpty() && !orphanDeadline.hasExpired()) {
        for (const Member &member : std::as_const(left))
            ::kill(pid_t(member.pid), SIGKILL);
        QThread::msleep(pollIntervalMs);
        left = members();
    }
    if (!left.isEmpty()) {
        QStringList pids;
        for (const Member &member : std::as_const(left))
            pids << QString::number(member.pid);
        return Error{Error::Kind::StopFailed,
                     u"Apache processes of this instance survived SIGKILL: pids %1"_s.arg(
                         pids.join(u", "_s)),
                     {}};
    }
    QFile::remove(m_pidFilePath);
    return {};
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
