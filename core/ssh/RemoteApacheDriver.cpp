#include "RemoteApacheDriver.h"

#include "RemoteLock.h"
#include "apache/ManagedOverride.h"
#include "remote/RemoteShell.h"
#include "remote/ShellQuote.h"
#include "remote/SshTarget.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace mpmlab {

RemoteApacheDriver::RemoteApacheDriver(std::unique_ptr<RemoteShell> shell,
                                       RemoteApacheOptions options)
    : m_shell(std::move(shell))
    , m_options(std::move(options))
{
    if (m_options.clientJournalDir.isEmpty())
        m_options.clientJournalDir = RestoreJournal::defaultClientDir();
}

RemoteApacheDriver::~RemoteApacheDriver() = default;

Result<std::unique_ptr<RemoteApacheDriver>>
RemoteApacheDriver::open(std::unique_ptr<RemoteShell> shell, RemoteApacheOptions options)
{
    if (Status valid = RemoteApacheOptions::validateConfigDir(options.configDir); !valid)
        return valid.error();
    std::unique_ptr<RemoteApacheDriver> driver(
        new RemoteApacheDriver(std::move(shell), std::move(options)));
    if (Status detected = driver->detect(); !detected)
        return detected.error();
    return driver;
}

Status RemoteApacheDriver::detect()
{
    const Result<ProcessOutput> output =
        m_shell->runAsRoot(ApacheLayout::detectionScript(m_options.configDir));
    if (!output)
        return output.error();
    Result<ApacheLayout> layout =
        ApacheLayout::parse(QString::fromUtf8(output->standardOutput), m_shell->targetName());
    if (!layout && !m_options.configDir.isEmpty()) {
        return Error{Error::Kind::NotInstalled,
                     u"%1 on %2 holds no Apache configuration"_s.arg(m_options.configDir,
                                                                     m_shell->targetName()),
                     {}};
    }
    if (!layout)
        return layout.error();
    // Updated in place: references from layout() stay valid.
    if (m_control) {
        m_control->setLayout(std::move(layout).value());
        return {};
    }
    m_control = std::make_unique<RemoteApacheControl>(
        *m_shell, std::move(layout).value(), m_options,
        [this](const QString &step) { reportProgress(step); }, [this] { return stopRequested(); });
    return {};
}

QString RemoteApacheDriver::targetName() const { return m_shell->targetName(); }

bool RemoteApacheDriver::canChange() const { return m_shell->hasRoot(); }

Status RemoteApacheDriver::requireRoot(const QString &what) const
{
    if (canChange())
        return {};
    return Error{Error::Kind::InvalidInput,
                 u"%1 on %2 needs root: connect as root or use --sudo"_s.arg(what, targetName()),
                 {}};
}

Result<std::unique_ptr<ServerOwnership>>
RemoteApacheDriver::claimOwnership(const QString &purpose, std::chrono::milliseconds wait)
{
    if (Status root = requireRoot(purpose); !root)
        return root.error();
    Result<std::unique_ptr<RemoteLock>> lock = RemoteLock::acquire(
        *m_shell, layout().configDir, purpose, wait, [this] { return stopRequested(); },
        [this](const LockHolder &owner) {
            reportProgress(u"Waiting for the server's owner: %1"_s.arg(owner.describe()));
        });
    if (!lock)
        return lock.error();
    return std::unique_ptr<ServerOwnership>(std::move(lock).value());
}

MpmKind RemoteApacheDriver::loadedMpm() const
{
    return layout().configuredMpm.value_or(MpmKind::Event);
}

Result<MpmKind> RemoteApacheDriver::configuredMpm()
{
    if (Status detected = detect(); !detected)
        return detected.error();
    return loadedMpm();
}

