#include "LocalLab.h"

#include "ApacheProcess.h"
#include "LabInspector.h"
#include "LabJournal.h"
#include "LabStarter.h"
#include "LabTree.h"
#include "apache/ConfigReading.h"
#include "apache/ServerStatus.h"
#include "common/AtomicFile.h"
#include "common/LockFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto statusProbeTimeout = 1000ms;
constexpr auto versionTimeout = 5000ms;

// What a lab's owner holds: its lock file.
class LabOwnership final : public ServerOwnership {
public:
    explicit LabOwnership(std::unique_ptr<LockFile> lock)
        : m_lock(std::move(lock))
    {
    }

private:
    std::unique_ptr<LockFile> m_lock;
};

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
    return LabConfig::forLab(m_options.rootDir, m_options.modulesDir).withSettings(settings);
}

LabStarter LocalLab::starter() const
{
    return LabStarter(
        m_options, configFor(LabSettings{}), [this](const QString &step) { reportProgress(step); },
        [this] { return stopRequested(); });
}

ApacheProcess LocalLab::processFor(const LabConfig &config) const
{
    return ApacheProcess(m_options.apacheBinary, config.rootDir, config.configPath(),
                         config.pidFilePath());
}

Result<LabSettings> LocalLab::loadSettings() const
{
    return LabSettings::load(configFor(LabSettings{}).settingsPath());
}

Result<std::unique_ptr<ServerOwnership>> LocalLab::claimOwnership(const QString &purpose,
                                                                  std::chrono::milliseconds wait)
{
    if (Status lab = LabTree::checkIsLab(m_options.rootDir); !lab)
        return lab.error();
    if (Status created = LabTree::createDirectories(m_options.rootDir); !created)
        return created.error();
    Result<std::unique_ptr<LockFile>> lock = LockFile::acquire(
        configFor(LabSettings{}).lockPath(), purpose, wait, stopToken(),
        [this](const LockHolder &holder) {
            reportProgress(u"Waiting for the lab's owner: %1"_s.arg(holder.describe()));
        });
    if (!lock) {
        Error error = lock.error();
        if (error.kind == Error::Kind::Busy) {
            error.message = u"the lab in %1 is %2: try again when it is done, or wait for it "
                            "(mpmlab-cli: --wait)"_s.arg(m_options.rootDir, error.message);
        }
        return error;
    }
    return std::unique_ptr<ServerOwnership>(new LabOwnership(std::move(lock).value()));
}

Result<ServerState> LocalLab::state()
{
    const Result<LabSettings> settings = loadSettings();
    if (!settings)
        return settings.error();
    const LabConfig config = configFor(*settings);
    return LabInspector(*settings, config, processFor(config)).state();
}

