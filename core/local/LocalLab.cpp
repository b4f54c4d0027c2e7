#include "LocalLab.h"

#include "ApacheProcess.h"
#include "LabTree.h"
#include "apache/ReadinessCheck.h"
#include "apache/ServerStatus.h"
#include "common/AtomicFile.h"
#include "common/BlockingHttpClient.h"
#include "common/LoopbackPort.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto statusProbeTimeout = 1000ms;
constexpr auto readyPollInterval = 100ms;
constexpr int errorLogTailLines = 12;

QString settingsPath(const QString &root) { return root + u"/lab.json"_s; }

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

} // namespace

LocalLab::LocalLab(LabOptions options)
    : m_options(std::move(options))
{
    if (m_options.rootDir.isEmpty())
        m_options.rootDir = defaultRootDir();
    m_options.rootDir = QDir(m_options.rootDir).absolutePath();
}

LocalLab::~LocalLab() = default;

QString LocalLab::defaultRootDir()
{
    const QString fromEnvironment = qEnvironmentVariable("MPMLAB_LAB_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    if (::geteuid() == 0)
        return u"/var/lib/mpmlab/lab"_s;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/mpmlab/lab"_s;
}

QString LocalLab::targetName() const { return u"local"_s; }

QString LocalLab::errorLogPath() const { return configFor(LabSettings{}).errorLogPath(); }

Status LocalLab::checkInstalled() const
{
    if (!QFileInfo(m_options.apacheBinary).isExecutable()) {
        return Error{Error::Kind::NotInstalled,
                     u"Apache httpd is not installed (%1 not found): install the Debian package "
                     "apache2 (sudo apt-get install apache2)"_s.arg(m_options.apacheBinary),
                     {}};
    }
    const QString anyMpm = m_options.modulesDir + u"/mod_mpm_event.so"_s;
    if (!QFile::exists(anyMpm)) {
        return Error{Error::Kind::NotInstalled,
                     u"Apache's modules are missing (%1 not found): reinstall the Debian package "
                     "apache2-bin"_s.arg(anyMpm),
                     {}};
    }
    return {};
}

LabConfig LocalLab::configFor(const LabSettings &settings) const
{
    LabConfig config;
    config.rootDir = m_options.rootDir;
    config.modulesDir = m_options.modulesDir;
    config.port = settings.port;
    config.mpm = settings.mpm;
    if (!settings.directives.isEmpty())
        config.overrides = settings.directives.render();
    if (::geteuid() == 0) {
        // httpd refuses to serve as root: its children drop to www-data.
        config.runAsUser = ::getpwnam("www-data") ? u"www-data"_s : u"nobody"_s;
        config.runAsGroup = ::getgrnam("www-data") ? u"www-data"_s : u"nogroup"_s;
    }
    return config;
}

ApacheProcess LocalLab::processFor(const LabConfig &config) const
{
    return ApacheProcess(m_options.apacheBinary, config.rootDir, config.configPath(),
                         config.pidFilePath());
}

Result<ServerState> LocalLab::state()
{
    const Result<LabSettings> settings = LabSettings::load(settingsPath(m_options.rootDir));
    if (!settings)
        return settings.error();
    const LabConfig config = configFor(*settings);

    ServerState state;
    state.target = targetName();
    state.host = u"127.0.0.1"_s;
    state.port = settings->port;
    state.configRoot = m_options.rootDir;
    state.memoryLimitKib = settings->memoryLimitKib;
    state.osName = osPrettyName();
    if (QFile::exists(config.configPath()))
        state.configuredMpm = settings->mpm;
    if (const std::optional<qint64> pid = processFor(config).runningPid()) {
        state.running = true;
        state.pid = *pid;
        if (const Result<ServerStatus> status = fetchStatus(settings->port, statusProbeTimeout)) {
            state.runningMpm = status->mpm;
            state.serverVersion = status->serverVersion;
        }
    }
    return state;
}

Result<quint16> LocalLab::choosePort(const LabSettings &saved) const
{
    if (m_options.port) {
        if (!isLoopbackPortFree(*m_options.port)) {
            return Error{Error::Kind::Busy,
                         u"port %1 on 127.0.0.1 is already in use by another program: stop it or "
                         "choose another port with --port"_s.arg(*m_options.port),
                         {}};
        }
        return *m_options.port;
    }
    if (isLoopbackPortFree(saved.port))
        return saved.port;
    if (const std::optional<quint16> port = findFreeLoopbackPort(LabSettings::defaultPort))
        return *port;
    return Error{Error::Kind::Busy,
                 u"no free port on 127.0.0.1 from %1 to %2: choose one with --port"_s
                     .arg(LabSettings::defaultPort)
                     .arg(LabSettings::defaultPort + 99),
                 {}};
}

Status LocalLab::start()
{
    if (Status installed = checkInstalled(); !installed)
        return installed;
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    if (const std::optional<qint64> pid = processFor(configFor(*saved)).runningPid()) {
        if (m_options.port && *m_options.port != saved->port) {
            return Error{Error::Kind::Busy,
                         u"the lab already runs on port %1 (pid %2): stop it before choosing "
                         "port %3"_s.arg(saved->port)
                             .arg(*pid)
                             .arg(*m_options.port),
                         {}};
        }
        return {};
    }
    return startWith(*saved);
}

Status LocalLab::startWith(const LabSettings &wanted)
{
    LabSettings settings = wanted;
    const Result<quint16> port = choosePort(settings);
    if (!port)
        return port.error();
    settings.port = *port;

    const LabConfig config = configFor(settings);
    if (Status prepared = LabTree::prepare(config); !prepared)
        return prepared;
    const ApacheProcess process = processFor(config);
    reportProgress(u"Checking the configuration"_s);
    if (const Result<ProcessOutput> test = process.configTest(); !test)
        return test.error();

    reportProgress(
        u"Starting Apache (%1) on 127.0.0.1:%2"_s.arg(mpmName(settings.mpm)).arg(settings.port));
    const qint64 logOffset = QFileInfo(config.errorLogPath()).size();
    if (Status started = process.start(settings.memoryLimitKib); !started) {
        return withErrorLog(started.error(), logOffset);
    }
    std::optional<qint64> seenPid;
    const ReadinessCheck::Probes probes{
        [&process, &seenPid]() -> Result<std::optional<qint64>> {
            const std::optional<qint64> pid = process.runningPid();
            if (pid)
                seenPid = pid;
            return pid;
        },
        [this, &config] { return fetchStatus(config.port, statusProbeTimeout); },
        [this, logOffset] { return errorLogSince(logOffset); },
        [this](const QString &step) { reportProgress(step); }, [this] { return stopRequested(); }};
    const Result<ServerStatus> ready =
        ReadinessCheck(m_options.readyTimeout, m_options.settleDelay, readyPollInterval)
            .waitUntilReady(settings.mpm, probes);
    if (!ready) {
        // A parent that gave up (AH02325) removed its pid file but may
        // still hold the port: the rollback's start must not race it.
        (void)process.stopAndWait(m_options.stopTimeout, seenPid);
        return withErrorLog(ready.error(), logOffset);
    }
    return settings.save(settingsPath(m_options.rootDir));
}

Result<ServerStatus> LocalLab::fetchStatus(quint16 port, std::chrono::milliseconds timeout) const
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

Error LocalLab::withErrorLog(Error error, qint64 offset) const
{
    const QString log = errorLogSince(offset);
    if (!log.isEmpty())
        error.details = error.details.isEmpty() ? log : error.details % u'\n' % log;
    return error;
}

QString LocalLab::errorLogSince(qint64 offset) const
{
    QFile log(errorLogPath());
    if (!log.open(QIODevice::ReadOnly) || !log.seek(offset))
        return {};
    QStringList lines = QString::fromLocal8Bit(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > errorLogTailLines)
        lines = lines.mid(lines.size() - errorLogTailLines);
    if (lines.isEmpty())
        return {};
    return u"Last lines of %1:\n"_s.arg(errorLogPath()) + lines.join(u'\n');
}

Status LocalLab::stop()
{
    const Result<LabSettings> settings = LabSettings::load(settingsPath(m_options.rootDir));
    if (!settings)
        return settings.error();
    const ApacheProcess process = processFor(configFor(*settings));
    if (process.runningPid())
        reportProgress(u"Stopping Apache"_s);
    return process.stopAndWait(m_options.stopTimeout);
}

Status LocalLab::switchMpm(MpmKind kind)
{
    if (Status installed = checkInstalled(); !installed)
        return installed;
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    if (saved->mpm == kind && !m_options.port && processFor(configFor(*saved)).runningPid()) {
        const Result<ServerStatus> status = fetchStatus(saved->port, statusProbeTimeout);
        if (status && status->mpm == kind)
            return {};
    }
    LabSettings wanted = *saved;
    wanted.mpm = kind;
    const Result<QStringList> changed = changeTo(*saved, wanted, true);
    return changed ? Status{} : Status{changed.error()};
}

Result<QStringList> LocalLab::applyProfile(const ServerProfile &profile)
{
    if (Status installed = checkInstalled(); !installed)
        return installed.error();
    if (Status usable = profile.directives.checkFor(profile.mpm, targetName()); !usable)
        return usable.error();
    if (Status valid = checkMemoryLimit(profile.memoryLimitKib); !valid)
        return valid.error();
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    LabSettings wanted = *saved;
    wanted.mpm = profile.mpm;
    wanted.directives = {};
    wanted.directives.apply(profile.directives, profile.mpm);
    wanted.memoryLimitKib = profile.memoryLimitKib;
    const Result<DirectiveSet> effective =
        effectiveDirectives({configFor(wanted).render()}, wanted.mpm);
    QStringList warnings = effective ? effective->inconsistencies(wanted.mpm) : QStringList{};
    reportProgress(u"Applying %1 with %2 directive(s)%3"_s.arg(mpmName(profile.mpm))
                       .arg(profile.directives.values().size())
                       .arg(profile.memoryLimitKib
                                ? u", ulimit -v %1 KiB"_s.arg(*profile.memoryLimitKib)
                                : QString()));
    const Result<QStringList> apache = changeTo(*saved, wanted, true);
    if (!apache)
        return apache.error();
    return withApacheWarnings(warnings, *apache);
}

Result<SamplingEndpoint> LocalLab::samplingEndpoint()
{
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    SamplingEndpoint endpoint;
    endpoint.pidFile = configFor(*saved).pidFilePath();
    endpoint.statusPort = saved->port;
    return endpoint;
}

Result<DirectiveSet> LocalLab::directives()
{
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    // The lab's config is generated: read the values from what it renders.
    return effectiveDirectives({configFor(*saved).render()}, saved->mpm);
}

Result<QStringList> LocalLab::changeTo(const LabSettings &saved, const LabSettings &wanted,
                                       bool startEvenIfStopped)
{
    const LabConfig config = configFor(wanted);
    if (Status prepared = LabTree::prepare(config); !prepared)
        return prepared.error();
    const Result<ProcessOutput> test = processFor(config).configTest();
    if (!test) {
        (void)LabTree::prepare(configFor(saved));
        return test.error();
    }
    const QStringList warnings = DirectiveSet::apacheWarnings(test->combinedText());
    const ApacheProcess process = processFor(configFor(saved));
    const bool wasRunning = process.runningPid().has_value();
    if (!wasRunning && !startEvenIfStopped) {
        if (Status kept = wanted.save(settingsPath(m_options.rootDir)); !kept)
            return kept.error();
        return warnings;
    }
    // A full stop and start: an MPM change kills httpd on a graceful restart
    // (AH00534), and ServerLimit and ThreadLimit ignore one.
    if (wasRunning) {
        reportProgress(u"Stopping %1"_s.arg(mpmName(saved.mpm)));
        if (Status stopped = process.stopAndWait(m_options.stopTimeout); !stopped)
            return stopped.error();
    }
    const Status started = startWith(wanted);
    if (started)
        return warnings;

    // Roll back: the previous config, running again if it ran before.
    Error error = started.error();
    reportProgress(u"Rolling back to %1"_s.arg(mpmName(saved.mpm)));
    const Status restored = [&]() -> Status {
        if (Status written = LabTree::prepare(configFor(saved)); !written)
            return written;
        return wasRunning ? startWith(saved) : Status{};
    }();
    error.message += restored ? u"; the lab was rolled back to %1"_s.arg(mpmName(saved.mpm))
                              : u"; rolling back to %1 failed too: %2"_s.arg(
                                  mpmName(saved.mpm), restored.error().message);
    return error;
}

Result<QStringList> LocalLab::setDirectives(const DirectiveSet &changes)
{
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    if (Status usable = changes.checkFor(saved->mpm, targetName()); !usable)
        return usable.error();
    const Result<DirectiveSet> current = directives();
    if (!current)
        return current.error();
    DirectiveSet effective = *current;
    effective.merge(changes);
    QStringList warnings = effective.inconsistencies(saved->mpm);
    LabSettings wanted = *saved;
    wanted.directives.apply(changes, saved->mpm);
    const Result<QStringList> apache = changeTo(*saved, wanted, false);
    if (!apache)
        return apache.error();
    return withApacheWarnings(warnings, *apache);
}

Status LocalLab::setMemoryLimit(std::optional<qint64> kibibytes)
{
    if (Status valid = checkMemoryLimit(kibibytes); !valid)
        return valid;
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    if (saved->memoryLimitKib == kibibytes)
        return {};
    reportProgress(kibibytes ? u"Limiting Apache to %1 KiB of virtual memory"_s.arg(*kibibytes)
                             : u"Removing the memory limit"_s);
    LabSettings wanted = *saved;
    wanted.memoryLimitKib = kibibytes;
    const Result<QStringList> applied = changeTo(*saved, wanted, false);
    return applied ? Status{} : Status{applied.error()};
}

Result<QStringList> LocalLab::createTestFiles(const TestFilesSpec &spec)
{
    if (Status valid = spec.validate(); !valid)
        return valid.error();
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    const LabConfig config = configFor(*saved);
    if (Status prepared = LabTree::prepare(config); !prepared)
        return prepared.error();
    const QString root = config.documentRoot();
    if (Status written = writeFileAtomically(root + QString::fromLatin1(testPagePath),
                                             TestFilesSpec::pageOfSize(spec.pageBytes));
        !written) {
        return written.error();
    }
    QByteArray large(spec.largeBytes, '\0');
    for (qsizetype i = 0; i < large.size(); ++i)
        large[i] = char('a' + i % 26);
    if (Status written =
            writeFileAtomically(root + QString::fromLatin1(TestFilesSpec::largePath), large);
        !written) {
        return written.error();
    }
    return QStringList{QString::fromLatin1(testPagePath),
                       QString::fromLatin1(TestFilesSpec::largePath)};
}

Status LocalLab::restore()
{
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    const QString root = configFor(*saved).documentRoot();
    QFile::remove(root + QString::fromLatin1(TestFilesSpec::largePath));
    QFile::remove(root
                  + QString::fromLatin1(testPagePath)); // LabTree::prepare writes the 1 KiB one
    LabSettings wanted = *saved;
    wanted.directives = {};
    wanted.memoryLimitKib.reset();
    const Result<QStringList> applied = changeTo(*saved, wanted, false);
    return applied ? Status{} : Status{applied.error()};
}

Result<bool> LocalLab::restorePending()
{
    const Result<LabSettings> saved = LabSettings::load(settingsPath(m_options.rootDir));
    if (!saved)
        return saved.error();
    return !saved->directives.isEmpty() || saved->memoryLimitKib
           || QFile::exists(configFor(*saved).documentRoot()
                            + QString::fromLatin1(TestFilesSpec::largePath));
}

} // namespace mpmlab