Result<ServerState> RemoteApacheDriver::state()
{
    if (Status detected = detect(); !detected)
        return detected.error();
    ServerState state;
    state.target = targetName();
    if (const Result<SshTarget> target = SshTarget::parse(targetName()))
        state.host = target->host;
    state.port = layout().statusPort();
    state.configuredMpm = layout().configuredMpm;
    state.configRoot = layout().configDir;
    state.memoryLimitKib = layout().memoryLimitKib;
    state.osName = layout().osName;
    const Result<std::optional<qint64>> pid = m_control->runningPid();
    if (!pid)
        return pid.error();
    if (*pid) {
        state.running = true;
        state.pid = **pid;
        if (const Result<ServerStatus> status = m_control->fetchStatus()) {
            state.runningMpm = status->mpm;
            state.serverVersion = status->serverVersion;
        }
    }
    return state;
}

Result<ServerDescription> RemoteApacheDriver::describe()
{
    const Result<ServerState> state = this->state(); // detects the layout again
    if (!state)
        return state.error();
    const ApacheLayout &found = layout();
    ServerDescription description;
    description.state = *state;
    const bool debian = found.family == ApacheLayout::Family::Debian;
    const QString where = found.configDir + (found.systemd ? u", systemd"_s : QString());
    if (!debian)
        description.layout = u"RHEL (%1)"_s.arg(where);
    else if (found.instance.isEmpty())
        description.layout = u"Debian (%1)"_s.arg(where);
    else
        description.layout = u"Debian instance %1 (%2)"_s.arg(found.instance, where);
    description.apacheVersion = found.apacheVersion;
    description.modules = found.loadedModules;
    description.phpModules = found.phpModules;
    description.documentRoot = found.documentRoot;
    description.listenPorts = found.listenPorts;
    description.managedFile = found.overridePath();
    description.layoutDetails = found.toJson();
    if (state->running) {
        const Result<ServerStatus> status = m_control->fetchStatus();
        description.statusReadable = status.ok();
        if (!status)
            description.statusProblem = status.error().message;
    } else {
        description.statusProblem = found.configuresStatusPage()
                                        ? u"Apache is stopped"_s
                                        : u"Apache is stopped, and its config serves no "
                                          "/server-status: MPM Lab adds its own with the first "
                                          "change"_s;
    }
    description.canChange = canChange();
    if (!description.canChange)
        description.cannotChange = requireRoot(u"changing Apache"_s).error().message;
    if (const Result<std::optional<RestoreJournal>> journal = serverJournal(); journal && *journal)
        description.restoreSince = (*journal)->startedAt;
    const Result<bool> pending = restorePending();
    description.restorePending = pending && *pending;
    if (const Result<ProcessOutput> tested = m_control->configTest()) {
        description.apacheWarnings = DirectiveSet::apacheWarnings(tested->combinedText());
    } else {
        description.state.problems
            << tested.error().message + u": "_s + tested.error().details.trimmed();
    }
    const Result<QList<DirectiveReading>> readings =
        config().readings(loadedMpm(), description.apacheWarnings);
    if (!readings)
        return readings.error();
    description.directives = *readings;
    return description;
}

Status RemoteApacheDriver::doStart()
{
    const Result<std::optional<qint64>> pid = m_control->runningPid();
    if (!pid)
        return pid.error();
    if (*pid)
        return {};
    if (!layout().configuresStatusPage()) {
        // Nothing could tell that the server came up right: it starts with
        // MPM Lab's status page, a change restore() takes back.
        const Result<QStringList> started = change(
            u"starting with MPM Lab's status page"_s, [] { return Status{}; }, loadedMpm(), true);
        return started ? Status{} : Status{started.error()};
    }
    if (const Result<ProcessOutput> tested = m_control->configTest(); !tested)
        return tested.error();
    return m_control->startAndVerify(loadedMpm());
}

Status RemoteApacheDriver::doStop() { return m_control->stopAndWait(); }

RemoteConfigArchive RemoteApacheDriver::archive() const
{
    return {*m_shell, layout().configDir, m_options.clientJournalDir};
}

Result<std::optional<RestoreJournal>> RemoteApacheDriver::serverJournal()
{
    return archive().serverJournal();
}