Result<ServerDescription> LocalLab::describe()
{
    const Result<ServerState> state = this->state();
    if (!state)
        return state.error();
    const Result<LabSettings> settings = loadSettings();
    if (!settings)
        return settings.error();
    const LabConfig config = configFor(*settings);
    ServerDescription description;
    description.state = *state;
    description.layout = u"MPM Lab's local lab (%1)"_s.arg(m_options.rootDir);
    description.apacheVersion = state->serverVersion;
    if (const Result<ProcessOutput> version =
            ProcessRunner::run(m_options.apacheBinary, {u"-v"_s}, versionTimeout);
        version && version->succeeded()) {
        static const QRegularExpression line(u"^Server version: *(.+)$"_s,
                                             QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match =
            line.match(QString::fromUtf8(version->standardOutput));
        if (match.hasMatch())
            description.apacheVersion = match.captured(1).trimmed();
    }
    description.modules = config.moduleNames();
    description.documentRoot = config.documentRoot();
    description.listenPorts = {settings->port};
    description.managedFile = config.settingsPath();
    if (state->running) {
        const Result<ServerStatus> status =
            LabInspector::fetchStatus(settings->port, statusProbeTimeout);
        description.statusReadable = status.ok();
        if (!status)
            description.statusProblem = status.error().message;
    } else {
        description.statusProblem = u"the lab is stopped"_s;
    }
    description.canChange = true;
    const Result<bool> pending = restorePending();
    description.restorePending = pending && *pending;
    if (const Result<std::optional<LabJournal>> journal = LabJournal::load(config.journalPath());
        journal && *journal) {
        description.restoreSince = (*journal)->startedAt;
    }
    if (QFile::exists(config.configPath())) {
        if (const Result<ProcessOutput> test = processFor(config).configTest())
            description.apacheWarnings = DirectiveSet::apacheWarnings(test->combinedText());
    }
    // The config on disk, which the next start reads (lab.json's when there
    // is none yet): Debian's values, then the part lab.json's settings wrote.
    QFile onDisk(config.configPath());
    const QByteArray text = onDisk.open(QIODevice::ReadOnly) ? onDisk.readAll() : config.render();
    const qsizetype managedAt = text.indexOf(ManagedOverride::header);
    const QByteArray managed = managedAt < 0 ? QByteArray() : text.mid(managedAt);
    description.directives = readDirectives(
        {ConfigFile{config.configPath(), managedAt < 0 ? text : text.left(managedAt), true},
         ConfigFile{config.settingsPath(), managed, false}},
        LabConfig::mpmIn(text).value_or(settings->mpm), config.settingsPath(),
        ManagedOverride::parse(managed), description.apacheWarnings);
    return description;
}

Status LocalLab::doStart()
{
    if (Status installed = checkInstalled(); !installed)
        return installed;
    const Result<LabSettings> saved = loadSettings();
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
    return starter().start(*saved, LabStarter::Mode::Forward);
}

Status LocalLab::doStop()
{
    const ApacheProcess process = processFor(configFor(LabSettings{}));
    if (!process.members().isEmpty())
        reportProgress(u"Stopping Apache"_s);
    return process.stopAll(m_options.stopTimeout);
}

Status LocalLab::doSwitchMpm(MpmKind kind) { return switchTo(kind, ChangeKind::Experiment); }

Status LocalLab::chooseMpm(MpmKind kind)
{
    const Result<ServerLease> owned = lease(u"lab set-mpm %1"_s.arg(mpmName(kind)));
    if (!owned)
        return owned.error();
    return switchTo(kind, ChangeKind::LabChoice);
}

Status LocalLab::switchTo(MpmKind kind, ChangeKind how)
{
    const QString purpose = how == ChangeKind::LabChoice ? u"lab set-mpm %1"_s.arg(mpmName(kind))
                                                         : u"switching to %1"_s.arg(mpmName(kind));
    if (Status installed = checkInstalled(); !installed)
        return installed;
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    if (saved->mpm == kind && !m_options.port && processFor(configFor(*saved)).runningPid()) {
        const Result<ServerStatus> status =
            LabInspector::fetchStatus(saved->port, statusProbeTimeout);
        if (status && status->mpm == kind)
            return {};
    }
    LabSettings wanted = *saved;
    wanted.mpm = kind;
    const Result<QStringList> changed = changeTo(*saved, wanted, true, how, purpose);
    return changed ? Status{} : Status{changed.error()};
}

Result<QStringList> LocalLab::doApplyProfile(const ServerProfile &profile)
{
    const QString purpose = u"applying %1's settings"_s.arg(mpmName(profile.mpm));
    if (Status installed = checkInstalled(); !installed)
        return installed.error();
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    LabSettings wanted = *saved;
    wanted.mpm = profile.mpm;
    wanted.directives = {};
    wanted.directives.apply(profile.directives, profile.mpm);
    wanted.memoryLimitKib = profile.memoryLimitKib;
    reportProgress(u"Applying %1 with %2 directive(s)%3"_s.arg(mpmName(profile.mpm))
                       .arg(profile.directives.values().size())
                       .arg(profile.memoryLimitKib
                                ? u", ulimit -v %1 KiB"_s.arg(*profile.memoryLimitKib)
                                : QString()));
    return changeTo(*saved, wanted, true, ChangeKind::Experiment, purpose);
}

Result<SamplingEndpoint> LocalLab::samplingEndpoint()
{
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    SamplingEndpoint endpoint;
    endpoint.pidFile = configFor(*saved).pidFilePath();
    endpoint.statusPort = saved->port;
    return endpoint;
}

Result<DirectiveSet> LocalLab::directives()
{
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    // The config on disk, which the next start reads; the one lab.json
    // describes when there is none yet.
    const LabConfig config = configFor(*saved);
    QFile onDisk(config.configPath());
    const QByteArray text = onDisk.open(QIODevice::ReadOnly) ? onDisk.readAll() : config.render();
    return effectiveDirectives({text}, LabConfig::mpmIn(text).value_or(saved->mpm));
}

Result<QStringList> LocalLab::changeTo(const LabSettings &saved, const LabSettings &wanted,
                                       bool startEvenIfStopped, ChangeKind how,
                                       const QString &purpose)
{
    const Result<bool> journalCreated =
        LabJournal::beginChange(configFor(saved), processFor(configFor(saved)), how, purpose);
    if (!journalCreated)
        return journalCreated.error();
    const auto finish = [&](Outcome outcome, const LabSettings &result) {
        LabJournal::endChange(configFor(saved), how, *journalCreated, outcome, result);
    };

    const LabConfig config = configFor(wanted);
    if (Status prepared = LabTree::prepare(config); !prepared) {
        (void)LabTree::prepare(configFor(saved));
        finish(Outcome::RolledBack, saved);
        return prepared.error();
    }
    const Result<ProcessOutput> test = processFor(config).configTest();
    if (!test) {
        (void)LabTree::prepare(configFor(saved));
        finish(Outcome::RolledBack, saved);
        return test.error();
    }
    const QStringList warnings = DirectiveSet::apacheWarnings(test->combinedText());
    const ApacheProcess process = processFor(configFor(saved));
    const bool wasRunning = process.runningPid().has_value();
    if (!wasRunning && !startEvenIfStopped) {
        if (Status kept = wanted.save(config.settingsPath()); !kept) {
            (void)LabTree::prepare(configFor(saved));
            finish(Outcome::RolledBack, saved);
            return kept.error();
        }
        finish(Outcome::Done, wanted);
        return warnings;
    }
    // A full stop and start: an MPM change kills httpd on a graceful restart
    // (AH00534), and ServerLimit and ThreadLimit ignore one.
    if (wasRunning) {
        reportProgress(u"Stopping %1"_s.arg(mpmName(saved.mpm)));
        if (Status stopped = process.stopAll(m_options.stopTimeout); !stopped) {
            finish(Outcome::Broken, saved);
            return stopped.error();
        }
    }
    if (const Status started = starter().start(wanted, LabStarter::Mode::Forward); started) {
        finish(Outcome::Done, wanted);
        return warnings;
    } else {
        // Roll back: the previous config, running again if it ran before.
        Error error = started.error();
        reportProgress(u"Rolling back to %1"_s.arg(mpmName(saved.mpm)));
        const Status restored = [&]() -> Status {
            if (Status written = LabTree::prepare(configFor(saved)); !written)
                return written;
            return wasRunning ? starter().start(saved, LabStarter::Mode::Back) : Status{};
        }();
        if (restored) {
            error.message += u"; the lab was rolled back to %1"_s.arg(mpmName(saved.mpm));
        } else {
            error.message += u"; rolling back to %1 failed too: %2"_s.arg(mpmName(saved.mpm),
                                                                          restored.error().message);
            error.kind = restored.error().kind;
        }
        finish(restored ? Outcome::RolledBack : Outcome::Broken, saved);
        return error;
    }
}

Result<MpmKind> LocalLab::configuredMpm()
{
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    return saved->mpm;
}

Result<QStringList> LocalLab::doSetDirectives(const DirectiveSet &changes,
                                              const QList<MpmKind> &mpms, MpmKind)
{
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    LabSettings wanted = *saved;
    wanted.directives.apply(changes, mpms);
    return changeTo(*saved, wanted, false, ChangeKind::Experiment, u"setting directives"_s);
}

Status LocalLab::doSetMemoryLimit(std::optional<qint64> kibibytes)
{
    const QString purpose =
        kibibytes ? u"setting a memory limit"_s : u"removing the memory limit"_s;
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    if (saved->memoryLimitKib == kibibytes)
        return {};
    reportProgress(kibibytes ? u"Limiting Apache to %1 KiB of virtual memory"_s.arg(*kibibytes)
                             : u"Removing the memory limit"_s);
    LabSettings wanted = *saved;
    wanted.memoryLimitKib = kibibytes;
    const Result<QStringList> applied =
        changeTo(*saved, wanted, false, ChangeKind::Experiment, purpose);
    return applied ? Status{} : Status{applied.error()};
}

Result<QStringList> LocalLab::doCreateTestFiles(const TestFilesSpec &spec)
{
    const QString purpose = u"writing test files"_s;
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    const LabConfig config = configFor(*saved);
    const Result<bool> journalCreated =
        LabJournal::beginChange(config, processFor(config), ChangeKind::Experiment, purpose);
    if (!journalCreated)
        return journalCreated.error();
    // Recorded before the files exist, so that restore() removes them even
    // after a crash.
    if (Result<std::optional<LabJournal>> journal = LabJournal::load(config.journalPath());
        journal && *journal) {
        LabJournal marked = **journal;
        marked.testFiles = true;
        if (Status kept = marked.save(config.journalPath()); !kept)
            return kept.error();
    }
    const auto written = [&]() -> Status {
        if (Status prepared = LabTree::prepare(config); !prepared)
            return prepared;
        const QString root = config.documentRoot();
        if (Status page = writeFileAtomically(root + QString::fromLatin1(testPagePath),
                                              TestFilesSpec::pageOfSize(spec.pageBytes));
            !page) {
            return page;
        }
        QByteArray large(spec.largeBytes, '\0');
        for (qsizetype i = 0; i < large.size(); ++i)
            large[i] = char('a' + i % 26);
        return writeFileAtomically(root + QString::fromLatin1(TestFilesSpec::largePath), large);
    }();
    LabJournal::endChange(config, ChangeKind::Experiment, *journalCreated,
                          written ? Outcome::Done : Outcome::Broken, *saved);
    if (!written)
        return written.error();
    return QStringList{QString::fromLatin1(testPagePath),
                       QString::fromLatin1(TestFilesSpec::largePath)};
}

Status LocalLab::doRestore()
{
    const LabConfig paths = configFor(LabSettings{});
    if (QFile::exists(paths.journalPath()))
        return restoreJournaled();

    // No journal: settings a lab made before journals existed.
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    const QString root = configFor(*saved).documentRoot();
    QFile::remove(root + QString::fromLatin1(TestFilesSpec::largePath));
    QFile::remove(root
                  + QString::fromLatin1(testPagePath)); // LabTree::prepare writes the 1 KiB one
    LabSettings wanted = *saved;
    wanted.directives = {};
    wanted.memoryLimitKib.reset();
    const Result<QStringList> applied =
        changeTo(*saved, wanted, false, ChangeKind::Experiment, u"restoring the lab"_s);
    QFile::remove(paths.journalPath());
    return applied ? Status{} : Status{applied.error()};
}

Status LocalLab::restoreJournaled()
{
    const LabConfig paths = configFor(LabSettings{});
    const Result<std::optional<LabJournal>> found = LabJournal::load(paths.journalPath());
    if (!found)
        return found.error();
    const LabJournal &journal = **found;
    reportProgress(u"Putting the lab back as it was at %1"_s.arg(journal.startedAt));
    if (Status stopped = processFor(paths).stopAll(m_options.stopTimeout); !stopped)
        return stopped;
    if (journal.testFiles) {
        QFile::remove(paths.documentRoot() + QString::fromLatin1(TestFilesSpec::largePath));
        QFile::remove(paths.documentRoot() + QString::fromLatin1(testPagePath));
    }
    const auto putBack = [](const QString &path, const std::optional<QByteArray> &bytes) {
        if (bytes)
            return writeFileAtomically(path, *bytes);
        QFile::remove(path);
        return Status{};
    };
    if (Status written = putBack(paths.settingsPath(), journal.settingsFile); !written)
        return written;
    const Result<LabSettings> original = loadSettings();
    if (!original)
        return original.error();
    if (journal.wasRunning) {
        if (Status started = starter().start(*original, LabStarter::Mode::Back); !started)
            return started;
        // The start saved lab.json again: the original bytes stay.
        if (Status written = putBack(paths.settingsPath(), journal.settingsFile); !written)
            return written;
    } else {
        if (Status prepared = LabTree::prepare(configFor(*original)); !prepared)
            return prepared;
        if (Status written = putBack(paths.configPath(), journal.configFile); !written)
            return written;
    }
    // Last: until everything above worked, the journal keeps the debt visible.
    if (!QFile::remove(paths.journalPath())) {
        return Error{Error::Kind::Io,
                     u"the lab is back, but %1 could not be removed"_s.arg(paths.journalPath()),
                     {}};
    }
    return {};
}

Result<bool> LocalLab::restorePending()
{
    const Result<LabSettings> saved = loadSettings();
    if (!saved)
        return saved.error();
    const LabConfig config = configFor(*saved);
    const Result<std::optional<LabJournal>> journal = LabJournal::load(config.journalPath());
    if (!journal)
        return journal.error();
    if (*journal)
        return (*journal)->owesRestore(config.lockPath());
    // Settings a lab made before journals existed.
    return !saved->directives.isEmpty() || saved->memoryLimitKib
           || QFile::exists(config.documentRoot() + QString::fromLatin1(TestFilesSpec::largePath));
}

} // namespace mpmlab
