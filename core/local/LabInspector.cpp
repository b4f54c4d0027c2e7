#include "LabInspector.h"

#include "LabJournal.h"
#include "common/BlockingHttpClient.h"
#include "common/LockFile.h"
#include "common/ProcFs.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto statusProbeTimeout = 1000ms;
// /proc gives a process's start to the second (boot time) plus ticks: a
// config written just before a start may look up to ~1 s newer than it.
constexpr qint64 startTimeSlackMs = 2000;

// PRETTY_NAME from /etc/os-release, as the SSH driver reports it.
QString osPrettyName()
{
    QFile file(u"/etc/os-release"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("PRETTY_NAME="))
            return QString::fromUtf8(line.mid(12)).remove(u'"');
    }
    return {};
}

QString pidList(const QList<qint64> &pids)
{
    QStringList text;
    for (const qint64 pid : pids)
        text << QString::number(pid);
    return text.join(u", "_s);
}

} // namespace

LabInspector::LabInspector(LabSettings settings, LabConfig config, ApacheProcess process)
    : m_settings(std::move(settings))
    , m_config(std::move(config))
    , m_process(std::move(process))
{
}

Result<ServerStatus> LabInspector::fetchStatus(quint16 port, std::chrono::milliseconds timeout)
{
    const Result<HttpReply> reply =
        BlockingHttpClient::get(u"127.0.0.1"_s, port, u"/server-status?auto"_s, timeout);
    if (!reply)
        return reply.error();
    if (reply->statusCode != 200) {
        return Error{
            Error::Kind::Network, u"mod_status answered HTTP %1"_s.arg(reply->statusCode), {}};
    }
    return ServerStatus::parse(QString::fromUtf8(reply->body));
}

ServerState LabInspector::state() const
{
    ServerState state;
    state.target = u"local"_s;
    state.host = u"127.0.0.1"_s;
    state.port = m_settings.port;
    state.configRoot = m_config.rootDir;
    state.memoryLimitKib = m_settings.memoryLimitKib;
    state.osName = osPrettyName();
    QFile config(m_config.configPath());
    if (config.open(QIODevice::ReadOnly))
        state.configuredMpm = LabConfig::mpmIn(config.readAll());
    if (const std::optional<qint64> pid = m_process.runningPid()) {
        state.running = true;
        state.pid = *pid;
        if (const Result<ServerStatus> status = fetchStatus(m_settings.port, statusProbeTimeout)) {
            state.runningMpm = status->mpm;
            state.serverVersion = status->serverVersion;
        }
    }
    // Not this process: what it does itself is no news to it.
    if (const std::optional<LockHolder> owner = LockFile::holder(m_config.lockPath());
        owner && owner->pid != ::getpid()) {
        state.owner = owner->describe();
    }
    addProcessProblems(state);
    addConfigProblems(state);
    addJournalProblems(state);
    return state;
}

void LabInspector::addProcessProblems(ServerState &state) const
{
    const QList<ApacheProcess::Member> members = m_process.members();
    QList<qint64> parents;
    QList<qint64> orphans;
    for (const ApacheProcess::Member &member : members) {
        if (member.isGroupLeader()) {
            if (member.pid != state.pid)
                parents << member.pid;
            continue;
        }
        const bool hasParent =
            std::any_of(members.begin(), members.end(), [&](const ApacheProcess::Member &other) {
                return other.pid == member.groupId;
            });
        if (!hasParent)
            orphans << member.pid;
    }
    if (!parents.isEmpty()) {
        state.problems << u"Apache parents of this lab run without its pid file (pids %1): "
                          "`mpmlab-cli lab stop` ends them"_s.arg(pidList(parents));
    }
    if (!orphans.isEmpty()) {
        const QList<qint64> listening = tcpListenersOn(m_settings.port);
        const bool holdPort = std::any_of(orphans.begin(), orphans.end(),
                                          [&](qint64 pid) { return listening.contains(pid); });
        state.problems << u"%1 Apache processes of this lab run without their parent, which was "
                          "killed (pids %2)%3: the lab's next start or stop ends them"_s
                              .arg(orphans.size())
                              .arg(pidList(orphans),
                                   holdPort ? u", and hold port %1"_s.arg(m_settings.port)
                                            : QString());
    }
    if (!state.running)
        return;
    if (!state.runningMpm) {
        state.problems << u"Apache runs (pid %1) but its mod_status does not answer on port %2"_s
                              .arg(state.pid)
                              .arg(m_settings.port);
    } else if (*state.runningMpm != m_settings.mpm) {
        state.problems << u"Apache runs %1, but lab.json says %2"_s.arg(mpmName(*state.runningMpm),
                                                                        mpmName(m_settings.mpm));
    }
    const std::optional<QDateTime> started = ApacheProcess::startTime(state.pid);
    const QDateTime written = QFileInfo(m_config.configPath()).lastModified();
    if (started && written.isValid()
        && written.toMSecsSinceEpoch() > started->toMSecsSinceEpoch() + startTimeSlackMs) {
        state.problems << u"Apache (pid %1) started before httpd.conf last changed: it may run "
                          "another configuration than the one on disk"_s.arg(state.pid);
    }
}

void LabInspector::addConfigProblems(ServerState &state) const
{
    QFile file(m_config.configPath());
    if (!file.open(QIODevice::ReadOnly))
        return; // never started: nothing on disk to disagree with
    const QByteArray onDisk = file.readAll();
    const std::optional<MpmKind> mpm = LabConfig::mpmIn(onDisk);
    const std::optional<quint16> port = LabConfig::portIn(onDisk);
    if (mpm != m_settings.mpm) {
        state.problems << u"httpd.conf loads %1, but lab.json says %2"_s.arg(
            mpm ? mpmName(*mpm) : u"no MPM"_s, mpmName(m_settings.mpm));
    }
    if (port != m_settings.port) {
        state.problems << u"httpd.conf listens on port %1, but lab.json says %2"_s
                              .arg(port ? QString::number(*port) : u"no port"_s)
                              .arg(m_settings.port);
    }
    if (mpm == m_settings.mpm && port == m_settings.port && onDisk != m_config.render()) {
        state.problems << u"httpd.conf does not hold what lab.json describes (directives or "
                          "memory limit differ)"_s;
    }
}

void LabInspector::addJournalProblems(ServerState &state) const
{
    const Result<std::optional<LabJournal>> journal = LabJournal::load(m_config.journalPath());
    if (!journal) {
        state.problems << journal.error().message;
        return;
    }
    if (!*journal || !(*journal)->changeInterrupted(m_config.lockPath()))
        return;
    const LabJournal &found = **journal;
    const QDateTime since = QDateTime::fromString(found.changingSince, Qt::ISODate);
    state.problems << u"a change was interrupted (%1, pid %2, at %3): `mpmlab-cli server restore "
                      "--target local --lab-dir %4` puts the lab back as it was before MPM Lab "
                      "changed it"_s.arg(found.changing)
                          .arg(found.changingPid)
                          .arg(since.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                               m_config.rootDir);
}

} // namespace mpmlab