Result<RestoreJournal> RemoteApacheDriver::ensureJournal(const QString &what, bool *created)
{
    if (created)
        *created = false;
    // Every change starts here.
    if (Status root = requireRoot(what); !root)
        return root.error();
    RemoteConfigArchive archive = this->archive();
    const Result<std::optional<RestoreJournal>> existing = archive.serverJournal();
    if (!existing)
        return existing.error();
    if (*existing)
        return **existing;

    RestoreJournal journal;
    journal.target = targetName();
    journal.configDir = layout().configDir;
    journal.originalArchive = archive.serverDir() + u"/original.tar"_s;
    journal.startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    journal.originalMpm = layout().configuredMpm;
    const Result<std::optional<qint64>> pid = m_control->runningPid();
    if (!pid)
        return pid.error();
    journal.wasRunning = pid->has_value();
    journal.hadStatusPage = layout().configuresStatusPage();
    if (journal.wasRunning) {
        const Result<ServerStatus> status = m_control->fetchStatus();
        journal.hadStatusPage = status.ok();
        if (status && status->mpm)
            journal.originalMpm = status->mpm;
    }
    reportProgress(u"Backing up %1 before the first change"_s.arg(layout().configDir));
    // The archive first: a journal never points to a missing archive.
    if (Status archived = archive.archiveTree(journal.originalArchive); !archived)
        return archived.error();
    if (Status written = archive.writeJournal(journal); !written)
        return written.error();
    if (created)
        *created = true;
    return journal;
}

Result<QStringList> RemoteApacheDriver::change(const QString &what,
                                               const std::function<Status()> &edit,
                                               MpmKind expectedMpm, bool startEvenIfStopped,
                                               const std::function<Status()> &undoOutsideTree)
{
    bool journalCreated = false;
    if (const Result<RestoreJournal> journal = ensureJournal(what, &journalCreated); !journal)
        return journal.error();
    RemoteConfigArchive archive = this->archive();
    const QString step = archive.serverDir() + u"/before-last-change.tar"_s;
    if (Status archived = archive.archiveTree(step); !archived)
        return archived.error();
    const Result<std::optional<qint64>> pid = m_control->runningPid();
    if (!pid)
        return pid.error();
    const bool wasRunning = pid->has_value();
    std::optional<MpmKind> previousMpm = layout().configuredMpm;
    // Every start is verified through mod_status: a server without a page
    // MPM Lab can read gets MPM Lab's own along with this change.
    bool hadStatusPage = layout().configuresStatusPage();
    if (wasRunning) {
        const Result<ServerStatus> status = m_control->fetchStatus();
        hadStatusPage = status.ok();
        if (status && status->mpm)
            previousMpm = status->mpm;
    }

    // Before the restart only files changed: put them back and leave the
    // running server alone. After it, stop whatever runs and restart the
    // previous tree as it was.
    const auto rollBack = [&](Error error, bool restarted) -> Error {
        reportProgress(u"Rolling back: %1 failed"_s.arg(what));
        Status undone = restarted ? m_control->stopAndWait() : Status{};
        if (undone)
            undone = archive.restoreTree(step);
        if (undone && undoOutsideTree)
            undone = undoOutsideTree();
        if (undone)
            undone = detect();
        if (undone && restarted && wasRunning && previousMpm)
            undone = m_control->startAndVerify(*previousMpm, hadStatusPage);
        // The server's first change, undone: the tree is the original again
        // and nothing is owed.
        if (undone && journalCreated)
            undone = archive.clear();
        error.message += undone ? u"; the previous configuration is back%1"_s.arg(
                             wasRunning ? u" and running"_s : QString())
                                : u"; rolling back failed too (%1): run `mpmlab-cli server "
                                  "restore`"_s.arg(undone.error().message);
        return error;
    };

    if (Status edited = edit(); !edited)
        return rollBack(edited.error(), false);
    if (!hadStatusPage) {
        if (Status added = writeStatusPage(); !added)
            return rollBack(added.error(), false);
    }
    const Result<ProcessOutput> tested = m_control->configTest();
    if (!tested)
        return rollBack(tested.error(), false);
    QStringList warnings = DirectiveSet::apacheWarnings(tested->combinedText());
    if (wasRunning || startEvenIfStopped) {
        if (Status stopped = m_control->stopAndWait(); !stopped)
            return rollBack(stopped.error(), true);
        if (Status started = m_control->startAndVerify(expectedMpm); !started)
            return rollBack(started.error(), true);
    }
    if (Status detected = detect(); !detected)
        return detected.error();
    return warnings;
}

Status RemoteApacheDriver::checkMpmAllowed(MpmKind kind) const
{
    if (!layout().phpModules.isEmpty() && kind != MpmKind::Prefork) {
        return Error{
            Error::Kind::InvalidInput,
            u"mod_php (%1) is enabled on %2 and works only with prefork: switching to %3 "
            "would break PHP. Move PHP to PHP-FPM first (%4), then switch."_s.arg(
                layout().phpModules.join(u", "_s), targetName(), mpmName(kind),
                layout().family == ApacheLayout::Family::Debian
                    ? u"for example a2dismod %1; a2enmod proxy_fcgi; a2enconf %1-fpm"_s.arg(
                        layout().phpModules.value(0))
                    : u"load it only inside <IfModule prefork.c> as RHEL's "
                      "15-php.conf does, with php-fpm for the other MPMs"_s),
            {}};
    }
    return {};
}

Status RemoteApacheDriver::doSwitchMpm(MpmKind kind)
{
    if (Status allowed = checkMpmAllowed(kind); !allowed)
        return allowed;
    if (layout().configuredMpm == kind) {
        const Result<ServerStatus> status = m_control->fetchStatus();
        if (status && status->mpm == kind)
            return {};
    }
    // An MPM change needs a full stop and start (graceful: AH00534).
    const Result<QStringList> changed = change(
        u"switching to %1"_s.arg(mpmName(kind)), [&] { return m_control->enableMpm(kind); }, kind,
        true);
    return changed ? Status{} : Status{changed.error()};
}

RemoteApacheConfig RemoteApacheDriver::config() const { return {*m_shell, layout()}; }

Result<DirectiveSet> RemoteApacheDriver::directives() { return config().directives(loadedMpm()); }

Result<QStringList> RemoteApacheDriver::virtualHostSettings()
{
    return config().virtualHostDirectives();
}

Result<QStringList> RemoteApacheDriver::doSetDirectives(const DirectiveSet &changes,
                                                        const QList<MpmKind> &mpms,
                                                        MpmKind configured)
{
    const auto edit = [&] {
        return config().editOverride(
            [&](ManagedOverride &override) { override.apply(changes, mpms); });
    };
    return change(u"setting directives"_s, edit, configured, false);
}

Status RemoteApacheDriver::writeStatusPage()
{
    reportProgress(u"Adding MPM Lab's status page (mod_status, local access only)"_s);
    return config().editOverride([this](ManagedOverride &override) {
        override.statusPage = true;
        override.statusModuleFile = layout().statusModuleFile;
    });
}

Result<bool> RemoteApacheDriver::servesStatusPage()
{
    const Result<std::optional<qint64>> pid = m_control->runningPid();
    if (!pid)
        return pid.error();
    return *pid ? m_control->fetchStatus().ok() : layout().configuresStatusPage();
}

Status RemoteApacheDriver::doAddStatusPage()
{
    // change() adds the page, restarting a running server, verified through it.
    const Result<QStringList> changed = change(
        u"adding MPM Lab's status page"_s, [] { return Status{}; }, loadedMpm(), false);
    return changed ? Status{} : Status{changed.error()};
}

Status RemoteApacheDriver::doSetMemoryLimit(std::optional<qint64> kibibytes)
{
    if (layout().family == ApacheLayout::Family::Rhel && layout().systemd)
        return setSystemdMemoryLimit(kibibytes);
    const auto edit = [&] { return writeMemoryLimit(kibibytes); };
    const Result<QStringList> changed =
        change(kibibytes ? u"setting a memory limit"_s : u"removing the memory limit"_s, edit,
               loadedMpm(), false);
    return changed ? Status{} : Status{changed.error()};
}

Status RemoteApacheDriver::writeMemoryLimit(std::optional<qint64> kibibytes)
{
    // Debian: envvars, which apache2ctl sources. RHEL without systemd: MPM
    // Lab's own file, read by its start commands. Both in the config tree,
    // so archived, rolled back and restored with it.
    const QString path = layout().memoryLimitPath();
    if (layout().family != ApacheLayout::Family::Debian) {
        if (kibibytes)
            return m_shell->uploadAsRoot(path, rhelMemoryLimitFile(*kibibytes));
        const Result<ProcessOutput> removed = m_control->runChecked(
            u"rm -f -- "_s + shellQuote(path), Error::Kind::Io, u"removing the limit"_s);
        return removed ? Status{} : Status{removed.error()};
    }
    const Result<QByteArray> text = m_shell->downloadAsRoot(path);
    if (!text)
        return text.error();
    return m_shell->uploadAsRoot(path, withMemoryLimit(*text, kibibytes));
}

Result<QStringList> RemoteApacheDriver::doApplyProfile(const ServerProfile &profile)
{
    if (Status allowed = checkMpmAllowed(profile.mpm); !allowed)
        return allowed.error();
    const bool systemdLimit = layout().family == ApacheLayout::Family::Rhel && layout().systemd;
    if (systemdLimit && layout().memoryLimitKib != profile.memoryLimitKib) {
        // A drop-in outside the tree, with its own change and restart.
        if (Status limited = setSystemdMemoryLimit(profile.memoryLimitKib); !limited)
            return limited.error();
    }
    reportProgress(u"Applying %1 with %2 directive(s)%3"_s.arg(mpmName(profile.mpm))
                       .arg(profile.directives.values().size())
                       .arg(profile.memoryLimitKib
                                ? u", ulimit -v %1 KiB"_s.arg(*profile.memoryLimitKib)
                                : QString()));
    const auto edit = [&]() -> Status {
        if (layout().configuredMpm != profile.mpm) {
            if (Status enabled = m_control->enableMpm(profile.mpm); !enabled)
                return enabled;
        }
        if (Status edited = config().editOverride([&](ManagedOverride &override) {
                override.global = {};
                override.perMpm.clear();
                override.apply(profile.directives, profile.mpm);
            });
            !edited) {
            return edited;
        }
        return systemdLimit ? Status{} : writeMemoryLimit(profile.memoryLimitKib);
    };
    return change(u"applying %1's settings"_s.arg(mpmName(profile.mpm)), edit, profile.mpm, true);
}

Result<SamplingEndpoint> RemoteApacheDriver::samplingEndpoint()
{
    if (Status detected = detect(); !detected)
        return detected.error();
    SamplingEndpoint endpoint;
    endpoint.pidFile = layout().pidFile;
    endpoint.statusPort = layout().statusPort();
    return endpoint;
}

Status RemoteApacheDriver::setSystemdMemoryLimit(std::optional<qint64> kibibytes)
{
    // The drop-in is outside /etc/httpd: the journal lists it among the
    // files to delete on restore, and a failed change puts back what was
    // there before it.
    const QString path = layout().memoryLimitPath();
    const Result<RestoreJournal> found =
        ensureJournal(kibibytes ? u"setting a memory limit"_s : u"removing the memory limit"_s);
    if (!found)
        return found.error();
    RestoreJournal journal = *found;
    if (Status claimed = archive().claimNewFiles(journal, {path}); !claimed)
        return claimed;
    // MPM Lab's own drop-in from an earlier change: what a failure puts back.
    const Result<ProcessOutput> old =
        m_shell->runAsRoot(u"if [ -f %1 ]; then cat %1; else exit 3; fi"_s.arg(shellQuote(path)));
    if (!old)
        return old.error();
    const std::optional<QByteArray> previous =
        old->succeeded() ? std::optional<QByteArray>(old->standardOutput) : std::nullopt;
    const auto install = [this, path](const std::optional<QByteArray> &text) -> Status {
        const Result<ProcessOutput> done =
            m_shell->runAsRoot(systemdDropInScript(path, !text), text.value_or(QByteArray()));
        if (!done)
            return done.error();
        if (!done->succeeded())
            return Error{Error::Kind::Io, u"cannot write %1 on %2"_s.arg(path, targetName()),
                         done->combinedText()};
        return {};
    };
    const std::optional<QByteArray> wanted =
        kibibytes ? std::optional<QByteArray>(systemdMemoryLimitDropIn(*kibibytes)) : std::nullopt;
    const Result<QStringList> changed = change(
        kibibytes ? u"setting a memory limit"_s : u"removing the memory limit"_s,
        [&] { return install(wanted); }, loadedMpm(), false, [&] { return install(previous); });
    return changed ? Status{} : Status{changed.error()};
}

Result<QStringList> RemoteApacheDriver::doCreateTestFiles(const TestFilesSpec &spec)
{
    const QString root = layout().documentRoot;
    if (!root.startsWith(u'/')) {
        return Error{Error::Kind::NotInstalled,
                     u"no DocumentRoot found in the enabled sites of %1"_s.arg(targetName()),
                     {}};
    }
    const QString page = root + QLatin1StringView(TestFilesSpec::pagePath);
    const QString large = root + QLatin1StringView(TestFilesSpec::largePath);
    const Result<RestoreJournal> found = ensureJournal(u"writing test files"_s);
    if (!found)
        return found.error();
    RestoreJournal journal = *found;
    if (Status claimed = archive().claimNewFiles(journal, {page, large}); !claimed)
        return claimed.error();
    reportProgress(u"Writing test.html (%1 bytes) and large.bin (%2 bytes)"_s.arg(spec.pageBytes)
                       .arg(spec.largeBytes));
    if (Status uploaded = m_shell->uploadAsRoot(page, TestFilesSpec::pageOfSize(spec.pageBytes));
        !uploaded)
        return uploaded.error();
    const Result<ProcessOutput> made = m_control->runChecked(
        u"set -e; umask 022; head -c %1 /dev/urandom > %2.new; mv -f %2.new %2"_s
            .arg(spec.largeBytes)
            .arg(shellQuote(large)),
        Error::Kind::Io, u"writing large.bin"_s);
    if (!made)
        return made.error();
    return QStringList{QString::fromLatin1(TestFilesSpec::pagePath),
                       QString::fromLatin1(TestFilesSpec::largePath)};
}

Status RemoteApacheDriver::doRestore()
{
    RemoteConfigArchive archive = this->archive();
    const Result<std::optional<RestoreJournal>> found = archive.serverJournal();
    if (!found)
        return found.error();
    if (!*found) {
        reportProgress(u"Nothing to restore on %1"_s.arg(targetName()));
        return archive.clear();
    }
    const RestoreJournal &journal = **found;
    if (Status stopped = m_control->stopAndWait(); !stopped)
        return stopped;
    reportProgress(u"Restoring the configuration files"_s);
    if (Status restored = archive.restoreTree(journal.originalArchive); !restored)
        return restored;
    if (!journal.createdFiles.isEmpty()) {
        QStringList quoted;
        for (const QString &file : journal.createdFiles)
            quoted << shellQuote(file);
        QString script = u"rm -f -- "_s + quoted.join(u' ');
        // RHEL's systemd drop-in among them: systemd must forget it too.
        const QString dropIn = layout().memoryLimitPath();
        if (layout().family == ApacheLayout::Family::Rhel && layout().systemd
            && journal.createdFiles.contains(dropIn)) {
            script += u" && { rmdir %1 2>/dev/null; systemctl daemon-reload; }"_s.arg(
                shellQuote(dropIn.section(u'/', 0, -2)));
        }
        const Result<ProcessOutput> removed =
            m_control->runChecked(script, Error::Kind::Io, u"removing the files MPM Lab created"_s);
        if (!removed)
            return removed.error();
    }
    if (Status detected = detect(); !detected)
        return detected;
    if (journal.wasRunning && journal.originalMpm) {
        if (Status started = m_control->startAndVerify(*journal.originalMpm, journal.hadStatusPage);
            !started)
            return started;
    }
    // Last: until everything above worked, the journal keeps the debt visible.
    return archive.clear();
}

Result<bool> RemoteApacheDriver::restorePending()
{
    RemoteConfigArchive archive = this->archive();
    const Result<std::optional<RestoreJournal>> found = archive.serverJournal();
    if (!found)
        return found.error();
    return found->has_value() || archive.hasClientJournal();
}

} // namespace mpmlab
